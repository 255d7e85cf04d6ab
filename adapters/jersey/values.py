"""JPRS values: dates, agency and recipient codes, identifiers, MAPPA and addresses."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import TypeVar

from adapters.common import codes, identifiers, places, timing
from adapters.common.errors import reject
from adapters.common.identifiers import Identifier
from adapters.common.places import Address
from adapters.common.text import text
from adapters.jersey import vocabulary as v
from adapters.jersey.document import JsonObject
from hub.domain.codes import jurisdiction_of

T = TypeVar("T")

DATE_SHAPE = "dd-Mon-yyyy"
_JP_REF = re.compile(r"JP/[0-9]{4}/[0-9]{6}")
_PRISON_NUMBER = re.compile(r"LM[0-9]{5}")


def coded(obj: JsonObject, key: str, mapping: Mapping[str, T]) -> T:
    """A required code-list member mapped to its canonical value (`UNKNOWN_CODE` if unlisted)."""
    return codes.code(obj.text(key), obj.name(key), mapping)


def optional_coded(obj: JsonObject, key: str, mapping: Mapping[str, T]) -> T | None:
    value = obj.optional_text(key)
    return None if value is None else codes.code(value, obj.name(key), mapping)


def jersey_date(value: str, field: str) -> date:
    """`dd-Mon-yyyy`, month matched case-insensitively; only ASCII digits count."""
    if not value.isascii():
        raise reject(field, "BAD_FORMAT", f"expected a date written {DATE_SHAPE}")
    return timing.parse_date(value, field, DATE_SHAPE)


def optional_date(obj: JsonObject, key: str) -> date | None:
    value = obj.optional_text(key)
    return None if value is None else jersey_date(value, obj.name(key))


def required_date(obj: JsonObject, key: str) -> date:
    return jersey_date(obj.text(key), obj.name(key))


def agency(value: str, field: str) -> str:
    """An agency: a Jersey short code (`SOJP`, `PROBATION`, `LA_MOYE`) or a canonical agency code."""
    return v.JERSEY_AGENCIES.get(value) or codes.agency(value, field)


def jersey_agency(value: str, field: str) -> str:
    """An agency that must be one of Jersey's own."""
    canonical = agency(value, field)
    if jurisdiction_of(canonical) != v.JURISDICTION:
        raise reject(field, "INCONSISTENT", f"{canonical} is not a Jersey agency")
    return canonical


def recipient(value: str, field: str) -> str:
    """An intelligence recipient: a Jersey short code, a canonical agency code or a jurisdiction code."""
    return v.JERSEY_AGENCIES.get(value) or codes.recipient(value, field)


def mappa_pair(obj: JsonObject) -> tuple[int | None, int | None]:
    """A `mappa` object's category and level, each optional here."""
    return optional_coded(obj, "category", v.MAPPA_CATEGORIES), optional_coded(obj, "level", v.MAPPA_LEVELS)


def subject_identifiers(subject: JsonObject) -> list[Identifier]:
    """The native identifiers of `subject.identifiers`: at least one of jpRef, prisonNumber, pncId, croNumber."""
    ids = subject.object("identifiers")
    found: list[Identifier] = []
    if (jp_ref := _upper_ascii(ids, "jpRef")) is not None:
        found.append(identifiers.local(_shaped(jp_ref, ids.name("jpRef"), _JP_REF, "JP/YYYY/NNNNNN"), "JSY-SOJP"))
    if (prison := _upper_ascii(ids, "prisonNumber")) is not None:
        shaped = _shaped(prison, ids.name("prisonNumber"), _PRISON_NUMBER, "LMNNNNN")
        found.append(identifiers.local(shaped, v.LA_MOYE))
    if (pnc := _upper_ascii(ids, "pncId")) is not None:
        found.append(identifiers.pnc(pnc, ids.name("pncId")))
    if (cro := _upper_ascii(ids, "croNumber")) is not None:
        found.append(identifiers.cro(cro, ids.name("croNumber")))
    if not found:
        raise reject(ids.path, "MISSING", "give at least one of jpRef, prisonNumber, pncId, croNumber")
    return found


def _upper_ascii(ids: JsonObject, key: str) -> str | None:
    value = ids.optional_text(key)
    if value is None:
        return None
    if not value.isascii():
        raise reject(ids.name(key), "BAD_FORMAT", "identifiers are written in ASCII letters and digits")
    return value.upper()


def _shaped(value: str, field: str, pattern: re.Pattern[str], shape: str) -> str:
    if not pattern.fullmatch(value):
        raise reject(field, "BAD_FORMAT", f"expected {shape}")
    return value


def address(obj: JsonObject, *, no_fixed_abode: bool = False) -> Address:
    """An address object: `lines`, either `parish` or `town`, and `postcode` (`town` = the parish name)."""
    fields = (obj.name("lines"), obj.name("town"), obj.name("postcode"))
    town, in_parish = _town(obj)
    postcode = obj.optional_text("postcode")
    if postcode is not None:
        postcode = places.postcode(postcode, obj.name("postcode"))
        if in_parish and not postcode.startswith("JE"):
            raise reject(obj.name("postcode"), "INCONSISTENT", "a Jersey parish address has a JE postcode")
    return places.address(_lines(obj), town=town, postcode=postcode, no_fixed_abode=no_fixed_abode, fields=fields)


def _town(obj: JsonObject) -> tuple[str | None, bool]:
    """The canonical town and whether it is a Jersey parish."""
    parish = obj.optional_text("parish")
    town = obj.optional_text("town", v.TOWN_MAX)
    if parish is not None and town is not None:
        raise reject(obj.name("town"), "INCONSISTENT", "give either a parish or a town, not both")
    if parish is not None:
        return codes.code(parish, obj.name("parish"), codes.identity(v.PARISHES)), True
    return town, False


def _lines(obj: JsonObject) -> list[str]:
    items = obj.optional_array("lines") or []
    field = obj.name("lines")
    lines: list[str] = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, str):
            raise reject(field, "BAD_FORMAT", f"line {number} is not a JSON string")
        line = text(item, field, v.LINE_MAX)
        if line is not None:
            lines.append(line)
    return lines
