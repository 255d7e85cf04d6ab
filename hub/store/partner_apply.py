"""How each canonical event changes a partner store: a list of (SQL, arguments), built without I/O.

Every statement is idempotent on its own key, and the writer only applies a delivery whose id is new, so a
repeated delivery changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Event = dict[str, Any]
Statement = tuple[str, tuple[Any, ...]]

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


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _nominal_row(event: Event, payload: dict[str, Any]) -> tuple[Any, ...]:
    aliases = payload.get("aliases")
    return (
        event["nominal_id"],
        payload.get("family_name"),
        payload.get("given_names"),
        None if aliases is None else _json(aliases),
        payload.get("date_of_birth"),
        payload.get("sex"),
        payload.get("mappa_category"),
        payload.get("mappa_level"),
        payload.get("lead_agency"),
        payload.get("status"),
        event["owner_agency"],
    )


def _identifiers(event: Event) -> list[Statement]:
    return [
        (
            INSERT_IDENTIFIER,
            (event["nominal_id"], i["scheme"], i["value"], i.get("agency") or "", event["owner_agency"]),
        )
        for i in event["identifiers"]
    ]


def _registered(event: Event) -> list[Statement]:
    payload = event["payload"]
    row = _nominal_row(event, payload)
    return [(UPSERT_NOMINAL, (*row[:3], row[3] or "[]", *row[4:])), *_identifiers(event)]


def _updated(event: Event) -> list[Statement]:
    return [(UPDATE_NOMINAL, _nominal_row(event, event["payload"])), *_identifiers(event)]


def _address(event: Event) -> list[Statement]:
    p = event["payload"]
    a = p["address"]
    return [
        (
            INSERT_ADDRESS,
            (
                event["event_id"],
                event["nominal_id"],
                a["lines"],
                a.get("town"),
                a.get("postcode"),
                a.get("bfpo"),
                p["address_type"],
                p["notified_on"],
                p["effective_from"],
                event["owner_agency"],
            ),
        )
    ]


def _custody(event: Event) -> list[Statement]:
    p = event["payload"]
    return [
        (
            INSERT_CUSTODY,
            (
                event["event_id"],
                event["nominal_id"],
                event["event_type"],
                p.get("establishment"),
                p.get("from_establishment"),
                p.get("to_establishment"),
                p["date"],
                p.get("custody_reason"),
                p.get("release_type"),
                p.get("licence_end_date"),
                _json(p.get("release_address")),
                event["owner_agency"],
            ),
        )
    ]


_TRANSFER_STATUS = {
    "TransferRequested": "REQUESTED",
    "TransferAccepted": "ACCEPTED",
    "TransferRejected": "REJECTED",
    "OffenderDeparted": "DEPARTED",
    "OffenderArrived": "ARRIVED",
}


def _transfer(event: Event) -> list[Statement]:
    p = event["payload"]
    kind = event["event_type"]
    row = (
        p["transfer_id"],
        event["nominal_id"],
        _TRANSFER_STATUS[kind],
        p.get("from_jurisdiction"),
        p.get("from_agency"),
        p.get("to_jurisdiction"),
        p.get("to_agency"),
        p.get("reason"),
        p.get("proposed_move_date"),
        _json(p.get("risk")),
        p.get("decided_by"),
        p.get("rejection_code"),
        p.get("rejection_text"),
        p.get("date") if kind == "OffenderDeparted" else None,
        p.get("date") if kind == "OffenderArrived" else None,
        _json(p.get("address")) if kind == "OffenderArrived" else None,
        event["owner_agency"],
    )
    statements: list[Statement] = [(UPSERT_TRANSFER, row)]
    if kind == "OffenderArrived":
        statements.append((SET_LEAD, (event["nominal_id"], event["source_agency"])))
    return statements


def _mappa(event: Event) -> list[Statement]:
    p = event["payload"]
    return [(SET_MAPPA, (event["nominal_id"], p.get("mappa_category"), p.get("mappa_level")))]


def _archived(event: Event) -> list[Statement]:
    archived = event["event_type"] == "NominalArchived"
    return [(SET_ARCHIVED, (event["nominal_id"], archived, event["owner_agency"]))]


def _intel_shared(event: Event) -> list[Statement]:
    p = event["payload"]
    grading = f"{p['source_evaluation']}{p['intelligence_assessment']}{p['handling_code']}"
    return [
        (
            UPSERT_INTEL,
            (
                p["intel_id"],
                event["nominal_id"],
                event["owner_agency"],
                grading,
                p["handling_code"],
                p.get("handling_conditions"),
                p.get("text"),
            ),
        )
    ]


def _consent(event: Event) -> list[Statement]:
    p = event["payload"]
    return [
        (
            INSERT_CONSENT,
            (event["event_id"], p["intel_id"], event["nominal_id"], p["recipient"], p["decision"], p["decided_by"]),
        )
    ]


def _intel_withdrawn(event: Event) -> list[Statement]:
    return [(DELETE_INTEL, (event["payload"]["intel_id"],))]


def _minutes(event: Event) -> list[Statement]:
    p = event["payload"]
    return [
        (
            UPSERT_MINUTES,
            (
                p["meeting_id"],
                event["nominal_id"],
                p["date"],
                p.get("mappa_level"),
                p["attending_agencies"],
                p.get("minutes_text"),
                p.get("actions") or [],
                event["owner_agency"],
            ),
        )
    ]


def _retention(event: Event) -> list[Statement]:
    return [(UPSERT_RETENTION, (event["nominal_id"], event["payload"]["due_date"], event["owner_agency"]))]


def _erased(event: Event) -> list[Statement]:
    return [(sql, (event["nominal_id"],)) for sql in ERASE]


APPLY: dict[str, Callable[[Event], list[Statement]]] = {
    "NominalRegistered": _registered,
    "NominalUpdated": _updated,
    "AddressNotified": _address,
    "TransferRequested": _transfer,
    "TransferAccepted": _transfer,
    "TransferRejected": _transfer,
    "OffenderDeparted": _transfer,
    "OffenderArrived": _transfer,
    "CustodyReceived": _custody,
    "CustodyTransferred": _custody,
    "CustodyReleased": _custody,
    "MappaLevelChanged": _mappa,
    "MeetingMinutesRecorded": _minutes,
    "NominalArchived": _archived,
    "NominalReactivated": _archived,
    "RetentionReviewDue": _retention,
    "NominalErased": _erased,
    "IntelligenceShared": _intel_shared,
    "IntelligenceConsentDecided": _consent,
    "IntelligenceWithdrawn": _intel_withdrawn,
}


def statements_for(event: Event) -> list[Statement]:
    """The statements that apply one delivered event to a partner store."""
    return APPLY[event["event_type"]](event)
