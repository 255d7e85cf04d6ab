"""Addresses: UK postcodes, BFPO numbers and the shape of a canonical address."""

from __future__ import annotations

import re
from typing import TypedDict

from adapters.common.errors import reject

_POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}")
_BFPO = re.compile(r"[0-9]{1,4}")
MAX_LINES = 4
MAX_LINE_LENGTH = 100
MAX_TOWN_LENGTH = 60


class Address(TypedDict):
    """A canonical address: UK (`town` + `postcode`), BFPO (`bfpo`), or no fixed abode (`town` only)."""

    lines: list[str]
    town: str | None
    postcode: str | None
    bfpo: str | None


def postcode(value: str, field: str) -> str:
    """Upper-cased, spaces removed, one space before the last three characters (`eh12ng` → `EH1 2NG`)."""
    if not value.isascii():
        raise reject(field, "BAD_FORMAT", "not a UK postcode")
    squeezed = value.upper().replace(" ", "")
    spaced = f"{squeezed[:-3]} {squeezed[-3:]}"
    if not _POSTCODE.fullmatch(spaced):
        raise reject(field, "BAD_FORMAT", "not a UK postcode")
    return spaced


def bfpo(digits: str, field: str) -> str:
    """A BFPO number of 1–4 digits, as a string without `BFPO`."""
    if not _BFPO.fullmatch(digits):
        raise reject(field, "BAD_FORMAT", "a BFPO number is 1–4 digits")
    return digits


def address(
    lines: list[str],
    *,
    town: str | None,
    postcode: str | None = None,
    bfpo: str | None = None,
    no_fixed_abode: bool = False,
    fields: tuple[str, str, str],
) -> Address:
    """Check a parsed address against the canonical rules; `fields` names (lines, town, postcode) natively."""
    lines_field, town_field, postcode_field = fields
    if len(lines) > MAX_LINES:
        raise reject(lines_field, "INCONSISTENT", f"{len(lines)} address lines, at most {MAX_LINES}")
    if any(len(line) > MAX_LINE_LENGTH for line in lines):
        raise reject(lines_field, "TOO_LONG", f"an address line is longer than {MAX_LINE_LENGTH} characters")
    if town is not None and len(town) > MAX_TOWN_LENGTH:
        raise reject(town_field, "TOO_LONG", f"town is longer than {MAX_TOWN_LENGTH} characters")
    if no_fixed_abode:
        if town is None:
            raise reject(town_field, "MISSING", "an address of no fixed abode still needs a town")
        return {"lines": lines, "town": town, "postcode": postcode, "bfpo": bfpo}
    if not lines:
        raise reject(lines_field, "MISSING", "an address needs at least one line")
    if bfpo is None:
        if town is None:
            raise reject(town_field, "MISSING", "an address needs a town")
        if postcode is None:
            raise reject(postcode_field, "MISSING", "an address needs a postcode")
    return {"lines": lines, "town": town, "postcode": postcode, "bfpo": bfpo}
