"""Replays and conflicts across deliveries, and properties over generated and hostile messages."""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters import jersey
from adapters.common.batch import Accepted, Deduplicator, Duplicate, Refused, Rejected
from adapters.common.errors import FileRejected, RecordRejected
from adapters.common.events import event_id_for
from adapters.common.output import outcome_line
from adapters.common.run import judge_delivery
from adapters.jersey import vocabulary as v
from adapters.jersey.messages import BUILDERS
from tests.unit.adapters.test_jersey_fixtures import DETAILS, accepted, encode, message, put

# --- the same record twice -------------------------------------------------------------------------------------


def judge(*deliveries: tuple[str, bytes]) -> list[Any]:
    dedup = Deduplicator()
    return [outcome for name, data in deliveries for outcome in judge_delivery(jersey, name, data, dedup)]


def test_event_id_is_derived_from_the_message_ref() -> None:
    event = accepted(message("RECORD_ARCHIVED", ref="JPRS-2026-004512"))
    assert event["event_id"] == event_id_for("JSY:JPRS:JPRS-2026-004512")


def test_message_posted_twice_is_reported_as_a_duplicate_of_the_first_delivery() -> None:
    body = encode(message("RECORD_ARCHIVED"))
    first, second = judge(("post-1", body), ("post-2", body))
    assert isinstance(first, Accepted)
    assert first.locator == "post-1"
    assert isinstance(second, Duplicate)
    assert (second.locator, second.duplicate_of) == ("post-2", "post-1")


def test_replay_differing_only_in_layout_and_ignored_members_is_still_a_duplicate() -> None:
    original = message("RECORD_ARCHIVED")
    replay = put(copy.deepcopy(original), "header.sender.userId", "PC 9")
    replay_body = json.dumps(replay, indent=4).encode()
    _, second = judge(("a", encode(original)), ("b", replay_body))
    assert isinstance(second, Duplicate)


def test_same_message_ref_with_different_content_is_a_conflict_naming_the_ref() -> None:
    original = message("RECORD_ARCHIVED")
    changed = put(copy.deepcopy(original), "details.reason", "Another reason.")
    first, second = judge(("a", encode(original)), ("b", encode(changed)))
    assert isinstance(first, Accepted)
    assert isinstance(second, Rejected)
    assert (second.error.field, second.error.reason) == ("header.messageRef", "DUPLICATE_CONFLICT")


def test_rejected_message_does_not_claim_its_ref_for_a_corrected_resend() -> None:
    broken = put(message("RECORD_ARCHIVED"), "details.reason", None)
    first, second = judge(("a", encode(broken)), ("b", encode(message("RECORD_ARCHIVED"))))
    assert isinstance(first, Rejected)
    assert isinstance(second, Accepted)


def test_key_is_reported_even_for_a_rejected_message_and_absent_when_the_ref_is_unusable() -> None:
    [rejected_with_ref] = jersey.parse("m", encode(put(message("RECORD_ARCHIVED"), "details.reason", None)))
    assert rejected_with_ref.key == "JSY:JPRS:JPRS-2026-000001"
    [without_ref] = jersey.parse("m", encode(put(message("RECORD_ARCHIVED"), "header.messageRef", "X")))
    assert without_ref.key is None


# --- generated valid messages ----------------------------------------------------------------------------------

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
names = st.text(
    st.characters(categories=["L", "Zs"], exclude_characters="\u2028\u2029"), min_size=1, max_size=100
).filter(lambda s: s.strip() != "")


def jersey_date(day: date, upper: bool) -> str:
    month = MONTHS[day.month - 1]
    return f"{day.day:02d}-{month.upper() if upper else month}-{day.year}"


