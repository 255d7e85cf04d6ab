"""REDCAP dates and times: `yyyymmdd`, `HHMMZ` always UTC, London dates on custody and movement events."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.unit.adapters.test_rmp_helpers import VALID, event_of, rejection_of


@pytest.mark.parametrize(
    ("day", "clock", "instant"),
    [
        ("20260329", "0130Z", datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
        ("20261025", "0130Z", datetime(2026, 10, 25, 1, 30, tzinfo=UTC)),
        ("20260101", "0000Z", datetime(2026, 1, 1, 0, 0, tzinfo=UTC)),
        ("20240229", "2359Z", datetime(2024, 2, 29, 23, 59, tzinfo=UTC)),
    ],
)
def test_times_are_utc_so_the_spring_gap_and_autumn_overlap_do_not_apply(
    day: str, clock: str, instant: datetime
) -> None:
    assert event_of(VALID["ARCH"].with_record(date=day, time=clock))["occurred_at"] == instant


@pytest.mark.parametrize(
    ("day", "clock", "london"),
    [
        ("20260601", "2330Z", date(2026, 6, 2)),
        ("20260601", "2259Z", date(2026, 6, 1)),
        ("20261202", "2330Z", date(2026, 12, 2)),
        ("20260328", "2330Z", date(2026, 3, 28)),
        ("20260329", "2330Z", date(2026, 3, 30)),
        ("20261024", "2330Z", date(2026, 10, 25)),
        ("20261025", "2330Z", date(2026, 10, 25)),
    ],
)
@pytest.mark.parametrize("record_type", ["CUS-REC", "CUS-TFR", "CUS-REL", "TFR-DEP", "TFR-ARR"])
def test_movement_and_custody_date_is_the_london_date(record_type: str, day: str, clock: str, london: date) -> None:
    event = event_of(VALID[record_type].with_record(date=day, time=clock))
    assert event["payload"]["date"] == london


@pytest.mark.parametrize(
    ("clock", "reason"),
    [
        ("0915", "BAD_FORMAT"),
        ("0915z", "BAD_FORMAT"),
        ("09:15Z", "BAD_FORMAT"),
        ("915Z", "BAD_FORMAT"),
        ("091500Z", "BAD_FORMAT"),
        ("0915+01", "BAD_FORMAT"),
        ("٠٩١٥Z", "BAD_FORMAT"),
        ("2400Z", "BAD_DATE"),
        ("0960Z", "BAD_DATE"),
        ("9999Z", "BAD_DATE"),
    ],
)
def test_bad_record_time(clock: str, reason: str) -> None:
    assert rejection_of(VALID["ARCH"].with_record(time=clock)) == ("@time", reason)


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        ("2026-12-02", "BAD_FORMAT"),
        ("02122026", "BAD_DATE"),
        ("2026122", "BAD_FORMAT"),
        ("٢٠٢٦١٢٠٢", "BAD_FORMAT"),
        ("20260229", "BAD_DATE"),
        ("20260431", "BAD_DATE"),
        ("20261300", "BAD_DATE"),
        ("20261200", "BAD_DATE"),
    ],
)
def test_bad_record_date(day: str, reason: str) -> None:
    assert rejection_of(VALID["ARCH"].with_record(date=day)) == ("@date", reason)


@pytest.mark.parametrize(("record_type", "attribute"), [("TFR-REQ", "moveDate"), ("ADDR", "notifiedOn")])
@pytest.mark.parametrize(("value", "reason"), [("20270229", "BAD_DATE"), ("10/01/2027", "BAD_FORMAT")])
def test_bad_detail_date(record_type: str, attribute: str, value: str, reason: str) -> None:
    record = VALID[record_type].with_detail(**{attribute: value})
    assert rejection_of(record) == (f"Detail/@{attribute}", reason)


def test_effective_from_is_a_plain_date_without_zone_conversion() -> None:
    record = VALID["ADDR"].with_record(date="20261202", time="2359Z").with_detail(effectiveFrom="20261202")
    assert event_of(record)["payload"]["effective_from"] == date(2026, 12, 2)


def test_birth_on_1900_01_01_is_accepted() -> None:
    assert event_of(VALID["REG"].with_detail(dob="19000101"))["payload"]["date_of_birth"] == date(1900, 1, 1)


def test_birth_before_1900_is_a_bad_date() -> None:
    assert rejection_of(VALID["REG"].with_detail(dob="18991231")) == ("Detail/@dob", "BAD_DATE")


def test_birth_after_the_event_is_a_future_date() -> None:
    assert rejection_of(VALID["REG"].with_detail(dob="20261203")) == ("Detail/@dob", "FUTURE_DATE")


def test_birth_on_the_london_date_of_a_late_evening_event_is_not_in_the_future() -> None:
    record = VALID["REG"].with_record(date="20260601", time="2330Z").with_detail(dob="20260602")
    assert event_of(record)["payload"]["date_of_birth"] == date(2026, 6, 2)


def test_impossible_birth_date_is_a_bad_date() -> None:
    assert rejection_of(VALID["REG"].with_detail(dob="19990229")) == ("Detail/@dob", "BAD_DATE")
