"""Record rejections of formats/btp.md and the common rules: the native field named and the reason code."""

from __future__ import annotations

import pytest

from tests.unit.adapters.btp_records import FIELDS, event_of, record, rejection_of

# --- record type, field count, escapes ---------------------------------------------------------------------


@pytest.mark.parametrize("rec_type", ["70", "71", "75", "79"])
def test_custody_codes_are_not_defined_for_btp(rec_type: str) -> None:
    line = f"{rec_type}|BTP26-0031877|20261104|1530|1|2021/0045098N|EAW-LEI|20261104|R"
    assert rejection_of(line) == ("rec_type", "UNKNOWN_TYPE")


@pytest.mark.parametrize("rec_type", ["00", "1", "010", "AB", "", "3l"])
def test_unknown_record_type(rec_type: str) -> None:
    assert rejection_of(record("61").replace("61", rec_type, 1)) == ("rec_type", "UNKNOWN_TYPE")


@pytest.mark.parametrize("rec_type", sorted(FIELDS))
def test_a_field_too_many_or_too_few_is_malformed(rec_type: str) -> None:
    line = record(rec_type)
    assert rejection_of(f"{line}|") == ("record", "MALFORMED")
    assert rejection_of(line.rsplit("|", 1)[0]) == ("record", "MALFORMED")


def test_an_escaped_pipe_does_not_split_a_field() -> None:
    assert rejection_of(record("61", reason_text="a|b")) == ("record", "MALFORMED")
    assert event_of(record("61", reason_text="a\\|b"))["payload"]["reason"] == "a|b"


@pytest.mark.parametrize("reason_text", ["C:\\cases", "trailing\\", "\\n is not a newline"])
def test_a_backslash_before_anything_else_is_bad_format(reason_text: str) -> None:
    assert rejection_of(record("61", reason_text=reason_text)) == ("reason_text", "BAD_FORMAT")


def test_a_stray_backslash_names_its_own_field() -> None:
    assert rejection_of(record("10", forenames="Ren\\ee")) == ("forenames", "BAD_FORMAT")


# --- common fields ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "reason"),
    [("", "MISSING"), ("BTP26-003187", "BAD_FORMAT"), ("btp26-0031877", "BAD_FORMAT"), ("BTP2-00318770", "BAD_FORMAT")],
)
def test_rec_ref_shape(value: str, reason: str) -> None:
    assert rejection_of(record("61", rec_ref=value)) == ("rec_ref", reason)


@pytest.mark.parametrize("marking", ["3", "4"])
def test_secret_and_top_secret_are_refused(marking: str) -> None:
    assert rejection_of(record("51", marking=marking)) == ("marking", "CLASSIFICATION_REFUSED")


def test_secret_is_refused_even_when_the_rest_is_wrong_too() -> None:
    assert rejection_of(record("51", marking="3", intel_id="nope")) == ("marking", "CLASSIFICATION_REFUSED")


@pytest.mark.parametrize(("marking", "reason"), [("0", "UNKNOWN_CODE"), ("5", "UNKNOWN_CODE"), ("", "MISSING")])
def test_other_markings(marking: str, reason: str) -> None:
    assert rejection_of(record("61", marking=marking)) == ("marking", reason)


@pytest.mark.parametrize(
    ("value", "reason"), [("", "MISSING"), ("2021/0045098X", "BAD_FORMAT"), ("21/0045098N", "BAD_FORMAT")]
)
def test_pnc_id_is_required_and_checked(value: str, reason: str) -> None:
    assert rejection_of(record("61", pnc_id=value)) == ("pnc_id", reason)


def test_pnc_id_is_padded_and_upper_cased() -> None:
    event = event_of(record("61", pnc_id="2021/45098n"))
    assert event["identifiers"] == [{"scheme": "PNC", "value": "2021/0045098N", "agency": None}]


