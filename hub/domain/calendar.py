"""Working days and response deadlines for items held for their owner's decision.

An owner answers a hold within a number of working days of its own jurisdiction: Monday to Friday, less that
jurisdiction's bank holidays. England and Wales, Scotland, Northern Ireland and Jersey each have their own list.
Holidays are computed by rule, plus a table of one-off changes that must be extended when a new one is announced.

Sources (checked for 2011-2027):
  - https://www.gov.uk/bank-holidays (and its .json feed): England and Wales, Scotland, Northern Ireland.
  - Banking and Financial Dealings Act 1971, Schedule 1; St Andrew's Day Bank Holiday (Scotland) Act 2007.
  - https://www.gov.je/Leisure/Events/WhatsOn/Pages/BankHolidayDates.aspx and the Public Holidays and Bank Holidays
    (Jersey) Law 1951 with its Acts on jerseylaw.je (R&O 50/2021 Corn Riots, R&O 36/2024 royal visit); States of
    Jersey P.15/2010 and the 2019 petition answer on Liberation Day falling at a weekend (no substitute day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Final
from zoneinfo import ZoneInfo

from hub.domain.codes import JURISDICTIONS, jurisdiction_of

FIRST_YEAR: Final = 2011
"""The rules below are those in force since 2011 (Jersey's Liberation Day rule last changed in 2010)."""

DEFAULT_RESPONSE_DAYS: Final = 5

CALENDARS: Final = ("EAW", "SCO", "NIR", "JSY")

# BTP polices the railways of England, Wales and Scotland and RMP serves the armed forces UK-wide and abroad: neither
# has a calendar of its own. Both are headquartered in England and staff their hold decisions from there, so they use
# England and Wales, the calendar that also has the fewest holidays (no deadline is stretched by a day off elsewhere).
_FORCE_CALENDARS: Final = {"BTP": "EAW", "RMP": "EAW"}

_ZONES: Final = {
    "EAW": ZoneInfo("Europe/London"),
    "SCO": ZoneInfo("Europe/London"),
    "NIR": ZoneInfo("Europe/London"),
    "JSY": ZoneInfo("Europe/Jersey"),
}
_END_OF_DAY: Final = time(23, 59, 59)

_UK: Final = frozenset({"EAW", "SCO", "NIR"})
_UK_AND_JERSEY: Final = _UK | {"JSY"}


@dataclass(frozen=True, slots=True)
class _OneOff:
    """A day added by proclamation or Act, optionally replacing the regular holiday it moves."""

    calendars: frozenset[str]
    day: date
    replaces: date | None = None


_ONE_OFFS: Final = (
    _OneOff(_UK_AND_JERSEY, date(2011, 4, 29)),  # wedding of Prince William and Catherine Middleton
    _OneOff(_UK_AND_JERSEY, date(2012, 6, 4), replaces=date(2012, 5, 28)),  # spring bank holiday moved
    _OneOff(_UK_AND_JERSEY, date(2012, 6, 5)),  # Diamond Jubilee
    # VE Day 75: the UK moved the early May bank holiday; Jersey kept 4 May and added 8 May.
    _OneOff(_UK, date(2020, 5, 8), replaces=date(2020, 5, 4)),
    _OneOff(frozenset({"JSY"}), date(2020, 5, 8)),
    _OneOff(frozenset({"JSY"}), date(2021, 9, 27)),  # 250th anniversary of the Corn Riots and the Code of 1771
    _OneOff(_UK_AND_JERSEY, date(2022, 6, 2), replaces=date(2022, 5, 30)),  # spring bank holiday moved
    _OneOff(_UK_AND_JERSEY, date(2022, 6, 3)),  # Platinum Jubilee
    _OneOff(_UK_AND_JERSEY, date(2022, 9, 19)),  # state funeral of Queen Elizabeth II
    _OneOff(_UK_AND_JERSEY, date(2023, 5, 8)),  # coronation of King Charles III
    _OneOff(frozenset({"JSY"}), date(2024, 7, 15)),  # visit of King Charles III and Queen Camilla
)


def calendar_for(agency_or_jurisdiction: str) -> str:
    """The holiday calendar (EAW, SCO, NIR or JSY) an agency, establishment or jurisdiction code works to."""
    jurisdiction = jurisdiction_of(agency_or_jurisdiction)
    if jurisdiction not in JURISDICTIONS:
        raise ValueError(
            f"no holiday calendar for {agency_or_jurisdiction!r}: expected an agency, establishment or jurisdiction "
            f"code starting with one of {', '.join(JURISDICTIONS)}"
        )
    return _FORCE_CALENDARS.get(jurisdiction, jurisdiction)


def bank_holidays(jurisdiction: str, year: int) -> frozenset[date]:
    """The weekdays that are bank holidays in a jurisdiction's calendar in one year, substitute days included.

    A holiday falling at a weekend appears as its substitute weekday, or not at all if it has none (Jersey's
    Liberation Day): the set holds the days on which offices close, which is what working days are counted against.
    """
    if year < FIRST_YEAR:
        raise ValueError(f"bank holidays are known from {FIRST_YEAR}; {year} is earlier than any hold the hub has")
    return _bank_holidays(calendar_for(jurisdiction), year)


def is_working_day(day: date, jurisdiction: str) -> bool:
    """Monday to Friday and not a bank holiday in the jurisdiction's calendar."""
    return day.weekday() < 5 and day not in bank_holidays(jurisdiction, day.year)


def add_working_days(start: datetime, days: int, jurisdiction: str) -> datetime:
    """The end (23:59:59 local) of the `days`-th working day after the local date of `start`, in UTC.

    The day of `start` itself never counts, whatever the hour: a hold placed at 08:00 on a Monday and one placed at
    23:00 are due at the same moment.
    """
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError(f"start {start.isoformat()} has no time zone: pass an aware datetime, normally in UTC")
    if days < 1:
        raise ValueError(f"a deadline needs at least one working day, not {days}")
    calendar = calendar_for(jurisdiction)
    zone = _ZONES[calendar]
    day = start.astimezone(zone).date()
    remaining = days
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day, calendar):
            remaining -= 1
    return datetime.combine(day, _END_OF_DAY, tzinfo=zone).astimezone(UTC)


