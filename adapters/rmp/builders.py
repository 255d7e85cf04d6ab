"""One payload builder per REDCAP record type (formats/rmp.md, second table)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from adapters.common import codes
from adapters.common.errors import reject
from adapters.common.timing import check_date_of_birth, london_date
from adapters.rmp import codes as rmp
from adapters.rmp.addresses import optional_address, required_address
from adapters.rmp.document import NativeRecord
from adapters.rmp.values import Attributes, element_text, required_text
from hub.domain.codes import MAX_ALIASES, MAX_RECIPIENTS, jurisdiction_of

Payload = dict[str, Any]
REASON_MAX = 1000
INTELLIGENCE_TEXT_MAX = 4000
CONDITIONS_MAX = 500
NAME_MAX = 100
MEETING_REF_MAX = 40


@dataclass(frozen=True, slots=True)
class Context:
    """What every builder may read: the record, its `Detail` attributes and its envelope values."""

    record: NativeRecord
    detail: Attributes
    occurred_at: datetime
    source_agency: str

    def text(self, max_len: int = REASON_MAX) -> str | None:
        return element_text(self.record.child("Text"), "Text", max_len)

    def required_text(self, max_len: int = REASON_MAX) -> str:
        return required_text(self.record.child("Text"), "Text", max_len)


Builder = Callable[[Context], Payload]


def registered(ctx: Context) -> Payload:
    d = ctx.detail
    lead = rmp.agency(d.required("leadAgency"), d.field("leadAgency"))
    if jurisdiction_of(lead) != rmp.JURISDICTION:
        raise reject(d.field("leadAgency"), "INCONSISTENT", "the lead agency of an RMP registration is RMP or MCTC")
    return {
        "family_name": d.required("family", NAME_MAX),
        "given_names": d.required("given", NAME_MAX),
        "aliases": _aliases(ctx.record.aliases),
        "date_of_birth": check_date_of_birth(d.date("dob"), ctx.occurred_at, d.field("dob")),
        "sex": d.code("sex", rmp.SEXES),
        "mappa_category": _mappa(d, "mappaCategory"),
        "mappa_level": _mappa(d, "mappaLevel"),
        "lead_agency": lead,
        "status": d.code("status", rmp.STATUSES),
    }


def _aliases(elements: list[ET.Element]) -> list[dict[str, str]]:
    if len(elements) > MAX_ALIASES:
        raise reject("Alias", "TOO_LONG", f"{len(elements)} aliases, at most {MAX_ALIASES}")
    names = [Attributes(alias, "Alias") for alias in elements]
    return [
        {"family_name": alias.required("family", NAME_MAX), "given_names": alias.required("given", NAME_MAX)}
        for alias in names
    ]


def _mappa(d: Attributes, name: str) -> int:
    return codes.mappa_text(d.required(name), d.field(name))


def _optional_mappa(d: Attributes, name: str) -> int | None:
    value = d.optional(name)
    return None if value is None else codes.mappa_text(value, d.field(name))


def address_notified(ctx: Context) -> Payload:
    d = ctx.detail
    address_type = d.code("addressType", rmp.ADDRESS_TYPES)
    return {
        "address": required_address(ctx.record.child("Address"), no_fixed_abode=address_type == "NFA"),
        "address_type": address_type,
        "notified_on": d.date("notifiedOn"),
        "effective_from": d.date("effectiveFrom"),
    }


def transfer_requested(ctx: Context) -> Payload:
    d = ctx.detail
    to_agency = rmp.agency(d.required("toAgency"), d.field("toAgency"))
    if jurisdiction_of(to_agency) == rmp.JURISDICTION:
        raise reject(d.field("toAgency"), "INCONSISTENT", "a transfer goes to another jurisdiction, not within RMP")
    return {
        "transfer_id": d.guid("transferId"),
        "from_jurisdiction": rmp.JURISDICTION,
        "from_agency": ctx.source_agency,
        "to_jurisdiction": jurisdiction_of(to_agency),
        "to_agency": to_agency,
        "reason": ctx.required_text(),
        "proposed_move_date": d.date("moveDate"),
        "risk": {
            "mappa_category": _mappa(d, "mappaCategory"),
            "mappa_level": _mappa(d, "mappaLevel"),
            "rosh": d.code("rosh", rmp.ROSH),
        },
    }


def transfer_accepted(ctx: Context) -> Payload:
    return {"transfer_id": ctx.detail.guid("transferId"), "decided_by": ctx.source_agency, "reason": ctx.text()}


def transfer_rejected(ctx: Context) -> Payload:
    return {
        "transfer_id": ctx.detail.guid("transferId"),
        "decided_by": ctx.source_agency,
        "rejection_code": ctx.detail.code("reasonCode", rmp.REJECTION_CODES),
        "rejection_text": ctx.required_text(),
    }


def offender_departed(ctx: Context) -> Payload:
    return {
        "transfer_id": ctx.detail.guid("transferId"),
        "date": london_date(ctx.occurred_at),
        "address": optional_address(ctx.record.child("Address")),
    }


def offender_arrived(ctx: Context) -> Payload:
    return {
        "transfer_id": ctx.detail.guid("transferId"),
        "date": london_date(ctx.occurred_at),
        "address": required_address(ctx.record.child("Address")),
    }


def custody_received(ctx: Context) -> Payload:
    return {
        "establishment": ctx.detail.code("establishment", rmp.RECEPTION_ESTABLISHMENTS),
        "date": london_date(ctx.occurred_at),
        "custody_reason": ctx.detail.code("reason", rmp.CUSTODY_REASONS),
    }


def custody_transferred(ctx: Context) -> Payload:
    d = ctx.detail
    moved_from = rmp.establishment(d.required("fromEstablishment"), d.field("fromEstablishment"))
    moved_to = rmp.establishment(d.required("toEstablishment"), d.field("toEstablishment"))
    if moved_from == moved_to:
        raise reject(d.field("toEstablishment"), "INCONSISTENT", "a transfer moves to a different establishment")
    return {"from_establishment": moved_from, "to_establishment": moved_to, "date": london_date(ctx.occurred_at)}


def custody_released(ctx: Context) -> Payload:
    # Service detention never ends on licence, so there is never a licence end date.
    return {
        "date": london_date(ctx.occurred_at),
        "release_type": ctx.detail.code("releaseType", rmp.RELEASE_TYPES),
        "licence_end_date": None,
        "release_address": optional_address(ctx.record.child("Address")),
    }


def mappa_level_changed(ctx: Context) -> Payload:
    d = ctx.detail
    category, level = _optional_mappa(d, "mappaCategory"), _optional_mappa(d, "mappaLevel")
    if category is None and level is None:
        raise reject(d.field("mappaLevel"), "MISSING", "a MAPPA change gives a new category, level or both")
    return {"mappa_category": category, "mappa_level": level, "meeting_id": d.required("meetingRef", MEETING_REF_MAX)}


def intelligence_shared(ctx: Context) -> Payload:
    d = ctx.detail
    handling = d.code("handling", rmp.HANDLING_CODES)
    conditions = element_text(ctx.record.child("Conditions"), "Conditions", CONDITIONS_MAX)
    if handling == "C" and conditions is None:
        raise reject("Conditions", "MISSING", "handling code C needs the conditions")
    if handling == "P" and conditions is not None:
        raise reject("Conditions", "INCONSISTENT", "handling code P carries no conditions")
    return {
        "intel_id": d.guid("intelId"),
        "text": ctx.required_text(INTELLIGENCE_TEXT_MAX),
        "source_evaluation": d.code("source", rmp.SOURCE_EVALUATIONS),
        "intelligence_assessment": d.code("assessment", rmp.ASSESSMENTS),
        "handling_code": handling,
        "handling_conditions": conditions,
        "recipients": _recipients(d),
    }


def _recipients(d: Attributes) -> list[str]:
    field = d.field("recipients")
    written = d.required("recipients").split(" ")
    if "" in written:
        raise reject(field, "BAD_FORMAT", "recipients are separated by single spaces")
    if len(written) > MAX_RECIPIENTS:
        raise reject(field, "INCONSISTENT", f"{len(written)} recipients, at most {MAX_RECIPIENTS}")
    return [rmp.recipient(code, field) for code in written]


def consent_decided(ctx: Context) -> Payload:
    d = ctx.detail
    return {
        "intel_id": d.guid("intelId"),
        "recipient": rmp.recipient(d.required("recipient"), d.field("recipient")),
        "decision": d.code("decision", rmp.DECISIONS),
        "decided_by": ctx.source_agency,
    }


def intelligence_withdrawn(ctx: Context) -> Payload:
    return {"intel_id": ctx.detail.guid("intelId"), "reason": ctx.required_text()}


def reasoned(ctx: Context) -> Payload:
    """`ARCH` and `REACT`: only a reason."""
    return {"reason": ctx.required_text()}