@st.composite
def valid_messages(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    message_type = draw(st.sampled_from(sorted(BUILDERS)))
    msg = message(message_type, ref=f"JPRS-{draw(st.integers(2000, 2099))}-{draw(st.integers(0, 999_999)):06d}")
    occurred = draw(st.dates(date(1990, 1, 1), date(2060, 12, 31)))
    clock = f"{draw(st.sampled_from([0, *range(2, 24)])):02d}:{draw(st.integers(0, 59)):02d}"
    put(msg, "header.occurred", {"date": jersey_date(occurred, draw(st.booleans())), "time": clock})
    put(msg, "header.classification", draw(st.sampled_from(["OFFICIAL", "OFFICIAL_SENSITIVE"])))
    if message_type == "NOMINAL_REGISTRATION":
        born = draw(st.dates(date(1900, 1, 1), occurred))
        put(msg, "subject.person.dateOfBirth", jersey_date(born, upper=False))
        put(msg, "subject.person.name", {"surname": draw(names), "forenames": draw(names)})
        put(msg, "subject.person.gender", draw(st.sampled_from(sorted(v.SEXES))))
        put(msg, "details.mappa.category", draw(st.sampled_from(sorted(v.MAPPA_CATEGORIES))))
        put(msg, "details.mappa.level", draw(st.sampled_from(sorted(v.MAPPA_LEVELS))))
    if message_type == "ADDRESS_NOTIFICATION":
        put(msg, "details.address.parish", draw(st.sampled_from(v.PARISHES)))
        put(msg, "details.addressType", draw(st.sampled_from(sorted(v.ADDRESS_TYPES))))
    if message_type == "PRISON_DISCHARGE":
        release = draw(st.sampled_from(sorted(v.RELEASE_TYPES)))
        put(msg, "details.custody.releaseType", release)
        if release == "ON_LICENCE":
            end = occurred + timedelta(days=draw(st.integers(1, 3650)))
            put(msg, "details.custody.licenceEndDate", jersey_date(end, upper=False))
    if message_type == "INTELLIGENCE_SHARE":
        recipients = st.sampled_from([*sorted(v.JERSEY_AGENCIES), "SCO", "EAW-F44", "NIR-PSNI", "RMP"])
        put(msg, "details.intelligence.recipients", draw(st.lists(recipients, min_size=1, max_size=20)))
        put(msg, "details.intelligence.text", draw(st.text(min_size=1, max_size=200).filter(_printable)))
    return msg, message_type


def _printable(value: str) -> bool:
    return value.strip() != "" and all(ch == "\n" or ch.isprintable() for ch in value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_messages())
def test_generated_valid_message_always_becomes_an_event(generated: tuple[dict[str, Any], str]) -> None:
    msg, message_type = generated
    event = accepted(msg)
    assert event["event_id"] == event_id_for(f"JSY:JPRS:{msg['header']['messageRef']}")
    assert event["source_jurisdiction"] == "JSY"
    assert event["occurred_at"].utcoffset() == timedelta(0)
    if message_type.startswith("TRANSFER_"):
        assert event["correlation_id"] == event["payload"]["transfer_id"]


# --- hostile input never escapes as anything but a rejection ---------------------------------------------------


def parse_safely(data: bytes) -> None:
    """Parse without any exception but a refusal, and report the outcome as the CLI would, in UTF-8."""
    try:
        records = jersey.parse("hostile", data)
    except FileRejected:
        return
    assert len(records) == 1
    assert isinstance(records[0].result, (dict, RecordRejected))
    for outcome in judge_delivery(jersey, "hostile", data, Deduplicator()):
        assert not isinstance(outcome, Refused)
        outcome_line(outcome).encode("utf-8")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_the_parser(data: bytes) -> None:
    parse_safely(data)


VALID_BODIES = [encode(message(t)) for t in sorted(DETAILS)]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(VALID_BODIES), st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 255)), max_size=8))
def test_byte_mutations_of_valid_messages_never_crash_the_parser(body: bytes, edits: list[tuple[int, int]]) -> None:
    mutated = bytearray(body)
    for position, byte in edits:
        mutated[position % len(mutated)] = byte
    parse_safely(bytes(mutated))


any_text = st.text(st.characters() | st.sampled_from(["\ud800", "\udfff", "\x00", "\n"]), max_size=30)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(any_text, children, max_size=4),
    max_leaves=12,
)


def member_paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += member_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += member_paths(item, (*path, index))
    return found


@settings(max_examples=250, deadline=None)
@given(st.sampled_from(sorted(DETAILS)), st.data())
def test_any_member_of_a_valid_message_replaced_by_any_json_never_crashes(
    message_type: str, data: st.DataObject
) -> None:
    msg = message(message_type)
    path = data.draw(st.sampled_from(member_paths(msg)))
    node: Any = msg
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = data.draw(json_values)
    parse_safely(json.dumps(msg).encode())


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(any_text, json_values, max_size=5))
def test_any_json_object_never_crashes(document: dict[str, Any]) -> None:
    parse_safely(json.dumps(document).encode())
