"""Police nightly CSV (FORCE-RMS): the spec's examples and every record type, mapped as the spec says."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from adapters import england_wales
from adapters.common.events import event_id_for
from tests.unit.adapters.england_wales_builders import (
    HEADER,
    ITEM,
    PNC_A,
    PNC_B,
    TRANSFER,
    event_of,
)

EXAMPLE_1 = (
    HEADER
    + "\r\n"
    + 'REG,MPS-26-000481,01,14/06/2026,09:30,OS,2011/0482913X,,Okonkwo-Smith,Adaeze,"Smith, Ada",03/05/1990,F,2,1,'
    "EAW-F01,COM,,,,,,,,,,,,,,,,,,,,,,,\r\n"
    "ADR,MPS-26-000482,01,25/10/2026,01:30,O,2011/0482913X,,,,,,,,,,,Flat 2,14 Mare Street,,London,e8 4rp,H,"
    "24/10/2026,26/10/2026,,,,,,,,,,,,,,,\r\n"
    "INT,MPS-26-000483,01,02/12/2026,17:45,OS,2011/0482913X,,,,,,,,,,,,,,,,,,,,,,,,,,"
    '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d,"Seen at Euston, platform 9.\r\nTravelling north.",2BP,,SCO;NIR-PSNI,,,\r\n'
)
EXAMPLE_2 = (
    HEADER
    + "\r\n"
    + "TRQ,TVP-26-31007,43,07/07/2026,16:20,OS,2004/0077120L,,,,,,,2,2,,,,,,,,,,,4b3c2d1e-0f9a-4b8c-9d7e-6f5a4b3c2d1e,"
    "JSY-PROBATION,01/09/2026,M,,Moving to St Helier for work.,,,,,,,,,\r\n"
    "ICD,TVP-26-31008,43,07/07/2026,16:25,OS,2004/0077120L,,,,,,,,,,,,,,,,,,,,,,,,,,"
    "3c2d1e0f-9a8b-4c7d-8e6f-5a4b3c2d1e0f,,,,,RMP,R,EAW-F01\r\n"
)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def envelope(key: str, event_type: str, occurred_at: datetime, force: str, **overrides: Any) -> dict[str, Any]:
    return {
        "event_id": event_id_for(key),
        "event_type": event_type,
        "occurred_at": occurred_at,
        "source_jurisdiction": "EAW",
        "source_agency": force,
        "source_system": "FORCE-RMS",
        "nominal_id": None,
        "owner_agency": force,
        "classification": "OFFICIAL-SENSITIVE",
        "correlation_id": None,
        **overrides,
    }


def without_recorded_at(event: object) -> dict[str, Any]:
    assert isinstance(event, dict), event
    assert event["recorded_at"].tzinfo is not None
    return {k: v for k, v in event.items() if k != "recorded_at"}


PNC_A_ID = {"scheme": "PNC", "value": PNC_A, "agency": None}
PNC_B_ID = {"scheme": "PNC", "value": PNC_B, "agency": None}


def test_met_example_registration_address_and_intelligence_parse_as_the_spec_describes() -> None:
    records = england_wales.parse("VISOR_01_20261214.csv", EXAMPLE_1.encode())

    assert [r.locator for r in records] == ["line 2", "line 3", "line 4"]
    assert [r.key for r in records] == [
        "EAW:FORCE-RMS:01:MPS-26-000481",
        "EAW:FORCE-RMS:01:MPS-26-000482",
        "EAW:FORCE-RMS:01:MPS-26-000483",
    ]
    assert all(r.key_field == "record_ref" for r in records)
    registered, address, shared = (without_recorded_at(r.result) for r in records)
    assert registered == {
        **envelope("EAW:FORCE-RMS:01:MPS-26-000481", "NominalRegistered", utc(2026, 6, 14, 8, 30), "EAW-F01"),
        "identifiers": [PNC_A_ID],
        "payload": {
            "family_name": "Okonkwo-Smith",
            "given_names": "Adaeze",
            "aliases": [{"family_name": "Smith", "given_names": "Ada"}],
            "date_of_birth": date(1990, 5, 3),
            "sex": "F",
            "mappa_category": 2,
            "mappa_level": 1,
            "lead_agency": "EAW-F01",
            "status": "COMMUNITY",
        },
    }
    assert address == {
        **envelope(
            "EAW:FORCE-RMS:01:MPS-26-000482",
            "AddressNotified",
            utc(2026, 10, 25, 0, 30),
            "EAW-F01",
            classification="OFFICIAL",
        ),
        "identifiers": [PNC_A_ID],
        "payload": {
            "address": {"lines": ["Flat 2", "14 Mare Street"], "town": "London", "postcode": "E8 4RP", "bfpo": None},
            "address_type": "HOME",
            "notified_on": date(2026, 10, 24),
            "effective_from": date(2026, 10, 26),
        },
    }
    assert shared == {
        **envelope("EAW:FORCE-RMS:01:MPS-26-000483", "IntelligenceShared", utc(2026, 12, 2, 17, 45), "EAW-F01"),
        "identifiers": [PNC_A_ID],
        "payload": {
            "intel_id": ITEM,
            "text": "Seen at Euston, platform 9.\nTravelling north.",
            "source_evaluation": "2",
            "intelligence_assessment": "B",
            "handling_code": "P",
            "handling_conditions": None,
            "recipients": ["SCO", "NIR-PSNI"],
        },
    }


def test_thames_valley_example_transfer_to_jersey_and_consent_on_a_met_item() -> None:
    requested, decided = (
        without_recorded_at(r.result) for r in england_wales.parse("VISOR_43_20260707.csv", EXAMPLE_2.encode())
    )

    assert requested == {
        **envelope(
            "EAW:FORCE-RMS:43:TVP-26-31007",
            "TransferRequested",
            utc(2026, 7, 7, 15, 20),
            "EAW-F43",
            correlation_id=TRANSFER,
        ),
        "identifiers": [PNC_B_ID],
        "payload": {
            "transfer_id": TRANSFER,
            "from_jurisdiction": "EAW",
            "from_agency": "EAW-F43",
            "to_jurisdiction": "JSY",
            "to_agency": "JSY-PROBATION",
            "reason": "Moving to St Helier for work.",
            "proposed_move_date": date(2026, 9, 1),
            "risk": {"mappa_category": 2, "mappa_level": 2, "rosh": "MEDIUM"},
        },
    }
    assert decided == {
        **envelope(
            "EAW:FORCE-RMS:43:TVP-26-31008",
            "IntelligenceConsentDecided",
            utc(2026, 7, 7, 15, 25),
            "EAW-F43",
            owner_agency="EAW-F01",
        ),
        "identifiers": [PNC_B_ID],
        "payload": {
            "intel_id": "3c2d1e0f-9a8b-4c7d-8e6f-5a4b3c2d1e0f",
            "recipient": "RMP",
            "decision": "REFUSED",
            "decided_by": "EAW-F43",
        },
    }


def test_cro_number_is_added_after_the_pnc_id_and_sf_form_is_rewritten() -> None:
    event = event_of("ARC", cro_number="sf98/23456j")

    assert event["identifiers"] == [PNC_A_ID, {"scheme": "CRO", "value": "023456/98J", "agency": None}]


def test_lower_case_pnc_check_letter_is_accepted_and_upper_cased() -> None:
    assert event_of("ARC", pnc_id="2011/482913x")["identifiers"] == [PNC_A_ID]


def test_registration_with_several_aliases_and_optional_columns_empty() -> None:
    payload = event_of("REG", aliases=" Smith, Ada ;Okonkwo,  Adaeze Nkem")["payload"]

    assert payload["aliases"] == [
        {"family_name": "Smith", "given_names": "Ada"},
        {"family_name": "Okonkwo", "given_names": "Adaeze Nkem"},
    ]
    assert event_of("REG")["payload"]["aliases"] == []


def test_temporary_address_with_three_lines() -> None:
    payload = event_of("ADR", address_type="T", address_line_3="Hackney")["payload"]

    assert payload["address"]["lines"] == ["Flat 2", "14 Mare Street", "Hackney"]
    assert payload["address_type"] == "TEMPORARY"


def test_no_fixed_abode_needs_only_the_town() -> None:
    payload = event_of(
        "ADR", address_type="N", address_line_1="", address_line_2="", postcode="", notified_on="03/11/2026"
    )["payload"]

    assert payload == {
        "address": {"lines": [], "town": "London", "postcode": None, "bfpo": None},
        "address_type": "NFA",
        "notified_on": date(2026, 11, 3),
        "effective_from": date(2026, 10, 26),
    }


def test_empty_address_lines_are_dropped() -> None:
    assert event_of("ADR", address_line_2="", address_line_3="Hackney")["payload"]["address"]["lines"] == [
        "Flat 2",
        "Hackney",
    ]


def test_transfer_accepted_with_and_without_a_reason() -> None:
    event = event_of("TAC", reason_text="Approved at screening.")

    assert event["correlation_id"] == TRANSFER
    assert event["payload"] == {"transfer_id": TRANSFER, "decided_by": "EAW-F01", "reason": "Approved at screening."}
    assert event_of("TAC")["payload"]["reason"] is None


def test_transfer_rejected_carries_the_coded_reason_and_text() -> None:
    event = event_of("TRJ", reason_code="02", transfer_id=TRANSFER.upper())

    assert event["correlation_id"] == TRANSFER
    assert event["payload"] == {
        "transfer_id": TRANSFER,
        "decided_by": "EAW-F01",
        "rejection_code": "ADDRESS_UNSUITABLE",
        "rejection_text": "No family or work in the area.",
    }


def test_departure_without_an_address() -> None:
    event = event_of("DEP", event_date="01/09/2026", event_time="00:30")

    assert event["occurred_at"] == utc(2026, 8, 31, 23, 30)
    assert event["payload"] == {"transfer_id": TRANSFER, "date": date(2026, 9, 1), "address": None}


def test_departure_with_a_complete_address() -> None:
    payload = event_of("DEP", address_line_1="4 Rue de Funchal", town="St Helier", postcode="je24ue")["payload"]

    assert payload["address"] == {
        "lines": ["4 Rue de Funchal"],
        "town": "St Helier",
        "postcode": "JE2 4UE",
        "bfpo": None,
    }


def test_arrival_date_is_the_london_date_and_address_is_required() -> None:
    event = event_of("ARR", event_date="25/10/2026", event_time="00:15")

    assert event["occurred_at"] == utc(2026, 10, 24, 23, 15)
    assert event["payload"] == {
        "transfer_id": TRANSFER,
        "date": date(2026, 10, 25),
        "address": {"lines": ["Flat 2", "14 Mare Street"], "town": "London", "postcode": "E8 4RP", "bfpo": None},
    }


@pytest.mark.parametrize(
    ("category", "level", "expected"),
    [("2", "", (2, None)), ("", "3", (None, 3)), ("1", "2", (1, 2))],
)
def test_mappa_change_carries_category_level_or_both(category: str, level: str, expected: tuple[Any, Any]) -> None:
    payload = event_of("MAP", mappa_category=category, mappa_level=level)["payload"]

    assert (payload["mappa_category"], payload["mappa_level"]) == expected
    assert payload["meeting_id"] == "MPS-MAPPA-2026-0917"


def test_intelligence_with_conditions_keeps_its_line_breaks_as_lf() -> None:
    payload = event_of(
        "INT",
        grading="1AC",
        handling_conditions="Not to be disclosed.\r\nContact DS Patel first.",
        recipients="RMP;SCO-PSOS;RMP",
    )["payload"]

    assert payload["handling_conditions"] == "Not to be disclosed.\nContact DS Patel first."
    assert (payload["source_evaluation"], payload["intelligence_assessment"], payload["handling_code"]) == (
        "1",
        "A",
        "C",
    )
    assert payload["recipients"] == ["RMP", "SCO-PSOS"]


def test_withdrawal_is_owned_by_the_intel_owner_named() -> None:
    event = event_of("IWD", intel_owner="NIR-PSNI")

    assert event["owner_agency"] == "NIR-PSNI"
    assert event["source_agency"] == "EAW-F01"
    assert event["payload"] == {"intel_id": ITEM, "reason": "Attributed to the wrong person."}


def test_consent_decided_by_the_force_for_another_forces_item_is_emitted() -> None:
    event = event_of("ICD", intel_owner="EAW-F43", consent_recipient="BTP-POLICE")

    assert event["owner_agency"] == "EAW-F43"
    assert event["payload"] == {
        "intel_id": ITEM,
        "recipient": "BTP-POLICE",
        "decision": "GRANTED",
        "decided_by": "EAW-F01",
    }


@pytest.mark.parametrize(("record_type", "event_type"), [("ARC", "NominalArchived"), ("REA", "NominalReactivated")])
def test_archive_and_reactivation_carry_the_reason(record_type: str, event_type: str) -> None:
    event = event_of(record_type, reason_text="  Line one\nline two  ")

    assert event["event_type"] == event_type
    assert event["payload"] == {"reason": "Line one\nline two"}


def test_columns_a_record_type_does_not_use_are_ignored() -> None:
    event = event_of("ARC", family_name="not\nchecked", grading="9ZZ", transfer_id="nonsense", sex="Q")

    assert event["payload"] == {"reason": "Registration period ended."}


def test_values_are_trimmed_and_normalised_to_nfc_keeping_case_and_apostrophes() -> None:
    payload = event_of("REG", family_name="  O’Brien-Cafe\u0301 ", given_names="d'Arcy")["payload"]

    assert payload["family_name"] == "O’Brien-Café"
    assert payload["given_names"] == "d'Arcy"
