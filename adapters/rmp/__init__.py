"""Royal Military Police: the REDCAP daily ViSOR return (formats/rmp.md), one `Return` document per file."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from adapters.common.batch import ParsedRecord
from adapters.common.errors import RecordRejected, reject
from adapters.common.xmldoc import local_name
from adapters.rmp.document import is_record, read_return
from adapters.rmp.records import KEY_FIELD, record_event, record_key

JURISDICTION = "RMP"


def parse(name: str, data: bytes) -> list[ParsedRecord]:
    """Every record of one return file, in order; `FileRejected` when the file is refused whole."""
    return [_parse_record(locator, element) for locator, element in read_return(data)]


def _parse_record(locator: str, element: ET.Element) -> ParsedRecord:
    if not is_record(element):
        name = local_name(element.tag)
        return ParsedRecord(locator, None, KEY_FIELD, reject(name, "MALFORMED", f"{name} is not a REDCAP Record"))
    try:
        key = record_key(element)
    except RecordRejected as exc:
        return ParsedRecord(locator, None, KEY_FIELD, exc)
    try:
        return ParsedRecord(locator, key, KEY_FIELD, record_event(element, key))
    except RecordRejected as exc:
        return ParsedRecord(locator, key, KEY_FIELD, exc)
