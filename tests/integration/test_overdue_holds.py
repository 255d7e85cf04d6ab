"""Overdue holds are visible and escalate (a list and a metric); they are never granted by default."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime, timedelta

import pytest

from hub.metrics import gather
from hub.settings import Settings
from tests import factories as f
from tests.integration.conftest import AdapterProducers, HubServices, publish, query, routed, wait_until

pytestmark = pytest.mark.integration


async def test_a_hold_past_its_deadline_is_listed_and_counted_as_overdue_and_stays_pending(
    services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    nominal, item = f.new_id(), f.new_id()
    share = f.intelligence(nominal, item, ["NIR"], "P", agency="BTP-POLICE")  # no BTP → NIR agreement
    await publish(producer, [f.registered(nominal, "BTP-POLICE"), share])
    await wait_until(lambda: routed(settings, [share["event_id"]]), what="routing")
    hold = await query(
        settings.hub_login(), "SELECT hold_id::text, respond_by FROM held_item WHERE event_id = $1", share["event_id"]
    )
    hold_id, respond_by = hold[0]
    assert respond_by > datetime.now(UTC)  # five working days in England and Wales (BTP's calendar)
    await query(
        settings.hub_login(),
        "UPDATE held_item SET respond_by = $2 WHERE hold_id = $1",
        hold_id,
        datetime.now(UTC) - timedelta(hours=1),
    )

    command = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "hub",
        "held",
        "list",
        "--overdue",
        "--owner",
        "BTP-POLICE",
        stdout=asyncio.subprocess.PIPE,
    )
    listed = (await command.communicate())[0].decode()
    assert command.returncode == 0
    assert hold_id in listed
    assert "OVERDUE" in listed
    overdue = {s[1]["owner"]: s[2] for s in await gather(settings) if s[0] == "hub_held_overdue"}
    assert overdue["BTP-POLICE"] >= 1
    status = await query(settings.hub_login(), "SELECT status FROM held_item WHERE hold_id = $1", hold_id)
    assert status[0][0] == "PENDING"