# --- registrations ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("cro_number", "041877/09C", "BAD_FORMAT"),
        ("cro_number", "CRO-41877", "BAD_FORMAT"),
        ("surname", "", "MISSING"),
        ("surname", "x" * 101, "TOO_LONG"),
        ("forenames", " ", "MISSING"),
        ("forenames", "y" * 101, "TOO_LONG"),
        ("forenames", "Ren\x07e", "BAD_FORMAT"),
        ("dob", "", "MISSING"),
        ("sex", "X", "UNKNOWN_CODE"),
        ("sex", "m", "UNKNOWN_CODE"),
        ("sex", "", "MISSING"),
        ("mappa_cat", "4", "UNKNOWN_CODE"),
        ("mappa_cat", "0", "UNKNOWN_CODE"),
        ("mappa_cat", "", "MISSING"),
        ("mappa_level", "4", "UNKNOWN_CODE"),
        ("mappa_level", "", "MISSING"),
        ("status", "c", "UNKNOWN_CODE"),
        ("status", "COMMUNITY", "UNKNOWN_CODE"),
        ("status", "", "MISSING"),
        ("aliases", "Smith", "BAD_FORMAT"),
        ("aliases", "Smith^John^Paul", "BAD_FORMAT"),
        ("aliases", "Smith^", "MISSING"),
        ("aliases", "Smith^John~~Jones^Ann", "BAD_FORMAT"),
        ("aliases", f"{'z' * 101}^John", "TOO_LONG"),
        ("aliases", "~".join(["Smith^John"] * 11), "TOO_LONG"),
    ],
)
def test_registration_faults(field: str, value: str, reason: str) -> None:
    assert rejection_of(record("10", **{field: value})) == (field, reason)


def test_a_hundred_character_name_and_ten_aliases_are_allowed() -> None:
    payload = event_of(record("10", surname="x" * 100, aliases="~".join(["Smith^John"] * 10)))["payload"]
    assert len(payload["family_name"]) == 100
    assert len(payload["aliases"]) == 10


# --- addresses and transfers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rec_type", "field", "value", "reason"),
    [
        ("20", "line1", "", "MISSING"),
        ("20", "line1", "x" * 101, "TOO_LONG"),
        ("20", "line3", "x" * 101, "TOO_LONG"),
        ("20", "town", "", "MISSING"),
        ("20", "town", "t" * 61, "TOO_LONG"),
        ("20", "postcode", "", "MISSING"),
        ("20", "postcode", "CW1 2D", "BAD_FORMAT"),
        ("20", "postcode", "BFPO 105", "BAD_FORMAT"),
        ("20", "addr_type", "X", "UNKNOWN_CODE"),
        ("20", "addr_type", "", "MISSING"),
        ("20", "notified_on", "", "MISSING"),
        ("35", "line1", "", "MISSING"),
        ("35", "town", "", "MISSING"),
        ("35", "postcode", "", "MISSING"),
        ("35", "postcode", "G12HDX", "BAD_FORMAT"),
        ("31", "transfer_id", "", "MISSING"),
        ("31", "transfer_id", "{5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d}", "BAD_FORMAT"),
        ("31", "to_agency", "BTP-POLICE", "INCONSISTENT"),
        ("31", "to_agency", "SCO-CJSW", "UNKNOWN_CODE"),
        ("31", "to_agency", "SCO", "UNKNOWN_CODE"),
        ("31", "to_agency", "", "MISSING"),
        ("31", "move_date", "", "MISSING"),
        ("31", "mappa_cat", "", "MISSING"),
        ("31", "mappa_level", "4", "UNKNOWN_CODE"),
        ("31", "rosh", "5", "UNKNOWN_CODE"),
        ("31", "rosh", "HIGH", "UNKNOWN_CODE"),
        ("31", "reason_text", "", "MISSING"),
        ("31", "reason_text", "r" * 1001, "TOO_LONG"),
        ("32", "transfer_id", "not-a-uuid", "BAD_FORMAT"),
        ("32", "reason_text", "r" * 1001, "TOO_LONG"),
        ("33", "reject_code", "R7", "UNKNOWN_CODE"),
        ("33", "reject_code", "r1", "UNKNOWN_CODE"),
        ("33", "reject_code", "", "MISSING"),
        ("33", "reason_text", "", "MISSING"),
        ("34", "transfer_id", "", "MISSING"),
        ("35", "transfer_id", "5a4b3c2d1e0f4a9b8c7d6e5f4a3b2c1d", "BAD_FORMAT"),
    ],
)
def test_address_and_transfer_faults(rec_type: str, field: str, value: str, reason: str) -> None:
    assert rejection_of(record(rec_type, **{field: value})) == (field, reason)


@pytest.mark.parametrize(
    ("given", "missing"),
    [
        ({"line1": "1 High St"}, "town"),
        ({"town": "Glasgow"}, "line1"),
        ({"postcode": "G1 2HD"}, "line1"),
        ({"line1": "1 High St", "town": "Glasgow"}, "postcode"),
        ({"line2": "Flat 3/1"}, "line1"),
    ],
)
def test_departure_address_is_all_or_none(given: dict[str, str], missing: str) -> None:
    empty = {"line1": "", "line2": "", "line3": "", "town": "", "postcode": ""}
    assert rejection_of(record("34", **{**empty, **given})) == (missing, "MISSING")


def test_no_fixed_abode_still_needs_a_town() -> None:
    assert rejection_of(record("20", line1="", town="", postcode="", addr_type="N")) == ("town", "MISSING")


