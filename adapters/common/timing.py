"""Dates and times (formats/README.md "Timestamps" and "Dates"): shapes, impossible values, London time."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from adapters.common.errors import reject

LONDON = ZoneInfo("Europe/London")
JERSEY = ZoneInfo("Europe/Jersey")
EARLIEST_BIRTH = date(1900, 1, 1)

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

DATE_SHAPES: dict[str, re.Pattern[str]] = {
    "YYYY-MM-DD": re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", re.ASCII),
    "dd/mm/yyyy": re.compile(r"(?P<d>\d{2})/(?P<m>\d{2})/(?P<y>\d{4})", re.ASCII),
    "yyyymmdd": re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})", re.ASCII),
    "dd-Mon-yyyy": re.compile(r"(?P<d>\d{2})-(?P<mon>[A-Za-z]{3})-(?P<y>\d{4})", re.ASCII),
}

_OFFSET_TIMESTAMP = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})T(?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"(?P<zone>Z|[+-]\d{2}:\d{2})?",
    re.ASCII,
)


def date_from_parts(year: int, month: int, day: int, field: str) -> date:
    """A calendar date, or `BAD_DATE` when well-shaped but impossible (31 April, 29 Feb 2026)."""
    try:
        return date(year, month, day)
    except ValueError:
        raise reject(field, "BAD_DATE", f"{year:04d}-{month:02d}-{day:02d} is not a calendar date") from None


def time_from_parts(hour: int, minute: int, second: int, field: str) -> time:
    """A time of day, or `BAD_DATE` for hour 24, minute 60 and the like."""
    try:
        return time(hour, minute, second)
    except ValueError:
        raise reject(field, "BAD_DATE", f"{hour:02d}:{minute:02d}:{second:02d} is not a time of day") from None


def parse_date(value: str, field: str, shape: str) -> date:
    """A native date written in one of `DATE_SHAPES`; wrong shape is `BAD_FORMAT`."""
    match = DATE_SHAPES[shape].fullmatch(value)
    if match is None:
        raise reject(field, "BAD_FORMAT", f"expected a date written {shape}")
    parts = match.groupdict()
    if "mon" in parts:
        mon = parts["mon"].lower()
        if mon not in _MONTHS:
            raise reject(field, "BAD_FORMAT", f"expected a date written {shape} with an English month")
        month = _MONTHS.index(mon) + 1
    else:
        month = int(parts["m"])
    return date_from_parts(int(parts["y"]), month, int(parts["d"]), field)


def local_instant(day: date, clock: time, field: str, zone: ZoneInfo = LONDON) -> datetime:
    """A local wall-clock time as a UTC instant: the spring gap is rejected, the autumn overlap takes BST."""
    local = datetime.combine(day, clock, tzinfo=zone).replace(fold=0)
    instant = _to_utc(local, field)
    if instant.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise reject(
            field, "NONEXISTENT_LOCAL_TIME", f"{day} {clock:%H:%M} did not occur on UK clocks (spring forward)"
        )
    return instant


def parse_timestamp(value: str, field: str, *, seconds_required: bool, zone_required: bool) -> datetime:
    """An ISO-8601 date-time with `Z`, an offset or (if allowed) none, meaning London time; fractions dropped."""
    match = _OFFSET_TIMESTAMP.fullmatch(value)
    if match is None or (seconds_required and match["s"] is None) or (zone_required and not match["zone"]):
        raise reject(field, "BAD_FORMAT", "expected YYYY-MM-DDThh:mm:ss with Z or an offset such as +01:00")
    day = date_from_parts(int(match["y"]), int(match["mo"]), int(match["d"]), field)
    clock = time_from_parts(int(match["h"]), int(match["mi"]), int(match["s"] or 0), field)
    zone = match["zone"]
    if not zone:
        return local_instant(day, clock, field)
    if zone == "Z":
        return datetime.combine(day, clock, tzinfo=UTC)
    sign = 1 if zone[0] == "+" else -1
    hours, minutes = int(zone[1:3]), int(zone[4:6])
    if hours > 23 or minutes > 59:
        raise reject(field, "BAD_FORMAT", f"offset {zone} is not a valid UTC offset")
    offset = timezone(sign * timedelta(hours=hours, minutes=minutes))
    return _to_utc(datetime.combine(day, clock, tzinfo=offset), field)


def _to_utc(moment: datetime, field: str) -> datetime:
    """An instant in UTC; one at the very edge of the calendar (year 1 or 9999) is `BAD_DATE`, never a crash."""
    if not 1900 <= moment.year <= 9998:
        raise reject(field, "BAD_DATE", f"year {moment.year} is outside the range the hub accepts (1900-9998)")
    return moment.astimezone(UTC)


def london_date(instant: datetime) -> date:
    """The Europe/London calendar date of an instant (`date` on movement and custody events)."""
    return instant.astimezone(LONDON).date()


def check_date_of_birth(born: date, occurred_at: datetime, field: str) -> date:
    """Born on or after 1900-01-01 (`BAD_DATE`) and not after the event's London date (`FUTURE_DATE`)."""
    if born < EARLIEST_BIRTH:
        raise reject(field, "BAD_DATE", "date of birth before 1900-01-01")
    if born > london_date(occurred_at):
        raise reject(field, "FUTURE_DATE", "date of birth after the date of the event")
    return born
