"""Builders for the intelligence messages: share, consent decision, withdrawal."""

from __future__ import annotations

from adapters.common.errors import reject
from adapters.common.identifiers import uuid_text
from adapters.common.text import text
from adapters.jersey import vocabulary as v
from adapters.jersey.document import JsonObject
from adapters.jersey.header import Draft, Message
from adapters.jersey.values import agency, coded, recipient


def _intel_id(intelligence: JsonObject) -> str:
    return uuid_text(intelligence.text("intelId"), intelligence.name("intelId"))


def _owner(intelligence: JsonObject) -> str:
    return agency(intelligence.text("owner"), intelligence.name("owner"))


def intelligence_share(message: Message) -> Draft:
    intelligence = message.details().object("intelligence")
    intel_id = _intel_id(intelligence)
    body = intelligence.free_text("text", v.INTEL_TEXT_MAX)
    grading = intelligence.object("grading")
    source_evaluation = coded(grading, "sourceEvaluation", v.SOURCE_EVALUATIONS)
    assessment = coded(grading, "assessment", v.ASSESSMENTS)
    handling = coded(grading, "handling", v.HANDLING_CODES)
    conditions = grading.optional_free_text("conditions", v.CONDITIONS_MAX)
    if handling == "C" and conditions is None:
        raise reject(grading.name("conditions"), "MISSING", "PERMITTED_WITH_CONDITIONS needs the conditions")
    if handling == "P" and conditions is not None:
        raise reject(grading.name("conditions"), "INCONSISTENT", "PERMITTED intelligence carries no conditions")
    payload: dict[str, object] = {
        "intel_id": intel_id,
        "text": body,
        "source_evaluation": source_evaluation,
        "intelligence_assessment": assessment,
        "handling_code": handling,
        "handling_conditions": conditions,
        "recipients": _recipients(intelligence),
    }
    return Draft("IntelligenceShared", payload)


def _recipients(intelligence: JsonObject) -> list[str]:
    items = intelligence.optional_array("recipients")
    field = intelligence.name("recipients")
    if not items:
        raise reject(field, "MISSING", "name at least one recipient")
    if len(items) > v.MAX_RECIPIENTS:
        raise reject(field, "INCONSISTENT", f"{len(items)} recipients, at most {v.MAX_RECIPIENTS}")
    recipients: list[str] = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, str):
            raise reject(field, "BAD_FORMAT", f"recipient {number} is not a JSON string")
        value = text(item, field)
        if value is None:
            raise reject(field, "MISSING", f"recipient {number} is blank")
        recipients.append(recipient(value, field))
    return recipients


def consent_decision(message: Message) -> Draft:
    details = message.details()
    intelligence = details.object("intelligence")
    intel_id, owner = _intel_id(intelligence), _owner(intelligence)
    consent = details.object("consent")
    payload: dict[str, object] = {
        "intel_id": intel_id,
        "recipient": recipient(consent.text("recipient"), consent.name("recipient")),
        "decision": coded(consent, "outcome", v.CONSENT_OUTCOMES),
        "decided_by": message.source_agency,
    }
    return Draft("IntelligenceConsentDecided", payload, owner_agency=owner)


def intelligence_withdrawal(message: Message) -> Draft:
    details = message.details()
    intelligence = details.object("intelligence")
    intel_id, owner = _intel_id(intelligence), _owner(intelligence)
    payload: dict[str, object] = {"intel_id": intel_id, "reason": details.free_text("reason", v.REASON_MAX)}
    return Draft("IntelligenceWithdrawn", payload, owner_agency=owner)