def response_deadline(held_since: datetime, owner_agency: str, working_days: int = DEFAULT_RESPONSE_DAYS) -> datetime:
    """When the owner of an item held since `held_since` must have decided, counted in the owner's calendar."""
    return add_working_days(held_since, working_days, calendar_for(owner_agency))


@lru_cache(maxsize=256)
def _bank_holidays(calendar: str, year: int) -> frozenset[date]:
    fixed = _fixed_days(calendar, year)
    holidays = set(_movable_days(calendar, year)) | {day for day, _ in fixed if day.weekday() < 5}
    # Substitutes are placed after every weekday holiday is known, earliest first, so that Christmas on a Sunday
    # lands on the Tuesday when Boxing Day already holds the Monday.
    for day in sorted(day for day, substituted in fixed if substituted and day.weekday() >= 5):
        holidays.add(_next_free_weekday(day, holidays))
    for one_off in _ONE_OFFS:
        if calendar in one_off.calendars and one_off.day.year == year:
            if one_off.replaces is not None:
                holidays.discard(one_off.replaces)
            holidays.add(one_off.day)
    return frozenset(holidays)


def _fixed_days(calendar: str, year: int) -> list[tuple[date, bool]]:
    """Holidays on a fixed date, each with whether a weekday substitutes for it when it falls at a weekend."""
    days = [(date(year, 1, 1), True), (date(year, 12, 25), True), (date(year, 12, 26), True)]
    if calendar == "SCO":
        days += [(date(year, 1, 2), True), (date(year, 11, 30), True)]
    elif calendar == "NIR":
        days += [(date(year, 3, 17), True), (date(year, 7, 12), True)]
    elif calendar == "JSY":
        days += [(date(year, 5, 9), False)]
    return days


def _movable_days(calendar: str, year: int) -> list[date]:
    """Holidays that always fall on a weekday: Easter and the Monday bank holidays."""
    easter = easter_sunday(year)
    days = [easter - timedelta(days=2), _first_monday(year, 5), _last_monday(year, 5)]
    if calendar != "SCO":
        days.append(easter + timedelta(days=1))
    days.append(_first_monday(year, 8) if calendar == "SCO" else _last_monday(year, 8))
    return days


def easter_sunday(year: int) -> date:
    """Western Easter Sunday by the Gregorian computus (the anonymous, or Meeus/Jones/Butcher, algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_shift) // 433
    month = (h + weekday_shift - 7 * m + 90) // 25
    day = (h + weekday_shift - 7 * m + 33 * month + 19) % 32
    return date(year, month, day)


def _next_free_weekday(day: date, taken: set[date]) -> date:
    candidate = day + timedelta(days=1)
    while candidate.weekday() >= 5 or candidate in taken:
        candidate += timedelta(days=1)
    return candidate


def _first_monday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=last.weekday())
