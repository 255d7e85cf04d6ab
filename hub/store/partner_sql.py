"""The statements that change a partner store, one per kind of change; each is idempotent on its own key."""

from __future__ import annotations

UPSERT_NOMINAL = (
    "INSERT INTO nominal (nominal_id, family_name, given_names, aliases, date_of_birth, sex, mappa_category,"
    " mappa_level, lead_agency, status, owner_agency) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11)"
    " ON CONFLICT (nominal_id) DO UPDATE SET family_name = EXCLUDED.family_name, given_names = EXCLUDED.given_names,"
    " aliases = EXCLUDED.aliases, date_of_birth = EXCLUDED.date_of_birth, sex = EXCLUDED.sex,"
    " mappa_category = EXCLUDED.mappa_category, mappa_level = EXCLUDED.mappa_level,"
    " lead_agency = EXCLUDED.lead_agency, status = EXCLUDED.status, owner_agency = EXCLUDED.owner_agency,"
    " updated_at = now()"
)
UPDATE_NOMINAL = (
    "INSERT INTO nominal (nominal_id, family_name, given_names, aliases, date_of_birth, sex, mappa_category,"
    " mappa_level, lead_agency, status, owner_agency) VALUES ($1, $2, $3, COALESCE($4::jsonb, '[]'), $5, $6, $7,"
    " $8, $9, $10, $11) ON CONFLICT (nominal_id) DO UPDATE SET"
    " family_name = COALESCE(EXCLUDED.family_name, nominal.family_name),"
    " given_names = COALESCE(EXCLUDED.given_names, nominal.given_names),"
    " aliases = COALESCE($4::jsonb, nominal.aliases),"
    " date_of_birth = COALESCE(EXCLUDED.date_of_birth, nominal.date_of_birth),"
    " sex = COALESCE(EXCLUDED.sex, nominal.sex),"
    " mappa_category = COALESCE(EXCLUDED.mappa_category, nominal.mappa_category),"
    " mappa_level = COALESCE(EXCLUDED.mappa_level, nominal.mappa_level),"
    " lead_agency = COALESCE(EXCLUDED.lead_agency, nominal.lead_agency),"
    " status = COALESCE(EXCLUDED.status, nominal.status), updated_at = now()"
)
INSERT_IDENTIFIER = (
    "INSERT INTO native_identifier (nominal_id, scheme, value, agency, owner_agency) VALUES ($1, $2, $3, $4, $5)"
    " ON CONFLICT DO NOTHING"
)
SET_ARCHIVED = (
    "INSERT INTO nominal (nominal_id, archived, owner_agency) VALUES ($1, $2, $3)"
    " ON CONFLICT (nominal_id) DO UPDATE SET archived = EXCLUDED.archived, updated_at = now()"
)
INSERT_ADDRESS = (
    "INSERT INTO address (event_id, nominal_id, lines, town, postcode, bfpo, address_type, notified_on,"
    " effective_from, owner_agency) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING"
)
INSERT_CUSTODY = (
    "INSERT INTO custody_episode (event_id, nominal_id, event_type, establishment, from_establishment,"
    " to_establishment, date, custody_reason, release_type, licence_end_date, release_address, owner_agency)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12) ON CONFLICT DO NOTHING"
)
UPSERT_TRANSFER = (
    "INSERT INTO transfer (transfer_id, nominal_id, status, from_jurisdiction, from_agency, to_jurisdiction,"
    " to_agency, reason, proposed_move_date, risk, decided_by, rejection_code, rejection_text, departed_on,"
    " arrived_on, arrival_address, owner_agency)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15, $16::jsonb, $17)"
    " ON CONFLICT (transfer_id) DO UPDATE SET status = EXCLUDED.status,"
    " from_jurisdiction = COALESCE(EXCLUDED.from_jurisdiction, transfer.from_jurisdiction),"
    " from_agency = COALESCE(EXCLUDED.from_agency, transfer.from_agency),"
    " to_jurisdiction = COALESCE(EXCLUDED.to_jurisdiction, transfer.to_jurisdiction),"
    " to_agency = COALESCE(EXCLUDED.to_agency, transfer.to_agency),"
    " reason = COALESCE(EXCLUDED.reason, transfer.reason),"
    " proposed_move_date = COALESCE(EXCLUDED.proposed_move_date, transfer.proposed_move_date),"
    " risk = COALESCE(EXCLUDED.risk, transfer.risk), decided_by = COALESCE(EXCLUDED.decided_by, transfer.decided_by),"
    " rejection_code = COALESCE(EXCLUDED.rejection_code, transfer.rejection_code),"
    " rejection_text = COALESCE(EXCLUDED.rejection_text, transfer.rejection_text),"
    " departed_on = COALESCE(EXCLUDED.departed_on, transfer.departed_on),"
    " arrived_on = COALESCE(EXCLUDED.arrived_on, transfer.arrived_on),"
    " arrival_address = COALESCE(EXCLUDED.arrival_address, transfer.arrival_address), updated_at = now()"
)
SET_LEAD = "UPDATE nominal SET lead_agency = $2, updated_at = now() WHERE nominal_id = $1"
SET_MAPPA = (
    "UPDATE nominal SET mappa_category = COALESCE($2, mappa_category), mappa_level = COALESCE($3, mappa_level),"
    " updated_at = now() WHERE nominal_id = $1"
)
UPSERT_INTEL = (
    "INSERT INTO intelligence_item (intel_id, nominal_id, owner_agency, grading, handling, handling_conditions, text)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (intel_id) DO UPDATE SET grading = EXCLUDED.grading,"
    " handling = EXCLUDED.handling, handling_conditions = EXCLUDED.handling_conditions, text = EXCLUDED.text,"
    " received_at = now()"
)
DELETE_INTEL = "DELETE FROM intelligence_item WHERE intel_id = $1"
INSERT_CONSENT = (
    "INSERT INTO consent_decision (event_id, intel_id, nominal_id, recipient, decision, decided_by)"
    " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING"
)
UPSERT_MINUTES = (
    "INSERT INTO meeting_minutes (meeting_id, nominal_id, date, mappa_level, attending_agencies, minutes_text,"
    " actions, owner_agency) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (meeting_id, nominal_id) DO UPDATE"
    " SET date = EXCLUDED.date, mappa_level = EXCLUDED.mappa_level, attending_agencies = EXCLUDED.attending_agencies,"
    " minutes_text = EXCLUDED.minutes_text, actions = EXCLUDED.actions"
)
UPSERT_RETENTION = (
    "INSERT INTO retention_review (nominal_id, due_date, owner_agency) VALUES ($1, $2, $3)"
    " ON CONFLICT (nominal_id) DO UPDATE SET due_date = EXCLUDED.due_date"
)
ERASE = tuple(
    f"DELETE FROM {table} WHERE nominal_id = $1"  # noqa: S608 - table names are the constants below, never input
    for table in (
        "native_identifier",
        "address",
        "custody_episode",
        "transfer",
        "intelligence_item",
        "meeting_minutes",
        "retention_review",
        "consent_decision",
        "nominal",
    )
)
