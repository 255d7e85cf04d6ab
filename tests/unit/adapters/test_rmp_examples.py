"""The worked examples of formats/rmp.md, each parsed to exactly the event the spec describes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

import adapters.rmp as rmp
from adapters.common.errors import RecordRejected
from adapters.common.events import event_id_for

SAMPLES = Path(__file__).parents[3] / "samples" / "rmp"
ARMY = {"scheme": "SERVICE_NO", "value": "ARMY/25123456", "agency": None}
RAF = {"scheme": "SERVICE_NO", "value": "RAF/A123456B", "agency": None}
PNC = {"scheme": "PNC", "value": "2008/1009876M", "agency": None}


def events_of(file_name: str) -> list[dict[str, Any]]:
    records = rmp.parse(file_name, (SAMPLES / file_name).read_bytes())
    results = [record.result for record in records]
    assert not any(isinstance(result, RecordRejected) for result in results), results
    return [result for result in results if not isinstance(result, RecordRejected)]


def envelope(ref: str, event_type: str, occurred_at: datetime, **overrides: Any) -> dict[str, Any]:
    expected = {
        "event_id": event_id_for(f"RMP:REDCAP:{ref}"),
        "event_type": event_type,
        "occurred_at": occurred_at,
        "source_jurisdiction": "RMP",
        "source_agency": "RMP-POLICE",
        "source_system": "REDCAP",
        "nominal_id": None,
        "owner_agency": "RMP-POLICE",
        "classification": "OFFICIAL-SENSITIVE",
        "correlation_id": None,
        "identifiers": [ARMY],
    }
    return expected | overrides


def without_payload(event: dict[str, Any]) -> dict[str, Any]:
    assert event["recorded_at"].tzinfo is not None
    return {key: value for key, value in event.items() if key not in ("payload", "recorded_at")}


@pytest.fixture(scope="module")
def first_return() -> list[dict[str, Any]]:
    return events_of("REDCAP_VISOR_20261203.xml")


def test_registration_of_a_rifleman_keeps_his_service_number_and_pnc(first_return: list[dict[str, Any]]) -> None:
    event = first_return[0]
    assert without_payload(event) == envelope(
        "RMP26-000101", "NominalRegistered", datetime(2026, 12, 2, 9, 15, tzinfo=UTC), identifiers=[ARMY, PNC]
    )
    assert event["payload"] == {
        "family_name": "Prydderch",
        "given_names": "Siôn",
        "aliases": [],
        "date_of_birth": date(1999, 2, 14),
        "sex": "M",
        "mappa_category": 2,
        "mappa_level": 1,
        "lead_agency": "RMP-POLICE",
        "status": "COMMUNITY",
    }


def test_single_living_accommodation_overseas_is_a_bfpo_home_address(first_return: list[dict[str, Any]]) -> None:
    event = first_return[1]
    assert without_payload(event) == envelope(
        "RMP26-000102", "AddressNotified", datetime(2026, 12, 2, 9, 30, tzinfo=UTC), classification="OFFICIAL"
    )
    assert event["payload"] == {
        "address": {
            "lines": ["1st Battalion The Rifles", "Episkopi Garrison"],
            "town": None,
            "postcode": None,
            "bfpo": "53",
        },
        "address_type": "HOME",
        "notified_on": date(2026, 12, 1),
        "effective_from": date(2026, 12, 15),
    }


def test_mctc_reception_late_in_the_evening_is_dated_the_next_london_day(first_return: list[dict[str, Any]]) -> None:
    event = first_return[2]
    assert without_payload(event) == envelope(
        "RMP26-000103",
        "CustodyReceived",
        datetime(2026, 6, 1, 23, 30, tzinfo=UTC),
        source_agency="RMP-MCTC",
        owner_agency="RMP-MCTC",
        identifiers=[RAF],
    )
    assert event["payload"] == {"establishment": "RMP-MCTC", "date": date(2026, 6, 2), "custody_reason": "SENTENCED"}


def test_transfer_request_to_west_midlands_police_carries_the_risk_summary(first_return: list[dict[str, Any]]) -> None:
    event = first_return[3]
    transfer_id = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
    assert without_payload(event) == envelope(
        "RMP26-000104",
        "TransferRequested",
        datetime(2026, 12, 3, 11, 0, tzinfo=UTC),
        correlation_id=transfer_id,
        identifiers=[ARMY, PNC],
    )
    assert event["payload"] == {
        "transfer_id": transfer_id,
        "from_jurisdiction": "RMP",
        "from_agency": "RMP-POLICE",
        "to_jurisdiction": "EAW",
        "to_agency": "EAW-F20",
        "reason": "Discharged from service; moving to Wolverhampton.",
        "proposed_move_date": date(2027, 1, 10),
        "risk": {"mappa_category": 2, "mappa_level": 1, "rosh": "MEDIUM"},
    }


def test_detainee_moved_from_mctc_to_a_civil_prison() -> None:
    event = events_of("REDCAP_VISOR_20261204.xml")[0]
    assert without_payload(event) == envelope(
        "RMP26-000110",
        "CustodyTransferred",
        datetime(2026, 12, 3, 8, 0, tzinfo=UTC),
        source_agency="RMP-MCTC",
        owner_agency="RMP-MCTC",
        identifiers=[RAF],
    )
    assert event["payload"] == {
        "from_establishment": "RMP-MCTC",
        "to_establishment": "EAW-BXI",
        "date": date(2026, 12, 3),
    }


def test_intelligence_with_conditions_names_mctc_by_its_agency_code() -> None:
    event = events_of("REDCAP_VISOR_20261204.xml")[1]
    assert without_payload(event) == envelope(
        "RMP26-000111", "IntelligenceShared", datetime(2026, 12, 3, 14, 15, tzinfo=UTC)
    )
    assert event["payload"] == {
        "intel_id": "1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a",
        "text": "Bought a one-way ferry ticket Cairnryan–Belfast for 12 December.",
        "source_evaluation": "1",
        "intelligence_assessment": "B",
        "handling_code": "C",
        "handling_conditions": "Not to be disclosed to the chain of command.",
        "recipients": ["SCO", "EAW-F20", "RMP-MCTC"],
    }


def test_consent_by_the_owner_names_a_jurisdiction_as_recipient() -> None:
    event = events_of("REDCAP_VISOR_20261205.xml")[0]
    assert without_payload(event) == envelope(
        "RMP26-000112", "IntelligenceConsentDecided", datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    )
    assert event["payload"] == {
        "intel_id": "1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a",
        "recipient": "NIR",
        "decision": "GRANTED",
        "decided_by": "RMP-POLICE",
    }


def test_archive_on_discharge_carries_the_reason() -> None:
    event = events_of("REDCAP_VISOR_20261205.xml")[1]
    assert without_payload(event) == envelope(
        "RMP26-000113", "NominalArchived", datetime(2026, 12, 4, 9, 15, tzinfo=UTC), classification="OFFICIAL"
    )
    assert event["payload"] == {"reason": "Discharged; record passed to the civil police."}
