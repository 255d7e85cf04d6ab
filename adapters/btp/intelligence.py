"""Builders for the intelligence record types: an item shared, a consent decision, a withdrawal."""

from __future__ import annotations

import re

from adapters.btp.fields import REASON_MAX, SOURCE_AGENCY, Draft, Payload, Record
from adapters.common import codes
from adapters.common.errors import reject
from hub.domain.codes import MAX_RECIPIENTS

GRADING = re.compile(r"(?P<evaluation>[123])(?P<assessment>[A-E])(?P<handling>[PC])")
DECISIONS = {"G": "GRANTED", "R": "REFUSED"}
TEXT_MAX = 4000
CONDITIONS_MAX = 500


def _grading(record: Record) -> re.Match[str]:
    grading = record.required_text("grading")
    match = GRADING.fullmatch(grading)
    if match is None:
        raise reject("grading", "UNKNOWN_CODE", f"{grading!r} is not a 3x5x2 grading such as 2BC")
    return match


def _recipients(record: Record) -> list[str]:
    entries = record.required_text("recipients").split(";")
    if len(entries) > MAX_RECIPIENTS:
        raise reject("recipients", "INCONSISTENT", f"{len(entries)} recipients, at most {MAX_RECIPIENTS}")
    return [codes.recipient(entry.strip(), "recipients") for entry in entries]


def _conditions(record: Record, handling: str) -> str | None:
    conditions = record.free("conditions", CONDITIONS_MAX)
    if handling == "C" and conditions is None:
        raise reject("conditions", "MISSING", "handling code C needs the conditions of sharing")
    if handling == "P" and conditions is not None:
        raise reject("conditions", "INCONSISTENT", "handling code P takes no conditions")
    return conditions


def intelligence_shared(record: Record) -> Draft:
    grading = _grading(record)
    payload: Payload = {
        "intel_id": record.uuid("intel_id"),
        "text": record.required_free("intel_text", TEXT_MAX),
        "source_evaluation": grading["evaluation"],
        "intelligence_assessment": grading["assessment"],
        "handling_code": grading["handling"],
        "handling_conditions": _conditions(record, grading["handling"]),
        "recipients": _recipients(record),
    }
    return Draft(payload)


def intelligence_consent_decided(record: Record) -> Draft:
    payload: Payload = {
        "intel_id": record.uuid("intel_id"),
        "recipient": record.recipient("recipient"),
        "decision": record.code("decision", DECISIONS),
        "decided_by": SOURCE_AGENCY,
    }
    return Draft(payload, owner_agency=record.agency("intel_owner"))


def intelligence_withdrawn(record: Record) -> Draft:
    payload: Payload = {
        "intel_id": record.uuid("intel_id"),
        "reason": record.required_free("reason_text", REASON_MAX),
    }
    return Draft(payload, owner_agency=record.agency("intel_owner"))
