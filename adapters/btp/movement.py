"""Builders for the offender-movement record types: nominals, addresses, transfers, MAPPA, archiving."""

from __future__ import annotations

from adapters.btp.fields import LINE_MAX, NAME_MAX, REASON_MAX, SOURCE_AGENCY, TOWN_MAX, Draft, Payload, Record
from adapters.common import places
from adapters.common.errors import reject
from adapters.common.identifiers import cro
from adapters.common.text import text
from adapters.common.timing import check_date_of_birth, london_date
from hub.domain.codes import MAX_ALIASES, jurisdiction_of

SEXES = {"M": "M", "F": "F", "U": "U"}
STATUSES = {"C": "COMMUNITY", "I": "CUSTODY"}
ADDRESS_TYPES = {"H": "HOME", "T": "TEMPORARY", "N": "NFA"}
ROSH = {"1": "LOW", "2": "MEDIUM", "3": "HIGH", "4": "VERY_HIGH"}
REJECTION_CODES = {
    "R1": "NO_LOCAL_CONNECTION",
    "R2": "ADDRESS_UNSUITABLE",
    "R3": "INSUFFICIENT_INFORMATION",
    "R4": "RISK_NOT_MANAGEABLE",
    "R5": "DUPLICATE_REQUEST",
    "R6": "OTHER",
}
ADDRESS_FIELDS = ("line1", "town", "postcode")
MEETING_ID_MAX = 40


def _alias(entry: str) -> dict[str, str]:
    family, separator, given = entry.partition("^")
    if not separator or "^" in given:
        raise reject("aliases", "BAD_FORMAT", "each alias is written Surname^Forenames")
    family_name, given_names = text(family, "aliases", NAME_MAX), text(given, "aliases", NAME_MAX)
    if family_name is None or given_names is None:
        raise reject("aliases", "MISSING", "an alias needs both a surname and forenames")
    return {"family_name": family_name, "given_names": given_names}


def _aliases(record: Record) -> list[dict[str, str]]:
    joined = record.text("aliases")
    if joined is None:
        return []
    entries = joined.split("~")
    if len(entries) > MAX_ALIASES:
        raise reject("aliases", "TOO_LONG", f"{len(entries)} aliases, at most {MAX_ALIASES}")
    return [_alias(entry) for entry in entries]


def nominal_registered(record: Record) -> Draft:
    cro_number = record.text("cro_number")
    payload: Payload = {
        "family_name": record.required_text("surname", NAME_MAX),
        "given_names": record.required_text("forenames", NAME_MAX),
        "aliases": _aliases(record),
        "date_of_birth": check_date_of_birth(record.date("dob"), record.occurred_at, "dob"),
        "sex": record.code("sex", SEXES),
        "mappa_category": record.mappa("mappa_cat"),
        "mappa_level": record.mappa("mappa_level"),
        "lead_agency": SOURCE_AGENCY,
        "status": record.code("status", STATUSES),
    }
    identifiers = () if cro_number is None else (cro(cro_number, "cro_number"),)
    return Draft(payload, identifiers=identifiers)


def address_notified(record: Record) -> Draft:
    address_type = record.code("addr_type", ADDRESS_TYPES)
    no_fixed_abode = address_type == "NFA"
    if not no_fixed_abode:
        record.required_text("line1", LINE_MAX)
    address = places.address(
        record.address_lines(),
        town=record.text("town", TOWN_MAX),
        postcode=record.postcode("postcode"),
        no_fixed_abode=no_fixed_abode,
        fields=ADDRESS_FIELDS,
    )
    payload: Payload = {
        "address": address,
        "address_type": address_type,
        "notified_on": record.date("notified_on"),
        "effective_from": record.date("effective_from"),
    }
    return Draft(payload)


def _transfer_address(record: Record) -> places.Address:
    record.required_text("line1", LINE_MAX)
    return places.address(
        record.address_lines(),
        town=record.required_text("town", TOWN_MAX),
        postcode=record.postcode("postcode"),
        fields=ADDRESS_FIELDS,
    )


def transfer_requested(record: Record) -> Draft:
    to_agency = record.agency("to_agency")
    to_jurisdiction = jurisdiction_of(to_agency)
    if to_jurisdiction == jurisdiction_of(SOURCE_AGENCY):
        raise reject("to_agency", "INCONSISTENT", "a transfer must go to another jurisdiction than BTP")
    payload: Payload = {
        "transfer_id": record.uuid("transfer_id"),
        "from_jurisdiction": jurisdiction_of(SOURCE_AGENCY),
        "from_agency": SOURCE_AGENCY,
        "to_jurisdiction": to_jurisdiction,
        "to_agency": to_agency,
        "reason": record.required_free("reason_text", REASON_MAX),
        "proposed_move_date": record.date("move_date"),
        "risk": {
            "mappa_category": record.mappa("mappa_cat"),
            "mappa_level": record.mappa("mappa_level"),
            "rosh": record.code("rosh", ROSH),
        },
    }
    return Draft(payload)


def transfer_accepted(record: Record) -> Draft:
    payload: Payload = {
        "transfer_id": record.uuid("transfer_id"),
        "decided_by": SOURCE_AGENCY,
        "reason": record.free("reason_text", REASON_MAX),
    }
    return Draft(payload)


def transfer_rejected(record: Record) -> Draft:
    payload: Payload = {
        "transfer_id": record.uuid("transfer_id"),
        "decided_by": SOURCE_AGENCY,
        "rejection_code": record.code("reject_code", REJECTION_CODES),
        "rejection_text": record.required_free("reason_text", REASON_MAX),
    }
    return Draft(payload)


def offender_departed(record: Record) -> Draft:
    given = record.any_given("line1", "line2", "line3", "town", "postcode")
    payload: Payload = {
        "transfer_id": record.uuid("transfer_id"),
        "date": london_date(record.occurred_at),
        "address": _transfer_address(record) if given else None,
    }
    return Draft(payload)


def offender_arrived(record: Record) -> Draft:
    payload: Payload = {
        "transfer_id": record.uuid("transfer_id"),
        "date": london_date(record.occurred_at),
        "address": _transfer_address(record),
    }
    return Draft(payload)


def mappa_level_changed(record: Record) -> Draft:
    category = record.optional_mappa("mappa_cat")
    level = record.optional_mappa("mappa_level")
    if category is None and level is None:
        raise reject("mappa_level", "MISSING", "a MAPPA change needs a new category, a new level or both")
    payload: Payload = {
        "mappa_category": category,
        "mappa_level": level,
        "meeting_id": record.required_text("meeting_id", MEETING_ID_MAX),
    }
    return Draft(payload)


def nominal_archived_or_reactivated(record: Record) -> Draft:
    return Draft({"reason": record.required_free("reason_text", REASON_MAX)})
