"""Prison details, sent by NIPS only: reception, transfer between prisons, discharge."""

from __future__ import annotations

from adapters.common.errors import reject
from adapters.common.events import CanonicalEvent
from adapters.common.timing import london_date
from adapters.northern_ireland.elements import LEAF, Group, Layout, group
from adapters.northern_ireland.header import Context
from adapters.northern_ireland.values import (
    ADDRESS,
    DISCHARGE_TYPES,
    ESTABLISHMENTS,
    RECEPTION_REASONS,
    optional_address,
)

PRISON_RECEPTION: Layout = {"Establishment": LEAF, "ReceptionReason": LEAF}
PRISON_TRANSFER: Layout = {"FromEstablishment": LEAF, "ToEstablishment": LEAF}
PRISON_DISCHARGE: Layout = {"DischargeType": LEAF, "LicenceEndDate": LEAF, "ReleaseAddress": group(ADDRESS)}


def received(detail: Group, ctx: Context) -> CanonicalEvent:
    return ctx.event(
        "CustodyReceived",
        {
            "establishment": detail.required_code("Establishment", ESTABLISHMENTS),
            "date": london_date(ctx.occurred_at),
            "custody_reason": detail.required_code("ReceptionReason", RECEPTION_REASONS),
        },
    )


def transferred(detail: Group, ctx: Context) -> CanonicalEvent:
    origin = detail.required_code("FromEstablishment", ESTABLISHMENTS)
    destination = detail.required_code("ToEstablishment", ESTABLISHMENTS)
    if origin == destination:
        raise reject(detail.field("ToEstablishment"), "INCONSISTENT", "a transfer moves to a different prison")
    return ctx.event(
        "CustodyTransferred",
        {"from_establishment": origin, "to_establishment": destination, "date": london_date(ctx.occurred_at)},
    )


def released(detail: Group, ctx: Context) -> CanonicalEvent:
    release_type = detail.required_code("DischargeType", DISCHARGE_TYPES)
    day = london_date(ctx.occurred_at)
    licence_end = detail.date("LicenceEndDate")
    field = detail.field("LicenceEndDate")
    if release_type != "LICENCE":
        if licence_end is not None:
            raise reject(field, "INCONSISTENT", "only a discharge on licence has a licence end date")
    elif licence_end is None:
        raise reject(field, "MISSING", "a discharge on licence needs its licence end date")
    elif licence_end < day:
        raise reject(field, "INCONSISTENT", "the licence ends before the discharge")
    return ctx.event(
        "CustodyReleased",
        {
            "date": day,
            "release_type": release_type,
            "licence_end_date": licence_end,
            "release_address": optional_address(detail, "ReleaseAddress"),
        },
    )
