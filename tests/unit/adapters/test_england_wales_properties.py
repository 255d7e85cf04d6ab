"""Invariants of both England and Wales feeds: valid records always parse, hostile bytes never crash."""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from adapters import england_wales
from adapters.common.batch import ParsedRecord
from adapters.common.errors import FileRejected, RecordRejected
from adapters.common.identifiers import check_letter
from hub.domain.codes import EAW_FORCE_NUMBERS
from tests.unit.adapters.england_wales_builders import (
    HEADER,
    VALID,
    csv_file,
    csv_line,
    domain_event,
    notification,
    record,
)

SAMPLES = Path(__file__).parents[3] / "samples" / "england_wales"
LONDON = ZoneInfo("Europe/London")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

name_text = st.text(
    alphabet=st.one_of(st.characters(categories=["Lu", "Ll", "Lo", "Mn"]), st.sampled_from(" -'’")),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")
free_text = st.text(
    alphabet=st.one_of(st.characters(categories=["L", "N", "P", "Zs"]), st.sampled_from("\n\r\n")),
    min_size=1,
    max_size=200,
).filter(lambda s: s.strip() != "")


@st.composite
def pnc_ids(draw: st.DrawFn) -> str:
    year = draw(st.integers(1950, 2030))
    serial = draw(st.integers(1, 9_999_999))
    letter = check_letter(f"{year % 100:02d}{serial:07d}")
    return f"{year}/{serial:0{draw(st.integers(len(str(serial)), 7))}d}{letter}"


@st.composite
def common_columns(draw: st.DrawFn) -> dict[str, str]:
    day = draw(st.dates(date(2000, 1, 1), date(2035, 12, 31)))
    clock = draw(st.times()).replace(second=0, microsecond=0)
    return {
        "record_ref": draw(st.from_regex(r"[A-Z0-9-]{1,20}", fullmatch=True)),
        "force_code": draw(st.sampled_from(EAW_FORCE_NUMBERS)),
        "event_date": day.strftime("%d/%m/%Y"),
        "event_time": clock.strftime("%H:%M"),
        "marking": draw(st.sampled_from(["O", "OS"])),
        "pnc_id": draw(pnc_ids()),
    }


def london_instant(day: str, clock: str) -> datetime | None:
    """The UTC instant of a London wall-clock time, or None when it falls in the spring gap."""
    local = datetime.combine(datetime.strptime(day, "%d/%m/%Y").date(), time.fromisoformat(clock), tzinfo=LONDON)
    instant = local.astimezone(UTC)
    return instant if instant.astimezone(LONDON).replace(tzinfo=None) == local.replace(tzinfo=None) else None


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n").strip())


def parse_or_refusal(data: bytes) -> list[ParsedRecord] | FileRejected:
    """The records of a delivery, or its refusal; any other exception fails the test."""
    try:
        return england_wales.parse("fuzz", data)
    except FileRejected as exc:
        return exc


def only_file_rejections(data: bytes) -> None:
    outcome = parse_or_refusal(data)
    if not isinstance(outcome, FileRejected):
        assert all(isinstance(r.result, dict | RecordRejected) for r in outcome)


@FAST
@given(st.sampled_from(sorted(VALID)), common_columns(), free_text)
def test_a_valid_record_of_any_type_always_parses_to_its_event(
    record_type: str, columns: dict[str, str], reason: str
) -> None:
    instant = london_instant(columns["event_date"], columns["event_time"])
    assume(instant is not None)
    if record_type == "REG":
        columns["date_of_birth"] = "01/01/1900"
    if "reason_text" in VALID[record_type] or record_type == "TAC":
        columns["reason_text"] = reason

    (parsed,) = england_wales.parse("f.csv", csv_file(csv_line(record(record_type, **columns))))

    assert isinstance(parsed.result, dict), parsed.result
    assert parsed.key == f"EAW:FORCE-RMS:{columns['force_code']}:{columns['record_ref']}"
    assert parsed.result["occurred_at"] == instant
    assert parsed.result["source_agency"] == f"EAW-F{columns['force_code']}"
    if "reason_text" in columns:
        assert nfc(reason) in parsed.result["payload"].values()


@FAST
@given(name_text, name_text, st.lists(st.tuples(name_text, name_text), max_size=10))
def test_any_names_and_aliases_within_the_rules_are_kept_as_sent(
    family: str, given_names: str, aliases: list[tuple[str, str]]
) -> None:
    assume(all(nfc(part) for pair in aliases for part in pair))
    alias_text = ";".join(f"{f},{g}" for f, g in aliases)

    (parsed,) = england_wales.parse(
        "f.csv", csv_file(csv_line(record("REG", family_name=family, given_names=given_names, aliases=alias_text)))
    )

    assert isinstance(parsed.result, dict), parsed.result
    payload = parsed.result["payload"]
    assert (payload["family_name"], payload["given_names"]) == (nfc(family), nfc(given_names))
    assert payload["aliases"] == [{"family_name": nfc(f), "given_names": nfc(g)} for f, g in aliases]


@FAST
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_raise_anything_but_a_file_rejection(data: bytes) -> None:
    only_file_rejections(data)


@FAST
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_after_a_valid_header_only_ever_reject_records(data: bytes) -> None:
    outcome = parse_or_refusal(HEADER.encode() + b"\r\n" + data)

    if isinstance(outcome, FileRejected):
        assert (outcome.field, outcome.reason) == ("record", "MALFORMED")
        assert b'"' in data
    else:
        assert all(r.locator.startswith("line ") for r in outcome)


@FAST
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_in_a_json_body_are_always_one_record(data: bytes) -> None:
    records = england_wales.parse("post", b"{" + data)

    assert len(records) == 1
    assert records[0].locator == "$"


SAMPLE_BYTES = [path.read_bytes() for path in sorted(SAMPLES.glob("*.*"))]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SAMPLE_BYTES)))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        choice = draw(st.sampled_from(["insert", "delete", "replace"]))
        byte = draw(st.sampled_from([0x22, 0x2C, 0x0A, 0x0D, 0x5C, 0x7B, 0x00, 0xFF, 0xC3, 0x41, 0x31]))
        if choice == "insert":
            data.insert(at, byte)
        elif at < len(data):
            if choice == "delete":
                del data[at]
            else:
                data[at] = byte
    return bytes(data)