def test_no_fixed_abode_postcode_is_still_checked() -> None:
    assert rejection_of(record("20", addr_type="N", postcode="NOWHERE")) == ("postcode", "BAD_FORMAT")


def test_a_line_break_in_an_address_line_is_bad_format() -> None:
    assert rejection_of(record("20", line2="Flat 2\rCrossley Court")) == ("line2", "BAD_FORMAT")


# --- MAPPA and archiving ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rec_type", "field", "value", "reason"),
    [
        ("40", "mappa_level", "", "MISSING"),  # with mappa_cat empty too: at least one is needed
        ("40", "mappa_cat", "9", "UNKNOWN_CODE"),
        ("40", "mappa_level", "0", "UNKNOWN_CODE"),
        ("40", "meeting_id", "", "MISSING"),
        ("40", "meeting_id", "M" * 41, "TOO_LONG"),
        ("61", "reason_text", "", "MISSING"),
        ("61", "reason_text", "r" * 1001, "TOO_LONG"),
        ("62", "reason_text", "  ", "MISSING"),
        ("62", "reason_text", "Nul\x00 byte", "BAD_FORMAT"),
    ],
)
def test_mappa_and_archive_faults(rec_type: str, field: str, value: str, reason: str) -> None:
    assert rejection_of(record(rec_type, **{field: value})) == (field, reason)


def test_a_thousand_character_reason_is_allowed() -> None:
    assert len(event_of(record("61", reason_text="r" * 1000))["payload"]["reason"]) == 1000


def test_a_bare_carriage_return_in_free_text_becomes_a_line_feed() -> None:
    assert event_of(record("61", reason_text="one\rtwo"))["payload"]["reason"] == "one\ntwo"


# --- intelligence -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rec_type", "field", "value", "reason"),
    [
        ("51", "intel_id", "", "MISSING"),
        ("51", "intel_id", "0a9b8c7d-6e5f-4a3b-8c1d-2e3f4a5b6c7", "BAD_FORMAT"),
        ("51", "grading", "4AP", "UNKNOWN_CODE"),
        ("51", "grading", "2FC", "UNKNOWN_CODE"),
        ("51", "grading", "2bc", "UNKNOWN_CODE"),
        ("51", "grading", "2BX", "UNKNOWN_CODE"),
        ("51", "grading", "2BCC", "UNKNOWN_CODE"),
        ("51", "grading", "", "MISSING"),
        ("51", "recipients", "", "MISSING"),
        ("51", "recipients", "EAW-F02", "UNKNOWN_CODE"),
        ("51", "recipients", "SCO;;EAW", "UNKNOWN_CODE"),
        ("51", "recipients", "sco", "UNKNOWN_CODE"),
        ("51", "recipients", ";".join(["SCO"] * 21), "INCONSISTENT"),
        ("51", "conditions", "", "MISSING"),  # handling C
        ("51", "conditions", "c" * 501, "TOO_LONG"),
        ("51", "intel_text", "", "MISSING"),
        ("51", "intel_text", "t" * 4001, "TOO_LONG"),
        ("52", "intel_owner", "BTP", "UNKNOWN_CODE"),
        ("52", "intel_owner", "", "MISSING"),
        ("52", "recipient", "SCO-NHS", "UNKNOWN_CODE"),
        ("52", "recipient", "", "MISSING"),
        ("52", "decision", "GRANTED", "UNKNOWN_CODE"),
        ("52", "decision", "g", "UNKNOWN_CODE"),
        ("52", "decision", "", "MISSING"),
        ("53", "intel_owner", "EAW-F99", "UNKNOWN_CODE"),
        ("53", "reason_text", "", "MISSING"),
        ("53", "intel_id", "x", "BAD_FORMAT"),
    ],
)
def test_intelligence_faults(rec_type: str, field: str, value: str, reason: str) -> None:
    assert rejection_of(record(rec_type, **{field: value})) == (field, reason)


def test_handling_p_with_conditions_is_inconsistent() -> None:
    assert rejection_of(record("51", grading="2BP")) == ("conditions", "INCONSISTENT")


def test_four_thousand_characters_of_intelligence_are_allowed() -> None:
    assert len(event_of(record("51", intel_text="t" * 4000))["payload"]["text"]) == 4000


def test_consent_decided_by_a_non_owner_is_still_emitted() -> None:
    event = event_of(record("52", intel_owner="SCO-PSOS", recipient="EAW-F01"))
    assert event["owner_agency"] == "SCO-PSOS"
    assert event["payload"]["decided_by"] == "BTP-POLICE"
