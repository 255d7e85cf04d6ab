"""The SJX message body: one JSON object, decoded strictly, read by key path with JSON types enforced."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TypeVar, cast

from adapters.common.errors import reject
from adapters.common.text import free_text, required, text

MAX_BODY_BYTES = 262_144
WHOLE_BODY = "$"

_UTF8_BOM = b"\xef\xbb\xbf"
_T = TypeVar("_T")


class _DuplicateKey:
    """Stands in for a JSON object in which a key occurs twice, so the walk can name its path."""

    def __init__(self, key: str, values: dict[str, object]) -> None:
        self.key = key
        self.values = values


def _object_from_pairs(pairs: list[tuple[str, object]]) -> dict[str, object] | _DuplicateKey:
    values: dict[str, object] = {}
    for key, value in pairs:
        if key in values:
            return _DuplicateKey(key, values)
        values[key] = value
    return values


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


def _nodes(document: object) -> Iterator[tuple[str, object]]:
    """Every value of the document with its key path, depth first, without recursion."""
    stack: list[tuple[str, object]] = [("", document)]
    while stack:
        path, node = stack.pop()
        yield path, node
        if isinstance(node, _DuplicateKey):
            continue
        if isinstance(node, dict):
            children = [(f"{path}.{k}" if path else k, v) for k, v in node.items()]
        elif isinstance(node, list):
            children = [(f"{path}[{i}]", v) for i, v in enumerate(node)]
        else:
            continue
        stack.extend(reversed(children))


def _first_duplicate(document: object) -> str | None:
    for path, node in _nodes(document):
        if isinstance(node, _DuplicateKey):
            return f"{path}.{node.key}" if path else node.key
    return None


def decode_message(data: bytes) -> dict[str, object]:
    """The body as one JSON object: TOO_LARGE, ENCODING and MALFORMED name `$` (or the duplicated key)."""
    if len(data) > MAX_BODY_BYTES:
        raise reject(WHOLE_BODY, "TOO_LARGE", f"{len(data)} bytes, at most {MAX_BODY_BYTES} allowed")
    if data.startswith(_UTF8_BOM):
        raise reject(WHOLE_BODY, "ENCODING", "the body starts with a byte order mark; send UTF-8 without BOM")
    try:
        body = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise reject(WHOLE_BODY, "ENCODING", f"invalid UTF-8 at byte {exc.start}") from None
    try:
        document = json.loads(body, object_pairs_hook=_object_from_pairs, parse_constant=_refuse_constant)
    except RecursionError:
        raise reject(WHOLE_BODY, "MALFORMED", "the body nests too deeply to be a message") from None
    except ValueError as exc:
        raise reject(WHOLE_BODY, "MALFORMED", f"not valid JSON ({exc})") from None
    duplicate = _first_duplicate(document)
    if duplicate is not None:
        raise reject(duplicate, "MALFORMED", "this key occurs twice in one object")
    if not isinstance(document, dict):
        raise reject(WHOLE_BODY, "MALFORMED", "the body must be a single JSON object")
    return cast(dict[str, object], document)


def need(value: _T | None, field: str) -> _T:
    """A required value; absent (or empty after trimming) is `MISSING`."""
    return required(value, field)


def _has_surrogate(value: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in value)


class Fields:
    """One JSON object of the message; every accessor names the native key path in its rejections."""

    def __init__(self, values: dict[str, object], prefix: str = "") -> None:
        self._values = values
        self._prefix = prefix

    def name(self, key: str) -> str:
        return f"{self._prefix}{key}"

    def _typed(self, key: str, kind: type[_T], what: str) -> _T | None:
        value = self._values.get(key)
        if value is None:
            return None
        # bool is a subclass of int in Python, but not an integer in JSON
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise reject(self.name(key), "BAD_FORMAT", f"expected a JSON {what}")
        return value

    def _string(self, key: str) -> str | None:
        value = self._typed(key, str, "string")
        if value is not None and _has_surrogate(value):
            raise reject(self.name(key), "ENCODING", "contains an unpaired surrogate escape")
        return value

    def string(self, key: str, max_len: int | None = None) -> str | None:
        """A one-line text value, trimmed and NFC-normalised; `None` when absent or empty."""
        value = self._string(key)
        return None if value is None else text(value, self.name(key), max_len)

    def free(self, key: str, max_len: int) -> str | None:
        """Free text: line breaks kept, normalised to LF."""
        value = self._string(key)
        return None if value is None else free_text(value, self.name(key), max_len)

    def integer(self, key: str) -> int | None:
        return self._typed(key, int, "integer")

    def array(self, key: str) -> list[object] | None:
        return self._typed(key, list, "array")

    def obj(self, key: str) -> Fields | None:
        value = self._typed(key, dict, "object")
        return None if value is None else Fields(value, f"{self.name(key)}.")

    def strings(self, key: str, max_len: int | None = None) -> list[str] | None:
        """An array of one-line strings; empty elements are dropped, other JSON types are `BAD_FORMAT`."""
        items = self.array(key)
        if items is None:
            return None
        found: list[str] = []
        for index, item in enumerate(items):
            if not isinstance(item, str) or _has_surrogate(item):
                raise reject(self.name(key), "BAD_FORMAT", f"element {index + 1} is not a text string")
            value = text(item, self.name(key), max_len)
            if value is not None:
                found.append(value)
        return found

    def objects(self, key: str) -> list[Fields] | None:
        """An array of objects, each read with the key path `key[i].`."""
        items = self.array(key)
        if items is None:
            return None
        found: list[Fields] = []
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raise reject(f"{self.name(key)}[{index}]", "BAD_FORMAT", "expected a JSON object")
            found.append(Fields(item, f"{self.name(key)}[{index}]."))
        return found
