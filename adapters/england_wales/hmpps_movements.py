"""An HMPPS prisoner movement (the domain event inside a notification) as a canonical custody event."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from adapters.common import codes
from adapters.common.errors import reject
from adapters.common.events import CanonicalEvent, new_event
from adapters.common.identifiers import Identifier, cro, noms, pnc
from adapters.common.text import text
from adapters.common.timing import london_date, parse_date, parse_timestamp

SOURCE_SYSTEM = "HMPPS-DE"
SOURCE_AGENCY = "EAW-HMPPS-PRISON"
CLASSIFICATION = "OFFICIAL-SENSITIVE"
RECEIVED = "prison-offender-events.prisoner.received"
RELEASED = "prison-offender-events.prisoner.released"
ATTRIBUTE_FIELD = "MessageAttributes.eventType.Value"

ADMISSION_CODES = {"N": "REMAND", "R": "REMAND", "I": "SENTENCED", "L": "RECALL", "INT": "TRANSFER_IN"}
RELEASE_CODES = {"CR": "LICENCE", "HD": "LICENCE", "PD": "LICENCE", "SE": "END_OF_SENTENCE", "BL": "BAIL"}

Json = dict[str, Any]
Payload = dict[str, Any]


class Fields:
    """A JSON object of the domain event, its faults named `Message.<path>` as the spec asks."""

    def __init__(self, values: Json, path: str) -> None:
        self._values = values
        self.path = path

    def name(self, key: str) -> str:
        return f"{self.path}.{key}"

    def get(self, key: str) -> str | None:
        return string(self._values.get(key), self.name(key))

    def need(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise reject(self.name(key), "MISSING", "required in every prisoner movement")
        return value

    def raw(self, key: str) -> object:
        return self._values.get(key)

    def child(self, key: str) -> Fields:
        value = self._values.get(key)
        if value is not None and not isinstance(value, dict):
            raise reject(self.name(key), "BAD_FORMAT", "expected a JSON object")
        return Fields(value or {}, self.name(key))


def string(value: object, field: str) -> str | None:
    """A JSON string value, trimmed and NFC-normalised; `None` when absent, null or empty."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise reject(field, "BAD_FORMAT", "expected a JSON string")
    return text(value, field)


def movement_event(key: str, event: Json, attribute_event_type: str | None) -> CanonicalEvent:
    """The custody event of one prisoner movement; `RecordRejected` names what is wrong."""
    message = Fields(event, "Message")
    event_type, build = _movement(message, attribute_event_type)
    occurred_at = _occurred_at(message)
    info = message.child("additionalInformation")
    identifiers = _identifiers(info, message.child("personReference"))
    return new_event(
        key=key,
        event_type=event_type,
        occurred_at=occurred_at,
        source_agency=SOURCE_AGENCY,
        source_system=SOURCE_SYSTEM,
        classification=CLASSIFICATION,
        identifiers=identifiers,
        payload=build(info, london_date(occurred_at)),
    )


def _movement(message: Fields, attribute_event_type: str | None) -> tuple[str, Builder]:
    domain_type = message.need("eventType")
    if domain_type not in (RECEIVED, RELEASED):
        raise reject(message.name("eventType"), "UNKNOWN_TYPE", f"{domain_type!r} is not a prisoner movement")
    if attribute_event_type is None:
        raise reject(ATTRIBUTE_FIELD, "MISSING", "the notification must name its event type")
    if attribute_event_type != domain_type:
        raise reject(ATTRIBUTE_FIELD, "INCONSISTENT", "differs from the eventType of the domain event")
    version = message.raw("version")
    if version is None:
        raise reject(message.name("version"), "MISSING", "the domain event must state its version")
    if type(version) is not int or version != 1:
        raise reject(message.name("version"), "UNKNOWN_CODE", "only version 1 of the domain event is known")
    info = message.child("additionalInformation")
    reason = info.need("reason")
    try:
        return BUILDERS[domain_type, reason]
    except KeyError:
        reasons = ", ".join(r for t, r in BUILDERS if t == domain_type)
        raise reject(info.name("reason"), "UNKNOWN_CODE", f"{reason!r} is not one of {reasons} here") from None


