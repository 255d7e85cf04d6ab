"""hub.codec: Avro single-object encoding of canonical events."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import schemas
from hub import codec
from hub.domain.codes import EVENT_TYPES
from hub.errors import CodecError, CorruptMessage, UnknownSchema
from tests.unit.canonical_event_strategies import canonical_events

UTC = dt.UTC


def a_transfer_accepted() -> dict[str, Any]:
    return {
        "event_id": "0b7f4a52-3c1d-5e8f-9a0b-1c2d3e4f5a6b",
        "event_type": "TransferAccepted",
        "occurred_at": dt.datetime(2026, 3, 2, 9, 15, 0, tzinfo=UTC),
        "recorded_at": dt.datetime(2026, 3, 2, 9, 15, 2, 250000, tzinfo=UTC),
        "source_jurisdiction": "NIR",
        "source_agency": "NIR-PBNI",
        "source_system": "CAUSEWAY",
        "nominal_id": "6f1c2b9e-8d4a-4c3b-9e2f-1a0b7c6d5e4f",
        "owner_agency": "NIR-PBNI",
        "classification": "OFFICIAL-SENSITIVE",
        "correlation_id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
        "identifiers": [
            {"scheme": "PNC", "value": "2019/0123456X", "agency": None},
            {"scheme": "LOCAL", "value": "B-77", "agency": "NIR-PSNI"},
        ],
        "payload": {
            "transfer_id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
            "decided_by": "NIR-PBNI",
            "reason": None,
        },
    }


@pytest.mark.parametrize("event_type", EVENT_TYPES)
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_event_type_round_trips_unchanged(event_type: str, data: st.DataObject) -> None:
    event = data.draw(canonical_events(event_type))
    assert codec.decode(codec.encode(event)) == event


def test_message_is_marker_then_fingerprint_of_the_writer_schema_then_body() -> None:
    message = codec.encode(a_transfer_accepted())
    fingerprint = codec.schema_fingerprint(schemas.current_schemas()["TransferAccepted"])
    assert message[:2] == b"\xc3\x01"
    assert message[2:10] == fingerprint
    assert len(message) > 10


def test_decoded_timestamps_are_utc_aware_and_dates_are_dates() -> None:
    event = codec.decode(codec.encode(a_transfer_accepted()))
    assert event["occurred_at"].utcoffset() == dt.timedelta(0)
    assert event["recorded_at"] == dt.datetime(2026, 3, 2, 9, 15, 2, 250000, tzinfo=UTC)


def test_every_current_and_released_schema_has_a_distinct_known_fingerprint() -> None:
    known = codec.default_codec().known_fingerprints()
    assert set(known.values()) == set(EVENT_TYPES)
    assert all(len(fp) == 8 for fp in known)


# --- bytes that are not a message -----------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"\xc3", b"\xc3\x01", b"\xc3\x01\x00\x01\x02", b"{}", b"\x00" * 40])
def test_short_or_unmarked_bytes_are_corrupt(data: bytes) -> None:
    with pytest.raises(CorruptMessage):
        codec.decode(data)


def test_unknown_fingerprint_is_unknown_schema() -> None:
    message = codec.encode(a_transfer_accepted())
    with pytest.raises(UnknownSchema, match="not a current or released schema"):
        codec.decode(message[:2] + b"\xff" * 8 + message[10:])


@pytest.mark.parametrize("cut", [1, 2, 5, 20, 40])
def test_truncated_body_is_corrupt(cut: int) -> None:
    message = codec.encode(a_transfer_accepted())
    with pytest.raises(CorruptMessage):
        codec.decode(message[:-cut])


def test_trailing_garbage_is_corrupt() -> None:
    message = codec.encode(a_transfer_accepted())
    with pytest.raises(CorruptMessage, match="trailing"):
        codec.decode(message + b"\x00")


def test_body_of_another_event_type_under_a_foreign_fingerprint_is_corrupt() -> None:
    message = codec.encode(a_transfer_accepted())
    other = codec.schema_fingerprint(schemas.current_schemas()["NominalArchived"])
    with pytest.raises(CorruptMessage):
        codec.decode(message[:2] + other + message[10:])


@given(st.binary(max_size=200))
def test_arbitrary_bytes_raise_only_codec_errors(data: bytes) -> None:
    with contextlib.suppress(CodecError):
        codec.decode(data)


@settings(max_examples=300)
@given(event_type=st.sampled_from(EVENT_TYPES), body=st.binary(max_size=300))
def test_arbitrary_body_behind_a_known_fingerprint_raises_only_codec_errors(event_type: str, body: bytes) -> None:
    header = b"\xc3\x01" + codec.schema_fingerprint(schemas.current_schemas()[event_type])
    try:
        event = codec.decode(header + body)
    except CodecError:
        return
    assert event["event_type"] == event_type


@given(data=st.data())
def test_flipped_bytes_in_a_real_message_raise_only_codec_errors(data: st.DataObject) -> None:
    message = bytearray(codec.encode(a_transfer_accepted()))
    for _ in range(data.draw(st.integers(1, 4))):
        message[data.draw(st.integers(0, len(message) - 1))] = data.draw(st.integers(0, 255))
    with contextlib.suppress(CodecError):
        codec.decode(bytes(message))


# --- dicts that are not canonical events ----------------------------------------------------------


def _with(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    event = copy.deepcopy(a_transfer_accepted())
    target = event
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return event


@pytest.mark.parametrize(
    ("path", "value", "named"),
    [
        (("source_agency",), 42, "source_agency"),
        (("payload", "decided_by"), None, "payload.decided_by"),
        (("payload", "reason"), 7, "payload.reason"),
        (("occurred_at",), "2026-03-02T09:15:00Z", "occurred_at"),
        (("occurred_at",), dt.datetime(2026, 3, 2, 9, 15), "occurred_at"),
        (("identifiers",), [{"scheme": "PASSPORT", "value": "1", "agency": None}], "identifiers[0].scheme"),
        (("identifiers",), [{"scheme": "PNC", "value": None, "agency": None}], "identifiers[0].value"),
        (("classification",), "SECRET", "classification"),
        (("payload", "transfer_idd"), "x", "transfer_idd"),
        (("shoe_size",), 9, "shoe_size"),
        (("payload",), "not a record", "payload"),
    ],
)
def test_an_invalid_dict_is_a_codec_error_naming_the_field(path: tuple[str, ...], value: Any, named: str) -> None:
    with pytest.raises(CodecError, match=named.replace("[", r"\[").replace("]", r"\]")):
        codec.encode(_with(path, value))


def test_a_missing_required_field_is_named() -> None:
    event = a_transfer_accepted()
    del event["payload"]["transfer_id"]
    with pytest.raises(CodecError, match=r"payload\.transfer_id: missing"):
        codec.encode(event)


def test_an_unknown_event_type_is_a_codec_error() -> None:
    with pytest.raises(CodecError, match="event_type"):
        codec.encode(_with(("event_type",), "NominalTeleported"))


def test_an_unknown_enum_symbol_deep_in_the_payload_is_named() -> None:
    event = a_transfer_accepted() | {"event_type": "TransferRejected"}
    event["payload"] = {"transfer_id": "t", "decided_by": "NIR-PBNI", "rejection_code": "BORED", "rejection_text": "x"}
    with pytest.raises(CodecError, match=r"payload\.rejection_code: expected one of"):
        codec.encode(event)


def test_error_messages_do_not_repeat_the_value() -> None:
    with pytest.raises(CodecError) as caught:
        codec.encode(_with(("payload", "reason"), ["Seán O'Neill"]))
    assert "Seán" not in str(caught.value)


# --- reading data written with an older release ---------------------------------------------------


def test_data_written_with_a_released_schema_is_resolved_to_the_current_one() -> None:
    current = schemas.current_schemas()["TransferAccepted"]
    older = copy.deepcopy(current)
    payload = next(f for f in older["fields"] if f["name"] == "payload")["type"]
    payload["fields"] = [f for f in payload["fields"] if f["name"] != "reason"]
    old_writer = codec.Codec({"TransferAccepted": older}, [])
    hub = codec.Codec({"TransferAccepted": current}, [{"TransferAccepted": older}])
    event = a_transfer_accepted()
    del event["payload"]["reason"]

    decoded = hub.decode(old_writer.encode(event))

    assert decoded["payload"]["reason"] is None
    assert decoded == a_transfer_accepted()
