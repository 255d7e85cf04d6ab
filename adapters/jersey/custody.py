"""Builders for the La Moye custody messages: reception, transfer between units, discharge."""

from __future__ import annotations

from adapters.common.errors import reject
from adapters.common.timing import london_date
from adapters.jersey import vocabulary as v
from adapters.jersey.document import JsonObject
from adapters.jersey.header import Draft, Message
from adapters.jersey.values import address, coded, optional_date


def _custody(message: Message) -> JsonObject:
    """`details.custody`, once the sender is known to be the prison: only La Moye sends `PRISON_*`."""
    if message.source_agency != v.LA_MOYE:
        raise reject("header.sender.agency", "INCONSISTENT", f"{message.message_type} is sent by LA_MOYE only")
    return message.details().object("custody")


def prison_reception(message: Message) -> Draft:
    custody = _custody(message)
    payload: dict[str, object] = {
        "establishment": coded(custody, "establishment", v.ESTABLISHMENTS),
        "date": london_date(message.occurred_at),
        "custody_reason": coded(custody, "receptionType", v.RECEPTION_TYPES),
    }
    return Draft("CustodyReceived", payload)


def prison_transfer(message: Message) -> Draft:
    custody = _custody(message)
    origin = coded(custody, "fromEstablishment", v.ESTABLISHMENTS)
    destination = coded(custody, "toEstablishment", v.ESTABLISHMENTS)
    if origin == destination:
        raise reject(custody.name("toEstablishment"), "INCONSISTENT", "a transfer moves between two establishments")
    payload: dict[str, object] = {
        "from_establishment": origin,
        "to_establishment": destination,
        "date": london_date(message.occurred_at),
    }
    return Draft("CustodyTransferred", payload)


def prison_discharge(message: Message) -> Draft:
    custody = _custody(message)
    release_type = coded(custody, "releaseType", v.RELEASE_TYPES)
    day = london_date(message.occurred_at)
    licence_end = optional_date(custody, "licenceEndDate")
    field = custody.name("licenceEndDate")
    if release_type == "LICENCE":
        if licence_end is None:
            raise reject(field, "MISSING", "a release on licence gives the licence end date")
        if licence_end < day:
            raise reject(field, "INCONSISTENT", "the licence ends before the release")
    elif licence_end is not None:
        raise reject(field, "INCONSISTENT", "only a release on licence has a licence end date")
    place = custody.optional_object("releaseAddress")
    payload: dict[str, object] = {
        "date": day,
        "release_type": release_type,
        "licence_end_date": licence_end,
        "release_address": None if place is None else address(place),
    }
    return Draft("CustodyReleased", payload)
