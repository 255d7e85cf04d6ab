"""Intelligence details: an item shared, the owner's consent decision, a withdrawal."""

from __future__ import annotations

from adapters.common.errors import reject
from adapters.common.events import CanonicalEvent
from adapters.northern_ireland.elements import LEAF, LEAVES, Group, Layout, group
from adapters.northern_ireland.header import Context
from adapters.northern_ireland.values import (
    ASSESSMENTS,
    CONDITIONS_MAX,
    DECISIONS,
    HANDLING_CODES,
    MAX_RECIPIENTS,
    REASON_MAX,
    SOURCE_EVALUATIONS,
    TEXT_MAX,
    check_count,
    recipient_code,
    required_agency,
    required_uuid,
)

GRADING: Layout = {
    "SourceEvaluation": LEAF,
    "IntelligenceAssessment": LEAF,
    "HandlingCode": LEAF,
    "HandlingConditions": LEAF,
}
INTELLIGENCE_ITEM: Layout = {"IntelId": LEAF, "Text": LEAF, "Grading": group(GRADING), "Recipient": LEAVES}
CONSENT_DECISION: Layout = {"IntelId": LEAF, "IntelOwner": LEAF, "Recipient": LEAF, "Decision": LEAF}
INTELLIGENCE_WITHDRAWAL: Layout = {"IntelId": LEAF, "IntelOwner": LEAF, "Reason": LEAF}


def _handling(grading: Group) -> tuple[str, str | None]:
    """`HandlingConditions` are required with `C` and forbidden with `P`."""
    handling = grading.required_code("HandlingCode", HANDLING_CODES)
    conditions = grading.free_text("HandlingConditions", CONDITIONS_MAX)
    field = grading.field("HandlingConditions")
    if handling == "C" and conditions is None:
        raise reject(field, "MISSING", "handling code C needs its conditions")
    if handling == "P" and conditions is not None:
        raise reject(field, "INCONSISTENT", "handling code P carries no conditions")
    return handling, conditions


def _recipients(detail: Group) -> list[str]:
    written = detail.texts("Recipient")
    check_count(detail, "Recipient", len(written), MAX_RECIPIENTS, "INCONSISTENT")
    if not written:
        raise reject(detail.field("Recipient"), "MISSING", "an item is shared with at least one recipient")
    return [recipient_code(value, detail.field("Recipient")) for value in written]


def shared(detail: Group, ctx: Context) -> CanonicalEvent:
    intel_id = required_uuid(detail, "IntelId")
    content = detail.required_free_text("Text", TEXT_MAX)
    grading = detail.required_group("Grading")
    handling, conditions = _handling(grading)
    return ctx.event(
        "IntelligenceShared",
        {
            "intel_id": intel_id,
            "text": content,
            "source_evaluation": grading.required_code("SourceEvaluation", SOURCE_EVALUATIONS),
            "intelligence_assessment": grading.required_code("IntelligenceAssessment", ASSESSMENTS),
            "handling_code": handling,
            "handling_conditions": conditions,
            "recipients": _recipients(detail),
        },
    )


def consent_decided(detail: Group, ctx: Context) -> CanonicalEvent:
    intel_id = required_uuid(detail, "IntelId")
    owner = required_agency(detail, "IntelOwner")
    payload = {
        "intel_id": intel_id,
        "recipient": recipient_code(detail.required_text("Recipient"), detail.field("Recipient")),
        "decision": detail.required_code("Decision", DECISIONS),
        "decided_by": ctx.source_agency,
    }
    return ctx.event("IntelligenceConsentDecided", payload, owner_agency=owner)


def withdrawn(detail: Group, ctx: Context) -> CanonicalEvent:
    intel_id = required_uuid(detail, "IntelId")
    owner = required_agency(detail, "IntelOwner")
    reason = detail.required_free_text("Reason", REASON_MAX)
    return ctx.event("IntelligenceWithdrawn", {"intel_id": intel_id, "reason": reason}, owner_agency=owner)
