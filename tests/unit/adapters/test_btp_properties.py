"""Properties of the BTP adapter: generated valid records always parse; no input escapes as a crash."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from adapters import btp
from adapters.common.batch import ParsedRecord
from adapters.common.errors import FileRejected, RecordRejected
from adapters.common.identifiers import check_letter
from hub.domain import codes
from tests.unit.adapters.btp_records import HEADER, VALID, extract, record

LONDON = ZoneInfo("Europe/London")
FAST = settings(max_examples=60, deadline=None)

# Every character Windows-1252 can carry, less the control characters no field may hold.
# (`ignore` drops the five bytes the code page leaves undefined.)
_CHARACTERS = [c for c in bytes(range(0x20, 0x100)).decode("cp1252", "ignore") if unicodedata.category(c) != "Cc"]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|")


def _texts(max_size: int, forbidden: str = "") -> st.SearchStrategy[str]:
    alphabet = [c for c in _CHARACTERS if c not in forbidden]
    return st.text(alphabet, min_size=1, max_size=max_size).filter(lambda s: s.strip() != "")


def _canonical(value: str) -> str:
    return unicodedata.normalize("NFC", value.strip())


_REC_REFS = st.builds("BTP{:02d}-{:07d}".format, st.integers(0, 99), st.integers(0, 9_999_999))
_PNCS = st.builds(
    lambda year, serial: f"{year}/{serial:07d}{check_letter(f'{year % 100:02d}{serial:07d}')}",
    st.integers(1950, 2030),
    st.integers(0, 9_999_999),
)
_UUIDS = st.uuids().map(str)
_AGENCIES_ELSEWHERE = st.sampled_from(sorted(a for a in codes.AGENCIES if not a.startswith("BTP")))
_RECIPIENTS = st.sampled_from(sorted(codes.AGENCIES | set(codes.JURISDICTIONS)))


@st.composite
def _moments(draw: st.DrawFn) -> tuple[str, str]:
    day = draw(st.dates(date(1990, 1, 1), date(2035, 12, 31)))
    clock = draw(st.times().map(lambda t: time(t.hour, t.minute)))
    local = datetime.combine(day, clock, tzinfo=LONDON)
    assume(local.astimezone(UTC).astimezone(LONDON).replace(tzinfo=None) == local.replace(tzinfo=None))
    return day.strftime("%Y%m%d"), clock.strftime("%H%M")


_NAME = _texts(40, forbidden="^~")
_OVERRIDES: dict[str, st.SearchStrategy[dict[str, str]]] = {
    "10": st.fixed_dictionaries(
        {
            "surname": _NAME,
            "forenames": _NAME,
            "aliases": st.lists(st.tuples(_NAME, _NAME), max_size=10).map(
                lambda pairs: "~".join(f"{a}^{b}" for a, b in pairs)
            ),
            "dob": st.dates(date(1900, 1, 1), date(1989, 12, 31)).map(lambda d: d.strftime("%Y%m%d")),
            "sex": st.sampled_from("MFU"),
            "mappa_cat": st.sampled_from("123"),
            "mappa_level": st.sampled_from("123"),
            "status": st.sampled_from("CI"),
        }
    ),
    "20": st.fixed_dictionaries({"line1": _texts(60), "line2": _texts(60), "town": _texts(40)}),
    "31": st.fixed_dictionaries(
        {"transfer_id": _UUIDS, "to_agency": _AGENCIES_ELSEWHERE, "rosh": st.sampled_from("1234")}
    ),
    "32": st.fixed_dictionaries({"transfer_id": _UUIDS, "reason_text": _texts(200) | st.just("")}),
    "33": st.fixed_dictionaries({"reject_code": st.sampled_from(["R1", "R2", "R3", "R4", "R5", "R6"])}),
    "34": st.fixed_dictionaries({"line3": _texts(60)}),
    "35": st.fixed_dictionaries({"line1": _texts(60), "town": _texts(60)}),
    "40": st.fixed_dictionaries({"mappa_cat": st.sampled_from(["", "1", "2", "3"]), "meeting_id": _texts(40)}),
    "51": st.fixed_dictionaries(
        {
            "grading": st.sampled_from(["1AC", "2BC", "3EC"]),
            "recipients": st.lists(_RECIPIENTS, min_size=1, max_size=20).map(";".join),
            "conditions": _texts(200),
            "intel_text": _texts(400),
        }
    ),
    "52": st.fixed_dictionaries(
        {"intel_owner": st.sampled_from(sorted(codes.AGENCIES)), "recipient": _RECIPIENTS, "decision": st.just("R")}
    ),
    "53": st.fixed_dictionaries({"intel_id": _UUIDS, "reason_text": _texts(300)}),
    "61": st.fixed_dictionaries({"reason_text": _texts(300)}),
    "62": st.fixed_dictionaries({"reason_text": _texts(300)}),
}


@st.composite
def _valid_records(draw: st.DrawFn) -> tuple[str, dict[str, str]]:
    rec_type = draw(st.sampled_from(sorted(VALID)))
    event_date, event_time = draw(_moments())
    values = {
        "rec_ref": draw(_REC_REFS),
        "event_date": event_date,
        "event_time": event_time,
        "marking": draw(st.sampled_from("12")),
        "pnc_id": draw(_PNCS),
        **draw(_OVERRIDES[rec_type]),
    }
    return rec_type, values


def _wire(rec_type: str, values: dict[str, str]) -> str:
    return record(rec_type, **{name: _escape(value) for name, value in values.items()})


@FAST
@given(st.lists(_valid_records(), min_size=1, max_size=8), st.sampled_from(["\r\n", "\n"]))
def test_generated_valid_records_always_parse_to_an_event(
    records: list[tuple[str, dict[str, str]]], newline: str
) -> None:
    parsed = btp.parse("BTPX_gen.txt", extract(*(_wire(t, v) for t, v in records), newline=newline))
    assert [p.locator for p in parsed] == [f"line {n}" for n in range(2, len(records) + 2)]
    for (rec_type, values), one in zip(records, parsed, strict=True):
        assert not isinstance(one.result, RecordRejected), (rec_type, values, one.result)
        assert one.key == f"BTP:BTPX:{values['rec_ref']}"
        if rec_type == "10":
            assert one.result["payload"]["family_name"] == _canonical(values["surname"])
        if rec_type in ("61", "62", "53"):
            assert one.result["payload"]["reason"] == _canonical(values["reason_text"])
        if rec_type == "51":
            assert one.result["payload"]["text"] == _canonical(values["intel_text"])


def _survives(data: bytes) -> list[ParsedRecord]:
    try:
        parsed = btp.parse("BTPX_fuzz.txt", data)
    except FileRejected:
        return []
    for one in parsed:
        assert isinstance(one.result, dict | RecordRejected)
    return parsed


@FAST
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise_anything_but_file_rejected(data: bytes) -> None:
    _survives(data)


@FAST
@given(st.lists(st.binary(max_size=200).filter(lambda b: b"\n" not in b and b.strip(b" \t\r")), max_size=10))
def test_arbitrary_data_lines_in_a_sound_file_each_become_an_event_or_a_rejection(lines: list[bytes]) -> None:
    body = [line for line in lines if line.split(b"|", 1)[0].strip() != b"99"]
    data = b"".join(line + b"\r\n" for line in [HEADER.encode(), *body, b"99|%d" % len(body)])
    assert len(_survives(data)) == len(body)


@FAST
@given(
    _valid_records(),
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 2), st.binary(max_size=3)), min_size=1, max_size=6),
)
def test_mutated_valid_files_never_raise_anything_but_file_rejected(
    valid: tuple[str, dict[str, str]], edits: list[tuple[int, int, bytes]]
) -> None:
    data = bytearray(extract(_wire(*valid)))
    for position, deleted, inserted in edits:
        at = position % (len(data) + 1)
        data[at : at + deleted] = inserted
    _survives(bytes(data))
