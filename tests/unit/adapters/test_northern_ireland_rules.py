"""Northern Ireland (Causeway) adapter: value rules, time rules and every record rejection the spec states."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from adapters.common.events import event_id_for
from tests.unit.adapters.test_northern_ireland_support import (
    ADDRESS,
    DETAILS,
    GRADING,
    RISK,
    accepted,
    detail,
    event_xml,
    parse_one,
    rejected,
    rejection_of,
)

# --- time ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "instant"),
    [
        ("2026-12-02T15:10:00", datetime(2026, 12, 2, 15, 10, tzinfo=UTC)),
        ("2026-07-08T10:00:00", datetime(2026, 7, 8, 9, 0, tzinfo=UTC)),
        ("2026-07-08T10:00:00+01:00", datetime(2026, 7, 8, 9, 0, tzinfo=UTC)),
        ("2026-07-08T10:00:00-05:30", datetime(2026, 7, 8, 15, 30, tzinfo=UTC)),
        ("2026-07-08T10:00:00Z", datetime(2026, 7, 8, 10, 0, tzinfo=UTC)),
        ("2026-07-08T10:00:00.999999Z", datetime(2026, 7, 8, 10, 0, tzinfo=UTC)),
        ("2026-10-25T01:30:00", datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        ("2026-10-25T02:30:00", datetime(2026, 10, 25, 2, 30, tzinfo=UTC)),
        ("2026-03-29T02:30:00", datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
        ("2026-03-29T01:30:00Z", datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
    ],
)
def test_occurred_at_is_converted_with_its_offset_or_as_london_time(written: str, instant: datetime) -> None:
    assert accepted("RecordStatus", header={"OccurredAt": written})["occurred_at"] == instant


def test_autumn_overlap_takes_the_first_occurrence_and_its_london_date() -> None:
    event = accepted("PrisonReception", header={"OccurredAt": "2026-10-25T01:30:00"})
    assert event["occurred_at"] == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert event["payload"]["date"] == date(2026, 10, 25)


def test_movement_date_is_the_london_date_not_the_utc_date() -> None:
    event = accepted("PrisonReception", header={"OccurredAt": "2026-07-08T00:30:00+01:00"})
    assert event["occurred_at"] == datetime(2026, 7, 7, 23, 30, tzinfo=UTC)
    assert event["payload"]["date"] == date(2026, 7, 8)


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("2026-03-29T01:30:00", "NONEXISTENT_LOCAL_TIME"),
        ("2026-03-29T01:00:00", "NONEXISTENT_LOCAL_TIME"),
        ("2026-02-29T10:00:00Z", "BAD_DATE"),
        ("2026-04-31T10:00:00Z", "BAD_DATE"),
        ("2026-07-08T24:00:00Z", "BAD_DATE"),
        ("2026-07-08T10:60:00Z", "BAD_DATE"),
        ("2026-07-08T10:00Z", "BAD_FORMAT"),
        ("2026-07-08", "BAD_FORMAT"),
        ("08/07/2026 10:00:00", "BAD_FORMAT"),
        ("2026-07-08 10:00:00", "BAD_FORMAT"),
        ("2026-07-08T10:00:00+1", "BAD_FORMAT"),
        ("2026-07-08T10:00:00+25:00", "BAD_FORMAT"),
        ("", "MISSING"),
    ],
)
def test_bad_occurred_at(written: str, reason: str) -> None:
    assert rejected("RecordStatus", header={"OccurredAt": written}) == ("OccurredAt", reason)


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("1979-02-29", "BAD_DATE"),
        ("1979-04-31", "BAD_DATE"),
        ("1979-13-01", "BAD_DATE"),
        ("1979-3-17", "BAD_FORMAT"),
        ("1979-03-17Z", "BAD_FORMAT"),
        ("1979-03-17+01:00", "BAD_FORMAT"),
        ("17/03/1979", "BAD_FORMAT"),
        ("1899-12-31", "BAD_DATE"),
        ("2026-12-03", "FUTURE_DATE"),
    ],
)
def test_bad_date_of_birth(written: str, reason: str) -> None:
    assert rejected("Registration", DateOfBirth=written) == ("Registration/DateOfBirth", reason)


def test_date_of_birth_on_1900_01_01_and_on_the_london_date_of_the_event_pass() -> None:
    assert accepted("Registration", DateOfBirth="1900-01-01")["payload"]["date_of_birth"] == date(1900, 1, 1)
    late_evening_utc = {"OccurredAt": "2026-06-30T23:30:00Z"}
    event = accepted("Registration", header=late_evening_utc, DateOfBirth="2026-07-01")
    assert event["payload"]["date_of_birth"] == date(2026, 7, 1)


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("NotifiedOn", "AddressNotification/NotifiedOn"),
        ("EffectiveFrom", "AddressNotification/EffectiveFrom"),
    ],
)
def test_impossible_notification_dates(name: str, field: str) -> None:
    assert rejected("AddressNotification", **{name: "2026-02-29"}) == (field, "BAD_DATE")
    assert rejected("AddressNotification", **{name: "2026/02/28"}) == (field, "BAD_FORMAT")


# --- names and text -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("O&apos;Neill", "O'Neill"),
        ("O'Neill", "O'Neill"),
        ("O’Neill", "O’Neill"),
        ("Se&#xE1;n", "Seán"),
        ("Sea&#x301;n", "Seán"),
        ("  Seán  ", "Seán"),
        ("<![CDATA[Mac & Co]]>", "Mac & Co"),
        ("Mac &amp; Co", "Mac & Co"),
        ("Ní Bhriain-Smyth", "Ní Bhriain-Smyth"),
    ],
)
def test_names_keep_fadas_apostrophes_and_hyphens_and_are_nfc(written: str, name: str) -> None:
    assert accepted("Registration", GivenNames=written)["payload"]["given_names"] == name


def test_name_of_one_hundred_code_points_after_nfc_passes_and_one_more_is_too_long() -> None:
    decomposed = "a\u0301" * 100
    assert accepted("Registration", FamilyName=decomposed)["payload"]["family_name"] == "á" * 100
    assert rejected("Registration", FamilyName="x" * 101) == ("Registration/FamilyName", "TOO_LONG")


@pytest.mark.parametrize("written", ["Se\nán", "Se&#xA;án", "Se&#9;án", "Se\u0085án", "Se\u2028án"])
def test_line_break_or_control_character_in_a_name_is_bad_format(written: str) -> None:
    assert rejected("Registration", FamilyName=written) == ("Registration/FamilyName", "BAD_FORMAT")


def test_tab_in_free_text_is_bad_format_but_line_breaks_are_kept() -> None:
    assert rejected("RecordStatus", Reason="a&#9;b") == ("RecordStatus/Reason", "BAD_FORMAT")
    assert accepted("RecordStatus", Reason=" a\r\nb\rc ")["payload"]["reason"] == "a\nb\nc"


@pytest.mark.parametrize(
    ("record", "name", "limit", "field"),
    [
        ("RecordStatus", "Reason", 1000, "RecordStatus/Reason"),
        ("TransferRequest", "Reason", 1000, "TransferRequest/Reason"),
        ("IntelligenceItem", "Text", 4000, "IntelligenceItem/Text"),
        ("PpaniReview", "PanelRef", 40, "PpaniReview/PanelRef"),
    ],
)
def test_length_limits(record: str, name: str, limit: int, field: str) -> None:
    accepted(record, **{name: "x" * limit})
    assert rejected(record, **{name: "x" * (limit + 1)}) == (field, "TOO_LONG")


def test_handling_conditions_limit() -> None:
    grading = {**GRADING, "HandlingCode": "C", "HandlingConditions": "x" * 501}
    assert rejected("IntelligenceItem", Grading=grading) == ("IntelligenceItem/Grading/HandlingConditions", "TOO_LONG")


def test_address_limits() -> None:
    assert rejected("AddressNotification", Address={**ADDRESS, "Line": "x" * 101}) == (
        "AddressNotification/Address/Line",
        "TOO_LONG",
    )
    assert rejected("AddressNotification", Address={**ADDRESS, "Town": "x" * 61}) == (
        "AddressNotification/Address/Town",
        "TOO_LONG",
    )


def test_ten_aliases_pass_and_eleven_are_too_many() -> None:
    alias = {"FamilyName": "O'Brien", "GivenNames": "John"}
    assert len(accepted("Registration", Alias=[alias] * 10)["payload"]["aliases"]) == 10
    assert rejected("Registration", Alias=[alias] * 11) == ("Registration/Alias", "TOO_LONG")


def test_alias_needs_both_names() -> None:
    assert rejected("Registration", Alias={"FamilyName": "O'Brien"}) == ("Registration/Alias/GivenNames", "MISSING")


# --- required elements and code lists -----------------------------------------------------------------------


# Left out of the sweep, each with a test of its own: the review's "category and/or level" and the licence end.
_CONDITIONAL = {("PpaniReview", "RiskCategory"), ("PrisonDischarge", "LicenceEndDate"), ("TransferMovement", "Address")}


@pytest.mark.parametrize(
    ("record", "name"),
    [(record, name) for record, children in DETAILS.items() for name in children if (record, name) not in _CONDITIONAL],
)
def test_every_required_element_is_missing_when_left_out_or_empty(record: str, name: str) -> None:
    assert rejected(record, **{name: None}) == (f"{record}/{name}", "MISSING")
    if isinstance(DETAILS[record][name], str):
        assert rejected(record, **{name: "  "}) == (f"{record}/{name}", "MISSING")


@pytest.mark.parametrize(
    ("record", "name", "value"),
    [
        ("Registration", "Sex", "M"),
        ("Registration", "Sex", "male"),
        ("Registration", "OffenderType", "1"),
        ("Registration", "RiskCategory", "4"),
        ("Registration", "RiskCategory", "L2"),
        ("Registration", "Status", "community"),
        ("Registration", "LeadAgency", "Probation"),
        ("AddressNotification", "AddressType", "NFA"),
        ("TransferRequest", "ToAgency", "SCO"),
        ("TransferDecision", "Outcome", "DEFERRED"),
        ("TransferMovement", "Direction", "LEFT"),
        ("PrisonReception", "Establishment", "NIR-MAG"),
        ("PrisonReception", "ReceptionReason", "SENTENCED"),
        ("PrisonTransfer", "FromEstablishment", "OUT"),
        ("PrisonDischarge", "DischargeType", "LICENCE"),
        ("PpaniReview", "RiskCategory", "0"),
        ("ConsentDecision", "Decision", "YES"),
        ("ConsentDecision", "IntelOwner", "SCO"),
        ("ConsentDecision", "Recipient", "GCHQ"),
        ("IntelligenceWithdrawal", "IntelOwner", "HMRC"),
        ("RecordStatus", "Action", "DELETE"),
        ("IntelligenceItem", "Recipient", ["SCO", "POLICE"]),
    ],
)
def test_unlisted_codes_are_unknown(record: str, name: str, value: str) -> None:
    assert rejected(record, **{name: value}) == (f"{record}/{name}", "UNKNOWN_CODE")


@pytest.mark.parametrize(
    ("grading", "field"),
    [
        ({**GRADING, "SourceEvaluation": "4"}, "SourceEvaluation"),
        ({**GRADING, "IntelligenceAssessment": "F"}, "IntelligenceAssessment"),
        ({**GRADING, "HandlingCode": "4"}, "HandlingCode"),
    ],
)
def test_unlisted_grading_is_unknown(grading: dict[str, str], field: str) -> None:
    assert rejected("IntelligenceItem", Grading=grading) == (f"IntelligenceItem/Grading/{field}", "UNKNOWN_CODE")


def test_unlisted_rosh_and_rejection_reason_are_unknown() -> None:
    assert rejected("TransferRequest", Risk={**RISK, "RoSH": "EXTREME"}) == (
        "TransferRequest/Risk/RoSH",
        "UNKNOWN_CODE",
    )
    decision = {"Outcome": "REJECTED", "RejectionReason": "ADDRESS_UNSUITABLE", "Reason": "x"}
    assert rejected("TransferDecision", **decision) == ("TransferDecision/RejectionReason", "UNKNOWN_CODE")


@pytest.mark.parametrize("name", ["OffenderType", "RiskCategory", "RoSH"])
def test_risk_needs_all_three(name: str) -> None:
    assert rejected("TransferRequest", Risk={**RISK, name: None}) == (f"TransferRequest/Risk/{name}", "MISSING")


@pytest.mark.parametrize(
    ("record", "name", "value"),
    [
        ("TransferRequest", "TransferId", "6d2b9f0e3c4a4b8ea1d25e6f7a8b9c0d"),
        ("TransferDecision", "TransferId", "{6d2b9f0e-3c4a-4b8e-a1d2-5e6f7a8b9c0d}"),
        ("IntelligenceItem", "IntelId", "0f9e8d7c-6b5a-4493-8271-605f4e3d2c1"),
        ("ConsentDecision", "IntelId", "not-a-uuid"),
    ],
)
def test_malformed_uuids(record: str, name: str, value: str) -> None:
    assert rejected(record, **{name: value}) == (f"{record}/{name}", "BAD_FORMAT")


# --- consistency rules --------------------------------------------------------------------------------------


def test_lead_agency_outside_northern_ireland_is_inconsistent() -> None:
    assert rejected("Registration", LeadAgency="SCO-PSOS") == ("Registration/LeadAgency", "INCONSISTENT")


def test_transfer_to_an_agency_inside_northern_ireland_is_inconsistent() -> None:
    assert rejected("TransferRequest", ToAgency="PBNI") == ("TransferRequest/ToAgency", "INCONSISTENT")
    assert rejected("TransferRequest", ToAgency="NIR-NIPS") == ("TransferRequest/ToAgency", "INCONSISTENT")


@pytest.mark.parametrize("record", ["PrisonReception", "PrisonTransfer", "PrisonDischarge"])
@pytest.mark.parametrize("agency", ["PSNI", "PBNI"])
def test_prison_records_from_anyone_but_nips_are_inconsistent(record: str, agency: str) -> None:
    header = {"OriginatingAgency": agency, "EventRef": f"{agency}-2026-000001"}
    assert rejected(record, header=header) == ("OriginatingAgency", "INCONSISTENT")


def test_rejection_reason_on_an_accepted_decision_is_inconsistent() -> None:
    assert rejected("TransferDecision", RejectionReason="Other") == ("TransferDecision/RejectionReason", "INCONSISTENT")


def test_rejected_decision_needs_its_reason_code_and_text() -> None:
    assert rejected("TransferDecision", Outcome="REJECTED", Reason="x") == (
        "TransferDecision/RejectionReason",
        "MISSING",
    )
    assert rejected("TransferDecision", Outcome="REJECTED", RejectionReason="Other") == (
        "TransferDecision/Reason",
        "MISSING",
    )


def test_arrival_needs_an_address() -> None:
    assert rejected("TransferMovement", Address=None) == ("TransferMovement/Address", "MISSING")


def test_prison_transfer_to_the_same_prison_is_inconsistent() -> None:
    assert rejected("PrisonTransfer", ToEstablishment="MAG") == ("PrisonTransfer/ToEstablishment", "INCONSISTENT")


def test_licence_end_date_rules() -> None:
    field = "PrisonDischarge/LicenceEndDate"
    assert rejected("PrisonDischarge", LicenceEndDate=None) == (field, "MISSING")
    assert rejected("PrisonDischarge", DischargeType="BAIL") == (field, "INCONSISTENT")
    assert rejected("PrisonDischarge", DischargeType="SENTENCE_EXPIRY") == (field, "INCONSISTENT")
    assert rejected("PrisonDischarge", LicenceEndDate="2026-12-01") == (field, "INCONSISTENT")
    assert rejected("PrisonDischarge", LicenceEndDate="2027-02-29") == (field, "BAD_DATE")
    on_the_day = accepted("PrisonDischarge", LicenceEndDate="2026-12-02")
    assert on_the_day["payload"]["licence_end_date"] == date(2026, 12, 2)


def test_review_needs_a_category_or_a_level() -> None:
    assert rejected("PpaniReview", RiskCategory=None) == ("PpaniReview/RiskCategory", "MISSING")
    assert accepted("PpaniReview", RiskCategory=None, OffenderType="VIOLENT")["payload"]["mappa_level"] is None


def test_handling_conditions_are_required_for_c_and_forbidden_for_p() -> None:
    field = "IntelligenceItem/Grading/HandlingConditions"
    assert rejected("IntelligenceItem", Grading={**GRADING, "HandlingCode": "C"}) == (field, "MISSING")
    with_conditions = {**GRADING, "HandlingConditions": "Not to be disclosed."}
    assert rejected("IntelligenceItem", Grading=with_conditions) == (field, "INCONSISTENT")


def test_one_to_twenty_recipients() -> None:
    assert rejected("IntelligenceItem", Recipient=None) == ("IntelligenceItem/Recipient", "MISSING")
    assert rejected("IntelligenceItem", Recipient=["  "]) == ("IntelligenceItem/Recipient", "MISSING")
    assert len(accepted("IntelligenceItem", Recipient=["SCO"] * 20)["payload"]["recipients"]) == 20
    assert rejected("IntelligenceItem", Recipient=["SCO"] * 21) == ("IntelligenceItem/Recipient", "INCONSISTENT")


def test_consent_decision_names_one_recipient() -> None:
    assert rejected("ConsentDecision", Recipient=["SCO", "EAW"]) == ("ConsentDecision/Recipient", "MALFORMED")


# --- addresses ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "field", "reason"),
    [
        ({**ADDRESS, "Line": ["1", "2", "3", "4", "5"]}, "Line", "INCONSISTENT"),
        ({**ADDRESS, "Line": None}, "Line", "MISSING"),
        ({**ADDRESS, "Town": None}, "Town", "MISSING"),
        ({**ADDRESS, "Postcode": None}, "Postcode", "MISSING"),
        ({**ADDRESS, "Postcode": "BT7"}, "Postcode", "BAD_FORMAT"),
        ({**ADDRESS, "Postcode": "12345"}, "Postcode", "BAD_FORMAT"),
        ({**ADDRESS, "County": "Antrim"}, "County", "MALFORMED"),
    ],
)
def test_address_rules(address: dict[str, object], field: str, reason: str) -> None:
    assert rejected("AddressNotification", Address=address) == (f"AddressNotification/Address/{field}", reason)
    assert rejected("TransferMovement", Address=address) == (f"TransferMovement/Address/{field}", reason)


def test_four_address_lines_pass_and_postcode_is_normalised() -> None:
    address = {**ADDRESS, "Line": ["Flat 2", "12", "Ormeau Road", "Ballynafeigh"], "Postcode": " bt7 1nn "}
    payload = accepted("AddressNotification", Address=address)["payload"]
    assert payload["address"]["lines"] == ["Flat 2", "12", "Ormeau Road", "Ballynafeigh"]
    assert payload["address"]["postcode"] == "BT7 1NN"


def test_no_fixed_abode_still_needs_a_town() -> None:
    assert rejected("AddressNotification", AddressType="NO_FIXED_ABODE", Address={"Line": "Under a bridge"}) == (
        "AddressNotification/Address/Town",
        "MISSING",
    )


def test_release_address_is_checked_like_any_address() -> None:
    assert rejected("PrisonDischarge", ReleaseAddress={**ADDRESS, "Postcode": "nonsense"}) == (
        "PrisonDischarge/ReleaseAddress/Postcode",
        "BAD_FORMAT",
    )


# --- header, subject and structure --------------------------------------------------------------------------


@pytest.mark.parametrize("marking", ["SECRET", "TOP SECRET"])
def test_secret_and_top_secret_are_refused(marking: str) -> None:
    assert rejected("Registration", header={"SecurityMarking": marking}) == (
        "SecurityMarking",
        "CLASSIFICATION_REFUSED",
    )


def test_secret_record_is_refused_before_any_other_fault_is_reported() -> None:
    event = event_xml("<Nickname>Sean</Nickname>", SecurityMarking="SECRET", OccurredAt="2026-03-29T01:30:00")
    assert rejection_of(event) == ("SecurityMarking", "CLASSIFICATION_REFUSED")


@pytest.mark.parametrize(("marking", "reason"), [("RESTRICTED", "UNKNOWN_CODE"), ("official", "UNKNOWN_CODE")])
def test_unlisted_marking(marking: str, reason: str) -> None:
    assert rejected("Registration", header={"SecurityMarking": marking}) == ("SecurityMarking", reason)


@pytest.mark.parametrize(
    ("header", "field", "reason"),
    [
        ({"EventRef": None}, "EventRef", "MISSING"),
        ({"EventRef": "PSNI-26-004417"}, "EventRef", "BAD_FORMAT"),
        ({"EventRef": "RUC-2026-004417"}, "EventRef", "BAD_FORMAT"),
        ({"EventRef": "PSNI-2026-004417-1"}, "EventRef", "BAD_FORMAT"),
        ({"EventRef": "PSNI-٢٠٢٦-004417"}, "EventRef", "BAD_FORMAT"),
        ({"Subject": {"NipsNumber": "٠٤١١٨٧"}}, "Subject/NipsNumber", "BAD_FORMAT"),
        ({"OriginatingAgency": None}, "OriginatingAgency", "MISSING"),
        ({"OriginatingAgency": "NIR-PSNI"}, "OriginatingAgency", "UNKNOWN_CODE"),
        ({"OriginatingAgency": "psni"}, "OriginatingAgency", "UNKNOWN_CODE"),
        ({"SecurityMarking": None}, "SecurityMarking", "MISSING"),
        ({"OccurredAt": None}, "OccurredAt", "MISSING"),
        ({"Subject": None}, "Subject", "MISSING"),
        ({"Subject": {}}, "Subject", "MISSING"),
        ({"Subject": {"PncId": " "}}, "Subject", "MISSING"),
        ({"Subject": {"PncId": "2015/0311002Z"}}, "Subject/PncId", "BAD_FORMAT"),
        ({"Subject": {"PncId": "15/0311002Y"}}, "Subject/PncId", "BAD_FORMAT"),
        ({"Subject": {"CroNumber": "104527/09A"}}, "Subject/CroNumber", "BAD_FORMAT"),
        ({"Subject": {"NipsNumber": "41187"}}, "Subject/NipsNumber", "BAD_FORMAT"),
        ({"Subject": {"NipsNumber": "A41187"}}, "Subject/NipsNumber", "BAD_FORMAT"),
        ({"Subject": {"PncId": ["2015/0311002Y", "2015/0311002Y"]}}, "Subject/PncId", "MALFORMED"),
        ({"Subject": {"PncId": "2015/0311002Y", "CrnNumber": "X123456"}}, "Subject/CrnNumber", "MALFORMED"),
        ({"EventRef": ["PSNI-2026-004417", "PSNI-2026-004418"]}, "EventRef", "MALFORMED"),
        ({"OccurredAt": ["2026-12-02T15:10:00", "2026-12-02T15:10:00"]}, "OccurredAt", "MALFORMED"),
        ({"Subject": [{"PncId": "2015/0311002Y"}, {"PncId": "2015/0311002Y"}]}, "Subject", "MALFORMED"),
        ({"EventRef": "<b>PSNI-2026-004417</b>"}, "EventRef/b", "MALFORMED"),
    ],
)
def test_header_and_subject_faults(header: dict[str, object], field: str, reason: str) -> None:
    assert rejected("Registration", header=header) == (field, reason)


def test_event_ref_is_trimmed_like_any_value_and_gives_the_key() -> None:
    event = accepted("Registration", header={"EventRef": "\n  PSNI-2026-004417\u00a0 "})
    assert event["event_id"] == event_id_for("NIR:CAUSEWAY:PSNI-2026-004417")


def test_unknown_record_type_is_named() -> None:
    assert rejection_of(event_xml("<CourtAppearance><Court>Laganside</Court></CourtAppearance>")) == (
        "CourtAppearance",
        "UNKNOWN_TYPE",
    )
    both = event_xml(detail("Registration") + "<CourtAppearance/>")
    assert rejection_of(both) == ("CourtAppearance", "UNKNOWN_TYPE")


def test_event_without_a_detail_is_missing() -> None:
    assert rejection_of(event_xml("")) == ("Event", "MISSING")


def test_two_detail_elements_are_malformed() -> None:
    two = event_xml(detail("Registration") + detail("RecordStatus"))
    assert rejection_of(two) == ("RecordStatus", "MALFORMED")
    twice = event_xml(detail("Registration") + detail("Registration"))
    assert rejection_of(twice) == ("Registration", "MALFORMED")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"Nickname": "Sean"}, "Registration/Nickname"),
        ({"FamilyName": ["Ó Briain", "O'Brien"]}, "Registration/FamilyName"),
        ({"FamilyName": "<i>Ó Briain</i>"}, "Registration/FamilyName/i"),
        ({"Alias": {"FamilyName": "O'Brien", "GivenNames": "John", "Born": "1979"}}, "Registration/Alias/Born"),
    ],
)
def test_unlisted_or_repeated_element_below_the_detail_is_malformed(changes: dict[str, object], field: str) -> None:
    assert rejected("Registration", **changes) == (field, "MALFORMED")


def test_element_from_another_namespace_below_the_detail_is_malformed() -> None:
    foreign = detail("Registration")[: -len("</Registration>")] + '<Sex xmlns="urn:other">MALE</Sex></Registration>'
    assert rejection_of(event_xml(foreign)) == ("Registration/Sex", "MALFORMED")


def test_loose_text_in_a_detail_or_an_event_is_malformed() -> None:
    loose = detail("Registration").replace("<Sex>", "oops<Sex>")
    assert rejection_of(event_xml(loose)) == ("Registration", "MALFORMED")
    assert rejection_of(event_xml("stray " + detail("Registration"))) == ("Event", "MALFORMED")


def test_comments_and_processing_instructions_are_ignored() -> None:
    commented = detail("Registration").replace("<Sex>", "<!-- checked --><?audit ok?><Sex>")
    assert isinstance(parse_one(event_xml(commented)), dict)
