"""Every BTPX record type, every code list, and the date and time rules."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.unit.adapters.btp_records import FIELDS, INTEL_ID, PNC, TRANSFER_ID, event_of, record, rejection_of

EVENT_TYPES = {
    "10": "NominalRegistered",
    "20": "AddressNotified",
    "31": "TransferRequested",
    "32": "TransferAccepted",
    "33": "TransferRejected",
    "34": "OffenderDeparted",
    "35": "OffenderArrived",
    "40": "MappaLevelChanged",
    "51": "IntelligenceShared",
    "52": "IntelligenceConsentDecided",
    "53": "IntelligenceWithdrawn",
    "61": "NominalArchived",
    "62": "NominalReactivated",
}
TRANSFER_TYPES = ("31", "32", "33", "34", "35")


@pytest.mark.parametrize(("rec_type", "event_type"), EVENT_TYPES.items())
def test_each_record_type_becomes_its_event(rec_type: str, event_type: str) -> None:
    event = event_of(record(rec_type))
    assert event["event_type"] == event_type
    assert event["source_agency"] == "BTP-POLICE"
    assert event["source_jurisdiction"] == "BTP"
    assert event["source_system"] == "BTPX"
    assert event["identifiers"] == [{"scheme": "PNC", "value": PNC, "agency": None}]
    assert event["occurred_at"] == datetime(2026, 11, 4, 15, 30, tzinfo=UTC)
    assert event["correlation_id"] == (TRANSFER_ID if rec_type in TRANSFER_TYPES else None)


def test_every_spec_record_type_is_covered() -> None:
    assert set(FIELDS) == set(EVENT_TYPES)


def test_registration_with_cro_and_aliases() -> None:
    event = event_of(
        record("10", cro_number="41877/09b", aliases="O'Rourke^Declan~ O’Rourke ^ Dec ", sex="M", status="I")
    )
    assert event["identifiers"] == [
        {"scheme": "PNC", "value": PNC, "agency": None},
        {"scheme": "CRO", "value": "041877/09B", "agency": None},
    ]
    assert event["payload"]["aliases"] == [
        {"family_name": "O'Rourke", "given_names": "Declan"},
        {"family_name": "O’Rourke", "given_names": "Dec"},
    ]
    assert event["payload"]["status"] == "CUSTODY"
    assert event["payload"]["sex"] == "M"


@pytest.mark.parametrize(("native", "canonical"), [("M", "M"), ("F", "F"), ("U", "U")])
def test_sex_codes(native: str, canonical: str) -> None:
    assert event_of(record("10", sex=native))["payload"]["sex"] == canonical


@pytest.mark.parametrize(("native", "canonical"), [("C", "COMMUNITY"), ("I", "CUSTODY")])
def test_status_codes(native: str, canonical: str) -> None:
    assert event_of(record("10", status=native))["payload"]["status"] == canonical


@pytest.mark.parametrize("value", ["1", "2", "3"])
def test_mappa_values_are_integers(value: str) -> None:
    payload = event_of(record("10", mappa_cat=value, mappa_level=value))["payload"]
    assert (payload["mappa_category"], payload["mappa_level"]) == (int(value), int(value))


@pytest.mark.parametrize(("native", "canonical"), [("1", "OFFICIAL"), ("2", "OFFICIAL-SENSITIVE")])
def test_markings_that_pass(native: str, canonical: str) -> None:
    assert event_of(record("61", marking=native))["classification"] == canonical


@pytest.mark.parametrize(("native", "canonical"), [("H", "HOME"), ("T", "TEMPORARY"), ("N", "NFA")])
def test_address_types(native: str, canonical: str) -> None:
    assert event_of(record("20", addr_type=native))["payload"]["address_type"] == canonical


def test_no_fixed_abode_needs_only_a_town() -> None:
    payload = event_of(record("20", line1="", town="Cardiff", postcode="", addr_type="N"))["payload"]
    assert payload["address"] == {"lines": [], "town": "Cardiff", "postcode": None, "bfpo": None}


def test_address_postcode_is_normalised_and_all_three_lines_kept() -> None:
    line = record("20", line1="Flat 2", line2="Crossley Court", line3="12 Water Lane", town="Leeds", postcode="ls115qn")
    assert event_of(line)["payload"]["address"] == {
        "lines": ["Flat 2", "Crossley Court", "12 Water Lane"],
        "town": "Leeds",
        "postcode": "LS11 5QN",
        "bfpo": None,
    }


@pytest.mark.parametrize(("native", "canonical"), [("1", "LOW"), ("2", "MEDIUM"), ("3", "HIGH"), ("4", "VERY_HIGH")])
def test_rosh_codes(native: str, canonical: str) -> None:
    assert event_of(record("31", rosh=native))["payload"]["risk"]["rosh"] == canonical


@pytest.mark.parametrize(
    "agency", ["SCO-SPS", "EAW-F01", "EAW-HMPPS-PROBATION", "NIR-PSNI", "JSY-SOJP", "RMP-POLICE", "RMP-MCTC"]
)
def test_transfer_request_to_any_other_jurisdiction(agency: str) -> None:
    payload = event_of(record("31", to_agency=agency))["payload"]
    assert (payload["to_agency"], payload["to_jurisdiction"]) == (agency, agency.split("-")[0])


@pytest.mark.parametrize(
    ("native", "canonical"),
    [
        ("R1", "NO_LOCAL_CONNECTION"),
        ("R2", "ADDRESS_UNSUITABLE"),
        ("R3", "INSUFFICIENT_INFORMATION"),
        ("R4", "RISK_NOT_MANAGEABLE"),
        ("R5", "DUPLICATE_REQUEST"),
        ("R6", "OTHER"),
    ],
)
def test_rejection_codes(native: str, canonical: str) -> None:
    payload = event_of(record("33", reject_code=native))["payload"]
    assert payload == {
        "transfer_id": TRANSFER_ID,
        "decided_by": "BTP-POLICE",
        "rejection_code": canonical,
        "rejection_text": "No local connection.",
    }


def test_transfer_accepted_without_a_reason() -> None:
    payload = event_of(record("32", transfer_id=TRANSFER_ID.upper(), reason_text=""))["payload"]
    assert payload == {"transfer_id": TRANSFER_ID, "decided_by": "BTP-POLICE", "reason": None}


def test_departure_without_an_address() -> None:
    line = record("34", line1="", line2="", line3="", town="", postcode="")
    assert event_of(line)["payload"] == {"transfer_id": TRANSFER_ID, "date": date(2026, 11, 4), "address": None}


def test_arrival_date_is_the_london_date_not_the_utc_date() -> None:
    payload = event_of(record("35", event_date="20260701", event_time="0030"))["payload"]
    assert payload["date"] == date(2026, 7, 1)
    assert payload["address"]["lines"] == ["14 Cathedral Street"]


def test_mappa_change_with_category_only() -> None:
    payload = event_of(record("40", mappa_cat="1", mappa_level=""))["payload"]
    assert payload == {"mappa_category": 1, "mappa_level": None, "meeting_id": "BTP-MAPPA-2026-03"}


def test_intelligence_with_handling_p_has_no_conditions() -> None:
    payload = event_of(record("51", grading="1AP", conditions="", recipients="RMP"))["payload"]
    assert payload == {
        "intel_id": INTEL_ID,
        "text": "Seen at Crewe depot.",
        "source_evaluation": "1",
        "intelligence_assessment": "A",
        "handling_code": "P",
        "handling_conditions": None,
        "recipients": ["RMP"],
    }


@pytest.mark.parametrize("grading", [f"{e}{a}{h}" for e in "123" for a in "ABCDE" for h in "PC"])
def test_every_grading(grading: str) -> None:
    conditions = "Not to be shared further." if grading[2] == "C" else ""
    payload = event_of(record("51", grading=grading, conditions=conditions))["payload"]
    assert (payload["source_evaluation"], payload["intelligence_assessment"], payload["handling_code"]) == tuple(
        grading
    )


def test_twenty_recipients_are_allowed() -> None:
    ten = ";".join(f"EAW-F{n}" for n in ("01", "03", "04", "05", "06", "07", "10", "11", "12", "13"))
    recipients = f"{ten};{ten}"
    assert len(event_of(record("51", recipients=recipients))["payload"]["recipients"]) == 20


@pytest.mark.parametrize(("native", "canonical"), [("G", "GRANTED"), ("R", "REFUSED")])
def test_consent_decisions(native: str, canonical: str) -> None:
    assert event_of(record("52", decision=native))["payload"]["decision"] == canonical


def test_withdrawal_names_the_intelligence_owner() -> None:
    event = event_of(record("53", intel_owner="NIR-PSNI"))
    assert event["owner_agency"] == "NIR-PSNI"
    assert event["payload"] == {"intel_id": INTEL_ID, "reason": "Source withdrew the report."}


def test_owner_is_btp_on_everything_but_consent_and_withdrawal() -> None:
    for rec_type in sorted(set(EVENT_TYPES) - {"52", "53"}):
        assert event_of(record(rec_type))["owner_agency"] == "BTP-POLICE"


def test_reactivation_reason() -> None:
    assert event_of(record("62"))["payload"] == {"reason": "Registered again after a new conviction."}


def test_values_are_trimmed_and_case_kept() -> None:
    payload = event_of(record("10", surname="  de la Cruz ", forenames="\tJosé María "))["payload"]
    assert (payload["family_name"], payload["given_names"]) == ("de la Cruz", "José María")


def test_escaped_backslash_is_a_literal_backslash() -> None:
    assert event_of(record("61", reason_text="See C:\\\\cases\\\\0417."))["payload"]["reason"] == "See C:\\cases\\0417."


def test_escaped_pipe_in_a_name() -> None:
    assert event_of(record("10", surname="Smith\\|Jones"))["payload"]["family_name"] == "Smith|Jones"


# --- dates and times -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event_date", "event_time", "occurred_at"),
    [
        ("20260115", "1200", datetime(2026, 1, 15, 12, 0, tzinfo=UTC)),  # GMT
        ("20260715", "1200", datetime(2026, 7, 15, 11, 0, tzinfo=UTC)),  # BST
        ("20260329", "0059", datetime(2026, 3, 29, 0, 59, tzinfo=UTC)),  # just before the gap
        ("20260329", "0200", datetime(2026, 3, 29, 1, 0, tzinfo=UTC)),  # just after it
        ("20261025", "0100", datetime(2026, 10, 25, 0, 0, tzinfo=UTC)),  # overlap: first 01:00 is BST
        ("20261025", "0159", datetime(2026, 10, 25, 0, 59, tzinfo=UTC)),
        ("20261025", "0200", datetime(2026, 10, 25, 2, 0, tzinfo=UTC)),  # after the overlap, GMT
        ("20241231", "2359", datetime(2024, 12, 31, 23, 59, tzinfo=UTC)),
        ("20240229", "0000", datetime(2024, 2, 29, 0, 0, tzinfo=UTC)),  # leap day
    ],
)
def test_event_time_is_uk_local(event_date: str, event_time: str, occurred_at: datetime) -> None:
    assert event_of(record("61", event_date=event_date, event_time=event_time))["occurred_at"] == occurred_at


@pytest.mark.parametrize("event_time", ["0100", "0130", "0159"])
def test_event_time_in_the_spring_gap_does_not_exist(event_time: str) -> None:
    line = record("61", event_date="20260329", event_time=event_time)
    assert rejection_of(line) == ("event_time", "NONEXISTENT_LOCAL_TIME")


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("event_date", "20260229", "BAD_DATE"),
        ("event_date", "20260431", "BAD_DATE"),
        ("event_date", "20261301", "BAD_DATE"),
        ("event_date", "2026-11-04", "BAD_FORMAT"),
        ("event_date", "2026114", "BAD_FORMAT"),
        ("event_date", "", "MISSING"),
        ("event_time", "2400", "BAD_DATE"),
        ("event_time", "1260", "BAD_DATE"),
        ("event_time", "15:30", "BAD_FORMAT"),
        ("event_time", "153", "BAD_FORMAT"),
        ("event_time", "", "MISSING"),
    ],
)
def test_impossible_and_misshapen_event_dates_and_times(field: str, value: str, reason: str) -> None:
    assert rejection_of(record("61", **{field: value})) == (field, reason)


@pytest.mark.parametrize(
    ("rec_type", "field"),
    [("10", "dob"), ("20", "notified_on"), ("20", "effective_from"), ("31", "move_date")],
)
@pytest.mark.parametrize(("value", "reason"), [("20250229", "BAD_DATE"), ("04/11/2026", "BAD_FORMAT")])
def test_impossible_and_misshapen_payload_dates(rec_type: str, field: str, value: str, reason: str) -> None:
    assert rejection_of(record(rec_type, **{field: value})) == (field, reason)


def test_date_of_birth_in_the_future_is_rejected() -> None:
    line = record("10", event_date="20261104", dob="20261105")
    assert rejection_of(line) == ("dob", "FUTURE_DATE")


def test_date_of_birth_on_the_london_day_of_the_event_is_accepted() -> None:
    # 00:30 BST on 1 July is 23:30 UTC on 30 June: the London date is what counts.
    line = record("10", event_date="20260701", event_time="0030", dob="20260701")
    assert event_of(line)["payload"]["date_of_birth"] == date(2026, 7, 1)


def test_date_of_birth_before_1900_is_a_bad_date() -> None:
    assert rejection_of(record("10", dob="18991231")) == ("dob", "BAD_DATE")


def test_date_of_birth_on_1_january_1900_is_accepted() -> None:
    assert event_of(record("10", dob="19000101"))["payload"]["date_of_birth"] == date(1900, 1, 1)
