"""A data record's fields by their spec names, read under the common value rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar

from adapters.common import codes, places
from adapters.common.identifiers import Identifier, uuid_text
from adapters.common.text import free_text, required, text
from adapters.common.timing import parse_date

T = TypeVar("T")

SOURCE_AGENCY = "BTP-POLICE"
DATE_SHAPE = "yyyymmdd"
NAME_MAX = 100
LINE_MAX = 100
TOWN_MAX = 60
REASON_MAX = 1000

Payload = dict[str, object]


@dataclass(frozen=True, slots=True)
class Draft:
    """What a record type's builder makes: the payload, and what differs from the defaults."""

    payload: Payload
    owner_agency: str | None = None
    identifiers: tuple[Identifier, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Record:
    """The values of one data record (unescaped, untrimmed) by field name, and when it occurred."""

    values: Mapping[str, str]
    occurred_at: datetime

    def text(self, name: str, max_len: int | None = None) -> str | None:
        return text(self.values[name], name, max_len)

    def required_text(self, name: str, max_len: int | None = None) -> str:
        return required_text(self.values[name], name, max_len)

    def free(self, name: str, max_len: int) -> str | None:
        return free_text(self.values[name], name, max_len)

    def required_free(self, name: str, max_len: int) -> str:
        return _present(self.free(name, max_len), name)

    def code(self, name: str, mapping: Mapping[str, T]) -> T:
        return codes.code(self.required_text(name), name, mapping)

    def optional_mappa(self, name: str) -> int | None:
        value = self.text(name)
        return None if value is None else codes.mappa_text(value, name)

    def mappa(self, name: str) -> int:
        return codes.mappa_text(self.required_text(name), name)

    def date(self, name: str) -> date:
        return parse_date(self.required_text(name), name, DATE_SHAPE)

    def uuid(self, name: str) -> str:
        return uuid_text(self.required_text(name), name)

    def agency(self, name: str) -> str:
        return codes.agency(self.required_text(name), name)

    def recipient(self, name: str) -> str:
        return codes.recipient(self.required_text(name), name)

    def postcode(self, name: str) -> str | None:
        value = self.text(name)
        return None if value is None else places.postcode(value, name)

    def address_lines(self) -> list[str]:
        """`line1`–`line3` as sent, the empty ones left out."""
        lines = (self.text(name, LINE_MAX) for name in ("line1", "line2", "line3"))
        return [line for line in lines if line is not None]

    def any_given(self, *names: str) -> bool:
        return any(self.text(name) is not None for name in names)


def _present(value: str | None, name: str) -> str:
    required(value, name)
    assert value is not None  # only narrows the type: `required` has raised on None
    return value


def required_text(value: str, name: str, max_len: int | None = None) -> str:
    """A one-line value that must be given (`MISSING` when empty after trimming)."""
    return _present(text(value, name, max_len), name)
