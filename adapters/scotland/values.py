"""SJX values: its code lists, and the dates, agencies, identifiers, names and addresses it writes."""

from __future__ import annotations

from datetime import date, datetime

from adapters.common import codes, places
from adapters.common.errors import reject
from adapters.common.identifiers import Identifier, cro, pnc, scro, uuid_text
from adapters.common.timing import check_date_of_birth, london_date, parse_date, parse_timestamp
from adapters.scotland.body import Fields, need
from hub.domain.codes import MAX_ALIASES, SPS_ESTABLISHMENTS, jurisdiction_of

JURISDICTION = "SCO"
NAME_MAX = 100
TOWN_MAX = 60
ADDRESS_LINE_MAX = 100

SEXES = {"male": "M", "female": "F", "not_known": "U"}
STATUSES = {"community": "COMMUNITY", "custody": "CUSTODY"}
ADDRESS_TYPES = {"home": "HOME", "temporary": "TEMPORARY", "no_fixed_abode": "NFA"}
ROSH = {"low": "LOW", "medium": "MEDIUM", "high": "HIGH", "very_high": "VERY_HIGH"}
REJECTION_CODES = {
    "NLC": "NO_LOCAL_CONNECTION",
    "ADU": "ADDRESS_UNSUITABLE",
    "INF": "INSUFFICIENT_INFORMATION",
    "RSK": "RISK_NOT_MANAGEABLE",
    "DUP": "DUPLICATE_REQUEST",
    "OTH": "OTHER",
}
ESTABLISHMENTS = {code: f"SCO-{code}" for code in SPS_ESTABLISHMENTS}
ADMISSION_TYPES = {"REM": "REMAND", "SEN": "SENTENCED", "REC": "RECALL", "TRF": "TRANSFER_IN"}
RELEASE_TYPES = {"LIC": "LICENCE", "HDC": "LICENCE", "EOS": "END_OF_SENTENCE", "BAIL": "BAIL"}
SOURCE_EVALUATIONS = codes.identity(["1", "2", "3"])
ASSESSMENTS = codes.identity(["A", "B", "C", "D", "E"])
HANDLING_CODES = codes.identity(["P", "C"])
CONSENT = {"granted": "GRANTED", "refused": "REFUSED"}
SENDERS = codes.identity(["SCO-PSOS", "SCO-SPS"])
MARKINGS = codes.identity(["OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"])


def day(fields: Fields, key: str) -> date | None:
    """A `YYYY-MM-DD` date."""
    value = fields.string(key)
    if value is None:
        return None
    name = fields.name(key)
    return parse_date(value, name, "YYYY-MM-DD")


def instant(fields: Fields, key: str) -> datetime:
    """`event_timestamp`: a date-time with seconds and an explicit `Z` or offset, as a UTC instant."""
    name = fields.name(key)
    value = need(fields.string(key), name)
    try:
        moment = parse_timestamp(value, name, seconds_required=True, zone_required=True)
        london_date(moment)
    except OverflowError:
        raise reject(name, "BAD_DATE", "the instant is outside the range of calendar dates") from None
    return moment


def date_of_birth(fields: Fields, occurred_at: datetime) -> date | None:
    born = day(fields, "date_of_birth")
    return None if born is None else check_date_of_birth(born, occurred_at, fields.name("date_of_birth"))


def uuid(fields: Fields, key: str) -> str | None:
    value = fields.string(key)
    return None if value is None else uuid_text(value, fields.name(key))


def identifiers(fields: Fields) -> list[Identifier]:
    """SCRO (required on every message), then PNC and CRO when sent."""
    name = fields.name("scro_number")
    found = [scro(need(fields.string("scro_number"), name), name)]
    for key, parse in (("pnc_id", pnc), ("cro_number", cro)):
        value = fields.string(key)
        if value is not None:
            found.append(parse(value, fields.name(key)))
    return found


def agency(fields: Fields, key: str) -> str | None:
    value = fields.string(key)
    return None if value is None else codes.agency(value, fields.name(key))


def scottish_agency(fields: Fields, key: str) -> str | None:
    """An agency that must be Scottish (`lead_agency`)."""
    found = agency(fields, key)
    if found is not None and jurisdiction_of(found) != JURISDICTION:
        raise reject(fields.name(key), "INCONSISTENT", f"{found} is not an agency of Scotland")
    return found


def foreign_agency(fields: Fields, key: str) -> str | None:
    """An agency that must be of another jurisdiction (`to_agency`)."""
    found = agency(fields, key)
    if found is not None and jurisdiction_of(found) == JURISDICTION:
        raise reject(fields.name(key), "INCONSISTENT", "a transfer goes to an agency of another jurisdiction")
    return found


def coded(fields: Fields, key: str, mapping: dict[str, str]) -> str | None:
    value = fields.string(key)
    return None if value is None else codes.code(value, fields.name(key), mapping)


def mappa(fields: Fields, key: str) -> int | None:
    value = fields.integer(key)
    return None if value is None else codes.mappa(value, fields.name(key))


def aliases(fields: Fields) -> list[dict[str, str]]:
    """At most ten `{family_name, given_names}`, both parts required."""
    found = fields.objects("aliases") or []
    if len(found) > MAX_ALIASES:
        raise reject(fields.name("aliases"), "TOO_LONG", f"{len(found)} aliases, at most {MAX_ALIASES} allowed")
    return [
        {
            "family_name": need(alias.string("family_name", NAME_MAX), alias.name("family_name")),
            "given_names": need(alias.string("given_names", NAME_MAX), alias.name("given_names")),
        }
        for alias in found
    ]


def address(fields: Fields, key: str, *, no_fixed_abode: bool = False) -> places.Address | None:
    """`{lines, town, postcode}`; for no fixed abode the lines may be empty or absent and the postcode absent."""
    found = fields.obj(key)
    if found is None:
        return None
    lines = found.strings("lines", ADDRESS_LINE_MAX)
    if lines is None and not no_fixed_abode:
        raise reject(found.name("lines"), "MISSING", "an address needs at least one line")
    code = found.string("postcode")
    return places.address(
        lines or [],
        town=found.string("town", TOWN_MAX),
        postcode=None if code is None else places.postcode(code, found.name("postcode")),
        no_fixed_abode=no_fixed_abode,
        fields=(found.name("lines"), found.name("town"), found.name("postcode")),
    )
