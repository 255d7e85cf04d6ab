"""One `Event` element to one canonical event, or the reason it cannot be one."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from adapters.common.batch import ParsedRecord
from adapters.common.errors import RecordRejected, reject
from adapters.common.events import CanonicalEvent
from adapters.northern_ireland.details import DETAILS
from adapters.northern_ireland.elements import read_group
from adapters.northern_ireland.header import (
    KEY_FIELD,
    EventParts,
    check_marking,
    check_structure,
    event_key,
    read_context,
    sort_children,
)


def parse_event(element: ET.Element, locator: str) -> ParsedRecord:
    parts = sort_children(element, DETAILS)
    try:
        result: CanonicalEvent | RecordRejected = _build(parts)
    except RecordRejected as exc:
        result = exc
    return ParsedRecord(locator, event_key(parts), KEY_FIELD, result)


def not_an_event(name: str, locator: str) -> ParsedRecord:
    """A child of `EventBatch` that is neither `BatchHeader` nor `Event`: reported, never silently skipped."""
    error = reject(name, "MALFORMED", f"{name} is not an Event; an EventBatch holds a BatchHeader and Events")
    return ParsedRecord(locator, None, KEY_FIELD, error)


def _build(parts: EventParts) -> CanonicalEvent:
    marking = check_marking(parts)
    name, element = check_structure(parts)
    context = read_context(parts, marking)
    detail = DETAILS[name]
    if detail.prison_only and context.source_agency != "NIR-NIPS":
        raise reject("OriginatingAgency", "INCONSISTENT", f"only NIPS sends {name}")
    return detail.build(read_group(element, name, detail.layout), context)
