"""Every REDCAP record type and every code list value, mapped to the canonical event."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

import adapters.rmp as rmp
from adapters.common.events import event_id_for
from adapters.registry import adapter_for
from tests.unit.adapters.test_rmp_helpers import (
    BFPO_ADDRESS,
    INTEL_ID,
    TRANSFER_ID,
    UK_ADDRESS,
    VALID,
    document,
    event_of,
    parse,
)

EVENT_TYPES = {
    "REG": "NominalRegistered",
    "ADDR": "AddressNotified",
    "TFR-REQ": "TransferRequested",
    "TFR-ACC": "TransferAccepted",
    "TFR-REJ": "TransferRejected",
    "TFR-DEP": "OffenderDeparted",
    "TFR-ARR": "OffenderArrived",
    "CUS-REC": "CustodyReceived",
    "CUS-TFR": "CustodyTransferred",
    "CUS-REL": "CustodyReleased",
    "MAPPA": "MappaLevelChanged",
    "INT-SHR": "IntelligenceShared",
    "INT-CON": "IntelligenceConsentDecided",
    "INT-WDR": "IntelligenceWithdrawn",
    "ARCH": "NominalArchived",
    "REACT": "NominalReactivated",
}
TRANSFER_TYPES = ("TFR-REQ", "TFR-ACC", "TFR-REJ", "TFR-DEP", "TFR-ARR")


def test_the_registry_finds_the_rmp_adapter() -> None:
    assert adapter_for("rmp").JURISDICTION == "RMP"


@pytest.mark.parametrize(("record_type", "event_type"), EVENT_TYPES.items())
def test_each_record_type_becomes_its_event(record_type: str, event_type: str) -> None:
    event = event_of(VALID[record_type])
    assert event["event_type"] == event_type
    assert event["event_id"] == event_id_for("RMP:REDCAP:RMP26-000101")
    assert event["occurred_at"] == datetime(2026, 12, 2, 9, 15, tzinfo=UTC)
    assert event["source_jurisdiction"] == "RMP"
    assert event["source_system"] == "REDCAP"
    assert event["nominal_id"] is None
    assert event["identifiers"] == [{"scheme": "SERVICE_NO", "value": "ARMY/25123456", "agency": None}]
    assert event["correlation_id"] == (TRANSFER_ID if record_type in TRANSFER_TYPES else None)


def test_parsed_record_carries_the_idempotency_key_and_its_field() -> None:
    (parsed,) = parse(VALID["REG"])
    assert (parsed.locator, parsed.key, parsed.key_field) == ("/Return/Record[1]", "RMP:REDCAP:RMP26-000101", "@ref")


def test_transfer_accepted_without_text_has_no_reason() -> None:
    assert event_of(VALID["TFR-ACC"])["payload"] == {
        "transfer_id": TRANSFER_ID,
        "decided_by": "RMP-POLICE",
        "reason": None,
    }


def test_transfer_accepted_with_text_gives_the_reason() -> None:
    event = event_of(VALID["TFR-ACC"].with_child("Text", content="Posted to 45 Commando."))
    assert event["payload"]["reason"] == "Posted to 45 Commando."


def test_transfer_rejected_by_mctc_is_decided_by_mctc() -> None:
    event = event_of(VALID["TFR-REJ"].with_record(agency="MCTC"))
    assert event["payload"] == {
        "transfer_id": TRANSFER_ID,
        "decided_by": "RMP-MCTC",
        "rejection_code": "NO_LOCAL_CONNECTION",
        "rejection_text": "No link.",
    }
    assert event["source_agency"] == event["owner_agency"] == "RMP-MCTC"


def test_departure_may_give_the_address_and_arrival_must() -> None:
    departed = event_of(VALID["TFR-DEP"].with_child("Address", BFPO_ADDRESS))
    assert departed["payload"]["address"] == {
        "lines": ["1st Battalion The Rifles", "Episkopi Garrison"],
        "town": None,
        "postcode": None,
        "bfpo": "53",
    }
    arrived = event_of(VALID["TFR-ARR"])
    assert arrived["payload"] == {
        "transfer_id": TRANSFER_ID,
        "date": date(2026, 12, 2),
        "address": {"lines": ["14 Wharf Road"], "town": "Colchester", "postcode": "CO2 7TE", "bfpo": None},
    }


def test_release_from_detention_never_has_a_licence_end_date() -> None:
    event = event_of(VALID["CUS-REL"].with_child("Address", UK_ADDRESS))
    assert event["payload"] == {
        "date": date(2026, 12, 2),
        "release_type": "END_OF_SENTENCE",
        "licence_end_date": None,
        "release_address": {"lines": ["14 Wharf Road"], "town": "Colchester", "postcode": "CO2 7TE", "bfpo": None},
    }


def test_mappa_change_of_category_only_leaves_level_absent() -> None:
    event = event_of(VALID["MAPPA"].with_detail(mappaLevel=None, mappaCategory="3"))
    assert event["payload"] == {"mappa_category": 3, "mappa_level": None, "meeting_id": "RMP-MAPPA-2026-041"}


def test_intelligence_shared_with_permission_has_no_conditions() -> None:
    assert event_of(VALID["INT-SHR"])["payload"] == {
        "intel_id": INTEL_ID,
        "text": "Seen at Cairnryan.",
        "source_evaluation": "1",
        "intelligence_assessment": "B",
        "handling_code": "P",
        "handling_conditions": None,
        "recipients": ["SCO"],
    }


def test_intelligence_text_keeps_its_line_breaks_as_lf() -> None:
    record = VALID["INT-SHR"].with_child("Text", content="Line one\r\nLine two\rLine three")
    assert event_of(record)["payload"]["text"] == "Line one\nLine two\nLine three"


@pytest.mark.parametrize(
    ("owner", "canonical"), [("RMP", "RMP-POLICE"), ("MCTC", "RMP-MCTC"), ("NIR-PSNI", "NIR-PSNI")]
)
def test_consent_decision_is_owned_by_the_owner_named_in_the_record(owner: str, canonical: str) -> None:
    event = event_of(VALID["INT-CON"].with_detail(owner=owner))
    assert event["owner_agency"] == canonical
    assert event["source_agency"] == event["payload"]["decided_by"] == "RMP-POLICE"


def test_withdrawal_of_mctc_intelligence_by_rmp_is_emitted_for_the_hub_to_hold() -> None:
    event = event_of(VALID["INT-WDR"].with_detail(owner="MCTC"))
    assert event["owner_agency"] == "RMP-MCTC"
    assert event["source_agency"] == "RMP-POLICE"
    assert event["payload"] == {"intel_id": INTEL_ID, "reason": "Source withdrew."}


@pytest.mark.parametrize("record_type", ["ARCH", "REACT"])
def test_archive_and_reactivation_carry_only_the_reason(record_type: str) -> None:
    assert event_of(VALID[record_type])["payload"] == {"reason": VALID[record_type].children[0][2]}


def test_registration_with_aliases_lists_them_in_order() -> None:
    record = (
        VALID["REG"]
        .add_child("Alias", {"family": "Pryddech", "given": "Sion"})
        .add_child("Alias", {"family": "Prydderch", "given": "John"})
    )
    assert event_of(record)["payload"]["aliases"] == [
        {"family_name": "Pryddech", "given_names": "Sion"},
        {"family_name": "Prydderch", "given_names": "John"},
    ]


def test_ten_aliases_are_accepted() -> None:
    record = VALID["REG"]
    for n in range(10):
        record = record.add_child("Alias", {"family": f"Alias{n}", "given": "Siôn"})
    assert len(event_of(record)["payload"]["aliases"]) == 10


def test_names_are_trimmed_and_normalised_to_nfc_keeping_case_and_apostrophes() -> None:
    record = VALID["REG"].with_detail(family="  O’Neill-d'Arcy ", given="Sio\u0302n")
    payload = event_of(record)["payload"]
    assert (payload["family_name"], payload["given_names"]) == ("O’Neill-d'Arcy", "Siôn")


def test_prefix_is_not_significant_only_the_namespace() -> None:
    for prefix in ("", "redcap"):
        (parsed,) = rmp.parse("x.xml", document(VALID["REG"], prefix=prefix))
        assert not isinstance(parsed.result, Exception)
        assert parsed.result["event_type"] == "NominalRegistered"


def test_unknown_attributes_are_ignored() -> None:
    record = VALID["ARCH"].with_record(priority="high").with_detail(colour="blue").with_subject(rank="Maj")
    assert event_of(record)["payload"] == {"reason": "Discharged."}


def test_comments_inside_a_record_are_ignored() -> None:
    xml = VALID["ARCH"].xml().replace("<rmp:Detail/>", "<!-- note --><rmp:Detail/><?pi x?>")
    (parsed,) = parse(xml)
    assert not isinstance(parsed.result, Exception)
    assert parsed.result["payload"] == {"reason": "Discharged."}


# --- code lists -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("marking", "canonical"), [("O", "OFFICIAL"), ("OS", "OFFICIAL-SENSITIVE")])
def test_marking(marking: str, canonical: str) -> None:
    assert event_of(VALID["ARCH"].with_record(marking=marking))["classification"] == canonical


@pytest.mark.parametrize(("agency", "canonical"), [("RMP", "RMP-POLICE"), ("MCTC", "RMP-MCTC")])
def test_sending_agency(agency: str, canonical: str) -> None:
    event = event_of(VALID["ARCH"].with_record(agency=agency))
    assert event["source_agency"] == event["owner_agency"] == canonical


@pytest.mark.parametrize(
    ("service", "number", "value"),
    [
        ("ARMY", "25 123 456", "ARMY/25123456"),
        ("RN", "c054321k", "RN/C054321K"),
        ("RM", "P061234", "RM/P061234"),
        ("RAF", "123456", "RAF/123456"),
    ],
)
def test_service_number(service: str, number: str, value: str) -> None:
    event = event_of(VALID["ARCH"].with_subject(service=service, serviceNo=number))
    assert event["identifiers"] == [{"scheme": "SERVICE_NO", "value": value, "agency": None}]


def test_pnc_and_cro_are_normalised_after_the_service_number() -> None:
    event = event_of(VALID["ARCH"].with_subject(pnc="2015/456789m", cro="sf12/54321x"))
    assert [i["value"] for i in event["identifiers"]] == ["ARMY/25123456", "2015/0456789M", "054321/12X"]
    assert [i["scheme"] for i in event["identifiers"]] == ["SERVICE_NO", "PNC", "CRO"]


CODE_CASES = [
    ("REG", "sex", "M", "sex", "M"),
    ("REG", "sex", "F", "sex", "F"),
    ("REG", "sex", "U", "sex", "U"),
    ("REG", "status", "COMM", "status", "COMMUNITY"),
    ("REG", "status", "CUST", "status", "CUSTODY"),
    ("REG", "mappaCategory", "1", "mappa_category", 1),
    ("REG", "mappaCategory", "3", "mappa_category", 3),
    ("REG", "mappaLevel", "2", "mappa_level", 2),
    ("REG", "leadAgency", "MCTC", "lead_agency", "RMP-MCTC"),
    ("REG", "leadAgency", "RMP-POLICE", "lead_agency", "RMP-POLICE"),
    ("ADDR", "addressType", "SLA", "address_type", "HOME"),
    ("ADDR", "addressType", "SFA", "address_type", "HOME"),
    ("ADDR", "addressType", "PRIVATE", "address_type", "HOME"),
    ("ADDR", "addressType", "TEMP", "address_type", "TEMPORARY"),
    ("ADDR", "addressType", "NFA", "address_type", "NFA"),
    ("TFR-REJ", "reasonCode", "10", "rejection_code", "NO_LOCAL_CONNECTION"),
    ("TFR-REJ", "reasonCode", "20", "rejection_code", "ADDRESS_UNSUITABLE"),
    ("TFR-REJ", "reasonCode", "30", "rejection_code", "INSUFFICIENT_INFORMATION"),
    ("TFR-REJ", "reasonCode", "40", "rejection_code", "RISK_NOT_MANAGEABLE"),
    ("TFR-REJ", "reasonCode", "50", "rejection_code", "DUPLICATE_REQUEST"),
    ("TFR-REJ", "reasonCode", "90", "rejection_code", "OTHER"),
    ("TFR-REQ", "toAgency", "SCO-PSOS", "to_jurisdiction", "SCO"),
    ("TFR-REQ", "toAgency", "JSY-PROBATION", "to_agency", "JSY-PROBATION"),
    ("CUS-REC", "establishment", "MCTC", "establishment", "RMP-MCTC"),
    ("CUS-REC", "reason", "SD", "custody_reason", "SENTENCED"),
    ("CUS-REC", "reason", "CPT", "custody_reason", "REMAND"),
    ("CUS-REC", "reason", "TFR", "custody_reason", "TRANSFER_IN"),
    ("CUS-TFR", "toEstablishment", "SCO-BAR", "to_establishment", "SCO-BAR"),
    ("CUS-TFR", "toEstablishment", "NIR-MAG", "to_establishment", "NIR-MAG"),
    ("CUS-REL", "releaseType", "EOD", "release_type", "END_OF_SENTENCE"),
    ("CUS-REL", "releaseType", "RPT", "release_type", "BAIL"),
    ("INT-SHR", "source", "2", "source_evaluation", "2"),
    ("INT-SHR", "source", "3", "source_evaluation", "3"),
    ("INT-SHR", "assessment", "A", "intelligence_assessment", "A"),
    ("INT-SHR", "assessment", "E", "intelligence_assessment", "E"),
    ("INT-SHR", "recipients", "RMP", "recipients", ["RMP"]),
    ("INT-SHR", "recipients", "MCTC RMP-POLICE JSY", "recipients", ["RMP-MCTC", "RMP-POLICE", "JSY"]),
    ("INT-CON", "decision", "REFUSED", "decision", "REFUSED"),
    ("INT-CON", "recipient", "RMP", "recipient", "RMP"),
    ("INT-CON", "recipient", "MCTC", "recipient", "RMP-MCTC"),
    ("INT-CON", "recipient", "SCO-SPS", "recipient", "SCO-SPS"),
]


@pytest.mark.parametrize(("record_type", "attribute", "native", "field", "canonical"), CODE_CASES)
def test_code_list_value(record_type: str, attribute: str, native: str, field: str, canonical: object) -> None:
    record = VALID[record_type].with_detail(**{attribute: native})
    if record_type == "ADDR" and native == "NFA":
        record = record.with_child("Address", {"town": "Colchester"})
    assert event_of(record)["payload"][field] == canonical


@pytest.mark.parametrize(("rosh", "canonical"), [("L", "LOW"), ("M", "MEDIUM"), ("H", "HIGH"), ("VH", "VERY_HIGH")])
def test_rosh(rosh: str, canonical: str) -> None:
    assert event_of(VALID["TFR-REQ"].with_detail(rosh=rosh))["payload"]["risk"]["rosh"] == canonical


def test_handling_c_carries_its_conditions() -> None:
    record = VALID["INT-SHR"].with_detail(handling="C").with_child("Conditions", content=" Not for the unit. ")
    payload = event_of(record)["payload"]
    assert (payload["handling_code"], payload["handling_conditions"]) == ("C", "Not for the unit.")


def test_custody_transfer_from_a_civil_prison_into_mctc() -> None:
    record = VALID["CUS-TFR"].with_detail(fromEstablishment="EAW-WWI", toEstablishment="MCTC")
    payload = event_of(record)["payload"]
    assert (payload["from_establishment"], payload["to_establishment"]) == ("EAW-WWI", "RMP-MCTC")


@pytest.mark.parametrize(
    "guid",
    [
        "{3F2504E0-4F89-41D3-9A0C-0305E82C3301}",
        "3F2504E0-4F89-41D3-9A0C-0305E82C3301",
        "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
        "{3f2504e0-4F89-41d3-9A0C-0305e82c3301}",
    ],
)
def test_guid_in_any_case_with_or_without_braces(guid: str) -> None:
    event = event_of(VALID["TFR-DEP"].with_detail(transferId=guid))
    assert event["payload"]["transfer_id"] == event["correlation_id"] == TRANSFER_ID


def test_nfa_address_needs_only_a_town() -> None:
    record = VALID["ADDR"].with_detail(addressType="NFA").with_child("Address", {"town": "Colchester"})
    assert event_of(record)["payload"]["address"] == {"lines": [], "town": "Colchester", "postcode": None, "bfpo": None}


def test_postcode_is_upper_cased_and_spaced() -> None:
    record = VALID["ADDR"].with_child("Address", {"line1": "1 High St", "town": "Edinburgh", "postcode": " eh12ng "})
    assert event_of(record)["payload"]["address"]["postcode"] == "EH1 2NG"


def test_address_lines_skip_the_blank_ones_and_keep_order() -> None:
    attrs = {"line1": "Flat 2", "line2": " ", "line3": "9 Abbey Field Mews", "line4": "Hyderabad Barracks"}
    record = VALID["ADDR"].with_child("Address", {**attrs, "town": "Colchester", "postcode": "CO2 7SX"})
    assert event_of(record)["payload"]["address"]["lines"] == ["Flat 2", "9 Abbey Field Mews", "Hyderabad Barracks"]
