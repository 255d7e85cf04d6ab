"""Text value rules (formats/README.md "Value rules"): trim, NFC, control characters, lengths."""

from __future__ import annotations

import re
import unicodedata
from typing import TypeVar

from adapters.common.errors import reject

T = TypeVar("T")
_LINE_BREAKS = ("\r\n", "\r", "\u2028", "\u2029")


# C0 and C1 control characters, the Unicode line and paragraph separators (line breaks too) and lone
# surrogates (which a JSON `\\ud800` escape can produce and no UTF-8 store can hold). One compiled search
# instead of a per-character category lookup: this runs on every text value of every record.
_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_FORBIDDEN_IN_FREE_TEXT = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _has_control(value: str, allow_lf: bool) -> bool:
    pattern = _FORBIDDEN_IN_FREE_TEXT if allow_lf else _FORBIDDEN
    return pattern.search(value) is not None


def _normalise(value: str, field: str, max_len: int | None, free: bool) -> str | None:
    if free:
        for brk in _LINE_BREAKS:
            value = value.replace(brk, "\n")
    value = unicodedata.normalize("NFC", value.strip())
    if not value:
        return None
    if _has_control(value, allow_lf=free):
        what = "a control character" if free or "\n" not in value else "a line break"
        raise reject(field, "BAD_FORMAT", f"contains {what}, which this field does not allow")
    if max_len is not None and len(value) > max_len:
        raise reject(field, "TOO_LONG", f"{len(value)} characters, at most {max_len} allowed")
    return value


def text(value: str, field: str, max_len: int | None = None) -> str | None:
    """A one-line text value, trimmed and NFC-normalised; `None` when empty."""
    return _normalise(value, field, max_len, free=False)


def free_text(value: str, field: str, max_len: int) -> str | None:
    """Free text (reasons, intelligence, conditions): line breaks kept and normalised to LF."""
    return _normalise(value, field, max_len, free=True)


def required(value: T | None, field: str) -> T:
    """The value of a required field; `MISSING` when absent (already normalised to `None` when empty)."""
    if value is None:
        raise reject(field, "MISSING", "required for this record type")
    return value
