-- Owners' answers to requests to share their intelligence: the requester's store is told the outcome.
CREATE TABLE consent_decision (
    event_id   uuid        PRIMARY KEY,
    intel_id   uuid        NOT NULL,
    nominal_id uuid        NOT NULL,
    recipient  text        NOT NULL,
    decision   text        NOT NULL,
    decided_by text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_decision_intel ON consent_decision (intel_id);
