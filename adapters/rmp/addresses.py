"""REDCAP addresses: UK (`town` + `postcode`), BFPO for personnel overseas, or no fixed abode."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from adapters.common import places
from adapters.common.errors import reject
from adapters.common.places import Address
from adapters.rmp.values import Attributes, ascii_only

LINE_NAMES = ("line1", "line2", "line3", "line4")
_BFPO = re.compile(r"BFPO ([0-9]{1,4})")
_FIELDS = ("Address/@line1", "Address/@town", "Address/@postcode")


def address(element: ET.Element, *, no_fixed_abode: bool = False) -> Address:
    """A canonical address; a BFPO replaces both town and postcode, so giving both is `INCONSISTENT`."""
    attrs = Attributes(element, "Address")
    lines = [line for name in LINE_NAMES if (line := attrs.optional(name, 100)) is not None]
    town = attrs.optional("town", 60)
    raw_postcode = attrs.optional("postcode")
    bfpo = _bfpo(attrs)
    if bfpo is not None and (town is not None or raw_postcode is not None):
        raise reject(attrs.field("bfpo"), "INCONSISTENT", "a BFPO address has no town or postcode")
    if bfpo is None and town is None and raw_postcode is None:
        raise reject(attrs.field("town"), "MISSING", "an address needs a town and postcode, or a BFPO number")
    postcode = None
    if raw_postcode is not None:
        postcode = places.postcode(ascii_only(raw_postcode, _FIELDS[2], "a UK postcode"), _FIELDS[2])
    return places.address(lines, town=town, postcode=postcode, bfpo=bfpo, no_fixed_abode=no_fixed_abode, fields=_FIELDS)


def optional_address(element: ET.Element | None) -> Address | None:
    return None if element is None else address(element)


def required_address(element: ET.Element | None, *, no_fixed_abode: bool = False) -> Address:
    if element is None:
        raise reject("Address", "MISSING", "required for this record type")
    return address(element, no_fixed_abode=no_fixed_abode)


def _bfpo(attrs: Attributes) -> str | None:
    value = attrs.optional("bfpo")
    if value is None:
        return None
    match = _BFPO.fullmatch(value)
    if match is None:
        raise reject(attrs.field("bfpo"), "BAD_FORMAT", "expected BFPO, a space and 1–4 digits (BFPO 53)")
    return places.bfpo(match[1], attrs.field("bfpo"))
