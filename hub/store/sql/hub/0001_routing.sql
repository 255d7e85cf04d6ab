-- The hub's own database: what the router has processed and decided, and what it must still publish.

CREATE TABLE consumer_position (
    consumer    text    NOT NULL,
    topic       text    NOT NULL,
    partition   integer NOT NULL,
    next_offset bigint  NOT NULL,
    PRIMARY KEY (consumer, topic, partition)
);

CREATE TABLE processed_event (
    event_id      uuid        PRIMARY KEY,
    event_type    text        NOT NULL,
    nominal_id    uuid        NOT NULL,
    source_agency text        NOT NULL,
    topic         text        NOT NULL,
    partition     integer     NOT NULL,
    "offset"      bigint      NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE nominal_state (
    nominal_id   uuid        PRIMARY KEY,
    owner_agency text        NOT NULL,
    lead_agency  text        NOT NULL,
    holders      text[]      NOT NULL,
    archived     boolean     NOT NULL DEFAULT false,
    erased       boolean     NOT NULL DEFAULT false,
    transfer_to  text,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE transfer_state (
    transfer_id uuid        PRIMARY KEY,
    nominal_id  uuid        NOT NULL,
    from_agency text        NOT NULL,
    to_agency   text        NOT NULL,
    status      text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE intel_state (
    intel_id     uuid        PRIMARY KEY,
    nominal_id   uuid        NOT NULL,
    owner_agency text        NOT NULL,
    delivered_to text[]      NOT NULL,
    held_for     text[]      NOT NULL,
    withdrawn    boolean     NOT NULL DEFAULT false,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- An item waiting for its owner's decision; the encoded event is kept so a grant can release it.
CREATE TABLE held_item (
    hold_id      uuid        PRIMARY KEY,
    event_id     uuid        NOT NULL,
    event_type   text        NOT NULL,
    nominal_id   uuid        NOT NULL,
    intel_id     uuid,
    owner_agency text        NOT NULL,
    requested_by text        NOT NULL,
    recipient    text        NOT NULL,
    partner      text        NOT NULL,
    rule         text        NOT NULL,
    held_since   timestamptz NOT NULL DEFAULT now(),
    status       text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'GRANTED', 'REFUSED', 'CLOSED')),
    decided_by   text,
    decided_at   timestamptz,
    event_bytes  bytea       NOT NULL
);
CREATE INDEX held_item_pending ON held_item (owner_agency, held_since) WHERE status = 'PENDING';
CREATE INDEX held_item_intel ON held_item (intel_id) WHERE intel_id IS NOT NULL;

-- Every routing decision, append-only: delivered, held, released, refused, no effect, dead-lettered.
CREATE TABLE decision (
    id           bigserial   PRIMARY KEY,
    event_id     uuid,
    nominal_id   uuid,
    event_type   text,
    owner_agency text,
    recipient    text,
    partner      text,
    outcome      text        NOT NULL,
    rule         text        NOT NULL,
    actor        text        NOT NULL,
    decided_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX decision_event ON decision (event_id);
CREATE INDEX decision_nominal ON decision (nominal_id);

-- Messages committed with their batch and published afterwards; a crash in between re-publishes, never loses.
CREATE TABLE outbox (
    id           bigserial   PRIMARY KEY,
    topic        text        NOT NULL,
    key          bytea,
    value        bytea       NOT NULL,
    headers      jsonb       NOT NULL DEFAULT '[]',
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;

CREATE TABLE dlq_entry (
    dlq_id       uuid        PRIMARY KEY,
    source_topic text        NOT NULL,
    partition    integer     NOT NULL,
    "offset"     bigint      NOT NULL,
    reason_code  text        NOT NULL,
    reason       text        NOT NULL,
    event_id     uuid,
    key          bytea,
    original     bytea       NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    replayed_at  timestamptz
);

-- Native identifiers resolved to the hub-wide nominal id (adapters' identity resolution).
CREATE TABLE nominal_identifier (
    scheme     text        NOT NULL,
    value      text        NOT NULL,
    agency     text        NOT NULL DEFAULT '',
    nominal_id uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scheme, value, agency)
);
CREATE INDEX nominal_identifier_nominal ON nominal_identifier (nominal_id);
