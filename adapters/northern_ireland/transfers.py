"""Details of a cross-border transfer: request, decision, departure and arrival."""

from __future__ import annotations

from adapters.common.errors import reject
from adapters.common.events import CanonicalEvent
from adapters.common.timing import london_date
from adapters.northern_ireland.elements import LEAF, Group, Layout, group
from adapters.northern_ireland.header import Context
from adapters.northern_ireland.values import (
    ADDRESS,
    DIRECTIONS,
    OFFENDER_TYPES,
    OUTCOMES,
    REASON_MAX,
    REJECTION_REASONS,
    RISK_CATEGORIES,
    ROSH,
    optional_address,
    read_address,
    required_agency,
    required_uuid,
)
from hub.domain.codes import jurisdiction_of

RISK: Layout = {"OffenderType": LEAF, "RiskCategory": LEAF, "RoSH": LEAF}
TRANSFER_REQUEST: Layout = {
    "TransferId": LEAF,
    "ToAgency": LEAF,
    "Reason": LEAF,
    "ProposedMoveDate": LEAF,
    "Risk": group(RISK),
}
TRANSFER_DECISION: Layout = {"TransferId": LEAF, "Outcome": LEAF, "RejectionReason": LEAF, "Reason": LEAF}
TRANSFER_MOVEMENT: Layout = {"TransferId": LEAF, "Direction": LEAF, "Address": group(ADDRESS)}


def requested(detail: Group, ctx: Context) -> CanonicalEvent:
    transfer_id = required_uuid(detail, "TransferId")
    to_agency = required_agency(detail, "ToAgency")
    to_jurisdiction = jurisdiction_of(to_agency)
    if to_jurisdiction == "NIR":
        raise reject(detail.field("ToAgency"), "INCONSISTENT", "a transfer goes to an agency outside Northern Ireland")
    risk = detail.required_group("Risk")
    return ctx.event(
        "TransferRequested",
        {
            "transfer_id": transfer_id,
            "from_jurisdiction": "NIR",
            "from_agency": ctx.source_agency,
            "to_jurisdiction": to_jurisdiction,
            "to_agency": to_agency,
            "reason": detail.required_free_text("Reason", REASON_MAX),
            "proposed_move_date": detail.required_date("ProposedMoveDate"),
            "risk": {
                "mappa_category": risk.required_code("OffenderType", OFFENDER_TYPES),
                "mappa_level": risk.required_code("RiskCategory", RISK_CATEGORIES),
                "rosh": risk.required_code("RoSH", ROSH),
            },
        },
    )


def decided(detail: Group, ctx: Context) -> CanonicalEvent:
    transfer_id = required_uuid(detail, "TransferId")
    event_type = detail.required_code("Outcome", OUTCOMES)
    if event_type == "TransferAccepted":
        if detail.text("RejectionReason") is not None:
            raise reject(
                detail.field("RejectionReason"), "INCONSISTENT", "an accepted transfer has no rejection reason"
            )
        reason = detail.free_text("Reason", REASON_MAX)
        return ctx.event(event_type, {"transfer_id": transfer_id, "decided_by": ctx.source_agency, "reason": reason})
    return ctx.event(
        event_type,
        {
            "transfer_id": transfer_id,
            "decided_by": ctx.source_agency,
            "rejection_code": detail.required_code("RejectionReason", REJECTION_REASONS),
            "rejection_text": detail.required_free_text("Reason", REASON_MAX),
        },
    )


def moved(detail: Group, ctx: Context) -> CanonicalEvent:
    transfer_id = required_uuid(detail, "TransferId")
    event_type = detail.required_code("Direction", DIRECTIONS)
    arrived = event_type == "OffenderArrived"
    where = read_address(detail.required_group("Address")) if arrived else optional_address(detail, "Address")
    return ctx.event(event_type, {"transfer_id": transfer_id, "date": london_date(ctx.occurred_at), "address": where})
