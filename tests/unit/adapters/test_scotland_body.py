"""The SJX body as a whole (size, encoding, JSON), the text value rules, and the same message twice."""

from __future__ import annotations

import json
import unicodedata

import pytest

from adapters import scotland
from adapters.common.batch import Accepted, Deduplicator, Duplicate, Rejected
from adapters.common.run import judge_delivery
from tests.unit.adapters.test_scotland_support import ABSENT, encode, message, payload_of, rejection_of

LIMIT = 262_144


def _padded(size: int) -> bytes:
    data = encode(message())
    return data[:-1] + b" " * (size - len(data)) + b"}"


def test_body_of_exactly_the_limit_is_accepted() -> None:
    assert payload_of(json.loads(_padded(LIMIT)))["sex"] == "M"
    records = scotland.parse("m", _padded(LIMIT))
    assert isinstance(records[0].result, dict)


def test_body_over_the_limit_is_too_large() -> None:
    assert rejection_of(_padded(LIMIT + 1)) == ("$", "TOO_LARGE")


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + encode(message()),
        encode(message()).replace(b"Ruairidh", b"Ruair\xc3idh"),
        encode(message()).replace(b"Ruairidh", b"Ruair\xed\xa0\x80idh"),
        json.dumps(message()).encode("utf-16"),
        json.dumps(message(), ensure_ascii=False).encode("latin-1"),
    ],
    ids=["bom", "truncated-sequence", "encoded-surrogate", "utf-16", "latin-1"],
)
def test_body_that_is_not_utf8_without_bom_is_encoding(data: bytes) -> None:
    assert rejection_of(data) == ("$", "ENCODING")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   ",
        b"[]",
        b"null",
        b'"nominal.registered"',
        b"42",
        b"{",
        b'{"a":1}{"b":2}',
        b'{"a":1} x',
        b"{'a': 1}",
        b'{"a": NaN}',
        b'{"a": Infinity}',
        b'{"a": -Infinity}',
        b'{"a": "line\nbreak"}',
        b'{"a": 1,}',
        b"[" * 100_000,
        b'{"a":' * 50_000,
        b'{"a": ' + b"9" * 5000 + b"}",
    ],
)
def test_body_that_is_not_one_json_object_is_malformed(data: bytes) -> None:
    assert rejection_of(data) == ("$", "MALFORMED")


def test_malformed_body_has_no_key() -> None:
    record = scotland.parse("m", b"{")[0]
    assert (record.locator, record.key, record.key_field) == ("$", None, "message_id")


def test_rejected_message_with_a_readable_id_keeps_its_key() -> None:
    record = scotland.parse("m", encode(message(sex="unknown")))[0]
    assert record.key == "SCO:SJX:0b7e3c1a-6a55-4d2f-9a3e-2f6f1c9d8e01"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (b'{"message_type": "a", "message_type": "b"}', "message_type"),
        (b'{"risk": {"rosh": "low", "rosh": "high"}}', "risk.rosh"),
        (b'{"aliases": [{"family_name": "A", "family_name": "B"}]}', "aliases[0].family_name"),
        (b'{"ignored": {"x": [{"y": 1, "y": 2}]}}', "ignored.x[0].y"),
    ],
)
def test_key_occurring_twice_in_one_object_is_malformed_naming_the_key(data: bytes, field: str) -> None:
    assert rejection_of(data) == (field, "MALFORMED")


def test_unlisted_keys_are_ignored() -> None:
    assert payload_of(message(extra={"anything": [1, 2.5, None, True]}, establishment="XYZ"))["sex"] == "M"


@pytest.mark.parametrize("field", ["pnc_id", "cro_number", "aliases"])
def test_null_optional_field_counts_as_absent(field: str) -> None:
    assert payload_of(message(**{field: None}))["aliases"] == (
        [] if field == "aliases" else [{"family_name": "MacDonald", "given_names": "Roddy"}]
    )


def test_lone_surrogate_escape_is_an_encoding_fault_of_its_field() -> None:
    data = encode(message()).replace(b"Ruairidh", b"Ruair\\ud800idh")
    assert rejection_of(data) == ("given_names", "ENCODING")


def test_names_are_trimmed_and_normalised_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "MacDhòmhnaill")
    payload = payload_of(message(family_name=f"  {decomposed}\t", given_names=" Ruairidh "))
    assert payload["family_name"] == "MacDh\u00f2mhnaill"
    assert payload["given_names"] == "Ruairidh"


