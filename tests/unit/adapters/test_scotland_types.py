"""Every SJX message type maps to its canonical event, and every code list maps value by value."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.unit.adapters.test_scotland_support import (
    ADDRESS,
    EVENT_TYPES,
    INTEL_ID,
    TRANSFER_ID,
    TYPE_FIELDS,
    event_of,
    message,
    payload_of,
    rejection_of,
)

ON = date(2026, 6, 14)
CANONICAL_ADDRESS = {"lines": ["14 Crown Street"], "town": "Inverness", "postcode": "IV2 3AD", "bfpo": None}

EXPECTED_PAYLOADS: dict[str, dict[str, Any]] = {
    "nominal.registered": {
        "family_name": "MacDhòmhnaill",
        "given_names": "Ruairidh",
        "aliases": [{"family_name": "MacDonald", "given_names": "Roddy"}],
        "date_of_birth": date(1987, 11, 2),
        "sex": "M",
        "mappa_category": 1,
        "mappa_level": 2,
        "lead_agency": "SCO-PSOS",
        "status": "COMMUNITY",
    },
    "address.notified": {
        "address": CANONICAL_ADDRESS,
        "address_type": "HOME",
        "notified_on": ON,
        "effective_from": date(2026, 6, 10),
    },
    "transfer.requested": {
        "transfer_id": TRANSFER_ID,
        "from_jurisdiction": "SCO",
        "from_agency": "SCO-PSOS",
        "to_jurisdiction": "NIR",
        "to_agency": "NIR-PBNI",
        "reason": "Moving to live with sister in Newry.",
        "proposed_move_date": date(2026, 10, 1),
        "risk": {"mappa_category": 1, "mappa_level": 2, "rosh": "HIGH"},
    },
    "transfer.accepted": {"transfer_id": TRANSFER_ID, "decided_by": "SCO-PSOS", "reason": "Place confirmed."},
    "transfer.rejected": {
        "transfer_id": TRANSFER_ID,
        "decided_by": "SCO-PSOS",
        "rejection_code": "NO_LOCAL_CONNECTION",
        "rejection_text": "No family here.",
    },
    "offender.departed": {"transfer_id": TRANSFER_ID, "date": ON, "address": None},
    "offender.arrived": {"transfer_id": TRANSFER_ID, "date": ON, "address": CANONICAL_ADDRESS},
    "custody.received": {"establishment": "SCO-BAR", "date": ON, "custody_reason": "REMAND"},
    "custody.transferred": {"from_establishment": "SCO-BAR", "to_establishment": "SCO-EDN", "date": ON},
    "custody.released": {
        "date": ON,
        "release_type": "END_OF_SENTENCE",
        "licence_end_date": None,
        "release_address": None,
    },
    "mappa.changed": {"mappa_category": None, "mappa_level": 3, "meeting_id": "MAPPA-INV-2026-0042"},
    "intel.shared": {
        "intel_id": INTEL_ID,
        "text": "Seen with a known associate at Inverness station.",
        "source_evaluation": "2",
        "intelligence_assessment": "B",
        "handling_code": "P",
        "handling_conditions": None,
        "recipients": ["EAW-F01", "NIR"],
    },
    "intel.consent": {"intel_id": INTEL_ID, "recipient": "EAW-F01", "decision": "GRANTED", "decided_by": "SCO-PSOS"},
    "intel.withdrawn": {"intel_id": INTEL_ID, "reason": "Source withdrew the report."},
    "nominal.archived": {"reason": "Notification period ended."},
    "nominal.reactivated": {"reason": "New conviction."},
}


@pytest.mark.parametrize("message_type", sorted(TYPE_FIELDS))
def test_each_message_type_becomes_its_event_with_the_full_payload(message_type: str) -> None:
    event = event_of(message(message_type))
    assert event["event_type"] == EVENT_TYPES[message_type]
    assert event["payload"] == EXPECTED_PAYLOADS[message_type]
    is_transfer = message_type.startswith(("transfer.", "offender."))
    assert event["correlation_id"] == (TRANSFER_ID if is_transfer else None)
    assert event["identifiers"] == [
        {"scheme": "SCRO", "value": "004512/19", "agency": None},
        {"scheme": "PNC", "value": "2019/0123456E", "agency": None},
    ]


@pytest.mark.parametrize(("message_type", "owner"), [("intel.consent", "NIR-PSNI"), ("intel.withdrawn", "EAW-F01")])
def test_consent_and_withdrawal_belong_to_the_owner_named_in_the_message(message_type: str, owner: str) -> None:
    event = event_of(message(message_type, intel_owner=owner))
    assert event["owner_agency"] == owner
    assert event["source_agency"] == "SCO-PSOS"


def test_consent_decided_by_a_non_owner_is_emitted_for_the_hub_to_hold() -> None:
    event = event_of(message("intel.consent", intel_owner="JSY-SOJP"))
    assert event["payload"]["decided_by"] == "SCO-PSOS"
    assert event["owner_agency"] == "JSY-SOJP"


@pytest.mark.parametrize("message_type", ["intel.consent", "intel.withdrawn"])
def test_intelligence_owner_must_be_a_known_agency(message_type: str) -> None:
    assert rejection_of(message(message_type, intel_owner="SCO")) == ("intel_owner", "UNKNOWN_CODE")


@pytest.mark.parametrize(("native", "canonical"), [("male", "M"), ("female", "F"), ("not_known", "U")])
def test_sex_codes_map(native: str, canonical: str) -> None:
    assert payload_of(message(sex=native))["sex"] == canonical


@pytest.mark.parametrize(("native", "canonical"), [("community", "COMMUNITY"), ("custody", "CUSTODY")])
def test_custody_status_codes_map(native: str, canonical: str) -> None:
    assert payload_of(message(custody_status=native))["status"] == canonical


@pytest.mark.parametrize(("native", "canonical"), [("home", "HOME"), ("temporary", "TEMPORARY")])
def test_address_types_map(native: str, canonical: str) -> None:
    assert payload_of(message("address.notified", address_type=native))["address_type"] == canonical


@pytest.mark.parametrize(
    ("native", "canonical"), [("low", "LOW"), ("medium", "MEDIUM"), ("high", "HIGH"), ("very_high", "VERY_HIGH")]
)
def test_rosh_ratings_map_to_upper_case(native: str, canonical: str) -> None:
    risk = {"mappa_category": 3, "mappa_level": 1, "rosh": native}
    assert payload_of(message("transfer.requested", risk=risk))["risk"] == {
        "mappa_category": 3,
        "mappa_level": 1,
        "rosh": canonical,
    }


@pytest.mark.parametrize(
    ("native", "canonical"),
    [
        ("NLC", "NO_LOCAL_CONNECTION"),
        ("ADU", "ADDRESS_UNSUITABLE"),
        ("INF", "INSUFFICIENT_INFORMATION"),
        ("RSK", "RISK_NOT_MANAGEABLE"),
        ("DUP", "DUPLICATE_REQUEST"),
        ("OTH", "OTHER"),
    ],
)
def test_rejection_reasons_map(native: str, canonical: str) -> None:
    assert payload_of(message("transfer.rejected", rejection_reason=native))["rejection_code"] == canonical


@pytest.mark.parametrize(
    "code", ["BAR", "EDN", "PTH", "GRM", "SHT", "ADW", "LMS", "GLN", "KMK", "DMF", "HLD", "POL", "STR"]
)
def test_every_sps_establishment_is_prefixed_sco(code: str) -> None:
    assert payload_of(message("custody.received", establishment=code))["establishment"] == f"SCO-{code}"
    other = "KMK" if code != "KMK" else "BAR"
    moved = payload_of(message("custody.transferred", from_establishment=code, to_establishment=other))
    assert (moved["from_establishment"], moved["to_establishment"]) == (f"SCO-{code}", f"SCO-{other}")


@pytest.mark.parametrize(
    ("native", "canonical"), [("REM", "REMAND"), ("SEN", "SENTENCED"), ("REC", "RECALL"), ("TRF", "TRANSFER_IN")]
)
def test_admission_types_map(native: str, canonical: str) -> None:
    assert payload_of(message("custody.received", admission_type=native))["custody_reason"] == canonical


@pytest.mark.parametrize(
    ("native", "canonical", "licence_end"),
    [
        ("LIC", "LICENCE", "2027-01-31"),
        ("HDC", "LICENCE", "2026-09-01"),
        ("EOS", "END_OF_SENTENCE", None),
        ("BAIL", "BAIL", None),
    ],
)
def test_release_types_map_home_detention_curfew_being_a_licence(
    native: str, canonical: str, licence_end: str | None
) -> None:
    payload = payload_of(message("custody.released", release_type=native, licence_end_date=licence_end))
    assert payload["release_type"] == canonical
    assert payload["licence_end_date"] == (None if licence_end is None else date.fromisoformat(licence_end))


@pytest.mark.parametrize(("native", "canonical"), [(1, "1"), (2, "2"), (3, "3")])
def test_source_evaluation_integers_become_strings(native: int, canonical: str) -> None:
    grading = {"source_evaluation": native, "intelligence_assessment": "A", "handling_code": "P"}
    assert payload_of(message("intel.shared", grading=grading))["source_evaluation"] == canonical


@pytest.mark.parametrize("assessment", ["A", "B", "C", "D", "E"])
def test_intelligence_assessments_pass_as_sent(assessment: str) -> None:
    grading = {"source_evaluation": 3, "intelligence_assessment": assessment, "handling_code": "P"}
    assert payload_of(message("intel.shared", grading=grading))["intelligence_assessment"] == assessment


def test_handling_code_c_carries_its_conditions() -> None:
    grading = {"source_evaluation": 1, "intelligence_assessment": "A", "handling_code": "C"}
    payload = payload_of(message("intel.shared", grading=grading, handling_conditions="Police use only."))
    assert (payload["handling_code"], payload["handling_conditions"]) == ("C", "Police use only.")


@pytest.mark.parametrize(("native", "canonical"), [("granted", "GRANTED"), ("refused", "REFUSED")])
def test_consent_decisions_map(native: str, canonical: str) -> None:
    assert payload_of(message("intel.consent", consent=native))["decision"] == canonical


@pytest.mark.parametrize("recipient", ["SCO", "EAW", "NIR", "JSY", "BTP", "RMP", "RMP-MCTC", "JSY-LAMOYE"])
def test_consent_recipient_is_an_agency_or_a_jurisdiction(recipient: str) -> None:
    assert payload_of(message("intel.consent", consent_recipient=recipient))["recipient"] == recipient


@pytest.mark.parametrize(
    ("marking", "canonical"), [("OFFICIAL", "OFFICIAL"), ("OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE")]
)
def test_protective_markings_that_pass(marking: str, canonical: str) -> None:
    assert event_of(message(protective_marking=marking))["classification"] == canonical


@pytest.mark.parametrize("sender", ["SCO-PSOS", "SCO-SPS"])
def test_either_scottish_sender_is_the_source_owner_and_decider(sender: str) -> None:
    event = event_of(message("transfer.accepted", sending_agency=sender))
    assert (event["source_agency"], event["owner_agency"], event["payload"]["decided_by"]) == (sender, sender, sender)


@pytest.mark.parametrize("lead", ["SCO-PSOS", "SCO-SPS"])
def test_lead_agency_may_be_either_scottish_agency(lead: str) -> None:
    assert payload_of(message(lead_agency=lead))["lead_agency"] == lead


@pytest.mark.parametrize("to_agency", ["EAW-F01", "EAW-HMPPS-PROBATION", "JSY-PROBATION", "BTP-POLICE", "RMP-POLICE"])
def test_transfer_request_takes_its_destination_jurisdiction_from_the_agency(to_agency: str) -> None:
    payload = payload_of(message("transfer.requested", to_agency=to_agency))
    assert payload["to_jurisdiction"] == to_agency.split("-")[0]


def test_no_fixed_abode_needs_only_a_town() -> None:
    payload = payload_of(message("address.notified", address_type="no_fixed_abode", address={"town": "Glasgow"}))
    assert payload["address_type"] == "NFA"
    assert payload["address"] == {"lines": [], "town": "Glasgow", "postcode": None, "bfpo": None}


def test_release_address_and_departure_address_are_read_like_any_address() -> None:
    released = payload_of(message("custody.released", release_address=ADDRESS))
    departed = payload_of(message("offender.departed", address=ADDRESS))
    assert released["release_address"] == departed["address"] == CANONICAL_ADDRESS


def test_mappa_change_may_name_only_the_category() -> None:
    payload = payload_of(message("mappa.changed", mappa_category=2, mappa_level=None))
    assert (payload["mappa_category"], payload["mappa_level"]) == (2, None)


def test_accepted_transfer_reason_is_optional() -> None:
    assert payload_of(message("transfer.accepted", reason=None))["reason"] is None


def test_message_type_is_case_sensitive() -> None:
    assert rejection_of(message("nominal.registered", message_type="Nominal.Registered")) == (
        "message_type",
        "UNKNOWN_TYPE",
    )


@pytest.mark.parametrize("message_type", ["nominal.updated", "meeting.minutes", "", "custody"])
def test_unknown_message_type_is_unknown_type(message_type: str) -> None:
    field, reason = rejection_of(message("nominal.registered", message_type=message_type))
    assert field == "message_type"
    assert reason == ("MISSING" if message_type == "" else "UNKNOWN_TYPE")
