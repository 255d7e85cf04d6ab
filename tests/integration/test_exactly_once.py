"""Exactly once in effect: the router and the writers are SIGKILLed at random moments while events flow;
after restarts every partner store holds exactly the expected rows — none missing, none doubled."""

from __future__ import annotations

import asyncio
import random

import pytest

from hub.settings import Settings
from tests import factories as f
from tests.integration.conftest import (
    AdapterProducers,
    HubServices,
    delivered_event_ids,
    drained,
    publish,
    query,
    wait_until,
)

pytestmark = pytest.mark.integration

NOMINALS = 120
ADDRESSES_EACH = 8
KILLS = 8


def workload() -> tuple[list[str], list[list[dict[str, object]]]]:
    """Per nominal: a registration, addresses, a custody reception and a transfer request to EAW."""
    nominals = [f.new_id() for _ in range(NOMINALS)]
    waves: list[list[dict[str, object]]] = [[] for _ in range(ADDRESSES_EACH + 2)]
    for n in nominals:
        waves[0].append(f.registered(n))
        for i in range(ADDRESSES_EACH):
            waves[1 + i].append(f.address(n))
        waves[-1] += [f.custody_received(n), f.transfer_requested(n, f.new_id(), "EAW-F01")]
    return nominals, waves


async def kill_and_restart(services: HubServices, rng: random.Random, stop: asyncio.Event) -> int:
    kills = 0
    while not stop.is_set() or kills < KILLS:
        await asyncio.sleep(rng.uniform(0.2, 1.2))
        victim = rng.choice(["router", "writers"])
        services.kill(victim)
        kills += 1
        await asyncio.sleep(rng.uniform(0.1, 0.6))
        services.start(victim)
        if kills >= KILLS and stop.is_set():
            break
    return kills


async def test_killing_router_and_writers_at_random_loses_and_doubles_nothing(
    services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    rng = random.Random()
    nominals, waves = workload()
    published = asyncio.Event()
    killer = asyncio.create_task(kill_and_restart(services, rng, published))
    for wave in waves:
        await publish(producer, wave)
        await asyncio.sleep(rng.uniform(0.1, 0.5))
    published.set()
    kills = await killer

    await wait_until(lambda: drained(settings), within_s=180, what="queues to drain after the kills")

    events = [e for wave in waves for e in wave]
    transfers = {str(e["event_id"]) for e in events if e["event_type"] == "TransferRequested"}
    assert kills >= KILLS
    assert await delivered_event_ids(settings, "SCO", nominals) == {str(e["event_id"]) for e in events}
    assert await delivered_event_ids(settings, "EAW", nominals) == transfers
    addresses = await query(
        settings.partner_login("SCO"),
        "SELECT count(*), count(DISTINCT event_id) FROM address WHERE nominal_id = ANY($1::uuid[])",
        nominals,
    )
    assert tuple(addresses[0]) == (NOMINALS * ADDRESSES_EACH, NOMINALS * ADDRESSES_EACH)
    decisions = await query(
        settings.hub_login(),
        "SELECT count(*), count(DISTINCT (event_id, recipient)) FROM decision WHERE nominal_id = ANY($1::uuid[])",
        nominals,
    )
    # one decision per recipient considered: the own store for every event, EAW for every transfer request
    assert tuple(decisions[0]) == (len(events) + len(transfers), len(events) + len(transfers))
    outbox = await query(
        settings.hub_login(), "SELECT count(*) FROM processed_event WHERE nominal_id = ANY($1::uuid[])", nominals
    )
    assert outbox[0][0] == len(events)
