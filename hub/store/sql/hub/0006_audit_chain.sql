-- The audit log `decision` becomes append-only for the hub's runtime role and hash-chained for everyone.
-- Runs as `hub_owner` (hub/store/hub_schema.py); `hub stack up` creates it with `hub` and `hub_reader`.

-- Grants on the tables already here (tables created later follow the default privileges `hub stack up`
-- sets). On a stack set up before `hub_owner` these tables belonged to `hub`; now they belong to the owner.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hub;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO hub;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO hub_reader;
REVOKE UPDATE, DELETE, TRUNCATE ON decision FROM hub;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migration FROM hub;

-- The chain. Each record holds the hash of the one before it (`prev_hash`; 32 zero bytes before the first)
-- and its own: hash = sha256(prev_hash || canonical bytes). `chain_seq` numbers the records 1, 2, 3, ...
-- without gaps, so a missing record shows as a gap. hub/domain/audit_chain.py computes the same bytes:
--   'decision/v1' then, for each field below in this order, '|' and either '-' (NULL) or
--   '<length in UTF-8 bytes>:<text>'; integers in decimal, uuids in lower-case 8-4-4-4-12 form,
--   decided_at as whole microseconds since 1970-01-01 00:00 UTC.
-- A column added to `decision` later is not covered until both sides move to a 'decision/v2'.
ALTER TABLE decision ADD COLUMN chain_seq bigint, ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea;

CREATE FUNCTION audit_field(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(convert_to(value, 'UTF8'))::text || ':' || value END
$$;

CREATE FUNCTION decision_canonical(d decision) RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT convert_to(concat_ws('|', 'decision/v1',
        audit_field(d.chain_seq::text), audit_field(d.id::text), audit_field(d.event_id::text),
        audit_field(d.nominal_id::text), audit_field(d.event_type), audit_field(d.owner_agency),
        audit_field(d.recipient), audit_field(d.partner), audit_field(d.outcome), audit_field(d.rule),
        audit_field(d.actor), audit_field((extract(epoch FROM d.decided_at) * 1000000)::bigint::text),
        audit_field(d.detail)), 'UTF8')
$$;

-- Records written before the chain existed are chained in id order, once, here.
DO $$
DECLARE
    d decision;
    seq bigint := 0;
    prev bytea := decode(repeat('00', 32), 'hex');
BEGIN
    FOR d IN SELECT * FROM decision ORDER BY id LOOP
        seq := seq + 1;
        d.chain_seq := seq;
        d.prev_hash := prev;
        d.hash := sha256(prev || decision_canonical(d));
        UPDATE decision SET chain_seq = d.chain_seq, prev_hash = d.prev_hash, hash = d.hash WHERE id = d.id;
        prev := d.hash;
    END LOOP;
END
$$;

ALTER TABLE decision ALTER COLUMN chain_seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX decision_chain ON decision (chain_seq);

-- Every writer is covered (the router's COPY fires row triggers, `hub held decide`, the ingest endpoint):
-- whatever a writer puts in these three columns is replaced. The transaction-level advisory lock makes
-- appenders take turns until commit, so each record links to the last one committed before it.
CREATE FUNCTION decision_chain_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_seq bigint;
    last_hash bytea;
BEGIN
    PERFORM pg_advisory_xact_lock(280603412820);  -- 0x4155444954, 'AUDIT'
    SELECT chain_seq, hash INTO last_seq, last_hash FROM decision ORDER BY chain_seq DESC LIMIT 1;
    NEW.chain_seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, decode(repeat('00', 32), 'hex'));
    NEW.hash := sha256(NEW.prev_hash || decision_canonical(NEW));
    RETURN NEW;
END
$$;
CREATE TRIGGER decision_chain BEFORE INSERT ON decision FOR EACH ROW EXECUTE FUNCTION decision_chain_append();

-- Defence in depth: not even the owner rewrites the audit log (a superuser can still switch triggers off;
-- `hub audit verify` then shows where).
CREATE FUNCTION decision_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'decision is the append-only audit log: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER decision_append_only BEFORE UPDATE OR DELETE ON decision
    FOR EACH ROW EXECUTE FUNCTION decision_is_append_only();
CREATE TRIGGER decision_no_truncate BEFORE TRUNCATE ON decision
    FOR EACH STATEMENT EXECUTE FUNCTION decision_is_append_only();
