-- Sharing agreements as data with their history (shared/AGREEMENTS.md). Each accepted agreements file is one
-- load, and every load records every agreement it contains: the agreements in force are those of the latest
-- load (by `loaded_at`, then `load_id`), and those in force at any earlier moment can be reconstructed.
-- Append-only: a change is a new load, never an edit.

CREATE TABLE agreement_load (
    load_id     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    loaded_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    loaded_by   text        NOT NULL CHECK (btrim(loaded_by) <> ''),
    source_file text        NOT NULL,
    sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    added       text[]      NOT NULL,
    changed     text[]      NOT NULL,
    removed     text[]      NOT NULL,
    summary     text        NOT NULL
);
CREATE INDEX agreement_load_latest ON agreement_load (loaded_at DESC, load_id DESC);

-- One row per agreement per load. `since_load` is the load that introduced this version of the agreement
-- (the row's own load when it was added or changed), so "loaded when, by whom" survives unchanged reloads.
CREATE TABLE agreement_version (
    loaded_in       bigint NOT NULL REFERENCES agreement_load (load_id),
    agreement_id    text   NOT NULL,
    owners          text[] NOT NULL,
    recipients      text[] NOT NULL,
    covers          text[] NOT NULL,
    handling        text[] NOT NULL,
    withheld_fields text[] NOT NULL,
    valid_from      date   NOT NULL,
    valid_to        date,
    since_load      bigint NOT NULL REFERENCES agreement_load (load_id),
    PRIMARY KEY (loaded_in, agreement_id),
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CHECK (since_load <= loaded_in),
    CHECK (NOT ('C' = ANY (handling)))
);
CREATE INDEX agreement_version_by_id ON agreement_version (agreement_id, loaded_in);

-- The audit trail of consent must not be rewritten, whoever holds the connection.
CREATE FUNCTION agreement_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: load a new agreements file instead', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER agreement_load_append_only BEFORE UPDATE OR DELETE ON agreement_load
    FOR EACH ROW EXECUTE FUNCTION agreement_history_is_append_only();
CREATE TRIGGER agreement_version_append_only BEFORE UPDATE OR DELETE ON agreement_version
    FOR EACH ROW EXECUTE FUNCTION agreement_history_is_append_only();
