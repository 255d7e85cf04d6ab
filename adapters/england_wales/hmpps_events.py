"""An HMPPS SNS notification as one record: the body, the envelope keys, the domain event inside.

The domain event travels as a JSON *string* in `Message`, so it is parsed a second time, with the same
strictness as the body: duplicate keys, NaN and Infinity are refused, and nesting is bounded by the size.
"""

from __future__ import annotations

import json
from typing import Any

from adapters.common.batch import ParsedRecord
from adapters.common.errors import RecordRejected, reject
from adapters.common.events import CanonicalEvent
from adapters.common.identifiers import uuid_text
from adapters.england_wales.hmpps_movements import ATTRIBUTE_FIELD, SOURCE_SYSTEM, Json, movement_event, string

MAX_BODY_BYTES = 262_144
SINGLE_MESSAGE = "$"
KEY_FIELD = "MessageId"
BOM = b"\xef\xbb\xbf"


class _NotStrictJson(ValueError):
    """A construct strict JSON refuses: a repeated key, NaN or an infinite number."""


def parse_notification(data: bytes) -> ParsedRecord:
    """The one record of a notification: its canonical event, or why there is none."""
    key = None
    result: CanonicalEvent | RecordRejected
    try:
        body = _load_body(data)
        key = _key(body)
        result = movement_event(key, _inner_event(body), _attribute_event_type(body))
    except RecordRejected as exc:
        result = exc
    return ParsedRecord(SINGLE_MESSAGE, key, KEY_FIELD, result)


def strict_json(document: str) -> Any:
    """A JSON value, refusing what JSON parsers disagree on; `ValueError` when it is not strict JSON."""
    try:
        return json.loads(document, object_pairs_hook=_unique_keys, parse_constant=_no_constant, parse_float=_finite)
    except RecursionError:
        raise _NotStrictJson("nested too deeply") from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, value in pairs:
        if name in found:
            raise _NotStrictJson(f"the key {name!r} appears twice in one object")
        found[name] = value
    return found


def _no_constant(name: str) -> float:
    raise _NotStrictJson(f"{name} is not a JSON number")


def _finite(literal: str) -> float:
    number = float(literal)
    if number in (float("inf"), float("-inf")):
        raise _NotStrictJson(f"{literal[:20]} is too large a number")
    return number


def _load_body(data: bytes) -> Json:
    if len(data) > MAX_BODY_BYTES:
        raise reject(SINGLE_MESSAGE, "TOO_LARGE", f"{len(data)} bytes, at most {MAX_BODY_BYTES}")
    try:
        document = data.removeprefix(BOM).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise reject(SINGLE_MESSAGE, "ENCODING", f"invalid UTF-8 at byte {exc.start}") from None
    try:
        body = strict_json(document)
    except ValueError as exc:
        raise reject(SINGLE_MESSAGE, "MALFORMED", f"not strict JSON: {_reason(exc)}") from None
    if not isinstance(body, dict):
        raise reject(SINGLE_MESSAGE, "MALFORMED", "the body must be one JSON object")
    kind = string(body.get("Type"), "Type")
    if kind is None:
        raise reject("Type", "MISSING", "an SNS message names its Type")
    if kind != "Notification":
        raise reject("Type", "UNKNOWN_TYPE", "only SNS messages of Type Notification are accepted")
    return body


def _key(body: Json) -> str:
    message_id = string(body.get("MessageId"), KEY_FIELD)
    if message_id is None:
        raise reject(KEY_FIELD, "MISSING", "every notification needs a MessageId")
    return f"EAW:{SOURCE_SYSTEM}:{uuid_text(message_id, KEY_FIELD)}"


def _inner_event(body: Json) -> Json:
    message = body.get("Message")
    if message is None:
        raise reject("Message", "MISSING", "the notification carries no domain event")
    if not isinstance(message, str):
        raise reject("Message", "MALFORMED", "the domain event must be a JSON string")
    try:
        event = strict_json(message)
    except ValueError as exc:
        raise reject("Message", "MALFORMED", f"the domain event is not strict JSON: {_reason(exc)}") from None
    if not isinstance(event, dict):
        raise reject("Message", "MALFORMED", "the domain event must be one JSON object")
    return event


def _attribute_event_type(body: Json) -> str | None:
    value: Any = body.get("MessageAttributes")
    for name in ("eventType", "Value"):
        value = value.get(name) if isinstance(value, dict) else None
    return string(value, ATTRIBUTE_FIELD)


def _reason(exc: ValueError) -> str:
    """What is wrong with the JSON, without quoting any of the body (it may hold personal data)."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at line {exc.lineno} column {exc.colno}"
    return str(exc) if isinstance(exc, _NotStrictJson) else "a number out of range"
