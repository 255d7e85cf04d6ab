"""One `Event`'s frame: its children sorted out, the four header elements and the `Subject`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from adapters.common.codes import code
from adapters.common.errors import RecordRejected, reject
from adapters.common.events import CanonicalEvent, classification, new_event
from adapters.common.identifiers import Identifier, cro, nips, pnc
from adapters.common.text import required, text
from adapters.common.timing import parse_timestamp
from adapters.northern_ireland.elements import (
    LEAF,
    Layout,
    check_no_stray_text,
    display_name,
    leaf_text,
    name_of,
    read_group,
)
from adapters.northern_ireland.values import MARKINGS, SOURCE_AGENCIES

SOURCE_SYSTEM = "CAUSEWAY"
KEY_PREFIX = "NIR:CAUSEWAY:"
KEY_FIELD = "EventRef"
HEADER = ("EventRef", "OriginatingAgency", "SecurityMarking", "OccurredAt")
SUBJECT: Layout = {"PncId": LEAF, "CroNumber": LEAF, "NipsNumber": LEAF}
_EVENT_REF = re.compile(r"(PSNI|NIPS|PBNI)-[0-9]{4}-[0-9]{6}")
_IDENTIFIERS = (("PncId", pnc), ("CroNumber", cro), ("NipsNumber", nips))


@dataclass(frozen=True, slots=True)
class EventParts:
    """The children of one `Event`, sorted by role; nothing is judged yet."""

    element: ET.Element
    singles: dict[str, list[ET.Element]] = field(default_factory=dict)
    details: list[tuple[str, ET.Element]] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    def value(self, name: str) -> str:
        """A header element's value: given exactly once, not empty."""
        found = self.singles.get(name, [])
        if len(found) > 1:
            raise reject(name, "MALFORMED", "given more than once")
        return required(text(leaf_text(found[0], name), name) if found else None, name)


@dataclass(frozen=True, slots=True)
class Context:
    """What every event of a record shares: key, sender, marking, time and subject."""

    key: str
    source_agency: str
    classification: str
    occurred_at: datetime
    identifiers: list[Identifier]

    def event(self, event_type: str, payload: dict[str, Any], *, owner_agency: str | None = None) -> CanonicalEvent:
        return new_event(
            key=self.key,
            event_type=event_type,
            occurred_at=self.occurred_at,
            source_agency=self.source_agency,
            source_system=SOURCE_SYSTEM,
            classification=self.classification,
            identifiers=self.identifiers,
            payload=payload,
            owner_agency=owner_agency,
        )


def sort_children(element: ET.Element, detail_names: Collection[str]) -> EventParts:
    parts = EventParts(element)
    for child in element:
        name = name_of(child)
        if name in HEADER or name == "Subject":
            parts.singles.setdefault(name, []).append(child)
        elif name is not None and name in detail_names:
            parts.details.append((name, child))
        else:
            parts.unknown.append(display_name(child))
    return parts


def event_key(parts: EventParts) -> str | None:
    """The idempotency key, when `EventRef` is usable; a record without one can still be rejected."""
    try:
        ref = parts.value("EventRef")
    except RecordRejected:
        return None
    return KEY_PREFIX + ref if _EVENT_REF.fullmatch(ref) else None


def check_marking(parts: EventParts) -> str:
    """Refuse a record marked above OFFICIAL-SENSITIVE before anything else in it is looked at."""
    for element in parts.singles.get("SecurityMarking", []):
        marking = text(leaf_text(element, "SecurityMarking"), "SecurityMarking")
        if marking is not None:
            classification(marking, "SecurityMarking", MARKINGS)
    return classification(parts.value("SecurityMarking"), "SecurityMarking", MARKINGS)


def check_structure(parts: EventParts) -> tuple[str, ET.Element]:
    """Unknown record types, a missing or doubled detail element; returns the detail element."""
    check_no_stray_text(parts.element, "Event")
    if parts.unknown:
        raise reject(parts.unknown[0], "UNKNOWN_TYPE", f"{parts.unknown[0]} is not a record type of this feed")
    if not parts.details:
        raise reject("Event", "MISSING", "an Event needs one detail element such as Registration")
    if len(parts.details) > 1:
        raise reject(parts.details[1][0], "MALFORMED", "an Event carries exactly one detail element")
    for name, found in parts.singles.items():
        if len(found) > 1:
            raise reject(name, "MALFORMED", "given more than once")
    return parts.details[0]


def read_context(parts: EventParts, marking: str) -> Context:
    key = event_key(parts)
    if key is None:
        parts.value("EventRef")  # reports MISSING or MALFORMED when that is why there is no key
        raise reject("EventRef", "BAD_FORMAT", "expected PSNI-, NIPS- or PBNI- then yyyy-nnnnnn")
    return Context(
        key=key,
        source_agency=code(parts.value("OriginatingAgency"), "OriginatingAgency", SOURCE_AGENCIES),
        classification=marking,
        occurred_at=parse_timestamp(
            parts.value("OccurredAt"), "OccurredAt", seconds_required=True, zone_required=False
        ),
        identifiers=read_subject(parts),
    )


def read_subject(parts: EventParts) -> list[Identifier]:
    """The subject's native identifiers, in a fixed order (PNC, CRO, NIPS): child order carries no meaning."""
    found = parts.singles.get("Subject", [])
    if not found:
        raise reject("Subject", "MISSING", "an Event needs a Subject")
    subject = read_group(found[0], "Subject", SUBJECT)
    identifiers = [parse(value, subject.field(name)) for name, parse in _IDENTIFIERS if (value := subject.text(name))]
    if not identifiers:
        raise reject("Subject", "MISSING", "a Subject needs a PncId, CroNumber or NipsNumber")
    return identifiers
