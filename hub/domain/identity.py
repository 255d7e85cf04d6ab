"""Identity resolution: native identifiers (PNC, CRO, NOMS, …) resolve to one hub-wide `nominal_id`."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

NOMINAL_NAMESPACE = uuid.UUID("5f0c8e2a-91d3-4b7a-8c1e-2d6f4a9b0e37")

IdentifierKey = tuple[str, str, str]
"""(scheme, value, issuing agency or "")."""


@dataclass(frozen=True, slots=True)
class Resolved:
    """The subject is this nominal; `new_links` are identifiers the hub did not yet know for it."""

    nominal_id: str
    new_links: tuple[IdentifierKey, ...]


@dataclass(frozen=True, slots=True)
class Unresolved:
    """No nominal has any of these identifiers, and the event is not a registration."""

    message: str


@dataclass(frozen=True, slots=True)
class Conflicting:
    """The identifiers point at two or more nominals: a person must decide, the hub never merges silently."""

    nominal_ids: tuple[str, ...]
    message: str


Resolution = Resolved | Unresolved | Conflicting


def identifier_keys(identifiers: Iterable[Mapping[str, Any]]) -> tuple[IdentifierKey, ...]:
    return tuple((i["scheme"], i["value"], i.get("agency") or "") for i in identifiers)


def new_nominal_id(registration_event_id: str) -> str:
    """The id of a nominal first registered by this event (deterministic, so a re-import finds the same one)."""
    return str(uuid.uuid5(NOMINAL_NAMESPACE, registration_event_id))


def resolve(event: Mapping[str, Any], known: Mapping[IdentifierKey, str]) -> Resolution:
    """Resolve an event's subject against the identifiers the hub knows."""
    keys = identifier_keys(event["identifiers"])
    matched = sorted({known[k] for k in keys if k in known})
    if len(matched) > 1:
        schemes = ", ".join(sorted({k[0] for k in keys if k in known}))
        return Conflicting(tuple(matched), f"identifiers ({schemes}) belong to {len(matched)} different nominals")
    if matched:
        return Resolved(matched[0], tuple(k for k in keys if k not in known))
    if event["event_type"] == "NominalRegistered":
        return Resolved(new_nominal_id(event["event_id"]), keys)
    return Unresolved("no nominal in the hub has these identifiers; the subject must be registered first")
