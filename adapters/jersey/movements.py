"""Builders for the nominal and transfer messages: registration, address, transfer, MAPPA, archive."""

from __future__ import annotations

from adapters.common.errors import RecordRejected, reject
from adapters.common.identifiers import uuid_text
from adapters.common.timing import check_date_of_birth, london_date
from adapters.jersey import vocabulary as v
from adapters.jersey.document import JsonObject
from adapters.jersey.header import Draft, Message
from adapters.jersey.values import address, agency, coded, jersey_agency, mappa_pair, required_date
from hub.domain.codes import jurisdiction_of


def nominal_registration(message: Message) -> Draft:
    person = message.subject().object("person")
    name = person.object("name")
    born = required_date(person, "dateOfBirth")
    details = message.details()
    mappa = details.object("mappa")
    payload: dict[str, object] = {
        "family_name": name.text("surname", v.NAME_MAX),
        "given_names": name.text("forenames", v.NAME_MAX),
        "aliases": _aliases(person),
        "date_of_birth": check_date_of_birth(born, message.occurred_at, person.name("dateOfBirth")),
        "sex": coded(person, "gender", v.SEXES),
        "mappa_category": coded(mappa, "category", v.MAPPA_CATEGORIES),
        "mappa_level": coded(mappa, "level", v.MAPPA_LEVELS),
        "lead_agency": jersey_agency(details.text("leadAgency"), details.name("leadAgency")),
        "status": coded(details, "status", v.STATUSES),
    }
    return Draft("NominalRegistered", payload)


def _aliases(person: JsonObject) -> list[dict[str, str]]:
    items = person.optional_array("aliases") or []
    field = person.name("aliases")
    if len(items) > v.MAX_ALIASES:
        raise reject(field, "TOO_LONG", f"{len(items)} aliases, at most {v.MAX_ALIASES}")
    aliases: list[dict[str, str]] = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise reject(field, "BAD_FORMAT", f"alias {number} is not a JSON object")
        alias = JsonObject(field, item)
        try:
            aliases.append(
                {"family_name": alias.text("surname", v.NAME_MAX), "given_names": alias.text("forenames", v.NAME_MAX)}
            )
        except RecordRejected as exc:
            raise reject(exc.field, exc.reason, f"alias {number}: {exc.message}") from None
    return aliases


def address_notification(message: Message) -> Draft:
    details = message.details()
    address_type = coded(details, "addressType", v.ADDRESS_TYPES)
    payload: dict[str, object] = {
        "address": address(details.object("address"), no_fixed_abode=address_type == "NFA"),
        "address_type": address_type,
        "notified_on": required_date(details, "notifiedOn"),
        "effective_from": required_date(details, "effectiveFrom"),
    }
    return Draft("AddressNotified", payload)


def _transfer_id(transfer: JsonObject) -> str:
    return uuid_text(transfer.text("transferId"), transfer.name("transferId"))


def transfer_request(message: Message) -> Draft:
    transfer = message.details().object("transfer")
    transfer_id = _transfer_id(transfer)
    to_agency = agency(transfer.text("toAgency"), transfer.name("toAgency"))
    if jurisdiction_of(to_agency) == v.JURISDICTION:
        raise reject(transfer.name("toAgency"), "INCONSISTENT", "a transfer request goes to another jurisdiction")
    reason = transfer.free_text("reason", v.REASON_MAX)
    proposed = required_date(transfer, "proposedMoveDate")
    risk = transfer.object("risk")
    mappa = risk.object("mappa")
    payload: dict[str, object] = {
        "transfer_id": transfer_id,
        "from_jurisdiction": v.JURISDICTION,
        "from_agency": message.source_agency,
        "to_jurisdiction": jurisdiction_of(to_agency),
        "to_agency": to_agency,
        "reason": reason,
        "proposed_move_date": proposed,
        "risk": {
            "mappa_category": coded(mappa, "category", v.MAPPA_CATEGORIES),
            "mappa_level": coded(mappa, "level", v.MAPPA_LEVELS),
            "rosh": coded(risk, "rosh", v.ROSH),
        },
    }
    return Draft("TransferRequested", payload)


def transfer_decision(message: Message) -> Draft:
    details = message.details()
    transfer_id = _transfer_id(details.object("transfer"))
    decision = details.object("decision")
    event_type = coded(decision, "outcome", v.DECISIONS)
    payload: dict[str, object] = {"transfer_id": transfer_id, "decided_by": message.source_agency}
    if event_type == "TransferAccepted":
        if decision.optional_text("reasonCode") is not None:
            raise reject(decision.name("reasonCode"), "INCONSISTENT", "an accepted transfer has no rejection code")
        payload["reason"] = decision.optional_free_text("reasonText", v.REASON_MAX)
    else:
        payload["rejection_code"] = coded(decision, "reasonCode", v.REJECTION_CODES)
        payload["rejection_text"] = decision.free_text("reasonText", v.REASON_MAX)
    return Draft(event_type, payload)


def transfer_movement(message: Message) -> Draft:
    details = message.details()
    transfer_id = _transfer_id(details.object("transfer"))
    movement = details.object("movement")
    event_type = coded(movement, "direction", v.DIRECTIONS)
    place = movement.object("address") if event_type == "OffenderArrived" else movement.optional_object("address")
    payload: dict[str, object] = {
        "transfer_id": transfer_id,
        "date": london_date(message.occurred_at),
        "address": None if place is None else address(place),
    }
    return Draft(event_type, payload)


def mappa_review(message: Message) -> Draft:
    details = message.details()
    meeting_id = details.text("meetingRef", v.MEETING_REF_MAX)
    mappa = details.object("mappa")
    category, level = mappa_pair(mappa)
    if category is None and level is None:
        raise reject(mappa.path, "MISSING", "a MAPPA review gives the new category, the new level or both")
    return Draft("MappaLevelChanged", {"mappa_category": category, "mappa_level": level, "meeting_id": meeting_id})


def record_archived(message: Message) -> Draft:
    return Draft("NominalArchived", {"reason": message.details().free_text("reason", v.REASON_MAX)})


def record_reactivated(message: Message) -> Draft:
    return Draft("NominalReactivated", {"reason": message.details().free_text("reason", v.REASON_MAX)})
