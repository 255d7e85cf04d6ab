"""The demo's samples as one cast: every record of every feed, in `hub demo` order, parses and resolves.

`hub demo` imports `samples/<feed>/*` jurisdiction by jurisdiction (adapters.registry order), files in name
order; a record is published only if its identifiers resolve to a nominal (hub.domain.identity.resolve).
This replays that without the stack: the real adapters, one Deduplicator per jurisdiction, and an in-memory
identifier table that learns each resolution's new links, as the importer's `nominal_identifier` table does.

Threads across feeds, by PNC:
- Callum Stewart (Scotland, PNC 2015/0207711A): the Met rejects his transfer 9e8f7a6b-… into London.
- Daniel Owen Pryce (England and Wales, PNC 2004/0077120L): Thames Valley asks Jersey to take him (transfer
  4b3c2d1e-…); Jersey Probation accepts, he departs and arrives in St Helier.
HMPPS notifications name people by NOMS number; the first one about each person also carries the PNC their
force registered them under, which links the NOMS number to that nominal.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from adapters.common.batch import Accepted, Deduplicator
from adapters.common.run import judge_delivery
from adapters.registry import ADAPTER_MODULES, adapter_for
from hub.demo import sample_files
from hub.domain.identity import IdentifierKey, Resolution, Resolved, resolve


@dataclass(frozen=True, slots=True)
class Replayed:
    jurisdiction: str
    delivery: str
    outcome: object
    resolution: Resolution | None = None


@cache
def demo_replay() -> tuple[Replayed, ...]:
    known: dict[IdentifierKey, str] = {}
    replayed: list[Replayed] = []
    for jurisdiction in ADAPTER_MODULES:
        adapter, dedup = adapter_for(jurisdiction), Deduplicator()
        for path in sample_files(jurisdiction):
            for outcome in judge_delivery(adapter, path.name, path.read_bytes(), dedup):
                if not isinstance(outcome, Accepted):
                    replayed.append(Replayed(jurisdiction, path.name, outcome))
                    continue
                resolution = resolve(outcome.event, known)
                if isinstance(resolution, Resolved):
                    known.update(dict.fromkeys(resolution.new_links, resolution.nominal_id))
                replayed.append(Replayed(jurisdiction, path.name, outcome, resolution))
    return tuple(replayed)


def accepted() -> list[tuple[Replayed, dict[str, Any], Resolved]]:
    return [
        (r, r.outcome.event, r.resolution)
        for r in demo_replay()
        if isinstance(r.outcome, Accepted) and isinstance(r.resolution, Resolved)
    ]


def test_every_jurisdiction_has_demo_samples() -> None:
    assert {r.jurisdiction for r in demo_replay()} == set(ADAPTER_MODULES)


def test_every_demo_record_is_accepted_with_no_rejection_refusal_or_duplicate() -> None:
    others = [(r.jurisdiction, r.delivery, r.outcome) for r in demo_replay() if not isinstance(r.outcome, Accepted)]

    assert others == []


def test_every_accepted_event_resolves_to_one_nominal() -> None:
    unresolved = [
        (r.jurisdiction, r.delivery, r.outcome.locator, r.outcome.event["event_type"], r.resolution)
        for r in demo_replay()
        if isinstance(r.outcome, Accepted) and not isinstance(r.resolution, Resolved)
    ]

    assert unresolved == []


def test_a_registration_joins_an_existing_nominal_only_if_it_is_the_same_person() -> None:
    people: dict[str, tuple[str, Any]] = {}
    for _, event, resolution in accepted():
        if event["event_type"] != "NominalRegistered":
            continue
        person = (event["payload"]["family_name"], event["payload"]["date_of_birth"])
        assert people.setdefault(resolution.nominal_id, person) == person, event["identifiers"]


def test_some_nominals_receive_events_from_two_jurisdictions() -> None:
    jurisdictions: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for replayed, event, resolution in accepted():
        jurisdictions[resolution.nominal_id].add(replayed.jurisdiction)
        if event["event_type"] == "NominalRegistered":
            names[resolution.nominal_id] = event["payload"]["family_name"]

    shared = {names[n]: sorted(j) for n, j in jurisdictions.items() if len(j) > 1}

    assert shared == {"Stewart": ["england-wales", "scotland"], "Pryce": ["england-wales", "jersey"]}
