"""Invariants of the routing decision, over generated agreements and events."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from hub.domain.agreements import SharingAgreement, covering_agreement
from hub.domain.codes import AGENCIES, JURISDICTIONS, jurisdiction_of
from hub.domain.ownership import IntelState, OwnershipView
from hub.domain.routing import route_event
from tests import factories as f

AGENCY_CODES = sorted(AGENCIES)
PARTIES = st.sampled_from(["*", *JURISDICTIONS, *AGENCY_CODES])
NOMINAL = "22222222-2222-4222-8222-222222222222"


@st.composite
def agreements(draw: st.DrawFn) -> tuple[SharingAgreement, ...]:
    found = []
    for index in range(draw(st.integers(0, 6))):
        start = draw(st.dates(date(2025, 1, 1), date(2027, 1, 1)))
        end = draw(st.none() | st.dates(start, date(2028, 1, 1)))
        found.append(
            SharingAgreement(
                id=f"A{index}",
                owners=frozenset(draw(st.lists(PARTIES, min_size=1, max_size=3))),
                recipients=frozenset(draw(st.lists(PARTIES, min_size=1, max_size=3))),
                covers=frozenset(
                    draw(
                        st.lists(
                            st.sampled_from(["intelligence", "movement", "IntelligenceShared"]), min_size=1, max_size=2
                        )
                    )
                ),
                valid_from=start,
                valid_to=end,
                handling=frozenset(draw(st.lists(st.just("P"), max_size=1))),
            )
        )
    return tuple(found)


@st.composite
def shares(draw: st.DrawFn) -> dict[str, object]:
    owner = draw(st.sampled_from(AGENCY_CODES))
    recipients = draw(st.lists(st.sampled_from([*JURISDICTIONS, *AGENCY_CODES]), min_size=1, max_size=5))
    when = datetime(2025, 6, 1, tzinfo=UTC) + timedelta(minutes=draw(st.integers(0, 3 * 365 * 24 * 60)))
    handling = draw(st.sampled_from(["P", "C"]))
    return f.intelligence(NOMINAL, "i-1", recipients, handling, agency=owner, occurred_at=when)


@settings(max_examples=300, deadline=None)
@given(share=shares(), pacts=agreements())
def test_no_item_reaches_another_jurisdiction_without_an_active_covering_agreement(share, pacts) -> None:
    decision = route_event(share, OwnershipView(), pacts)
    owner = share["owner_agency"]
    on = share["occurred_at"].astimezone(ZoneInfo("Europe/London")).date()
    for verdict in decision.of("DELIVERED"):
        if verdict.rule == "OWNER-STORE":
            assert verdict.partner == jurisdiction_of(owner)
            continue
        assert share["payload"]["handling_code"] == "P"
        agreement = next(a for a in pacts if a.id == verdict.rule)
        assert agreement.lists_owner(owner)
        assert agreement.lists_recipient(verdict.recipient)
        assert "P" in agreement.handling
        assert agreement.is_active_on(on)


@settings(max_examples=300, deadline=None)
@given(share=shares(), pacts=agreements())
def test_every_recipient_is_delivered_or_held_never_silently_dropped(share, pacts) -> None:
    decision = route_event(share, OwnershipView(), pacts)
    owner_jurisdiction = jurisdiction_of(share["owner_agency"])
    considered = {v.recipient for v in decision.verdicts}
    for recipient in share["payload"]["recipients"]:
        assert recipient in considered or jurisdiction_of(recipient) == owner_jurisdiction


@settings(max_examples=200, deadline=None)
@given(share=shares(), pacts=agreements(), order=st.randoms())
def test_the_decision_is_deterministic_whatever_the_order_agreements_were_loaded(share, pacts, order) -> None:
    shuffled = list(pacts)
    order.shuffle(shuffled)
    assert route_event(share, OwnershipView(), pacts) == route_event(share, OwnershipView(), tuple(shuffled))


@settings(max_examples=200, deadline=None)
@given(share=shares(), pacts=agreements(), resharer=st.sampled_from(AGENCY_CODES))
def test_only_the_owner_can_send_its_item_anywhere(share, pacts, resharer) -> None:
    item = IntelState("i-1", NOMINAL, "RMP-POLICE")
    reshare = {
        **share,
        "source_agency": resharer,
        "source_jurisdiction": jurisdiction_of(resharer),
        "owner_agency": resharer,
    }
    decision = route_event(reshare, OwnershipView(intel=item), pacts)
    if resharer != "RMP-POLICE":
        assert decision.of("DELIVERED") == ()
        assert all(v.holder_for == "RMP-POLICE" for v in decision.of("HELD"))


def test_covering_agreement_never_pre_authorises_handling_code_c() -> None:
    everything = SharingAgreement(
        "ALL",
        frozenset({"*"}),
        frozenset({"*"}),
        frozenset({"intelligence"}),
        date(2000, 1, 1),
        handling=frozenset({"P"}),
    )
    assert (
        covering_agreement(
            (everything,),
            owner_agency="SCO-PSOS",
            recipient="EAW",
            event_type="IntelligenceShared",
            on=date(2026, 1, 1),
            handling_code="C",
        )
        is None
    )
