"""Native identifiers (formats/README.md "Identifiers"): shapes, padding and check letters."""

from __future__ import annotations

import re
from typing import TypedDict

from adapters.common.errors import reject

CHECK_ALPHABET = "ZABCDEFGHJKLMNPQRTUVWXY"

_PNC = re.compile(r"(\d{4})/(\d{1,7})([A-Z])", re.ASCII)
_CRO = re.compile(r"(\d{1,6})/(\d{2})([A-Z])", re.ASCII)
_CRO_SF = re.compile(r"SF(\d{2})/(\d{1,6})([A-Z])", re.ASCII)
_NOMS = re.compile(r"[A-Z]\d{4}[A-Z]{2}", re.ASCII)
_CRN = re.compile(r"[A-Z]\d{6}", re.ASCII)
_SCRO = re.compile(r"(\d{1,6})/(\d{2})", re.ASCII)
_NIPS = re.compile(r"\d{6}", re.ASCII)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.ASCII)


class Identifier(TypedDict):
    """One native identifier of a subject, as carried on every canonical event."""

    scheme: str
    value: str
    agency: str | None


def _ascii_upper(value: str, field: str, shape: str) -> str:
    """Upper-case a patterned value; non-ASCII letters are refused first, since some upper-case to ASCII."""
    if not value.isascii():
        raise reject(field, "BAD_FORMAT", f"expected {shape}")
    return value.upper()


def identifier(scheme: str, value: str, agency: str | None = None) -> Identifier:
    return {"scheme": scheme, "value": value, "agency": agency}


def check_letter(digits: str) -> str:
    """The PNC/CRO check letter over the two-digit year followed by the padded serial."""
    return CHECK_ALPHABET[int(digits) % 23]


def pnc(value: str, field: str) -> Identifier:
    """`YYYY/NNNNNNNC`, serial padded to seven digits, check letter verified."""
    match = _PNC.fullmatch(_ascii_upper(value, field, "a PNC id written YYYY/NNNNNNNC"))
    if match is None:
        raise reject(field, "BAD_FORMAT", "expected a PNC id written YYYY/NNNNNNNC")
    year, serial, letter = match[1], match[2].zfill(7), match[3]
    if check_letter(year[2:] + serial) != letter:
        raise reject(field, "BAD_FORMAT", "PNC id check letter does not match")
    return identifier("PNC", f"{year}/{serial}{letter}")


def cro(value: str, field: str) -> Identifier:
    """`NNNNNN/YYC` (or `SFYY/NNNNNNC`, rewritten), serial padded to six digits, check letter verified."""
    upper = _ascii_upper(value, field, "a CRO number written NNNNNN/YYC")
    if match := _CRO.fullmatch(upper):
        serial, year, letter = match[1], match[2], match[3]
    elif match := _CRO_SF.fullmatch(upper):
        year, serial, letter = match[1], match[2], match[3]
    else:
        raise reject(field, "BAD_FORMAT", "expected a CRO number written NNNNNN/YYC or SFYY/NNNNNNC")
    serial = serial.zfill(6)
    if check_letter(year + serial) != letter:
        raise reject(field, "BAD_FORMAT", "CRO number check letter does not match")
    return identifier("CRO", f"{serial}/{year}{letter}")


def noms(value: str, field: str) -> Identifier:
    """A prison number, `A9999AA`."""
    upper = _ascii_upper(value, field, "a prison number written A9999AA")
    if not _NOMS.fullmatch(upper):
        raise reject(field, "BAD_FORMAT", "expected a prison number written A9999AA")
    return identifier("NOMS", upper)


def crn(value: str, field: str) -> Identifier:
    """A probation case reference, a letter and six digits (`X123456`)."""
    upper = _ascii_upper(value, field, "a case reference written X123456")
    if not _CRN.fullmatch(upper):
        raise reject(field, "BAD_FORMAT", "expected a case reference written X123456")
    return identifier("CRN", upper)


def scro(value: str, field: str) -> Identifier:
    """A Scottish record number, `NNNNNN/YY`, serial padded to six digits."""
    match = _SCRO.fullmatch(value)
    if match is None:
        raise reject(field, "BAD_FORMAT", "expected an SCRO number written NNNNNN/YY")
    return identifier("SCRO", f"{match[1].zfill(6)}/{match[2]}")


def nips(value: str, field: str) -> Identifier:
    """A Northern Ireland prison number, six digits."""
    if not _NIPS.fullmatch(value):
        raise reject(field, "BAD_FORMAT", "expected a NIPS number of six digits")
    return identifier("NIPS", value)


def service_no(service: str, number: str) -> Identifier:
    """A military service number, `<SERVICE>/<number>`; the adapter checks both parts."""
    return identifier("SERVICE_NO", f"{service}/{number}")


def local(value: str, agency: str) -> Identifier:
    """Any other identifier, with the agency that issued it."""
    return identifier("LOCAL", value.upper(), agency)


def uuid_text(value: str, field: str) -> str:
    """A UUID written lower-case without braces (`transfer_id`, `intel_id`)."""
    lower = value.lower()
    if not _UUID.fullmatch(lower):
        raise reject(field, "BAD_FORMAT", "expected a UUID such as 6d2b9f0e-3c4a-4b8e-a1d2-5e6f7a8b9c0d")
    return lower
