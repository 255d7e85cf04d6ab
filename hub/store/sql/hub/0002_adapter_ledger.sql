-- What the adapters have published: re-importing a file publishes nothing new, and an interrupted import
-- resumes where the broker stopped acknowledging.
CREATE TABLE imported_record (
    event_id     uuid        PRIMARY KEY,
    source       text        NOT NULL,
    content_hash text        NOT NULL,
    delivery     text        NOT NULL,
    locator      text        NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now()
);
