"""Bank holidays and response deadlines, checked against the published lists rather than against the rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hub.domain.calendar import (
    CALENDARS,
    add_working_days,
    bank_holidays,
    calendar_for,
    easter_sunday,
    is_working_day,
    response_deadline,
)
from hub.domain.codes import AGENCIES, JURISDICTIONS

LONDON = ZoneInfo("Europe/London")


def days(iso: str) -> frozenset[date]:
    return frozenset(date.fromisoformat(day) for day in iso.split())


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# https://www.gov.uk/bank-holidays, "Upcoming bank holidays" for each of the three UK lists, substitute days as listed.
PUBLISHED = {
    ("EAW", 2025): days("2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26"),
    ("EAW", 2026): days("2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28"),
    ("EAW", 2027): days("2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28"),
    ("SCO", 2025): days(
        "2025-01-01 2025-01-02 2025-04-18 2025-05-05 2025-05-26 2025-08-04 2025-12-01 2025-12-25 2025-12-26"
    ),
    ("SCO", 2026): days(
        "2026-01-01 2026-01-02 2026-04-03 2026-05-04 2026-05-25 2026-08-03 2026-11-30 2026-12-25 2026-12-28"
    ),
    ("SCO", 2027): days(
        "2027-01-01 2027-01-04 2027-03-26 2027-05-03 2027-05-31 2027-08-02 2027-11-30 2027-12-27 2027-12-28"
    ),
    ("NIR", 2025): days(
        "2025-01-01 2025-03-17 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-07-14 2025-08-25 2025-12-25 2025-12-26"
    ),
    ("NIR", 2026): days(
        "2026-01-01 2026-03-17 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-07-13 2026-08-31 2026-12-25 2026-12-28"
    ),
    ("NIR", 2027): days(
        "2027-01-01 2027-03-17 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-07-12 2027-08-30 2027-12-27 2027-12-28"
    ),
    # https://www.gov.je/Leisure/Events/WhatsOn/Pages/BankHolidayDates.aspx. 2025 is the published list. For 2026 and
    # 2027 no published copy could be consulted, so these are gov.je's stated pattern written out by hand: Liberation
    # Day falls on Saturday 9 May 2026 and Sunday 9 May 2027 and Jersey gives no substitute day for it.
    ("JSY", 2025): days(
        "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-09 2025-05-26 2025-08-25 2025-12-25 2025-12-26"
    ),
    ("JSY", 2026): days("2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28"),
    ("JSY", 2027): days("2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28"),
}


# Years with one-off days: gov.uk's past lists (in its .json feed) and, for Jersey, gov.je's past lists as archived
# (weekdays only: Liberation Day on Saturday 9 May 2020 closed nothing).
PUBLISHED_WITH_ONE_OFFS = {
    ("EAW", 2020): days("2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28"),
    ("EAW", 2022): days(
        "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27"
    ),
    ("SCO", 2022): days(
        "2022-01-03 2022-01-04 2022-04-15 2022-05-02 2022-06-02 2022-06-03 2022-08-01 2022-09-19 2022-11-30 "
        "2022-12-26 2022-12-27"
    ),
    ("NIR", 2022): days(
        "2022-01-03 2022-03-17 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-07-12 2022-08-29 "
        "2022-09-19 2022-12-26 2022-12-27"
    ),
    ("EAW", 2023): days(
        "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26"
    ),
    ("JSY", 2020): days(
        "2020-01-01 2020-04-10 2020-04-13 2020-05-04 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28"
    ),
    ("JSY", 2021): days(
        "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-09-27 2021-12-27 2021-12-28"
    ),
    ("JSY", 2022): days(
        "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-05-09 2022-06-02 2022-06-03 2022-08-29 2022-09-19 "
        "2022-12-26 2022-12-27"
    ),
    ("JSY", 2023): days(
        "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-09 2023-05-29 2023-08-28 2023-12-25 2023-12-26"
    ),
    ("JSY", 2024): days(
        "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-09 2024-05-27 2024-07-15 2024-08-26 2024-12-25 2024-12-26"
    ),
}


@pytest.mark.parametrize(("jurisdiction", "year"), sorted(PUBLISHED))
def test_the_calculated_bank_holidays_match_the_published_list(jurisdiction: str, year: int) -> None:
    assert bank_holidays(jurisdiction, year) == PUBLISHED[jurisdiction, year]


@pytest.mark.parametrize(("jurisdiction", "year"), sorted(PUBLISHED_WITH_ONE_OFFS))
def test_the_one_off_days_give_the_published_list_for_their_year(jurisdiction: str, year: int) -> None:
    assert bank_holidays(jurisdiction, year) == PUBLISHED_WITH_ONE_OFFS[jurisdiction, year]


def test_christmas_on_a_saturday_gives_monday_and_tuesday_off_everywhere() -> None:
    for jurisdiction in CALENDARS:
        assert days("2027-12-27 2027-12-28") <= bank_holidays(jurisdiction, 2027)


def test_christmas_on_a_sunday_is_made_up_on_the_tuesday_because_boxing_day_holds_the_monday() -> None:
    assert days("2022-12-26 2022-12-27") <= bank_holidays("EAW", 2022)
    assert date(2022, 12, 25) not in bank_holidays("EAW", 2022)


def test_scotland_takes_its_summer_bank_holiday_on_the_first_monday_of_august_not_the_last() -> None:
    assert date(2026, 8, 3) in bank_holidays("SCO", 2026)
    assert date(2026, 8, 31) not in bank_holidays("SCO", 2026)
    assert date(2026, 8, 31) in bank_holidays("EAW", 2026)
    assert date(2026, 8, 3) not in bank_holidays("EAW", 2026)


def test_scotland_moves_2_january_past_a_new_years_day_substitute() -> None:
    assert days("2022-01-03 2022-01-04") <= bank_holidays("SCO", 2022)
    assert date(2022, 1, 4) not in bank_holidays("EAW", 2022)


def test_the_battle_of_the_boyne_on_a_sunday_is_taken_on_the_monday_in_northern_ireland_only() -> None:
    assert date(2026, 7, 13) in bank_holidays("NIR", 2026)
    assert date(2026, 7, 13) not in bank_holidays("EAW", 2026)


def test_liberation_day_at_a_weekend_gives_jersey_no_substitute_day() -> None:
    assert date(2021, 5, 10) not in bank_holidays("JSY", 2021)
    assert date(2025, 5, 9) in bank_holidays("JSY", 2025)


def test_ve_day_2020_moved_the_uk_early_may_holiday_but_was_an_extra_day_in_jersey() -> None:
    assert date(2020, 5, 8) in bank_holidays("EAW", 2020)
    assert date(2020, 5, 4) not in bank_holidays("EAW", 2020)
    assert days("2020-05-04 2020-05-08") <= bank_holidays("JSY", 2020)


@pytest.mark.parametrize("jurisdiction", CALENDARS)
def test_2022_moved_the_spring_holiday_for_the_platinum_jubilee_and_added_the_state_funeral(jurisdiction: str) -> None:
    holidays = bank_holidays(jurisdiction, 2022)
    assert days("2022-06-02 2022-06-03 2022-09-19") <= holidays
    assert date(2022, 5, 30) not in holidays


@pytest.mark.parametrize("jurisdiction", CALENDARS)
def test_the_coronation_bank_holiday_was_kept_in_every_jurisdiction(jurisdiction: str) -> None:
    assert date(2023, 5, 8) in bank_holidays(jurisdiction, 2023)


def test_jersey_alone_had_the_corn_riots_anniversary_and_the_2024_royal_visit() -> None:
    assert date(2021, 9, 27) in bank_holidays("JSY", 2021)
    assert date(2024, 7, 15) in bank_holidays("JSY", 2024)
    assert date(2024, 7, 15) not in bank_holidays("EAW", 2024)


def test_easter_sunday_follows_the_computus() -> None:
    assert [easter_sunday(year) for year in (2024, 2025, 2026, 2027, 2038)] == [
        date(2024, 3, 31),
        date(2025, 4, 20),
        date(2026, 4, 5),
        date(2027, 3, 28),
        date(2038, 4, 25),
    ]


def test_years_before_the_rules_in_force_are_refused() -> None:
    with pytest.raises(ValueError, match="known from 2011"):
        bank_holidays("EAW", 2009)


@pytest.mark.parametrize(
    ("code", "calendar"),
    [
        ("SCO-PSOS", "SCO"),
        ("SCO-BAR", "SCO"),
        ("EAW-F01", "EAW"),
        ("NIR-PSNI", "NIR"),
        ("JSY-SOJP", "JSY"),
        ("BTP-POLICE", "EAW"),
        ("RMP-MCTC", "EAW"),
        ("BTP", "EAW"),
        ("RMP", "EAW"),
        ("SCO", "SCO"),
    ],
)
def test_each_agency_works_to_its_jurisdictions_calendar_and_the_uk_wide_forces_to_england_and_wales(
    code: str, calendar: str
) -> None:
    assert calendar_for(code) == calendar


def test_an_unknown_code_has_no_calendar_and_says_which_prefixes_exist() -> None:
    with pytest.raises(ValueError, match="starting with one of SCO, EAW"):
        calendar_for("GSY-POLICE")


def test_working_days_are_weekdays_that_are_not_holidays_there() -> None:
    assert is_working_day(date(2026, 4, 6), "SCO")
    assert not is_working_day(date(2026, 4, 6), "EAW")
    assert not is_working_day(date(2026, 4, 4), "SCO")


def test_a_hold_on_a_friday_is_due_at_the_end_of_the_following_friday() -> None:
    assert add_working_days(utc("2026-03-06T15:00"), 5, "EAW") == utc("2026-03-13T23:59:59")


def test_a_hold_for_police_scotland_over_easter_monday_is_due_a_day_earlier_than_in_england() -> None:
    held = utc("2026-04-02T10:00")
    assert response_deadline(held, "SCO-PSOS") == utc("2026-04-10T22:59:59")
    assert response_deadline(held, "EAW-F01") == utc("2026-04-13T22:59:59")


def test_a_hold_before_christmas_skips_christmas_and_the_boxing_day_substitute() -> None:
    assert add_working_days(utc("2026-12-18T15:00"), 5, "EAW") == utc("2026-12-29T23:59:59")


def test_a_hold_for_scotland_over_new_year_also_skips_the_2_january_substitute() -> None:
    held = utc("2026-12-30T09:00")
    assert response_deadline(held, "SCO-SPS") == utc("2027-01-08T23:59:59")
    assert response_deadline(held, "EAW-HMPPS-PROBATION") == utc("2027-01-07T23:59:59")


def test_a_deadline_after_the_clocks_go_forward_ends_at_midnight_british_summer_time() -> None:
    assert add_working_days(utc("2026-03-26T12:00"), 5, "EAW") == utc("2026-04-02T22:59:59")


def test_a_deadline_after_the_clocks_go_back_ends_at_midnight_greenwich_time() -> None:
    assert add_working_days(utc("2026-10-22T12:00"), 5, "NIR") == utc("2026-10-29T23:59:59")


def test_a_hold_late_on_a_summer_evening_utc_counts_from_the_next_london_day() -> None:
    thursday_evening_in_london = add_working_days(utc("2026-07-02T22:30"), 5, "EAW")
    just_after_midnight_in_london = add_working_days(utc("2026-07-02T23:30"), 5, "EAW")
    assert thursday_evening_in_london == utc("2026-07-09T22:59:59")
    assert just_after_midnight_in_london == utc("2026-07-10T22:59:59")


def test_a_hold_for_jersey_skips_liberation_day() -> None:
    assert response_deadline(utc("2025-05-08T10:00"), "JSY-SOJP") == utc("2025-05-16T22:59:59")
    assert response_deadline(utc("2025-05-08T10:00"), "EAW-F01") == utc("2025-05-15T22:59:59")


def test_british_transport_police_holds_fall_due_as_in_england_and_wales() -> None:
    held = utc("2026-08-01T10:00")
    assert response_deadline(held, "BTP-POLICE") == response_deadline(held, "EAW-F01")
    assert response_deadline(held, "BTP-POLICE") != response_deadline(held, "SCO-PSOS")


def test_a_hold_time_without_a_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="no time zone"):
        add_working_days(datetime(2026, 3, 6, 15, 0), 5, "EAW")


def test_a_deadline_of_no_working_days_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one working day"):
        add_working_days(utc("2026-03-06T15:00"), 0, "EAW")


HELD_AT = st.datetimes(datetime(2011, 1, 1), datetime(2040, 12, 31), timezones=st.just(UTC))
OWNERS = st.sampled_from(sorted(AGENCIES) + list(JURISDICTIONS))
WORKING_DAYS = st.integers(1, 30)


@given(HELD_AT, OWNERS, WORKING_DAYS)
def test_a_deadline_is_always_after_the_hold_and_at_the_end_of_a_working_day(
    held: datetime, owner: str, working_days: int
) -> None:
    deadline = response_deadline(held, owner, working_days)
    local = deadline.astimezone(ZoneInfo("Europe/Jersey") if calendar_for(owner) == "JSY" else LONDON)
    assert deadline > held
    assert deadline.tzinfo is UTC
    assert local.time() == time(23, 59, 59)
    assert is_working_day(local.date(), owner)


@given(HELD_AT, OWNERS, WORKING_DAYS, st.integers(1, 10))
def test_more_working_days_never_give_an_earlier_deadline(
    held: datetime, owner: str, working_days: int, more: int
) -> None:
    assert response_deadline(held, owner, working_days + more) > response_deadline(held, owner, working_days)


@given(HELD_AT, OWNERS, WORKING_DAYS)
def test_a_deadline_leaves_exactly_the_working_days_asked_for(held: datetime, owner: str, working_days: int) -> None:
    zone = ZoneInfo("Europe/Jersey") if calendar_for(owner) == "JSY" else LONDON
    first, last = held.astimezone(zone).date(), response_deadline(held, owner, working_days).astimezone(zone).date()
    between = (first + timedelta(days=offset) for offset in range(1, (last - first).days + 1))
    assert sum(is_working_day(day, owner) for day in between) == working_days
