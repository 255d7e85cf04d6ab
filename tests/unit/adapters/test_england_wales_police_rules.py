"""Police nightly CSV (FORCE-RMS): date and time rules, and every rejection the spec states."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from hub.domain.codes import AGENCIES, JURISDICTIONS
from tests.unit.adapters.england_wales_builders import event_of, rejected


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


@pytest.mark.parametrize(
    ("day", "clock", "instant"),
    [
        ("14/01/2026", "09:30", utc(2026, 1, 14, 9, 30)),
        ("14/06/2026", "09:30", utc(2026, 6, 14, 8, 30)),
        ("29/03/2026", "00:59", utc(2026, 3, 29, 0, 59)),
        ("29/03/2026", "02:00", utc(2026, 3, 29, 1, 0)),
        ("25/10/2026", "00:59", utc(2026, 10, 24, 23, 59)),
        ("25/10/2026", "01:00", utc(2026, 10, 25, 0, 0)),
        ("25/10/2026", "01:59", utc(2026, 10, 25, 0, 59)),
        ("25/10/2026", "02:00", utc(2026, 10, 25, 2, 0)),
        ("29/02/2028", "23:59", utc(2028, 2, 29, 23, 59)),
    ],
)
def test_local_times_become_utc_taking_bst_in_the_autumn_overlap(day: str, clock: str, instant: datetime) -> None:
    assert event_of("ARC", event_date=day, event_time=clock)["occurred_at"] == instant


@pytest.mark.parametrize("clock", ["01:00", "01:30", "01:59"])
def test_a_time_in_the_spring_gap_is_nonexistent(clock: str) -> None:
    assert rejected("ARC", "event_time", "NONEXISTENT_LOCAL_TIME", event_date="29/03/2026", event_time=clock)


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("event_date", "29/02/2026", "BAD_DATE"),
        ("event_date", "31/04/2026", "BAD_DATE"),
        ("event_date", "00/01/2026", "BAD_DATE"),
        ("event_date", "14/6/2026", "BAD_FORMAT"),
        ("event_date", "2026-06-14", "BAD_FORMAT"),
        ("event_date", "١٤/٠٦/٢٠٢٦", "BAD_FORMAT"),
        ("event_date", "", "MISSING"),
        ("event_time", "24:00", "BAD_DATE"),
        ("event_time", "12:60", "BAD_DATE"),
        ("event_time", "9:30", "BAD_FORMAT"),
        ("event_time", "09:30:00", "BAD_FORMAT"),
        ("event_time", "", "MISSING"),
    ],
)
def test_impossible_and_misshapen_event_dates_and_times(column: str, value: str, reason: str) -> None:
    assert rejected("ARC", column, reason, **{column: value})


def test_date_of_birth_on_1900_01_01_is_accepted_and_the_day_before_is_bad() -> None:
    assert event_of("REG", date_of_birth="01/01/1900")["payload"]["date_of_birth"] == date(1900, 1, 1)
    assert rejected("REG", "date_of_birth", "BAD_DATE", date_of_birth="31/12/1899")


def test_date_of_birth_after_the_london_date_of_the_event_is_in_the_future() -> None:
    assert rejected("REG", "date_of_birth", "FUTURE_DATE", date_of_birth="15/06/2026")
    born_today = event_of("REG", date_of_birth="14/06/2026", event_time="00:30")
    assert born_today["occurred_at"] == utc(2026, 6, 13, 23, 30)
    assert born_today["payload"]["date_of_birth"] == date(2026, 6, 14)


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("record_type", "", "MISSING"),
        ("record_type", "XYZ", "UNKNOWN_TYPE"),
        ("record_type", "arc", "UNKNOWN_TYPE"),
        ("record_ref", "", "MISSING"),
        ("record_ref", "mps-26-1", "BAD_FORMAT"),
        ("record_ref", "MPS/26/1", "BAD_FORMAT"),
        ("record_ref", "A" * 21, "BAD_FORMAT"),
        ("force_code", "", "MISSING"),
        ("force_code", "02", "UNKNOWN_CODE"),
        ("force_code", "1", "UNKNOWN_CODE"),
        ("force_code", "EAW-F01", "UNKNOWN_CODE"),
        ("marking", "", "MISSING"),
        ("marking", "S", "CLASSIFICATION_REFUSED"),
        ("marking", "TS", "CLASSIFICATION_REFUSED"),
        ("marking", "os", "UNKNOWN_CODE"),
        ("marking", "OFFICIAL", "UNKNOWN_CODE"),
        ("pnc_id", "", "MISSING"),
        ("pnc_id", "2011/0482913A", "BAD_FORMAT"),
        ("pnc_id", "11/0482913X", "BAD_FORMAT"),
        ("pnc_id", "2011/٠482913X", "BAD_FORMAT"),
        ("cro_number", "048213/11A", "BAD_FORMAT"),
        ("cro_number", "48213-11B", "BAD_FORMAT"),
    ],
)
def test_the_columns_every_record_needs(column: str, value: str, reason: str) -> None:
    assert rejected("ARC", column, reason, **{column: value})


@pytest.mark.parametrize(
    "column", ["family_name", "given_names", "date_of_birth", "sex", "mappa_category", "mappa_level", "lead_agency"]
)
def test_registration_without_a_required_column_is_missing_it(column: str) -> None:
    assert rejected("REG", column, "MISSING", **{column: ""})


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("status", "", "MISSING"),
        ("status", "COMMUNITY", "UNKNOWN_CODE"),
        ("sex", "m", "UNKNOWN_CODE"),
        ("sex", "X", "UNKNOWN_CODE"),
        ("mappa_category", "4", "UNKNOWN_CODE"),
        ("mappa_level", "0", "UNKNOWN_CODE"),
        ("mappa_level", "01", "UNKNOWN_CODE"),
        ("lead_agency", "SCO-PSOS", "INCONSISTENT"),
        ("lead_agency", "EAW-F02", "UNKNOWN_CODE"),
        ("lead_agency", "EAW", "UNKNOWN_CODE"),
        ("family_name", "A" * 101, "TOO_LONG"),
        ("given_names", "B" * 101, "TOO_LONG"),
        ("family_name", "Okonkwo\nSmith", "BAD_FORMAT"),
        ("given_names", "Ada\x07eze", "BAD_FORMAT"),
        ("date_of_birth", "3/5/1990", "BAD_FORMAT"),
        ("date_of_birth", "31/02/1990", "BAD_DATE"),
        ("aliases", "Smith Ada", "BAD_FORMAT"),
        ("aliases", "Smith, Ada, Jane", "BAD_FORMAT"),
        ("aliases", "Smith, Ada;", "BAD_FORMAT"),
        ("aliases", ", Ada", "BAD_FORMAT"),
        ("aliases", "S" * 101 + ", Ada", "TOO_LONG"),
        ("aliases", ";".join(f"Smith{i}, Ada" for i in range(11)), "TOO_LONG"),
    ],
)
def test_registration_values_outside_the_rules(column: str, value: str, reason: str) -> None:
    assert rejected("REG", column, reason, **{column: value})


def test_registration_at_the_length_limits_is_accepted() -> None:
    payload = event_of(
        "REG",
        family_name="A" * 100,
        given_names="B" * 100,
        aliases=";".join(f"Smith{i}, Ada" for i in range(10)),
    )["payload"]

    assert (len(payload["family_name"]), len(payload["given_names"]), len(payload["aliases"])) == (100, 100, 10)


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("address_line_1", "", "MISSING"),
        ("address_line_1", "L" * 101, "TOO_LONG"),
        ("address_line_3", "L" * 101, "TOO_LONG"),
        ("town", "", "MISSING"),
        ("town", "T" * 61, "TOO_LONG"),
        ("postcode", "", "MISSING"),
        ("postcode", "E8 4R", "BAD_FORMAT"),
        ("postcode", "8E 4RP", "BAD_FORMAT"),
        ("address_type", "", "MISSING"),
        ("address_type", "HOME", "UNKNOWN_CODE"),
        ("notified_on", "", "MISSING"),
        ("effective_from", "", "MISSING"),
        ("effective_from", "26-10-2026", "BAD_FORMAT"),
        ("notified_on", "31/09/2026", "BAD_DATE"),
    ],
)
def test_address_notification_values_outside_the_rules(column: str, value: str, reason: str) -> None:
    assert rejected("ADR", column, reason, **{column: value})


def test_no_fixed_abode_still_needs_a_town_and_checks_a_postcode_given() -> None:
    assert rejected("ADR", "town", "MISSING", address_type="N", town="")
    assert rejected("ADR", "postcode", "BAD_FORMAT", address_type="N", postcode="nowhere")


def test_a_town_at_sixty_characters_is_accepted() -> None:
    assert event_of("ADR", town="T" * 60)["payload"]["address"]["town"] == "T" * 60


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("transfer_id", "", "MISSING"),
        ("transfer_id", "4b3c2d1e0f9a4b8c9d7e6f5a4b3c2d1e", "BAD_FORMAT"),
        ("transfer_id", "{4b3c2d1e-0f9a-4b8c-9d7e-6f5a4b3c2d1e}", "BAD_FORMAT"),
        ("to_agency", "", "MISSING"),
        ("to_agency", "EAW-F43", "INCONSISTENT"),
        ("to_agency", "EAW-HMPPS-PROBATION", "INCONSISTENT"),
        ("to_agency", "JSY", "UNKNOWN_CODE"),
        ("to_agency", "JSY-POLICE", "UNKNOWN_CODE"),
        ("proposed_move_date", "", "MISSING"),
        ("proposed_move_date", "01/13/2026", "BAD_DATE"),
        ("mappa_category", "", "MISSING"),
        ("mappa_level", "", "MISSING"),
        ("rosh", "", "MISSING"),
        ("rosh", "VERY_HIGH", "UNKNOWN_CODE"),
        ("reason_text", "", "MISSING"),
        ("reason_text", "R" * 1001, "TOO_LONG"),
        ("reason_text", "Moving\x00 away", "BAD_FORMAT"),
    ],
)
def test_transfer_request_values_outside_the_rules(column: str, value: str, reason: str) -> None:
    assert rejected("TRQ", column, reason, **{column: value})


def test_transfer_reason_at_a_thousand_characters_is_accepted() -> None:
    assert len(event_of("TRQ", reason_text="R" * 1000)["payload"]["reason"]) == 1000


@pytest.mark.parametrize(
    ("record_type", "column", "value", "reason"),
    [
        ("TAC", "transfer_id", "", "MISSING"),
        ("TAC", "reason_text", "R" * 1001, "TOO_LONG"),
        ("TRJ", "reason_code", "", "MISSING"),
        ("TRJ", "reason_code", "1", "UNKNOWN_CODE"),
        ("TRJ", "reason_code", "06", "UNKNOWN_CODE"),
        ("TRJ", "reason_text", "", "MISSING"),
        ("DEP", "transfer_id", "", "MISSING"),
        ("ARR", "transfer_id", "", "MISSING"),
        ("ARR", "address_line_1", "", "MISSING"),
        ("ARR", "town", "", "MISSING"),
        ("ARR", "postcode", "", "MISSING"),
    ],
)
def test_transfer_decision_and_movement_values_outside_the_rules(
    record_type: str, column: str, value: str, reason: str
) -> None:
    assert rejected(record_type, column, reason, **{column: value})


@pytest.mark.parametrize(
    ("present", "missing"),
    [
        ({"town": "St Helier"}, "address_line_1"),
        ({"address_line_2": "St Helier", "town": "Jersey", "postcode": "JE2 4UE"}, "address_line_1"),
        ({"address_line_1": "4 Rue de Funchal"}, "town"),
        ({"address_line_1": "4 Rue de Funchal", "town": "St Helier"}, "postcode"),
    ],
)
def test_departure_address_is_all_or_none(present: dict[str, str], missing: str) -> None:
    assert rejected("DEP", missing, "MISSING", **present)


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("meeting_id", "", "MISSING"),
        ("meeting_id", "M" * 41, "TOO_LONG"),
        ("mappa_level", "4", "UNKNOWN_CODE"),
    ],
)
def test_mappa_change_values_outside_the_rules(column: str, value: str, reason: str) -> None:
    assert rejected("MAP", column, reason, **{column: value})


def test_mappa_change_without_category_or_level_is_missing_them() -> None:
    assert rejected("MAP", "mappa_category", "MISSING", mappa_category="", mappa_level="")


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("intel_id", "", "MISSING"),
        ("intel_id", "not-a-uuid", "BAD_FORMAT"),
        ("intel_text", "", "MISSING"),
        ("intel_text", "T" * 4001, "TOO_LONG"),
        ("grading", "", "MISSING"),
        ("grading", "4AP", "UNKNOWN_CODE"),
        ("grading", "2FP", "UNKNOWN_CODE"),
        ("grading", "2BX", "UNKNOWN_CODE"),
        ("grading", "2bp", "UNKNOWN_CODE"),
        ("recipients", "", "MISSING"),
        ("recipients", "SCO;MARS", "UNKNOWN_CODE"),
        ("recipients", "SCO;;NIR", "UNKNOWN_CODE"),
        ("recipients", "sco", "UNKNOWN_CODE"),
        ("handling_conditions", "Only with the owner's agreement.", "INCONSISTENT"),
    ],
)
def test_intelligence_values_outside_the_rules(column: str, value: str, reason: str) -> None:
    assert rejected("INT", column, reason, **{column: value})


def test_handling_code_c_needs_conditions_of_at_most_500_characters() -> None:
    assert rejected("INT", "handling_conditions", "MISSING", grading="2BC")
    assert rejected("INT", "handling_conditions", "TOO_LONG", grading="2BC", handling_conditions="C" * 501)
    assert event_of("INT", grading="2BC", handling_conditions="C" * 500)["payload"]["handling_conditions"] == "C" * 500


def test_intelligence_text_at_4000_characters_is_accepted() -> None:
    assert len(event_of("INT", intel_text="T" * 4000)["payload"]["text"]) == 4000


def test_twenty_recipients_are_accepted_and_twenty_one_are_too_many() -> None:
    codes = sorted(AGENCIES) + list(JURISDICTIONS)

    assert len(event_of("INT", recipients=";".join(codes[:20]))["payload"]["recipients"]) == 20
    assert rejected("INT", "recipients", "INCONSISTENT", recipients=";".join(codes[:21]))


@pytest.mark.parametrize(
    ("record_type", "column", "value", "reason"),
    [
        ("ICD", "intel_id", "", "MISSING"),
        ("ICD", "consent_recipient", "", "MISSING"),
        ("ICD", "consent_recipient", "EAW-F99", "UNKNOWN_CODE"),
        ("ICD", "consent", "", "MISSING"),
        ("ICD", "consent", "GRANTED", "UNKNOWN_CODE"),
        ("ICD", "intel_owner", "", "MISSING"),
        ("ICD", "intel_owner", "SCO", "UNKNOWN_CODE"),
        ("IWD", "intel_id", "", "MISSING"),
        ("IWD", "intel_owner", "", "MISSING"),
        ("IWD", "reason_text", "", "MISSING"),
        ("ARC", "reason_text", "", "MISSING"),
        ("REA", "reason_text", "   ", "MISSING"),
        ("REA", "reason_text", "R" * 1001, "TOO_LONG"),
    ],
)
def test_consent_withdrawal_and_archive_values_outside_the_rules(
    record_type: str, column: str, value: str, reason: str
) -> None:
    assert rejected(record_type, column, reason, **{column: value})
