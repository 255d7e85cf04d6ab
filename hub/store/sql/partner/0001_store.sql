-- A partner's own store: what the hub delivered to it, queryable by the partner. Every row that came from
-- an agency records that agency as its owner_agency (MAPPA guidance 17.10: the supplier keeps ownership).

CREATE TABLE nominal (
    nominal_id     uuid        PRIMARY KEY,
    family_name    text,
    given_names    text,
    aliases        jsonb       NOT NULL DEFAULT '[]',
    date_of_birth  date,
    sex            text,
    mappa_category integer,
    mappa_level    integer,
    lead_agency    text,
    status         text,
    archived       boolean     NOT NULL DEFAULT false,
    owner_agency   text        NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE native_identifier (
    nominal_id   uuid NOT NULL,
    scheme       text NOT NULL,
    value        text NOT NULL,
    agency       text NOT NULL DEFAULT '',
    owner_agency text NOT NULL,
    PRIMARY KEY (nominal_id, scheme, value, agency)
);

CREATE TABLE address (
    event_id       uuid   PRIMARY KEY,
    nominal_id     uuid   NOT NULL,
    lines          text[] NOT NULL,
    town           text,
    postcode       text,
    bfpo           text,
    address_type   text   NOT NULL,
    notified_on    date   NOT NULL,
    effective_from date   NOT NULL,
    owner_agency   text   NOT NULL
);
CREATE INDEX address_nominal ON address (nominal_id);

CREATE TABLE custody_episode (
    event_id           uuid PRIMARY KEY,
    nominal_id         uuid NOT NULL,
    event_type         text NOT NULL,
    establishment      text,
    from_establishment text,
    to_establishment   text,
    date               date NOT NULL,
    custody_reason     text,
    release_type       text,
    licence_end_date   date,
    release_address    jsonb,
    owner_agency       text NOT NULL
);
CREATE INDEX custody_episode_nominal ON custody_episode (nominal_id);

CREATE TABLE transfer (
    transfer_id        uuid        PRIMARY KEY,
    nominal_id         uuid        NOT NULL,
    status             text        NOT NULL,
    from_jurisdiction  text,
    from_agency        text,
    to_jurisdiction    text,
    to_agency          text,
    reason             text,
    proposed_move_date date,
    risk               jsonb,
    decided_by         text,
    rejection_code     text,
    rejection_text     text,
    departed_on        date,
    arrived_on         date,
    arrival_address    jsonb,
    owner_agency       text        NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transfer_nominal ON transfer (nominal_id);

CREATE TABLE intelligence_item (
    intel_id            uuid        PRIMARY KEY,
    nominal_id          uuid        NOT NULL,
    owner_agency        text        NOT NULL,
    grading             text        NOT NULL,
    handling            text        NOT NULL,
    handling_conditions text,
    text                text,
    received_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intelligence_item_nominal ON intelligence_item (nominal_id);

CREATE TABLE meeting_minutes (
    meeting_id         text    NOT NULL,
    nominal_id         uuid    NOT NULL,
    date               date    NOT NULL,
    mappa_level        integer,
    attending_agencies text[]  NOT NULL,
    minutes_text       text,
    actions            text[]  NOT NULL DEFAULT '{}',
    owner_agency       text    NOT NULL,
    PRIMARY KEY (meeting_id, nominal_id)
);

CREATE TABLE retention_review (
    nominal_id   uuid PRIMARY KEY,
    due_date     date NOT NULL,
    owner_agency text NOT NULL
);

CREATE TABLE applied_delivery (
    delivery_id uuid        PRIMARY KEY,
    event_id    uuid        NOT NULL,
    event_type  text        NOT NULL,
    nominal_id  uuid        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE consumer_position (
    consumer    text    NOT NULL,
    topic       text    NOT NULL,
    partition   integer NOT NULL,
    next_offset bigint  NOT NULL,
    PRIMARY KEY (consumer, topic, partition)
);
