"""Rejections of the message as a whole, of its header, its time, and its subject identifiers."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from adapters.common.errors import RecordRejected
from adapters.jersey.document import MAX_MESSAGE_BYTES
from tests.unit.adapters.test_jersey_fixtures import DROP, accepted, encode, message, outcome, rejected, spoiled

# --- the body as a whole ---------------------------------------------------------------------------------------


def padded_to(size: int) -> bytes:
    body = encode(message("RECORD_ARCHIVED"))
    return body + b" " * (size - len(body))


def test_message_of_exactly_the_size_limit_is_read() -> None:
    assert not isinstance(outcome(padded_to(MAX_MESSAGE_BYTES)), RecordRejected)


def test_message_one_byte_over_the_size_limit_is_too_large() -> None:
    assert rejected(padded_to(MAX_MESSAGE_BYTES + 1)) == ("$", "TOO_LARGE")


@pytest.mark.parametrize(
    "body",
    [
        b"\xef\xbb\xbf" + encode(message("RECORD_ARCHIVED")),
        encode(message("RECORD_ARCHIVED")).replace(b"No longer", b"No \xff longer"),
        b'{"header": "\xc3"}',
        b"\xed\xa0\x80",
    ],
    ids=["byte-order mark", "invalid byte", "truncated sequence", "encoded surrogate"],
)
def test_body_that_is_not_utf8_without_bom_is_an_encoding_fault(body: bytes) -> None:
    assert rejected(body) == ("$", "ENCODING")


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   ",
        b"[]",
        b'"header"',
        b"null",
        b"42",
        b"{",
        b'{"header": {}} {"header": {}}',
        b"{'header': 1}",
        b'{"header": NaN}',
        b'{"header": Infinity}',
        b'{"header": -Infinity}',
        b'{"header": ' + b"9" * 5000 + b"}",
        b'{"a":' * 40_000 + b"1" + b"}" * 40_000,
        b"[" * 200_000,
    ],
    ids=[
        "empty",
        "blank",
        "array",
        "string",
        "null",
        "number",
        "unterminated",
        "two objects",
        "single quotes",
        "NaN",
        "Infinity",
        "-Infinity",
        "huge integer",
        "deep objects",
        "deep arrays",
    ],
)
def test_body_that_is_not_one_json_object_is_malformed(body: bytes) -> None:
    assert rejected(body) == ("$", "MALFORMED")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b'{"header": {}, "header": {}}', "header"),
        (b'{"header": {"sender": {"agency": "SOJP", "agency": "PROBATION"}}}', "header.sender.agency"),
        (b'{"subject": {"person": {"aliases": [{"surname": "A", "surname": "B"}]}}}', "subject.person.aliases.surname"),
        (b'{"details": {"ignored": {"x": 1, "x": 1}}}', "details.ignored.x"),
        (b'{"a": {"b": 1, "b": 2}, "c": {"d": 1, "d": 2}}', "a.b"),
    ],
    ids=["top level", "nested", "inside an array", "inside an ignored key", "first in document order"],
)
def test_key_repeated_within_an_object_is_malformed_naming_its_path(body: bytes, field: str) -> None:
    assert rejected(body) == (field, "MALFORMED")


def test_repeated_key_in_a_valid_message_wins_over_every_other_check() -> None:
    body = encode(message("RECORD_ARCHIVED")).replace(b'"reason":', b'"reason": "first", "reason":')
    assert rejected(body) == ("details.reason", "MALFORMED")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b'{"header": {"\\ud800x": 1}}', "header"),
        (b'{"\\udc00": 1, "\\udc00": 2}', "$"),
        (b'{"details": ["\\ud800"]}', "details"),
    ],
    ids=["key", "repeated key", "array item"],
)
def test_unpaired_surrogate_escape_in_a_key_is_reported_where_it_can_be_written(body: bytes, field: str) -> None:
    result = outcome(body)
    assert isinstance(result, RecordRejected)
    assert (result.field, result.reason) == (field, "ENCODING")
    str(result).encode("utf-8")


def test_unpaired_surrogate_escape_is_an_encoding_fault_of_its_field() -> None:
    body = encode(message("RECORD_ARCHIVED")).replace(b"No longer", b"No \\ud800 longer")
    assert rejected(body) == ("details.reason", "ENCODING")


# --- header ----------------------------------------------------------------------------------------------------

HEADER_FAULTS = [
    ("header", DROP, "header", "MISSING"),
    ("header", [], "header", "BAD_FORMAT"),
    ("header.messageRef", DROP, "header.messageRef", "MISSING"),
    ("header.messageRef", None, "header.messageRef", "MISSING"),
    ("header.messageRef", "  ", "header.messageRef", "MISSING"),
    ("header.messageRef", "JPRS-2026-4512", "header.messageRef", "BAD_FORMAT"),
    ("header.messageRef", "jprs-2026-004512", "header.messageRef", "BAD_FORMAT"),
    ("header.messageRef", "JPRS-2026-٠٠٤٥١٢", "header.messageRef", "BAD_FORMAT"),
    ("header.messageRef", 4512, "header.messageRef", "BAD_FORMAT"),
    ("header.classification", DROP, "header.classification", "MISSING"),
    ("header.classification", "SECRET", "header.classification", "CLASSIFICATION_REFUSED"),
    ("header.classification", "TOP_SECRET", "header.classification", "CLASSIFICATION_REFUSED"),
    ("header.classification", "OFFICIAL-SENSITIVE", "header.classification", "UNKNOWN_CODE"),
    ("header.classification", "official", "header.classification", "UNKNOWN_CODE"),
    ("header.messageType", DROP, "header.messageType", "MISSING"),
    ("header.messageType", "NOMINAL_UPDATE", "header.messageType", "UNKNOWN_TYPE"),
    ("header.messageType", "record_archived", "header.messageType", "UNKNOWN_TYPE"),
    ("header.sender", DROP, "header.sender", "MISSING"),
    ("header.sender", "SOJP", "header.sender", "BAD_FORMAT"),
    ("header.sender.agency", DROP, "header.sender.agency", "MISSING"),
    ("header.sender.agency", "sojp", "header.sender.agency", "UNKNOWN_CODE"),
    ("header.sender.agency", "JSY-POLICE", "header.sender.agency", "UNKNOWN_CODE"),
    ("header.sender.agency", "SCO-PSOS", "header.sender.agency", "INCONSISTENT"),
    ("header.occurred", DROP, "header.occurred", "MISSING"),
    ("header.occurred", "03-Dec-2026 14:05", "header.occurred", "BAD_FORMAT"),
    ("header.occurred.date", DROP, "header.occurred.date", "MISSING"),
    ("header.occurred.time", DROP, "header.occurred.time", "MISSING"),
]


@pytest.mark.parametrize(("path", "value", "field", "reason"), HEADER_FAULTS)
def test_header_fault_is_rejected_naming_its_path(path: str, value: Any, field: str, reason: str) -> None:
    assert rejected(spoiled("RECORD_ARCHIVED", (path, value))) == (field, reason)


def test_secret_message_is_refused_as_such_whatever_else_is_wrong_with_it() -> None:
    msg = spoiled(
        "RECORD_ARCHIVED", ("header.classification", "SECRET"), ("header.messageType", "???"), ("details", DROP)
    )
    assert rejected(msg) == ("header.classification", "CLASSIFICATION_REFUSED")


# --- dates and times -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "clock", "instant"),
    [
        ("03-Dec-2026", "14:05", datetime(2026, 12, 3, 14, 5, tzinfo=UTC)),
        ("03-DEC-2026", "14:05", datetime(2026, 12, 3, 14, 5, tzinfo=UTC)),
        ("03-dec-2026", "00:00", datetime(2026, 12, 3, 0, 0, tzinfo=UTC)),
        ("14-Jul-2026", "00:30", datetime(2026, 7, 13, 23, 30, tzinfo=UTC)),
        ("25-Oct-2026", "01:30", datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        ("25-Oct-2026", "02:30", datetime(2026, 10, 25, 2, 30, tzinfo=UTC)),
        ("29-Mar-2026", "00:59", datetime(2026, 3, 29, 0, 59, tzinfo=UTC)),
        ("29-Mar-2026", "02:00", datetime(2026, 3, 29, 1, 0, tzinfo=UTC)),
        ("29-Feb-2028", "23:59", datetime(2028, 2, 29, 23, 59, tzinfo=UTC)),
    ],
    ids=[
        "winter",
        "upper-case month",
        "lower-case month",
        "summer",
        "autumn overlap",
        "after overlap",
        "before gap",
        "after gap",
        "leap day",
    ],
)
def test_jersey_local_time_becomes_utc(day: str, clock: str, instant: datetime) -> None:
    event = accepted(spoiled("RECORD_ARCHIVED", ("header.occurred", {"date": day, "time": clock})))
    assert event["occurred_at"] == instant


@pytest.mark.parametrize(
    ("day", "clock", "field", "reason"),
    [
        ("29-Mar-2026", "01:30", "header.occurred.time", "NONEXISTENT_LOCAL_TIME"),
        ("29-Mar-2026", "01:00", "header.occurred.time", "NONEXISTENT_LOCAL_TIME"),
        ("29-Feb-2026", "10:00", "header.occurred.date", "BAD_DATE"),
        ("31-Apr-2026", "10:00", "header.occurred.date", "BAD_DATE"),
        ("00-Jan-2026", "10:00", "header.occurred.date", "BAD_DATE"),
        ("3-Dec-2026", "10:00", "header.occurred.date", "BAD_FORMAT"),
        ("03-Sept-2026", "10:00", "header.occurred.date", "BAD_FORMAT"),
        ("03-Dez-2026", "10:00", "header.occurred.date", "BAD_FORMAT"),
        ("2026-12-03", "10:00", "header.occurred.date", "BAD_FORMAT"),
        ("03/12/2026", "10:00", "header.occurred.date", "BAD_FORMAT"),
        ("٠٣-Dec-2026", "10:00", "header.occurred.date", "BAD_FORMAT"),
        ("03-Dec-2026", "24:00", "header.occurred.time", "BAD_DATE"),
        ("03-Dec-2026", "12:60", "header.occurred.time", "BAD_DATE"),
        ("03-Dec-2026", "14:05:00", "header.occurred.time", "BAD_FORMAT"),
        ("03-Dec-2026", "9:05", "header.occurred.time", "BAD_FORMAT"),
        ("03-Dec-2026", "1405", "header.occurred.time", "BAD_FORMAT"),
        ("03-Dec-2026", "14:05Z", "header.occurred.time", "BAD_FORMAT"),
        ("03-Dec-2026", "١٤:٠٥", "header.occurred.time", "BAD_FORMAT"),
    ],
)
def test_impossible_or_misshapen_time_is_rejected(day: str, clock: str, field: str, reason: str) -> None:
    assert rejected(spoiled("RECORD_ARCHIVED", ("header.occurred", {"date": day, "time": clock}))) == (field, reason)


def test_date_given_as_a_number_is_bad_format() -> None:
    assert rejected(spoiled("RECORD_ARCHIVED", ("header.occurred.date", 20261203))) == (
        "header.occurred.date",
        "BAD_FORMAT",
    )


# --- subject identifiers ---------------------------------------------------------------------------------------


def identifiers_of(ids: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = accepted(spoiled("RECORD_ARCHIVED", ("subject.identifiers", ids)))["identifiers"]
    return found


def test_all_four_identifiers_in_spec_order() -> None:
    ids = {"croNumber": "045123/21H", "pncId": "2021/0045678U", "prisonNumber": "LM05123", "jpRef": "JP/2021/000872"}
    assert identifiers_of(ids) == [
        {"scheme": "LOCAL", "value": "JP/2021/000872", "agency": "JSY-SOJP"},
        {"scheme": "LOCAL", "value": "LM05123", "agency": "JSY-LAMOYE"},
        {"scheme": "PNC", "value": "2021/0045678U", "agency": None},
        {"scheme": "CRO", "value": "045123/21H", "agency": None},
    ]


def test_identifiers_are_upper_cased_and_padded() -> None:
    ids = {"jpRef": " jp/2021/000872 ", "prisonNumber": "lm05123", "pncId": "2021/45678u", "croNumber": "sf21/45123h"}
    assert [i["value"] for i in identifiers_of(ids)] == ["JP/2021/000872", "LM05123", "2021/0045678U", "045123/21H"]


@pytest.mark.parametrize(
    ("ids", "field", "reason"),
    [
        ({}, "subject.identifiers", "MISSING"),
        ({"jpRef": None, "pncId": " "}, "subject.identifiers", "MISSING"),
        ({"unknownRef": "X1"}, "subject.identifiers", "MISSING"),
        ("JP/2021/000872", "subject.identifiers", "BAD_FORMAT"),
        ({"jpRef": "JP/21/872"}, "subject.identifiers.jpRef", "BAD_FORMAT"),
        ({"jpRef": "JP/2021/٠٠٠٨٧٢"}, "subject.identifiers.jpRef", "BAD_FORMAT"),
        ({"jpRef": 872}, "subject.identifiers.jpRef", "BAD_FORMAT"),
        ({"prisonNumber": "LM5123"}, "subject.identifiers.prisonNumber", "BAD_FORMAT"),
        ({"prisonNumber": "A1234BC"}, "subject.identifiers.prisonNumber", "BAD_FORMAT"),
        ({"pncId": "2021/0045678A"}, "subject.identifiers.pncId", "BAD_FORMAT"),
        ({"pncId": "21/0045678U"}, "subject.identifiers.pncId", "BAD_FORMAT"),
        ({"pncId": "٢٠٢١/0045678U"}, "subject.identifiers.pncId", "BAD_FORMAT"),
        ({"croNumber": "045123/21A"}, "subject.identifiers.croNumber", "BAD_FORMAT"),
        ({"croNumber": "45123-21H"}, "subject.identifiers.croNumber", "BAD_FORMAT"),
    ],
)
def test_subject_identifier_fault_is_rejected(ids: Any, field: str, reason: str) -> None:
    assert rejected(spoiled("RECORD_ARCHIVED", ("subject.identifiers", ids))) == (field, reason)


@pytest.mark.parametrize(("path", "field"), [("subject", "subject"), ("subject.identifiers", "subject.identifiers")])
def test_absent_subject_object_is_missing_with_its_own_path(path: str, field: str) -> None:
    assert rejected(spoiled("RECORD_ARCHIVED", (path, DROP))) == (field, "MISSING")