def _occurred_at(message: Fields) -> datetime:
    field = message.name("occurredAt")
    return parse_timestamp(message.need("occurredAt"), field, seconds_required=True, zone_required=False)


def _identifiers(info: Fields, person: Fields) -> list[Identifier]:
    number_field = info.name("nomsNumber")
    found = [noms(info.need("nomsNumber"), number_field)]
    field = person.name("identifiers")
    listed = person.raw("identifiers")
    if listed is None:
        return found
    if not isinstance(listed, list):
        raise reject(field, "BAD_FORMAT", "expected an array of {type, value}")
    for entry in listed:
        extra = _listed_identifier(entry, field)
        if extra is not None and extra["scheme"] == "NOMS" and extra != found[0]:
            raise reject(field, "INCONSISTENT", "the NOMS identifier differs from nomsNumber")
        if extra is not None and extra not in found:
            found.append(extra)
    return found


def _listed_identifier(entry: object, field: str) -> Identifier | None:
    if not isinstance(entry, dict):
        raise reject(field, "BAD_FORMAT", "each identifier is an object {type, value}")
    scheme = string(entry.get("type"), field)
    parse = {"NOMS": noms, "PNC": pnc, "CRO": cro}.get(scheme or "")
    if parse is None:
        return None
    value = string(entry.get("value"), field)
    if value is None:
        raise reject(field, "MISSING", f"the {scheme} identifier has no value")
    return parse(value, field)


def _prison(info: Fields, key: str) -> str:
    return codes.establishment(f"EAW-{info.need(key)}", info.name(key))


def _received(info: Fields, day: date) -> Payload:
    return {
        "establishment": _prison(info, "prisonId"),
        "date": day,
        "custody_reason": codes.code(
            info.need("nomisMovementReasonCode"), info.name("nomisMovementReasonCode"), ADMISSION_CODES
        ),
    }


def _transferred(info: Fields, day: date) -> Payload:
    to_establishment = _prison(info, "prisonId")
    from_establishment = _prison(info, "fromPrisonId")
    if from_establishment == to_establishment:
        raise reject(info.name("fromPrisonId"), "INCONSISTENT", "a transfer is between two different prisons")
    return {"from_establishment": from_establishment, "to_establishment": to_establishment, "date": day}


def _released(info: Fields, day: date) -> Payload:
    _prison(info, "prisonId")
    code_field = info.name("nomisMovementReasonCode")
    release_type = codes.code(info.need("nomisMovementReasonCode"), code_field, RELEASE_CODES)
    return {
        "date": day,
        "release_type": release_type,
        "licence_end_date": _licence_end(info, release_type, day),
        "release_address": None,
    }


def _licence_end(info: Fields, release_type: str, day: date) -> date | None:
    field = info.name("licenceEndDate")
    value = info.get("licenceEndDate")
    if release_type != "LICENCE":
        if value is not None:
            raise reject(field, "INCONSISTENT", f"only a release on licence has a licence end date, not {release_type}")
        return None
    if value is None:
        raise reject(field, "MISSING", "a release on licence needs the licence end date")
    end = parse_date(value, field, "YYYY-MM-DD")
    if end < day:
        raise reject(field, "INCONSISTENT", "the licence ends before the release")
    return end


Builder = Callable[[Fields, date], Payload]
BUILDERS: dict[tuple[str, str], tuple[str, Builder]] = {
    (RECEIVED, "ADMISSION"): ("CustodyReceived", _received),
    (RECEIVED, "TRANSFERRED"): ("CustodyTransferred", _transferred),
    (RELEASED, "RELEASED"): ("CustodyReleased", _released),
}
