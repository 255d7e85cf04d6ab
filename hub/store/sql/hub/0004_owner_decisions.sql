-- The owner's decision on a held item: who decided, why, and by when an answer is due.
ALTER TABLE held_item ADD COLUMN respond_by timestamptz;
ALTER TABLE held_item ADD COLUMN decided_by_person text;
ALTER TABLE held_item ADD COLUMN decision_reason text;
CREATE INDEX held_item_due ON held_item (respond_by) WHERE status = 'PENDING';

-- What a decision affected beyond its outcome, e.g. the fields an agreement withheld from a recipient.
ALTER TABLE decision ADD COLUMN detail text;
