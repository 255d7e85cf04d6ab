"""How each canonical event changes a partner store: a list of (SQL, arguments), built without I/O.

Every statement is idempotent on its own key, and the writer only applies a delivery whose id is new, so a
repeated delivery changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from hub.store.partner_sql import (
    DELETE_INTEL,
    ERASE,
    INSERT_ADDRESS,
    INSERT_CONSENT,
    INSERT_CUSTODY,
    INSERT_IDENTIFIER,
    SET_ARCHIVED,
    SET_LEAD,
    SET_MAPPA,
    UPDATE_NOMINAL,
    UPSERT_INTEL,
    UPSERT_MINUTES,
    UPSERT_NOMINAL,
    UPSERT_RETENTION,
    UPSERT_TRANSFER,
)

Event = dict[str, Any]
Statement = tuple[str, tuple[Any, ...]]


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
