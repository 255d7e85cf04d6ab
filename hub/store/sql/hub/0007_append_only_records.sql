-- Records the hub only ever appends stay appended: the runtime role may not rewrite or remove them.
-- (Upserted state — nominal, transfer and intelligence state, holds, positions — keeps UPDATE; nothing deletes it.)
REVOKE UPDATE, DELETE, TRUNCATE ON processed_event, imported_record, nominal_identifier, agreement_load,
    agreement_version FROM hub;
REVOKE DELETE, TRUNCATE ON signing_key, held_item, dlq_entry, nominal_state, transfer_state, intel_state,
    consumer_position FROM hub;