@FAST
@given(mutated())
def test_mutated_samples_never_raise_anything_but_a_file_rejection(data: bytes) -> None:
    only_file_rejections(data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
INFO_KEYS = ["nomsNumber", "reason", "prisonId", "fromPrisonId", "nomisMovementReasonCode", "licenceEndDate"]


@FAST
@given(
    st.sampled_from(["ADMISSION", "TRANSFERRED", "RELEASED"]),
    st.dictionaries(st.sampled_from([*INFO_KEYS, "eventType", "version", "occurredAt"]), json_values, max_size=3),
)
def test_any_json_in_the_domain_event_fields_is_an_event_or_a_rejection(reason: str, changes: dict[str, Any]) -> None:
    event = domain_event(reason)
    for key, value in changes.items():
        target = event if key in ("eventType", "version", "occurredAt") else event["additionalInformation"]
        target[key] = value

    (parsed,) = england_wales.parse("post", notification(event))

    assert isinstance(parsed.result, dict | RecordRejected)


@FAST
@given(st.dates(date(1990, 1, 1), date(2035, 12, 31)), st.times(), st.sampled_from(["", "Z", "+01:00", "-04:30"]))
def test_a_valid_movement_at_any_instant_parses_to_its_london_date(day: date, clock: time, zone: str) -> None:
    stamp = f"{day.isoformat()}T{clock.isoformat(timespec='microseconds')}{zone}"
    event = domain_event("ADMISSION", occurredAt=stamp)

    (parsed,) = england_wales.parse("post", notification(json.dumps(event)))

    if isinstance(parsed.result, RecordRejected):
        assert (parsed.result.field, parsed.result.reason, zone) == ("Message.occurredAt", "NONEXISTENT_LOCAL_TIME", "")
        return
    occurred_at = parsed.result["occurred_at"]
    assert occurred_at.microsecond == 0
    assert parsed.result["payload"]["date"] == occurred_at.astimezone(LONDON).date()
