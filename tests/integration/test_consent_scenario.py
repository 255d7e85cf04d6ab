"""A scripted scenario across all six jurisdictions: intelligence with P and C handling, an agreement that
withholds the text, a re-share by a non-owner, grants and refusals by people of the owning agency (and one by
the wrong agency), a withdrawal and an agreement expiring mid-way — ending with exactly the expected rows in
every partner store, the expected audit trail, and an explanation for every outcome."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

import pytest

from hub.domain.codes import JURISDICTIONS
from hub.settings import Settings
from tests import factories as f
from tests.integration.conftest import AdapterProducers, HubServices, publish, query, routed, wait_until

pytestmark = pytest.mark.integration

AUTUMN = datetime(2026, 11, 2, 10, tzinfo=UTC)
NEW_YEAR = datetime(2027, 1, 5, 10, tzinfo=UTC)  # INTEL-JSY-EAW-2026 ended on 31 December 2026


def hub_command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hub", *args], capture_output=True, text=True, timeout=120, check=False
    )


async def step(producer: AdapterProducers, settings: Settings, *events: dict[str, Any]) -> None:
    """Publish and wait until the router has decided every event."""
    await publish(producer, list(events))
    await wait_until(lambda: routed(settings, [e["event_id"] for e in events]), what="routing")


async def hold_id(settings: Settings, event: dict[str, Any], recipient: str) -> str:
    rows = await query(
        settings.hub_login(),
        "SELECT hold_id::text FROM held_item WHERE event_id = $1 AND recipient = $2",
        event["event_id"],
        recipient,
    )
    return str(rows[0][0])


async def verdicts(settings: Settings, event: dict[str, Any]) -> set[tuple[str, str, str]]:
    rows = await query(
        settings.hub_login(), "SELECT recipient, outcome, rule FROM decision WHERE event_id = $1", event["event_id"]
    )
    return {(r[0], r[1], r[2]) for r in rows}


async def items_by_store(settings: Settings, intel_ids: dict[str, str]) -> dict[str, dict[str, tuple[Any, ...]]]:
    names = {v: k for k, v in intel_ids.items()}
    stores = {}
    for partner in JURISDICTIONS:
        rows = await query(
            settings.partner_login(partner),
            "SELECT intel_id::text, owner_agency, handling, text IS NOT NULL FROM intelligence_item"
            " WHERE intel_id = ANY($1::uuid[])",
            list(intel_ids.values()),
        )
        stores[partner] = {names[r[0]]: (r[1], r[2], r[3]) for r in rows}
    return stores


async def test_six_jurisdictions_share_intelligence_only_as_owners_and_agreements_allow(
    services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    owners = {
        "SCO": "SCO-PSOS",
        "NIR": "NIR-PSNI",
        "JSY": "JSY-SOJP",
        "BTP": "BTP-POLICE",
        "RMP": "RMP-POLICE",
        "EAW": "EAW-F01",
    }
    people = {j: f.new_id() for j in owners}
    item = {name: f.new_id() for name in ("sco_p", "sco_c", "nir_p", "btp_p", "jsy_dec", "jsy_jan", "rmp_p")}
    await step(producer, settings, *(f.registered(people[j], a) for j, a in owners.items()))

    sco_p = f.intelligence(people["SCO"], item["sco_p"], ["EAW"], "P", agency="SCO-PSOS", occurred_at=AUTUMN)
    sco_c = f.intelligence(people["SCO"], item["sco_c"], ["EAW-F01"], "C", agency="SCO-PSOS", occurred_at=AUTUMN)
    nir_p = f.intelligence(people["NIR"], item["nir_p"], ["EAW"], "P", agency="NIR-PSNI", occurred_at=AUTUMN)
    btp_p = f.intelligence(people["BTP"], item["btp_p"], ["NIR"], "P", agency="BTP-POLICE", occurred_at=AUTUMN)
    jsy_dec = f.intelligence(
        people["JSY"],
        item["jsy_dec"],
        ["EAW"],
        "P",
        agency="JSY-SOJP",
        occurred_at=datetime(2026, 12, 30, 10, tzinfo=UTC),
    )
    jsy_jan = f.intelligence(people["JSY"], item["jsy_jan"], ["EAW"], "P", agency="JSY-SOJP", occurred_at=NEW_YEAR)
    rmp_p = f.intelligence(people["RMP"], item["rmp_p"], ["EAW"], "P", agency="RMP-POLICE", occurred_at=AUTUMN)
    await step(producer, settings, sco_p, sco_c, nir_p, btp_p, jsy_dec, jsy_jan, rmp_p)

    # Police Scotland re-shares PSNI's item: a request to PSNI, never a delivery.
    reshare = f.intelligence(
        people["NIR"], item["nir_p"], ["SCO-PSOS", "RMP"], "P", agency="SCO-PSOS", occurred_at=AUTUMN
    )
    # A force in England tries to consent on BTP's behalf: it counts for nothing but a request to BTP.
    stranger_consent = f.consent(people["BTP"], item["btp_p"], "NIR", True, agency="EAW-F01", owner="BTP-POLICE")
    await step(producer, settings, reshare, stranger_consent)

    # People decide: the wrong agency is refused (and audited); the owners grant and refuse.
    wrong = hub_command(
        "held", "decide", await hold_id(settings, sco_c, "EAW-F01"), "grant", "--by", "A. Clerk", "--agency", "NIR-PSNI"
    )
    assert wrong.returncode == 1
    assert "only the owning agency" in wrong.stdout
    granted = hub_command(
        "held",
        "decide",
        await hold_id(settings, sco_c, "EAW-F01"),
        "grant",
        "--by",
        "D. Sergeant",
        "--agency",
        "SCO-PSOS",
        "--reason",
        "Needed for the risk assessment",
    )
    refused = hub_command(
        "held",
        "decide",
        await hold_id(settings, reshare, "RMP"),
        "refuse",
        "--by",
        "P. Inspector",
        "--agency",
        "NIR-PSNI",
    )
    assert (granted.returncode, refused.returncode) == (0, 0), granted.stderr + refused.stderr
    # BTP's own consent arrives through its feed and releases its held item to Northern Ireland.
    await step(
        producer,
        settings,
        f.consent(people["BTP"], item["btp_p"], "NIR", True, agency="BTP-POLICE", owner="BTP-POLICE"),
    )
    await step(producer, settings, f.withdrawn(people["RMP"], item["rmp_p"], "RMP-POLICE", "RMP-POLICE"))

    expected = {
        "SCO": {"sco_p": ("SCO-PSOS", "P", True), "sco_c": ("SCO-PSOS", "C", True)},
        "EAW": {
            "sco_p": ("SCO-PSOS", "P", True),
            "sco_c": ("SCO-PSOS", "C", True),
            "nir_p": ("NIR-PSNI", "P", False),
            "jsy_dec": ("JSY-SOJP", "P", True),
        },
        "NIR": {"nir_p": ("NIR-PSNI", "P", True), "btp_p": ("BTP-POLICE", "P", True)},
        "JSY": {"jsy_dec": ("JSY-SOJP", "P", True), "jsy_jan": ("JSY-SOJP", "P", True)},
        "BTP": {"btp_p": ("BTP-POLICE", "P", True)},
        "RMP": {},
    }

    async def settled() -> bool:
        return await items_by_store(settings, item) == expected

    await wait_until(settled, what="every store to hold exactly the expected items")

    assert await verdicts(settings, sco_p) == {
        ("SCO", "DELIVERED", "OWNER-STORE"),
        ("EAW", "DELIVERED", "INTEL-SCO-EAW-2026"),
    }
    assert ("EAW-F01", "HELD", "HANDLING-C") in await verdicts(settings, sco_c)
    assert {("EAW-F01", "DECISION_REFUSED", "NOT-THE-OWNER"), ("EAW-F01", "RELEASED", "OWNER-GRANT")} <= await verdicts(
        settings, sco_c
    )
    assert ("EAW", "WITHHELD", "INTEL-NIR-GB-2026") in await verdicts(settings, nir_p)
    assert await verdicts(settings, reshare) == {
        ("SCO-PSOS", "HELD", "OWNER-ONLY"),
        ("RMP", "HELD", "OWNER-ONLY"),
        ("RMP", "REFUSED", "OWNER-REFUSAL"),
    }
    assert await verdicts(settings, stranger_consent) == {("NIR", "HELD", "OWNER-ONLY")}
    assert ("EAW", "HELD", "NO-AGREEMENT") in await verdicts(settings, jsy_jan)
    assert ("EAW", "DELIVERED", "INTEL-JSY-EAW-2026") in await verdicts(settings, jsy_dec)

    notices = await query(
        settings.partner_login("SCO"),
        "SELECT intel_id::text, recipient, decision FROM consent_decision WHERE intel_id = ANY($1::uuid[])",
        [item["sco_c"], item["nir_p"]],
    )
    assert {tuple(n) for n in notices} == {(item["sco_c"], "EAW-F01", "GRANTED"), (item["nir_p"], "RMP", "REFUSED")}

    explained = hub_command("policy", "explain", nir_p["event_id"]).stdout
    assert "delivered without text (withheld by sharing agreement INTEL-NIR-GB-2026)" in explained
    explained = hub_command("policy", "explain", reshare["event_id"]).stdout
    assert "only the owner may share" in explained
    assert "by P. Inspector (NIR-PSNI)" in explained
    explained = hub_command("policy", "explain", jsy_jan["event_id"]).stdout
    assert "no active sharing agreement covers" in explained
    assert "PENDING" in explained
    trail = hub_command("audit", "trail", "--nominal", people["RMP"]).stdout
    assert "IntelligenceWithdrawn" in trail
    assert "WITHDRAWAL" in trail
