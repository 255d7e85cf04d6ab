"""SJX time rules: the offset written decides the instant; dates are checked for shape, reality and range."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.unit.adapters.test_scotland_support import event_of, message, payload_of, rejection_of


@pytest.mark.parametrize(
    ("written", "instant"),
    [
        ("2026-06-14T09:05:00+01:00", datetime(2026, 6, 14, 8, 5, tzinfo=UTC)),
        ("2026-01-20T16:42:10.250Z", datetime(2026, 1, 20, 16, 42, 10, tzinfo=UTC)),
        ("2026-01-20T16:42:10.999999999Z", datetime(2026, 1, 20, 16, 42, 10, tzinfo=UTC)),
        ("2026-06-14T04:05:00-05:00", datetime(2026, 6, 14, 9, 5, tzinfo=UTC)),
        ("2026-06-14T14:35:00+05:30", datetime(2026, 6, 14, 9, 5, tzinfo=UTC)),
        ("2026-01-20T16:42:10+01:00", datetime(2026, 1, 20, 15, 42, 10, tzinfo=UTC)),
    ],
)
def test_the_offset_written_decides_the_instant(written: str, instant: datetime) -> None:
    assert event_of(message(event_timestamp=written))["occurred_at"] == instant


def test_spring_gap_time_with_an_explicit_offset_is_a_real_instant() -> None:
    event = event_of(message(event_timestamp="2026-03-29T01:30:00+00:00"))
    assert event["occurred_at"] == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("written", "instant"),
    [
        ("2026-10-25T01:30:00+01:00", datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        ("2026-10-25T01:30:00+00:00", datetime(2026, 10, 25, 1, 30, tzinfo=UTC)),
    ],
)
def test_autumn_overlap_first_and_second_occurrence_follow_the_offset(written: str, instant: datetime) -> None:
    assert event_of(message(event_timestamp=written))["occurred_at"] == instant


@pytest.mark.parametrize(
    "written",
    [
        "2026-06-14T09:05:00",
        "2026-06-14T09:05+01:00",
        "2026-06-14 09:05:00Z",
        "2026-06-14T09:05:00+0100",
        "2026-06-14T09:05:00+01",
        "14/06/2026T09:05:00Z",
        "2026-06-14T09:05:00z",
        "2026-06-14T09:05:00+25:00",
        "2026-06-14T09:05:00+01:60",
        "\u0662\u0660\u0662\u0666-06-14T09:05:00Z",
        "2026-06-14",
    ],
)
def test_timestamp_of_the_wrong_shape_is_bad_format(written: str) -> None:
    assert rejection_of(message(event_timestamp=written)) == ("event_timestamp", "BAD_FORMAT")


@pytest.mark.parametrize(
    "written",
    [
        "2026-02-29T10:00:00Z",
        "2026-04-31T10:00:00Z",
        "2026-06-14T24:00:00Z",
        "2026-06-14T23:60:00Z",
        "2026-06-14T23:59:60Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:30:00-01:00",
        "0001-01-01T00:30:00+01:00",
        "0001-01-01T00:00:00Z",
    ],
)
def test_impossible_or_unrepresentable_timestamp_is_bad_date(written: str) -> None:
    assert rejection_of(message(event_timestamp=written)) == ("event_timestamp", "BAD_DATE")


def test_leap_day_of_a_leap_year_is_a_date() -> None:
    assert event_of(message(event_timestamp="2028-02-29T10:00:00Z"))["occurred_at"].day == 29


@pytest.mark.parametrize(
    ("written", "london"),
    [
        ("2026-06-30T23:30:00Z", date(2026, 7, 1)),
        ("2026-01-20T23:30:00Z", date(2026, 1, 20)),
        ("2026-07-01T00:30:00+02:00", date(2026, 6, 30)),
        ("2026-10-25T00:30:00Z", date(2026, 10, 25)),
        ("2026-03-28T23:59:59-01:00", date(2026, 3, 29)),
    ],
)
def test_custody_and_movement_date_is_the_london_date_of_the_instant(written: str, london: date) -> None:
    assert payload_of(message("custody.received", event_timestamp=written))["date"] == london
    assert payload_of(message("offender.departed", event_timestamp=written))["date"] == london


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        ("nominal.registered", "date_of_birth"),
        ("address.notified", "notified_on"),
        ("address.notified", "effective_from"),
        ("transfer.requested", "proposed_move_date"),
    ],
)
@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("02/11/1987", "BAD_FORMAT"),
        ("1987-11-2", "BAD_FORMAT"),
        ("19871102", "BAD_FORMAT"),
        ("1987-11-02T00:00:00Z", "BAD_FORMAT"),
        ("\u0661\u0669\u0668\u0667-11-02", "BAD_FORMAT"),
        ("1987-02-29", "BAD_DATE"),
        ("1987-04-31", "BAD_DATE"),
        ("1987-13-01", "BAD_DATE"),
        ("1987-00-10", "BAD_DATE"),
    ],
)
def test_date_fields_check_shape_then_reality(kind: str, field: str, written: str, reason: str) -> None:
    assert rejection_of(message(kind, **{field: written})) == (field, reason)


def test_licence_end_date_checks_shape_and_reality() -> None:
    released = message("custody.released", release_type="LIC", licence_end_date="2027-02-29")
    assert rejection_of(released) == ("licence_end_date", "BAD_DATE")
    released["licence_end_date"] = "28/02/2027"
    assert rejection_of(released) == ("licence_end_date", "BAD_FORMAT")


@pytest.mark.parametrize(("born", "reason"), [("1899-12-31", "BAD_DATE"), ("1800-01-01", "BAD_DATE")])
def test_date_of_birth_before_1900_is_bad_date(born: str, reason: str) -> None:
    assert rejection_of(message(date_of_birth=born)) == ("date_of_birth", reason)


def test_date_of_birth_on_1900_01_01_is_accepted() -> None:
    assert payload_of(message(date_of_birth="1900-01-01"))["date_of_birth"] == date(1900, 1, 1)


def test_date_of_birth_after_the_event_is_future_date() -> None:
    assert rejection_of(message(date_of_birth="2026-06-15")) == ("date_of_birth", "FUTURE_DATE")


def test_date_of_birth_is_compared_with_the_london_date_of_the_event() -> None:
    late = message(event_timestamp="2026-06-14T23:30:00Z", date_of_birth="2026-06-15")
    assert payload_of(late)["date_of_birth"] == date(2026, 6, 15)
    early = message(event_timestamp="2026-06-15T00:30:00+02:00", date_of_birth="2026-06-15")
    assert rejection_of(early) == ("date_of_birth", "FUTURE_DATE")


def test_date_of_birth_on_the_day_of_the_event_is_accepted() -> None:
    assert payload_of(message(date_of_birth="2026-06-14"))["date_of_birth"] == date(2026, 6, 14)