@pytest.mark.parametrize("name", ["O'Neill", "O\u2019Neill", "Smith-Jones", "van der Berg", "MCDONALD", "Zoë"])
def test_names_keep_case_apostrophes_hyphens_and_diacritics(name: str) -> None:
    assert payload_of(message(family_name=name))["family_name"] == name


@pytest.mark.parametrize("value", ["Mac\nDonald", "Mac\rDonald", "Mac\u0007Donald", "Mac\tDonald", "Mac\u0085Donald"])
def test_control_character_or_line_break_in_a_name_is_bad_format(value: str) -> None:
    assert rejection_of(message(family_name=value)) == ("family_name", "BAD_FORMAT")


def test_free_text_keeps_line_breaks_normalised_to_lf() -> None:
    payload = payload_of(message("nominal.archived", reason="First line.\r\nSecond line.\rThird."))
    assert payload["reason"] == "First line.\nSecond line.\nThird."


def test_free_text_with_another_control_character_is_bad_format() -> None:
    assert rejection_of(message("nominal.archived", reason="Tab\there")) == ("reason", "BAD_FORMAT")


@pytest.mark.parametrize(
    ("kind", "field", "limit", "extra"),
    [
        ("nominal.registered", "family_name", 100, {}),
        ("nominal.registered", "given_names", 100, {}),
        ("transfer.requested", "reason", 1000, {}),
        ("transfer.accepted", "reason", 1000, {}),
        ("transfer.rejected", "rejection_text", 1000, {}),
        ("intel.withdrawn", "reason", 1000, {}),
        ("nominal.archived", "reason", 1000, {}),
        ("intel.shared", "intel_text", 4000, {}),
        (
            "intel.shared",
            "handling_conditions",
            500,
            {"grading": {"source_evaluation": 1, "intelligence_assessment": "A", "handling_code": "C"}},
        ),
        ("mappa.changed", "meeting_ref", 40, {}),
    ],
)
def test_text_longer_than_its_limit_is_too_long(kind: str, field: str, limit: int, extra: dict[str, object]) -> None:
    at_limit = "é" * limit
    assert rejection_of(message(kind, **extra, **{field: at_limit + "x"})) == (field, "TOO_LONG")
    decomposed = unicodedata.normalize("NFD", at_limit)  # longer before NFC, at the limit after it
    assert isinstance(scotland.parse("m", encode(message(kind, **extra, **{field: decomposed})))[0].result, dict)


def test_same_message_posted_twice_is_reported_as_a_duplicate() -> None:
    dedup = Deduplicator()
    data = encode(message())
    first = list(judge_delivery(scotland, "post-1", data, dedup))
    again = list(judge_delivery(scotland, "post-2", json.dumps(message(), indent=2).encode(), dedup))
    assert isinstance(first[0], Accepted)
    assert again == [Duplicate("post-2", "post-1")]


def test_same_message_id_in_another_case_is_the_same_record() -> None:
    dedup = Deduplicator()
    list(judge_delivery(scotland, "post-1", encode(message()), dedup))
    upper = message(message_id="0B7E3C1A-6A55-4D2F-9A3E-2F6F1C9D8E01")
    assert isinstance(next(judge_delivery(scotland, "post-2", encode(upper), dedup)), Duplicate)


def test_same_message_id_with_different_content_is_a_duplicate_conflict_on_message_id() -> None:
    dedup = Deduplicator()
    list(judge_delivery(scotland, "post-1", encode(message()), dedup))
    (outcome,) = judge_delivery(scotland, "post-2", encode(message(mappa_level=3)), dedup)
    assert isinstance(outcome, Rejected)
    assert (outcome.locator, outcome.error.field, outcome.error.reason) == (
        "post-2",
        "message_id",
        "DUPLICATE_CONFLICT",
    )


def test_rejected_message_does_not_claim_its_key() -> None:
    dedup = Deduplicator()
    (bad,) = judge_delivery(scotland, "post-1", encode(message(sex=ABSENT)), dedup)
    (good,) = judge_delivery(scotland, "post-2", encode(message()), dedup)
    assert isinstance(bad, Rejected)
    assert isinstance(good, Accepted)
