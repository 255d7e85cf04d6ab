-- The signing key registry: the public half of each adapter's Ed25519 key. The router verifies every inbound
-- message against it; only the key commands (`hub stack up`, `hub keys ...`) add or change rows.
CREATE TABLE signing_key (
    key_id       text        PRIMARY KEY,
    jurisdiction text        NOT NULL,
    public_key   bytea       NOT NULL UNIQUE CHECK (length(public_key) = 32),
    created_at   timestamptz NOT NULL DEFAULT now(),
    valid_from   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz,
    revoke_after timestamptz  -- the end of a rotation's overlap window: from then on the key counts as revoked
);
CREATE INDEX signing_key_jurisdiction ON signing_key (jurisdiction, valid_from);

-- A dead letter keeps its signature so that a replay carries it again.
ALTER TABLE dlq_entry ADD COLUMN sig_key text;
ALTER TABLE dlq_entry ADD COLUMN sig bytea;

-- Messages refused for their signature (never the payload), and a count per reason for monitoring.
CREATE VIEW security_rejection AS
    SELECT dlq_id, reason_code, source_topic, partition, "offset", sig_key, event_id, recorded_at
    FROM dlq_entry WHERE reason_code LIKE 'SECURITY\_%';

CREATE VIEW security_rejection_count AS
    SELECT reason_code, count(*) AS rejections, max(recorded_at) AS last_seen
    FROM dlq_entry WHERE reason_code LIKE 'SECURITY\_%' GROUP BY reason_code;
