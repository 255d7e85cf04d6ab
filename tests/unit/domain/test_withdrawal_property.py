"""Whatever was shared, re-shared, held and granted before, the owner's withdrawal leaves the item in no partner
store — planned by the router's own planner, applied to model stores."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from hub.codec import decode, encode
from hub.domain.codes import AGENCIES, JURISDICTIONS
from hub.router_plan import BatchState, Effects, Inbound, plan_event
from tests import factories as f
from tests.unit.domain.test_routing_properties import agreements

NOMINAL = "33333333-3333-4333-8333-333333333333"
ITEM = "44444444-4444-4444-8444-444444444444"
OWNER = "SCO-PSOS"
RECIPIENTS = st.sampled_from([*JURISDICTIONS, *sorted(AGENCIES)])


@st.composite
def histories(draw: st.DrawFn) -> list[dict[str, Any]]:
    """The owner's first share, then more shares, re-shares by others, the owner's grants and refusals — then the
    withdrawal."""
    first = draw(st.lists(RECIPIENTS, min_size=1, max_size=3))
    steps: list[dict[str, Any]] = [
        f.registered(NOMINAL, OWNER),
        f.intelligence(NOMINAL, ITEM, first, "P", agency=OWNER),
    ]
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["share", "reshare", "grant", "refuse"]))
        recipients = draw(st.lists(RECIPIENTS, min_size=1, max_size=3))
        if kind == "share":
            steps.append(f.intelligence(NOMINAL, ITEM, recipients, draw(st.sampled_from("PC")), agency=OWNER))
        elif kind == "reshare":
            steps.append(f.intelligence(NOMINAL, ITEM, recipients, "P", agency=draw(st.sampled_from(sorted(AGENCIES)))))
        else:
            steps.append(f.consent(NOMINAL, ITEM, recipients[0], kind == "grant", agency=OWNER, owner=OWNER))
    steps.append(f.withdrawn(NOMINAL, ITEM, OWNER, OWNER))
    return steps


def apply(stores: dict[str, set[str]], effects: Effects) -> None:
    """What the partner writers would do with the planned deliveries."""
    for message in effects.outbox:
        if message.topic.startswith("hub.deliver."):
            event = decode(message.value)
            partner = message.topic.rsplit(".", 1)[1]
            if event["event_type"] == "IntelligenceShared":
                stores[partner].add(event["payload"]["intel_id"])
            elif event["event_type"] == "IntelligenceWithdrawn":
                stores[partner].discard(event["payload"]["intel_id"])


@settings(max_examples=150, deadline=None)
@given(steps=histories(), pacts=agreements())
def test_after_the_owners_withdrawal_the_item_is_in_no_partner_store(steps: list[dict[str, Any]], pacts: Any) -> None:
    state = BatchState(nominals={}, transfers={}, intel={}, pending_holds={}, now=datetime(2026, 11, 2, tzinfo=UTC))
    stores: dict[str, set[str]] = {p: set() for p in JURISDICTIONS}
    reached: set[str] = set()
    for offset, event in enumerate(steps):
        effects = Effects()
        plan_event(Inbound("hub.inbound.X", 0, offset, encode(event), event), state, pacts, effects)
        apply(stores, effects)
        reached |= {p for p, items in stores.items() if ITEM in items}
    assert reached  # the owner's own store always received it
    assert all(ITEM not in items for items in stores.values())
