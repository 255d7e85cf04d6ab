"""The delivery pipeline on the real broker and database: every event reaches exactly the partners the rules
say, with the right rows, and nowhere else."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from hub.domain.codes import JURISDICTIONS
from hub.settings import Settings
from tests import factories as f
from tests.integration.conftest import (
    AdapterProducers,
    HubServices,
    delivered_event_ids,
    publish,
    publish_in_causal_order,
    query,
    wait_until,
)

pytestmark = pytest.mark.integration

POLICE = {
    "SCO": "SCO-PSOS",
    "EAW": "EAW-F01",
    "NIR": "NIR-PSNI",
    "JSY": "JSY-SOJP",
    "BTP": "BTP-POLICE",
    "RMP": "RMP-POLICE",
}
PRISON = {
    "SCO": ("SCO-SPS", "SCO-BAR"),
    "EAW": ("EAW-HMPPS-PRISON", "EAW-WWI"),
    "NIR": ("NIR-NIPS", "NIR-MAG"),
    "JSY": ("JSY-LAMOYE", "JSY-LMY"),
    "RMP": ("RMP-MCTC", "RMP-MCTC"),
}
NEIGHBOUR = {
    "SCO": "NIR-PBNI",
    "EAW": "SCO-PSOS",
    "NIR": "EAW-HMPPS-PROBATION",
    "JSY": "EAW-F43",
    "BTP": "SCO-PSOS",
    "RMP": "EAW-F01",
}


async def received(settings: Settings, expected: dict[str, set[str]], nominal_ids: list[str]) -> dict[str, set[str]]:
    return {p: await delivered_event_ids(settings, p, nominal_ids) for p in JURISDICTIONS}


async def wait_for_deliveries(settings: Settings, expected: dict[str, set[str]], nominal_ids: list[str]) -> None:
    async def arrived() -> bool:
        got = await received(settings, expected, nominal_ids)
        return all(expected.get(p, set()) <= got[p] for p in JURISDICTIONS)

    await wait_until(arrived, what="every expected delivery")


@pytest.mark.parametrize("source", JURISDICTIONS)
async def test_movement_and_custody_from_each_source_reach_exactly_the_partners_the_rules_say(
    source: str, services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    police, other = POLICE[source], NEIGHBOUR[source]
    nominal, transfer = f.new_id(), f.new_id()
    elsewhere = other.split("-")[0]
    reg = f.registered(nominal, police)
    addr = f.address(nominal, police)
    req = f.transfer_requested(nominal, transfer, other, police)
    acc = f.transfer_decided(nominal, transfer, other)
    events = [reg, addr, req]
    expected = {
        source: {reg["event_id"], addr["event_id"], req["event_id"], acc["event_id"]},
        elsewhere: {req["event_id"], acc["event_id"]},
    }
    if source in PRISON:
        agency, establishment = PRISON[source]
        custody = f.custody_received(nominal, agency, establishment)
        events.append(custody)
        expected[source].add(custody["event_id"])
        expected[elsewhere].add(custody["event_id"])  # every jurisdiction that holds the nominal
    events.append(acc)
    await publish_in_causal_order(producer, settings, events, nominal)
    await wait_for_deliveries(settings, expected, [nominal])
    got = await received(settings, expected, [nominal])
    assert got == {p: expected.get(p, set()) for p in JURISDICTIONS}


async def test_a_transfer_moves_the_lead_agency_and_later_events_follow_the_nominal(
    services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    nominal, transfer = f.new_id(), f.new_id()
    steps = [
        f.registered(nominal, "SCO-PSOS"),
        f.transfer_requested(nominal, transfer, "NIR-PBNI"),
        f.transfer_decided(nominal, transfer, "NIR-PBNI"),
        f.address(nominal, "SCO-PSOS"),
        f.moved("OffenderDeparted", nominal, transfer, "SCO-PSOS"),
        f.moved("OffenderArrived", nominal, transfer, "NIR-PBNI"),
        f.simple(
            "MappaLevelChanged", nominal, {"mappa_category": None, "mappa_level": 3, "meeting_id": "M-1"}, "NIR-PBNI"
        ),
        f.simple(
            "MeetingMinutesRecorded",
            nominal,
            {
                "meeting_id": "M-1",
                "date": date(2026, 11, 2),
                "mappa_level": 3,
                "attending_agencies": ["NIR-PBNI", "EAW-F01"],
                "minutes_text": "Reviewed.",
                "actions": ["Visit"],
            },
            "NIR-PBNI",
        ),
        f.simple("NominalArchived", nominal, {"reason": "Case closed."}, "NIR-PBNI"),
    ]
    ids = [e["event_id"] for e in steps]
    reg, req, acc, addr, dep, arr, mappa, minutes, archived = ids
    expected = {
        "SCO": {reg, req, acc, addr, dep, arr, mappa, archived},
        "NIR": {req, acc, addr, dep, arr, mappa, minutes, archived},
        "EAW": {minutes, archived},
    }
    await publish_in_causal_order(producer, settings, steps, nominal)
    await wait_for_deliveries(settings, expected, [nominal])
    assert await received(settings, expected, [nominal]) == {p: expected.get(p, set()) for p in JURISDICTIONS}
    for partner in ("SCO", "NIR"):
        row = await query(
            settings.partner_login(partner),
            "SELECT lead_agency, owner_agency, mappa_level, archived FROM nominal WHERE nominal_id = $1",
            nominal,
        )
        if partner == "SCO":
            assert tuple(row[0]) == ("NIR-PBNI", "SCO-PSOS", 3, True)
    transfer_rows = await query(
        settings.partner_login("NIR"),
        "SELECT status, from_agency, to_agency, owner_agency FROM transfer WHERE transfer_id = $1",
        transfer,
    )
    assert tuple(transfer_rows[0]) == ("ARRIVED", "SCO-PSOS", "NIR-PBNI", "SCO-PSOS")


async def test_intelligence_goes_only_where_an_agreement_or_the_owner_allows_and_withdrawal_removes_it(
    services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    nominal, permitted, conditional = f.new_id(), f.new_id(), f.new_id()
    share_p = f.intelligence(nominal, permitted, ["EAW", "NIR"], "P")
    share_c = f.intelligence(nominal, conditional, ["EAW-F01"], "C")
    grant = f.consent(nominal, conditional, "EAW-F01", True, "SCO-PSOS", "SCO-PSOS")
    await publish(producer, [f.registered(nominal), share_p, share_c, grant])

    async def items(partner: str) -> dict[str, Any]:
        rows = await query(
            settings.partner_login(partner),
            "SELECT intel_id::text, owner_agency, handling FROM intelligence_item WHERE nominal_id = $1",
            nominal,
        )
        return {r[0]: (r[1], r[2]) for r in rows}

    async def shared() -> bool:
        return set(await items("EAW")) == {permitted, conditional}

    await wait_until(shared, what="EAW to receive the P item and the granted C item")
    assert await items("SCO") == {permitted: ("SCO-PSOS", "P"), conditional: ("SCO-PSOS", "C")}
    assert await items("NIR") == {}  # no SCO→NIR intelligence agreement: held for the owner
    holds = await query(
        settings.hub_login(),
        "SELECT recipient, status, rule FROM held_item WHERE nominal_id = $1 ORDER BY recipient",
        nominal,
    )
    assert [tuple(h) for h in holds] == [("EAW-F01", "GRANTED", "HANDLING-C"), ("NIR", "PENDING", "NO-AGREEMENT")]

    await publish(producer, [f.withdrawn(nominal, permitted, "SCO-PSOS", "SCO-PSOS")])

    async def gone() -> bool:
        return permitted not in await items("EAW") and permitted not in await items("SCO")

    await wait_until(gone, what="the withdrawn item to leave every store")
    assert set(await items("EAW")) == {conditional}
