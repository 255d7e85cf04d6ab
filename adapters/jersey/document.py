"""Reading one JPRS message: the JSON body as a whole, then its members by dotted path."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Union

from adapters.common.errors import reject
from adapters.common.text import free_text, text

MAX_MESSAGE_BYTES = 262_144
BODY = "$"

JsonValue = Union[None, bool, int, float, str, list["JsonValue"], dict[str, "JsonValue"]]  # noqa: UP007 (recursive alias)


class _Members(dict[str, JsonValue]):
    """A decoded JSON object that remembers the first key it saw twice."""

    repeated: str | None = None


def _collect(pairs: list[tuple[str, JsonValue]]) -> _Members:
    members = _Members()
    for key, value in pairs:
        if key in members and members.repeated is None:
            members.repeated = key
        members[key] = value
    return members


def _refuse_constant(name: str) -> JsonValue:
    raise ValueError(f"{name} is not a JSON number")


def load_message(data: bytes) -> JsonObject:
    """The message body as its root object, or a rejection naming `$` (or the path of a repeated key)."""
    if len(data) > MAX_MESSAGE_BYTES:
        raise reject(BODY, "TOO_LARGE", f"{len(data)} bytes, at most {MAX_MESSAGE_BYTES}")
    if data.startswith(b"\xef\xbb\xbf"):
        raise reject(BODY, "ENCODING", "the body starts with a byte-order mark; send UTF-8 without BOM")
    try:
        body = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise reject(BODY, "ENCODING", f"invalid UTF-8 at byte {exc.start}") from None
    try:
        root: JsonValue = json.loads(body, object_pairs_hook=_collect, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        raise reject(BODY, "MALFORMED", "the body is not valid JSON") from None
    if not isinstance(root, dict):
        raise reject(BODY, "MALFORMED", "the body must be one JSON object")
    _check_tree(root)
    return JsonObject("", root)


def _check_tree(root: dict[str, JsonValue]) -> None:
    """Refuse a repeated key or an unpaired surrogate escape anywhere, first in document order."""
    pending: list[tuple[str, JsonValue]] = [("", root)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, str):
            _check_scalar_text(value, path or BODY)
        elif isinstance(value, list):
            pending.extend((path, item) for item in reversed(value))
        elif isinstance(value, dict):
            for key in value:
                _check_scalar_text(key, path or BODY)
            if isinstance(value, _Members) and value.repeated is not None:
                raise reject(_join(path, value.repeated), "MALFORMED", "this key occurs twice in one object")
            pending.extend((_join(path, key), item) for key, item in reversed(value.items()))


def _check_scalar_text(value: str, path: str) -> None:
    """Refuse text no UTF-8 encoder can write; a bad key is reported at its object's path."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise reject(path, "ENCODING", "contains an unpaired surrogate escape (\\uD800–\\uDFFF)") from None


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


@dataclass(frozen=True, slots=True)
class JsonObject:
    """One object of the message, with typed access to its members named by dotted path."""

    path: str
    members: Mapping[str, JsonValue]

    def name(self, key: str) -> str:
        """The dotted path of a member, as the spec names fields (`header.occurred.date`)."""
        return _join(self.path, key)

    def optional_object(self, key: str) -> JsonObject | None:
        value = self.members.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise reject(self.name(key), "BAD_FORMAT", "expected a JSON object")
        return JsonObject(self.name(key), value)

    def object(self, key: str) -> JsonObject:
        found = self.optional_object(key)
        if found is None:
            raise reject(self.name(key), "MISSING", "required for this message type")
        return found

    def optional_array(self, key: str) -> list[JsonValue] | None:
        value = self.members.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            raise reject(self.name(key), "BAD_FORMAT", "expected a JSON array")
        return value

    def raw_string(self, key: str) -> str | None:
        value = self.members.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise reject(self.name(key), "BAD_FORMAT", "expected a JSON string")
        return value

    def optional_text(self, key: str, max_len: int | None = None) -> str | None:
        """A one-line value, trimmed and NFC-normalised; `None` when absent, null or blank."""
        raw = self.raw_string(key)
        return None if raw is None else text(raw, self.name(key), max_len)

    def text(self, key: str, max_len: int | None = None) -> str:
        value = self.optional_text(key, max_len)
        if value is None:
            raise reject(self.name(key), "MISSING", "required for this message type")
        return value

    def optional_free_text(self, key: str, max_len: int) -> str | None:
        """Free text (reasons, intelligence): line breaks kept as LF."""
        raw = self.raw_string(key)
        return None if raw is None else free_text(raw, self.name(key), max_len)

    def free_text(self, key: str, max_len: int) -> str:
        value = self.optional_free_text(key, max_len)
        if value is None:
            raise reject(self.name(key), "MISSING", "required for this message type")
        return value

    def has(self, key: str) -> bool:
        """Whether a member is present and not null."""
        return self.members.get(key) is not None
