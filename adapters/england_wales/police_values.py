"""The columns of one police CSV record as canonical values, each fault named by its column."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import TypeVar

from adapters.common import codes, places
from adapters.common.errors import reject
from adapters.common.identifiers import uuid_text
from adapters.common.text import free_text, required, text
from adapters.common.timing import parse_date
from hub.domain.codes import MAX_ALIASES, MAX_RECIPIENTS, jurisdiction_of

T = TypeVar("T")

NAME_MAX = 100
LINE_MAX = 100
TOWN_MAX = 60
REASON_MAX = 1000
_GRADING = re.compile(r"([123])([A-E])([PC])")


class Row:
    """One record's columns by name, read as the spec's column table says."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self._values = values

    def text(self, column: str, max_len: int | None = None) -> str | None:
        return text(self._values[column], column, max_len)

    def need(self, column: str, max_len: int | None = None) -> str:
        return required(self.text(column, max_len), column)

    def free(self, column: str, max_len: int) -> str | None:
        return free_text(self._values[column], column, max_len)

    def need_free(self, column: str, max_len: int) -> str:
        return required(self.free(column, max_len), column)

    def date(self, column: str) -> dt.date | None:
        value = self.text(column)
        return None if value is None else parse_date(value, column, "dd/mm/yyyy")

    def need_date(self, column: str) -> dt.date:
        return parse_date(self.need(column), column, "dd/mm/yyyy")

    def code(self, column: str, mapping: Mapping[str, T]) -> T | None:
        value = self.text(column)
        return None if value is None else codes.code(value, column, mapping)

    def need_code(self, column: str, mapping: Mapping[str, T]) -> T:
        return codes.code(self.need(column), column, mapping)

    def uuid(self, column: str) -> str:
        return uuid_text(self.need(column), column)

    def agency(self, column: str) -> str:
        return codes.agency(self.need(column), column)

    def home_agency(self, column: str) -> str:
        """An agency that must be of England and Wales (`lead_agency`)."""
        value = self.agency(column)
        if jurisdiction_of(value) != "EAW":
            raise reject(column, "INCONSISTENT", f"{value} is not an England and Wales agency")
        return value

    def foreign_agency(self, column: str) -> str:
        """An agency that must be of another jurisdiction (`to_agency`)."""
        value = self.agency(column)
        if jurisdiction_of(value) == "EAW":
            raise reject(column, "INCONSISTENT", f"{value} is in England and Wales; a transfer leaves it")
        return value


def aliases(row: Row) -> list[dict[str, str]]:
    """`Family, Given` entries joined by `;`, each with exactly one comma."""
    value = row.text("aliases")
    if value is None:
        return []
    entries = value.split(";")
    if len(entries) > MAX_ALIASES:
        raise reject("aliases", "TOO_LONG", f"{len(entries)} aliases, at most {MAX_ALIASES}")
    return [_alias(entry) for entry in entries]


def _alias(entry: str) -> dict[str, str]:
    parts = entry.split(",")
    if len(parts) != 2:
        raise reject("aliases", "BAD_FORMAT", "each alias is written `Family, Given` with exactly one comma")
    family, given = (text(part, "aliases", NAME_MAX) for part in parts)
    if family is None or given is None:
        raise reject("aliases", "BAD_FORMAT", "each alias needs both a family name and given names")
    return {"family_name": family, "given_names": given}


def address(row: Row, *, no_fixed_abode: bool = False) -> places.Address:
    """Columns 18–22 as a canonical UK address (empty lines dropped); lines optional only for `NFA`."""
    first = row.text("address_line_1", LINE_MAX) if no_fixed_abode else row.need("address_line_1", LINE_MAX)
    rest = [row.text(column, LINE_MAX) for column in ("address_line_2", "address_line_3")]
    lines = [line for line in (first, *rest) if line is not None]
    town = row.need("town", TOWN_MAX)
    code = row.text("postcode")
    postcode = None if code is None else places.postcode(code, "postcode")
    return places.address(
        lines,
        town=town,
        postcode=postcode,
        no_fixed_abode=no_fixed_abode,
        fields=("address_line_1", "town", "postcode"),
    )


def address_if_any(row: Row) -> places.Address | None:
    """Columns 18–22 all or none: no address at all, or a complete one."""
    columns = ("address_line_1", "address_line_2", "address_line_3", "town", "postcode")
    if all(row.text(column) is None for column in columns):
        return None
    return address(row)


def recipients(row: Row) -> list[str]:
    """Agency or jurisdiction codes joined by `;`, 1–20 of them, repeats kept once."""
    entries = [text(entry, "recipients") or "" for entry in row.need("recipients").split(";")]
    chosen = list(dict.fromkeys(codes.recipient(entry, "recipients") for entry in entries))
    if len(chosen) > MAX_RECIPIENTS:
        raise reject("recipients", "INCONSISTENT", f"{len(chosen)} recipients, at most {MAX_RECIPIENTS}")
    return chosen


def grading(row: Row) -> tuple[str, str, str]:
    """The 3x5x2 grading `2BP`: source evaluation, intelligence assessment, handling code."""
    value = row.need("grading")
    match = _GRADING.fullmatch(value)
    if match is None:
        raise reject("grading", "UNKNOWN_CODE", f"{value!r} is not a grading such as 2BP (1–3, A–E, P or C)")
    return match[1], match[2], match[3]
