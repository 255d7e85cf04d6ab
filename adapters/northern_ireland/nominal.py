"""Details about the nominal itself: registration, address, PPANI review, archive and reactivation."""

from __future__ import annotations

from adapters.common.errors import reject
from adapters.common.events import CanonicalEvent
from adapters.common.timing import check_date_of_birth
from adapters.northern_ireland.elements import LEAF, Group, Layout, group
from adapters.northern_ireland.header import Context
from adapters.northern_ireland.values import (
    ACTIONS,
    ADDRESS,
    ADDRESS_TYPES,
    MAX_ALIASES,
    NAME_MAX,
    OFFENDER_TYPES,
    PANEL_REF_MAX,
    REASON_MAX,
    RISK_CATEGORIES,
    SEXES,
    STATUSES,
    check_count,
    read_address,
    required_agency,
)
from hub.domain.codes import jurisdiction_of

NAME: Layout = {"FamilyName": LEAF, "GivenNames": LEAF}
REGISTRATION: Layout = {
    **NAME,
    "Alias": group(NAME, repeats=True),
    "DateOfBirth": LEAF,
    "Sex": LEAF,
    "OffenderType": LEAF,
    "RiskCategory": LEAF,
    "LeadAgency": LEAF,
    "Status": LEAF,
}
ADDRESS_NOTIFICATION: Layout = {
    "Address": group(ADDRESS),
    "AddressType": LEAF,
    "NotifiedOn": LEAF,
    "EffectiveFrom": LEAF,
}
PPANI_REVIEW: Layout = {"PanelRef": LEAF, "OffenderType": LEAF, "RiskCategory": LEAF}
RECORD_STATUS: Layout = {"Action": LEAF, "Reason": LEAF}


def _alias(alias: Group) -> dict[str, str]:
    return {
        "family_name": alias.required_text("FamilyName", NAME_MAX),
        "given_names": alias.required_text("GivenNames", NAME_MAX),
    }


def registered(detail: Group, ctx: Context) -> CanonicalEvent:
    aliases = detail.groups.get("Alias", [])
    check_count(detail, "Alias", len(aliases), MAX_ALIASES, "TOO_LONG")
    family_name = detail.required_text("FamilyName", NAME_MAX)
    given_names = detail.required_text("GivenNames", NAME_MAX)
    born = detail.required_date("DateOfBirth")
    lead_agency = required_agency(detail, "LeadAgency")
    if jurisdiction_of(lead_agency) != "NIR":
        raise reject(
            detail.field("LeadAgency"), "INCONSISTENT", "the lead agency of a NI registration is PSNI, NIPS or PBNI"
        )
    return ctx.event(
        "NominalRegistered",
        {
            "family_name": family_name,
            "given_names": given_names,
            "aliases": [_alias(alias) for alias in aliases],
            "date_of_birth": check_date_of_birth(born, ctx.occurred_at, detail.field("DateOfBirth")),
            "sex": detail.required_code("Sex", SEXES),
            "mappa_category": detail.required_code("OffenderType", OFFENDER_TYPES),
            "mappa_level": detail.required_code("RiskCategory", RISK_CATEGORIES),
            "lead_agency": lead_agency,
            "status": detail.required_code("Status", STATUSES),
        },
    )


def address_notified(detail: Group, ctx: Context) -> CanonicalEvent:
    address_type = detail.required_code("AddressType", ADDRESS_TYPES)
    where = read_address(detail.required_group("Address"), no_fixed_abode=address_type == "NFA")
    return ctx.event(
        "AddressNotified",
        {
            "address": where,
            "address_type": address_type,
            "notified_on": detail.required_date("NotifiedOn"),
            "effective_from": detail.required_date("EffectiveFrom"),
        },
    )


def review_held(detail: Group, ctx: Context) -> CanonicalEvent:
    category = detail.code("OffenderType", OFFENDER_TYPES)
    level = detail.code("RiskCategory", RISK_CATEGORIES)
    if category is None and level is None:
        raise reject(detail.field("RiskCategory"), "MISSING", "a review gives an OffenderType, a RiskCategory or both")
    return ctx.event(
        "MappaLevelChanged",
        {
            "mappa_category": category,
            "mappa_level": level,
            "meeting_id": detail.required_text("PanelRef", PANEL_REF_MAX),
        },
    )


def status_changed(detail: Group, ctx: Context) -> CanonicalEvent:
    event_type = detail.required_code("Action", ACTIONS)
    return ctx.event(event_type, {"reason": detail.required_free_text("Reason", REASON_MAX)})
