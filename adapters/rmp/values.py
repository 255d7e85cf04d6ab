"""Reading REDCAP values: attributes under the field names the spec writes, and free-text elements."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from datetime import date
from typing import TypeVar

from adapters.common import codes
from adapters.common.errors import reject
from adapters.common.identifiers import uuid_text
from adapters.common.text import free_text, text
from adapters.common.timing import parse_date

T = TypeVar("T")


def ascii_only(value: str, field: str, shape: str) -> str:
    """Patterned values are ASCII: `\\d` in the shared patterns would also take Arabic-Indic digits."""
    if not value.isascii():
        raise reject(field, "BAD_FORMAT", f"expected {shape}")
    return value


class Attributes:
    """One element's attributes, each rejection naming the field as the spec writes it (`Detail/@dob`)."""

    def __init__(self, element: ET.Element, prefix: str = "") -> None:
        self._element = element
        self._prefix = prefix

    def field(self, name: str) -> str:
        return f"{self._prefix}/@{name}" if self._prefix else f"@{name}"

    def optional(self, name: str, max_len: int | None = None) -> str | None:
        """A one-line text value, trimmed and NFC; `None` when absent or blank."""
        raw = self._element.get(name)
        return None if raw is None else text(raw, self.field(name), max_len)

    def required(self, name: str, max_len: int | None = None) -> str:
        value = self.optional(name, max_len)
        if value is None:
            raise reject(self.field(name), "MISSING", "required for this record type")
        return value

    def code(self, name: str, mapping: Mapping[str, T]) -> T:
        return codes.code(self.required(name), self.field(name), mapping)

    def optional_code(self, name: str, mapping: Mapping[str, T]) -> T | None:
        value = self.optional(name)
        return None if value is None else codes.code(value, self.field(name), mapping)

    def date(self, name: str) -> date:
        """A `yyyymmdd` date."""
        field = self.field(name)
        return parse_date(ascii_only(self.required(name), field, "a date written yyyymmdd"), field, "yyyymmdd")

    def guid(self, name: str) -> str:
        """A GUID in any case, braces optional, as a lower-case UUID without braces."""
        value = self.required(name)
        if value.startswith("{") and value.endswith("}"):
            value = value[1:-1]
        return uuid_text(value, self.field(name))


def element_text(element: ET.Element | None, field: str, max_len: int) -> str | None:
    """A free-text element (`Text`, `Conditions`): line breaks kept; nested markup is `MALFORMED`."""
    if element is None:
        return None
    if len(element):
        raise reject(field, "MALFORMED", f"{field} holds text only, not elements")
    return free_text(element.text or "", field, max_len)


def required_text(element: ET.Element | None, field: str, max_len: int) -> str:
    value = element_text(element, field, max_len)
    if value is None:
        raise reject(field, "MISSING", "required for this record type")
    return value
