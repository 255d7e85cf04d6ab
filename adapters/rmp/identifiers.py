"""The subject of a record: its service number and, when given, PNC id and CRO number."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from adapters.common import identifiers
from adapters.common.errors import reject
from adapters.common.identifiers import Identifier
from adapters.rmp.codes import SERVICES
from adapters.rmp.values import Attributes, ascii_only

_SERVICE_NO = re.compile(r"[0-9]{6}|[0-9]{8}|[A-Z][0-9]{6}[A-Z]?")


def subject_identifiers(subject: ET.Element | None) -> list[Identifier]:
    """`SERVICE_NO` first, then `PNC` and `CRO` when present; `rank` and `unit` are not mapped."""
    if subject is None:
        raise reject("Subject", "MISSING", "every record names its subject")
    attrs = Attributes(subject, "Subject")
    service = attrs.code("service", SERVICES)
    found = [identifiers.service_no(service, _service_number(attrs))]
    pnc = attrs.optional("pnc")
    if pnc is not None:
        field = attrs.field("pnc")
        found.append(identifiers.pnc(ascii_only(pnc, field, "a PNC id written YYYY/NNNNNNNC"), field))
    cro = attrs.optional("cro")
    if cro is not None:
        field = attrs.field("cro")
        found.append(identifiers.cro(ascii_only(cro, field, "a CRO number written NNNNNN/YYC"), field))
    return found


def _service_number(attrs: Attributes) -> str:
    field = attrs.field("serviceNo")
    shape = "6 or 8 digits, or a letter, 6 digits and an optional letter"
    number = ascii_only(attrs.required("serviceNo"), field, shape).replace(" ", "").upper()
    if not _SERVICE_NO.fullmatch(number):
        raise reject(field, "BAD_FORMAT", f"expected {shape}")
    return number
