"""A partner store that is down only grows its own queue; the others keep flowing; it catches up when back."""

from __future__ import annotations

import pytest

from hub.queues import queue_depths
from hub.settings import Settings
from tests import factories as f
from tests.integration.conftest import AdapterProducers, HubServices, delivered_event_ids, publish, query, wait_until

pytestmark = pytest.mark.integration


async def set_reachable(settings: Settings, database: str, reachable: bool) -> None:
    """Open or close a database to new connections, dropping the ones it has (as an outage would)."""
    admin = settings.admin_login()
    await query(admin, f"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS {str(reachable).lower()}")
    if not reachable:
        await query(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", database)


async def test_an_unreachable_partner_store_delays_only_its_own_deliveries(
    services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    scottish, transport = f.new_id(), f.new_id()
    await set_reachable(settings, "partner_btp", False)
    try:
        events = [
            f.registered(scottish),
            f.address(scottish),
            f.registered(transport, "BTP-POLICE"),
            f.address(transport, "BTP-POLICE"),
        ]
        await publish(producer, events)

        async def scotland_has_its_own() -> bool:
            return len(await delivered_event_ids(settings, "SCO", [scottish])) == 2

        await wait_until(scotland_has_its_own, what="SCO to be served while BTP is down")
        depths = {d.consumer: d.waiting for d in await queue_depths(settings)}
        assert depths["writer BTP"] is None or depths["writer BTP"] >= 2
        assert depths["writer SCO"] == 0
    finally:
        await set_reachable(settings, "partner_btp", True)

    async def transport_caught_up() -> bool:
        return len(await delivered_event_ids(settings, "BTP", [transport])) == 2

    await wait_until(transport_caught_up, within_s=120, what="BTP to catch up once its store is back")
    rows = await query(
        settings.partner_login("BTP"), "SELECT owner_agency FROM nominal WHERE nominal_id = $1", transport
    )
    assert [r[0] for r in rows] == ["BTP-POLICE"]
