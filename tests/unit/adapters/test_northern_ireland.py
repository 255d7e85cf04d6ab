"""Northern Ireland (Causeway) adapter: the spec's examples, every record type and every code list."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

import adapters.northern_ireland as northern_ireland
from adapters.common.events import event_id_for
from adapters.registry import adapter_for
from tests.unit.adapters.test_northern_ireland_support import (
    CANONICAL_ADDRESS,
    GRADING,
    INTEL_ID,
    PNC,
    RISK,
    SAMPLES,
    TRANSFER_ID,
    accepted,
    parse_one,
)

PNC_ID = {"scheme": "PNC", "value": PNC, "agency": None}
UNSPACED_POSTCODE = {"Line": "12 Ormeau Road", "Town": "Belfast", "Postcode": "bt71nn"}


def envelope(event: dict[str, Any]) -> dict[str, Any]:
    """The event without `recorded_at` (the time of parsing) and `payload`."""
    assert event["recorded_at"].tzinfo is not None
    return {k: v for k, v in event.items() if k not in ("recorded_at", "payload")}


def spec_example(name: str) -> list[dict[str, Any]]:
    records = northern_ireland.parse(name, (SAMPLES / name).read_bytes())
    results = [record.result for record in records]
    assert all(isinstance(result, dict) for result in results), results
    return results  # type: ignore[return-value]


def expected_envelope(key: str, event_type: str, occurred_at: datetime, source: str, **extra: Any) -> dict[str, Any]:
    return {
        "event_id": event_id_for(f"NIR:CAUSEWAY:{key}"),
        "event_type": event_type,
        "occurred_at": occurred_at,
        "source_jurisdiction": "NIR",
        "source_agency": source,
        "source_system": "CAUSEWAY",
        "nominal_id": None,
        "owner_agency": source,
        "classification": "OFFICIAL-SENSITIVE",
        "correlation_id": None,
        "identifiers": [PNC_ID],
        **extra,
    }


def test_the_registry_finds_the_adapter_for_northern_ireland() -> None:
    assert adapter_for("northern-ireland").JURISDICTION == "NIR"


def test_spec_example_registration_in_winter_is_gmt_and_keeps_fadas_and_apostrophes() -> None:
    event = spec_example("CW_PPANI_202612031200.xml")[0]
    assert envelope(event) == expected_envelope(
        "PSNI-2026-004417", "NominalRegistered", datetime(2026, 12, 2, 15, 10, tzinfo=UTC), "NIR-PSNI"
    )
    assert event["payload"] == {
        "family_name": "Ó Briain",
        "given_names": "Seán",
        "aliases": [{"family_name": "O'Brien", "given_names": "John"}],
        "date_of_birth": date(1979, 3, 17),
        "sex": "M",
        "mappa_category": 1,
        "mappa_level": 2,
        "lead_agency": "NIR-PBNI",
        "status": "COMMUNITY",
    }


def test_spec_example_licence_discharge_from_nips_with_offset_and_two_identifiers() -> None:
    event = spec_example("CW_PPANI_202612031200.xml")[1]
    assert envelope(event) == expected_envelope(
        "NIPS-2026-000912",
        "CustodyReleased",
        datetime(2026, 7, 8, 9, 0, tzinfo=UTC),
        "NIR-NIPS",
        classification="OFFICIAL",
        identifiers=[PNC_ID, {"scheme": "NIPS", "value": "041187", "agency": None}],
    )
    assert event["payload"] == {
        "date": date(2026, 7, 8),
        "release_type": "LICENCE",
        "licence_end_date": date(2027, 7, 7),
        "release_address": {"lines": ["12 Ormeau Road"], "town": "Belfast", "postcode": "BT7 1NN", "bfpo": None},
    }


def test_spec_example_pbni_rejects_a_transfer_quoting_an_upper_case_uuid() -> None:
    event = spec_example("CW_PPANI_202612031200.xml")[2]
    assert envelope(event) == expected_envelope(
        "PBNI-2026-001203",
        "TransferRejected",
        datetime(2026, 11, 20, 9, 45, tzinfo=UTC),
        "NIR-PBNI",
        correlation_id=TRANSFER_ID,
    )
    assert event["payload"] == {
        "transfer_id": TRANSFER_ID,
        "decided_by": "NIR-PBNI",
        "rejection_code": "ADDRESS_UNSUITABLE",
        "rejection_text": "Proposed address is 200 m from a primary school.",
    }


def test_spec_example_psni_shares_intelligence_written_in_cdata() -> None:
    event = spec_example("CW_PPANI_202612031600.xml")[0]
    assert envelope(event) == expected_envelope(
        "PSNI-2026-004420", "IntelligenceShared", datetime(2026, 12, 3, 8, 30, tzinfo=UTC), "NIR-PSNI"
    )
    assert event["payload"] == {
        "intel_id": INTEL_ID,
        "text": 'Drives a blue van, registration partly seen as "KX??".',
        "source_evaluation": "1",
        "intelligence_assessment": "C",
        "handling_code": "P",
        "handling_conditions": None,
        "recipients": ["SCO", "EAW-HMPPS-PROBATION"],
    }


def test_spec_example_review_raises_the_risk_category_only() -> None:
    event = spec_example("CW_PPANI_202612031600.xml")[1]
    assert envelope(event) == expected_envelope(
        "PBNI-2026-001207", "MappaLevelChanged", datetime(2026, 12, 3, 14, 0, tzinfo=UTC), "NIR-PBNI"
    )
    assert event["payload"] == {"mappa_category": None, "mappa_level": 3, "meeting_id": "LAPPP-NEWRY-2026-044"}


def test_address_notification_becomes_address_notified() -> None:
    event = accepted("AddressNotification")
    assert (event["event_type"], event["owner_agency"]) == ("AddressNotified", "NIR-PSNI")
    assert event["payload"] == {
        "address": CANONICAL_ADDRESS,
        "address_type": "HOME",
        "notified_on": date(2026, 12, 1),
        "effective_from": date(2026, 11, 30),
    }


def test_no_fixed_abode_needs_only_a_town() -> None:
    event = accepted("AddressNotification", AddressType="NO_FIXED_ABODE", Address={"Town": "Newry"})
    assert event["payload"]["address"] == {"lines": [], "town": "Newry", "postcode": None, "bfpo": None}
    assert event["payload"]["address_type"] == "NFA"


def test_transfer_request_goes_from_the_sender_to_an_agency_outside_northern_ireland() -> None:
    event = accepted("TransferRequest", header={"OriginatingAgency": "PBNI", "EventRef": "PBNI-2026-000001"})
    assert (event["event_type"], event["correlation_id"]) == ("TransferRequested", TRANSFER_ID)
    assert event["payload"] == {
        "transfer_id": TRANSFER_ID,
        "from_jurisdiction": "NIR",
        "from_agency": "NIR-PBNI",
        "to_jurisdiction": "SCO",
        "to_agency": "SCO-PSOS",
        "reason": "Moving to live with his sister in Paisley.",
        "proposed_move_date": date(2027, 1, 15),
        "risk": {"mappa_category": 1, "mappa_level": 2, "rosh": "HIGH"},
    }


def test_accepted_decision_without_a_reason() -> None:
    event = accepted("TransferDecision")
    assert event["event_type"] == "TransferAccepted"
    assert event["payload"] == {"transfer_id": TRANSFER_ID, "decided_by": "NIR-PSNI", "reason": None}


def test_accepted_decision_with_a_reason_keeps_its_line_breaks() -> None:
    event = accepted("TransferDecision", Reason="Approved premises place.\r\nFamily nearby.")
    assert event["payload"]["reason"] == "Approved premises place.\nFamily nearby."


def test_arrival_carries_the_new_address_and_london_date() -> None:
    event = accepted("TransferMovement", header={"OccurredAt": "2026-06-30T23:30:00Z"})
    assert (event["event_type"], event["correlation_id"]) == ("OffenderArrived", TRANSFER_ID)
    assert event["payload"] == {"transfer_id": TRANSFER_ID, "date": date(2026, 7, 1), "address": CANONICAL_ADDRESS}


def test_departure_may_leave_out_the_address() -> None:
    event = accepted("TransferMovement", Direction="DEPARTED", Address=None)
    assert event["event_type"] == "OffenderDeparted"
    assert event["payload"] == {"transfer_id": TRANSFER_ID, "date": date(2026, 12, 2), "address": None}


def test_prison_reception_from_nips() -> None:
    event = accepted("PrisonReception")
    assert (event["event_type"], event["source_agency"]) == ("CustodyReceived", "NIR-NIPS")
    assert event["payload"] == {"establishment": "NIR-MAG", "date": date(2026, 12, 2), "custody_reason": "REMAND"}


def test_prison_transfer_from_maghaberry_to_magilligan() -> None:
    event = accepted("PrisonTransfer")
    assert event["event_type"] == "CustodyTransferred"
    assert event["payload"] == {
        "from_establishment": "NIR-MAG",
        "to_establishment": "NIR-MGL",
        "date": date(2026, 12, 2),
    }


def test_discharge_at_sentence_expiry_has_no_licence_end_and_a_normalised_postcode() -> None:
    event = accepted(
        "PrisonDischarge", DischargeType="SENTENCE_EXPIRY", LicenceEndDate=None, ReleaseAddress=UNSPACED_POSTCODE
    )
    assert event["payload"] == {
        "date": date(2026, 12, 2),
        "release_type": "END_OF_SENTENCE",
        "licence_end_date": None,
        "release_address": CANONICAL_ADDRESS,
    }


def test_review_may_change_both_category_and_level() -> None:
    event = accepted("PpaniReview", OffenderType="VIOLENT", RiskCategory="1")
    assert event["payload"] == {"mappa_category": 2, "mappa_level": 1, "meeting_id": "LAPPP-NEWRY-2026-044"}


def test_intelligence_with_handling_conditions() -> None:
    grading = {**GRADING, "HandlingCode": "C", "HandlingConditions": "Not to be disclosed to the subject."}
    event = accepted("IntelligenceItem", Grading=grading, Recipient=["PBNI", "NIR", "JSY-SOJP"])
    assert event["payload"]["handling_code"] == "C"
    assert event["payload"]["handling_conditions"] == "Not to be disclosed to the subject."
    assert event["payload"]["recipients"] == ["NIR-PBNI", "NIR", "JSY-SOJP"]


def test_consent_decision_is_owned_by_the_intelligence_owner_and_decided_by_the_sender() -> None:
    event = accepted("ConsentDecision", IntelOwner="SCO-PSOS", Recipient="PBNI", Decision="REFUSED")
    assert (event["event_type"], event["owner_agency"], event["source_agency"]) == (
        "IntelligenceConsentDecided",
        "SCO-PSOS",
        "NIR-PSNI",
    )
    assert event["payload"] == {
        "intel_id": INTEL_ID,
        "recipient": "NIR-PBNI",
        "decision": "REFUSED",
        "decided_by": "NIR-PSNI",
    }


def test_withdrawal_by_a_non_owner_is_emitted_for_the_hub_to_hold() -> None:
    event = accepted("IntelligenceWithdrawal", IntelOwner="PBNI")
    assert (event["event_type"], event["owner_agency"]) == ("IntelligenceWithdrawn", "NIR-PBNI")
    assert event["payload"] == {"intel_id": INTEL_ID, "reason": "Not corroborated."}


@pytest.mark.parametrize(
    ("action", "event_type"), [("ARCHIVE", "NominalArchived"), ("REACTIVATE", "NominalReactivated")]
)
def test_record_status_action_selects_the_event(action: str, event_type: str) -> None:
    event = accepted("RecordStatus", Action=action)
    assert event["event_type"] == event_type
    assert event["payload"] == {"reason": "Moved out of the jurisdiction."}


def test_subject_identifiers_come_in_a_fixed_order_whatever_the_element_order() -> None:
    subject = {"NipsNumber": "041187", "CroNumber": "sf09/104527z", "PncId": "2015/311002y"}
    event = accepted("Registration", header={"Subject": subject})
    assert event["identifiers"] == [
        PNC_ID,
        {"scheme": "CRO", "value": "104527/09Z", "agency": None},
        {"scheme": "NIPS", "value": "041187", "agency": None},
    ]


def test_child_order_is_free_in_the_event_and_the_detail() -> None:
    reordered = (
        "<Event><Registration><Status>COMMUNITY</Status><LeadAgency>PBNI</LeadAgency><RiskCategory>2</RiskCategory>"
        "<OffenderType>SEXUAL</OffenderType><Sex>MALE</Sex><DateOfBirth>1979-03-17</DateOfBirth>"
        "<GivenNames>Seán</GivenNames><FamilyName>Ó Briain</FamilyName></Registration>"
        "<Subject><PncId>2015/0311002Y</PncId></Subject><OccurredAt>2026-12-02T15:10:00</OccurredAt>"
        "<SecurityMarking>OFFICIAL-SENSITIVE</SecurityMarking><OriginatingAgency>PSNI</OriginatingAgency>"
        "<EventRef>PSNI-2026-004417</EventRef></Event>"
    )
    event = parse_one(reordered)
    assert event == {**accepted("Registration"), "recorded_at": event["recorded_at"]}  # type: ignore[index]


@pytest.mark.parametrize(
    ("field", "native", "canonical"),
    [
        ("Sex", "MALE", "M"),
        ("Sex", "FEMALE", "F"),
        ("Sex", "UNKNOWN", "U"),
        ("OffenderType", "SEXUAL", 1),
        ("OffenderType", "VIOLENT", 2),
        ("OffenderType", "OTHER_DANGEROUS", 3),
        ("RiskCategory", "1", 1),
        ("RiskCategory", "2", 2),
        ("RiskCategory", "3", 3),
        ("Status", "COMMUNITY", "COMMUNITY"),
        ("Status", "CUSTODY", "CUSTODY"),
        ("LeadAgency", "PSNI", "NIR-PSNI"),
        ("LeadAgency", "NIPS", "NIR-NIPS"),
        ("LeadAgency", "PBNI", "NIR-PBNI"),
        ("LeadAgency", "NIR-PBNI", "NIR-PBNI"),
    ],
)
def test_registration_code_lists(field: str, native: str, canonical: Any) -> None:
    payload_field = {
        "Sex": "sex",
        "OffenderType": "mappa_category",
        "RiskCategory": "mappa_level",
        "Status": "status",
        "LeadAgency": "lead_agency",
    }[field]
    assert accepted("Registration", **{field: native})["payload"][payload_field] == canonical


@pytest.mark.parametrize(
    ("native", "canonical"), [("HOME", "HOME"), ("TEMPORARY", "TEMPORARY"), ("NO_FIXED_ABODE", "NFA")]
)
def test_address_types(native: str, canonical: str) -> None:
    assert accepted("AddressNotification", AddressType=native)["payload"]["address_type"] == canonical


@pytest.mark.parametrize("rosh", ["LOW", "MEDIUM", "HIGH", "VERY_HIGH"])
def test_rosh_ratings(rosh: str) -> None:
    assert accepted("TransferRequest", Risk={**RISK, "RoSH": rosh})["payload"]["risk"]["rosh"] == rosh


@pytest.mark.parametrize(
    ("native", "canonical"),
    [
        ("NoLocalConnection", "NO_LOCAL_CONNECTION"),
        ("AddressUnsuitable", "ADDRESS_UNSUITABLE"),
        ("InsufficientInformation", "INSUFFICIENT_INFORMATION"),
        ("RiskNotManageable", "RISK_NOT_MANAGEABLE"),
        ("DuplicateRequest", "DUPLICATE_REQUEST"),
        ("Other", "OTHER"),
    ],
)
def test_rejection_reasons(native: str, canonical: str) -> None:
    event = accepted("TransferDecision", Outcome="REJECTED", RejectionReason=native, Reason="See the assessment.")
    assert event["payload"]["rejection_code"] == canonical


@pytest.mark.parametrize(("native", "canonical"), [("MAG", "NIR-MAG"), ("MGL", "NIR-MGL"), ("HBW", "NIR-HBW")])
def test_establishments(native: str, canonical: str) -> None:
    assert accepted("PrisonReception", Establishment=native)["payload"]["establishment"] == canonical


@pytest.mark.parametrize(
    ("native", "canonical"),
    [
        ("REMAND", "REMAND"),
        ("SENTENCE", "SENTENCED"),
        ("LICENCE_RECALL", "RECALL"),
        ("CROSS_BORDER_TRANSFER", "TRANSFER_IN"),
    ],
)
def test_reception_reasons(native: str, canonical: str) -> None:
    assert accepted("PrisonReception", ReceptionReason=native)["payload"]["custody_reason"] == canonical


@pytest.mark.parametrize(
    ("native", "canonical", "licence_end"),
    [
        ("DCS_LICENCE", "LICENCE", "2027-07-07"),
        ("ECS_LICENCE", "LICENCE", "2027-07-07"),
        ("SENTENCE_EXPIRY", "END_OF_SENTENCE", None),
        ("BAIL", "BAIL", None),
    ],
)
def test_discharge_types(native: str, canonical: str, licence_end: str | None) -> None:
    event = accepted("PrisonDischarge", DischargeType=native, LicenceEndDate=licence_end)
    assert event["payload"]["release_type"] == canonical


@pytest.mark.parametrize("evaluation", ["1", "2", "3"])
@pytest.mark.parametrize("assessment", ["A", "B", "C", "D", "E"])
def test_gradings(evaluation: str, assessment: str) -> None:
    grading = {**GRADING, "SourceEvaluation": evaluation, "IntelligenceAssessment": assessment}
    payload = accepted("IntelligenceItem", Grading=grading)["payload"]
    assert (payload["source_evaluation"], payload["intelligence_assessment"]) == (evaluation, assessment)


@pytest.mark.parametrize("decision", ["GRANTED", "REFUSED"])
def test_consent_decisions(decision: str) -> None:
    assert accepted("ConsentDecision", Decision=decision)["payload"]["decision"] == decision


@pytest.mark.parametrize(
    ("marking", "canonical"), [("OFFICIAL", "OFFICIAL"), ("OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE")]
)
def test_security_markings_that_pass(marking: str, canonical: str) -> None:
    assert accepted("Registration", header={"SecurityMarking": marking})["classification"] == canonical


@pytest.mark.parametrize(("agency", "canonical"), [("PSNI", "NIR-PSNI"), ("NIPS", "NIR-NIPS"), ("PBNI", "NIR-PBNI")])
def test_originating_agencies(agency: str, canonical: str) -> None:
    event = accepted("Registration", header={"OriginatingAgency": agency, "EventRef": f"{agency}-2026-000001"})
    assert (event["source_agency"], event["owner_agency"]) == (canonical, canonical)
