"""The routing decision, one situation at a time (EVENTS.md rules, AGREEMENTS.md semantics)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from hub.domain.agreements import SharingAgreement
from hub.domain.ownership import IntelState, NominalState, OwnershipView, TransferState
from hub.domain.routing import RoutingDecision, route_event
from tests import factories as f

MOVEMENT = SharingAgreement(
    "MAPPA-MOVEMENT", frozenset({"*"}), frozenset({"*"}), frozenset({"movement"}), date(2016, 1, 1)
)
CUSTODY = SharingAgreement(
    "MAPPA-CUSTODY", frozenset({"*"}), frozenset({"*"}), frozenset({"custody"}), date(2016, 1, 1)
)
SCO_EAW_INTEL = SharingAgreement(
    "INTEL-SCO-EAW",
    frozenset({"SCO"}),
    frozenset({"EAW"}),
    frozenset({"intelligence"}),
    date(2026, 1, 1),
    date(2026, 12, 31),
    handling=frozenset({"P"}),
)
AGREEMENTS = (MOVEMENT, CUSTODY, SCO_EAW_INTEL)
NOMINAL = "11111111-1111-4111-8111-111111111111"


def outcomes(decision: RoutingDecision) -> set[tuple[str, str, str]]:
    return {(v.recipient, v.outcome, v.rule) for v in decision.verdicts}


def held_by_sco(**changes: object) -> NominalState:
    return replace(NominalState(NOMINAL, "SCO-PSOS", "SCO-PSOS", frozenset({"SCO"})), **changes)  # type: ignore[arg-type]


def test_a_registration_stays_in_the_registering_jurisdiction_when_nobody_else_holds_the_nominal() -> None:
    decision = route_event(f.registered(NOMINAL), OwnershipView(), AGREEMENTS)
    assert outcomes(decision) == {("SCO", "DELIVERED", "OWNER-STORE")}


def test_a_transfer_request_goes_to_the_receiving_jurisdiction_under_the_movement_agreement() -> None:
    event = f.transfer_requested(NOMINAL, f.new_id(), "NIR-PBNI")
    decision = route_event(event, OwnershipView(nominal=held_by_sco()), AGREEMENTS)
    assert outcomes(decision) == {("SCO", "DELIVERED", "OWNER-STORE"), ("NIR", "DELIVERED", "MAPPA-MOVEMENT")}


def test_a_transfer_acceptance_goes_back_to_the_sending_jurisdiction() -> None:
    transfer = TransferState("t-1", NOMINAL, "SCO-PSOS", "NIR-PBNI")
    event = f.transfer_decided(NOMINAL, "t-1", "NIR-PBNI")
    decision = route_event(event, OwnershipView(nominal=held_by_sco(), transfer=transfer), AGREEMENTS)
    assert outcomes(decision) == {("NIR", "DELIVERED", "OWNER-STORE"), ("SCO", "DELIVERED", "MAPPA-MOVEMENT")}


def test_custody_updates_reach_every_jurisdiction_that_holds_the_nominal() -> None:
    state = held_by_sco(holders=frozenset({"SCO", "NIR", "EAW"}))
    decision = route_event(f.custody_received(NOMINAL), OwnershipView(nominal=state), AGREEMENTS)
    assert {v.partner for v in decision.of("DELIVERED")} == {"SCO", "NIR", "EAW"}
    assert all(v.rule in ("OWNER-STORE", "MAPPA-CUSTODY") for v in decision.verdicts)


def test_movement_without_a_covering_agreement_is_held_for_the_owner_not_dropped() -> None:
    state = held_by_sco(holders=frozenset({"SCO", "NIR"}))
    decision = route_event(f.custody_received(NOMINAL), OwnershipView(nominal=state), (MOVEMENT,))
    assert ("NIR", "HELD", "NO-AGREEMENT") in outcomes(decision)
    assert decision.of("HELD")[0].holder_for == "SCO-SPS"


def test_an_address_during_a_transfer_also_goes_to_the_receiving_jurisdiction() -> None:
    state = held_by_sco(transfer_to="NIR")
    decision = route_event(f.address(NOMINAL), OwnershipView(nominal=state), AGREEMENTS)
    assert {v.partner for v in decision.of("DELIVERED")} == {"SCO", "NIR"}


def test_an_update_from_an_agency_that_does_not_lead_the_nominal_is_held_for_the_lead_agency() -> None:
    state = held_by_sco(lead_agency="NIR-PBNI", holders=frozenset({"SCO", "NIR"}))
    update = f.simple("NominalUpdated", NOMINAL, {"family_name": "New"}, "SCO-PSOS")
    decision = route_event(update, OwnershipView(nominal=state), AGREEMENTS)
    assert outcomes(decision) == {("NIR-PBNI", "HELD", "OWNER-ONLY")}


def test_permitted_intelligence_reaches_a_recipient_covered_by_an_agreement() -> None:
    share = f.intelligence(NOMINAL, "i-1", ["EAW"], "P")
    decision = route_event(share, OwnershipView(nominal=held_by_sco()), AGREEMENTS)
    assert outcomes(decision) == {("SCO", "DELIVERED", "OWNER-STORE"), ("EAW", "DELIVERED", "INTEL-SCO-EAW")}


def test_intelligence_with_handling_code_c_always_asks_the_owner() -> None:
    share = f.intelligence(NOMINAL, "i-1", ["EAW"], "C")
    decision = route_event(share, OwnershipView(nominal=held_by_sco()), AGREEMENTS)
    assert ("EAW", "HELD", "HANDLING-C") in outcomes(decision)


def test_intelligence_for_a_recipient_outside_every_agreement_is_held_for_the_owner() -> None:
    share = f.intelligence(NOMINAL, "i-1", ["NIR-PSNI"], "P")
    decision = route_event(share, OwnershipView(nominal=held_by_sco()), AGREEMENTS)
    assert ("NIR-PSNI", "HELD", "NO-AGREEMENT") in outcomes(decision)


def test_an_agreement_that_has_expired_covers_nothing() -> None:
    late = f.intelligence(NOMINAL, "i-1", ["EAW"], "P", occurred_at=datetime(2027, 1, 1, 12, tzinfo=UTC))
    decision = route_event(late, OwnershipView(nominal=held_by_sco()), AGREEMENTS)
    assert ("EAW", "HELD", "NO-AGREEMENT") in outcomes(decision)


def test_an_agreement_is_active_on_the_london_date_of_the_event() -> None:
    # 23:30 UTC on 30 June is 00:30 BST on 1 July in London: the day after the agreement ended.
    ends_june = SharingAgreement(
        "TO-JUNE",
        frozenset({"SCO"}),
        frozenset({"EAW"}),
        frozenset({"intelligence"}),
        date(2026, 1, 1),
        date(2026, 6, 30),
        handling=frozenset({"P"}),
    )
    share = f.intelligence(NOMINAL, "i-1", ["EAW"], "P", occurred_at=datetime(2026, 6, 30, 23, 30, tzinfo=UTC))
    decision = route_event(share, OwnershipView(nominal=held_by_sco()), (ends_june,))
    assert ("EAW", "HELD", "NO-AGREEMENT") in outcomes(decision)


def test_a_jurisdiction_recipient_is_not_covered_by_an_agreement_naming_only_one_of_its_agencies() -> None:
    one_force = SharingAgreement(
        "SCO-F01",
        frozenset({"SCO"}),
        frozenset({"EAW-F01"}),
        frozenset({"intelligence"}),
        date(2026, 1, 1),
        handling=frozenset({"P"}),
    )
    decision = route_event(f.intelligence(NOMINAL, "i-1", ["EAW"], "P"), OwnershipView(), (one_force,))
    assert ("EAW", "HELD", "NO-AGREEMENT") in outcomes(decision)
    decision = route_event(f.intelligence(NOMINAL, "i-1", ["EAW-F01"], "P"), OwnershipView(), (one_force,))
    assert ("EAW-F01", "DELIVERED", "SCO-F01") in outcomes(decision)


def test_item_owned_by_psni_is_held_for_psni_when_police_scotland_reshares_it() -> None:
    item = IntelState("i-1", NOMINAL, "NIR-PSNI", delivered_to=frozenset({"NIR", "SCO"}))
    reshare = f.intelligence(NOMINAL, "i-1", ["EAW"], "P")
    decision = route_event(reshare, OwnershipView(nominal=held_by_sco(), intel=item), AGREEMENTS)
    assert outcomes(decision) == {("EAW", "HELD", "OWNER-ONLY")}
    assert decision.of("HELD")[0].holder_for == "NIR-PSNI"


def test_the_owner_resharing_its_item_updates_every_store_that_holds_it() -> None:
    item = IntelState("i-1", NOMINAL, "SCO-PSOS", delivered_to=frozenset({"SCO", "EAW"}))
    decision = route_event(f.intelligence(NOMINAL, "i-1", ["EAW"], "P"), OwnershipView(intel=item), AGREEMENTS)
    assert {v.partner for v in decision.of("DELIVERED")} == {"SCO", "EAW"}


def test_a_consent_decision_from_anyone_but_the_owner_is_held_for_the_owner() -> None:
    item = IntelState("i-1", NOMINAL, "SCO-PSOS", held_for=frozenset({"NIR"}))
    grant = f.consent(NOMINAL, "i-1", "NIR", True, agency="EAW-F01", owner="SCO-PSOS")
    decision = route_event(grant, OwnershipView(intel=item), AGREEMENTS)
    assert outcomes(decision) == {("NIR", "HELD", "OWNER-ONLY")}


def test_the_owners_grant_releases_the_held_item_and_a_refusal_drops_it() -> None:
    item = IntelState("i-1", NOMINAL, "SCO-PSOS", held_for=frozenset({"NIR"}))
    grant = f.consent(NOMINAL, "i-1", "NIR", True, agency="SCO-PSOS", owner="SCO-PSOS")
    refusal = f.consent(NOMINAL, "i-1", "NIR", False, agency="SCO-PSOS", owner="SCO-PSOS")
    assert outcomes(route_event(grant, OwnershipView(intel=item), AGREEMENTS)) == {("NIR", "RELEASED", "OWNER-GRANT")}
    assert outcomes(route_event(refusal, OwnershipView(intel=item), AGREEMENTS)) == {
        ("NIR", "REFUSED", "OWNER-REFUSAL")
    }


def test_a_consent_decision_matching_no_pending_hold_changes_nothing() -> None:
    grant = f.consent(NOMINAL, "i-1", "NIR", True, agency="SCO-PSOS", owner="SCO-PSOS")
    decision = route_event(grant, OwnershipView(), AGREEMENTS)
    assert outcomes(decision) == {("NIR", "NO_EFFECT", "NO-PENDING-HOLD")}


def test_a_withdrawal_goes_to_every_store_the_item_reached() -> None:
    item = IntelState("i-1", NOMINAL, "SCO-PSOS", delivered_to=frozenset({"SCO", "EAW", "BTP"}))
    decision = route_event(f.withdrawn(NOMINAL, "i-1", "SCO-PSOS", "SCO-PSOS"), OwnershipView(intel=item), AGREEMENTS)
    assert {v.partner for v in decision.of("DELIVERED")} == {"SCO", "EAW", "BTP"}


def test_a_withdrawal_by_another_agency_is_held_for_the_owner() -> None:
    item = IntelState("i-1", NOMINAL, "SCO-PSOS", delivered_to=frozenset({"SCO", "EAW"}))
    decision = route_event(f.withdrawn(NOMINAL, "i-1", "EAW-F01", "SCO-PSOS"), OwnershipView(intel=item), AGREEMENTS)
    assert outcomes(decision) == {("SCO-PSOS", "HELD", "OWNER-ONLY")}


def test_minutes_go_only_to_the_attending_agencies_jurisdictions() -> None:
    minutes = f.simple(
        "MeetingMinutesRecorded",
        NOMINAL,
        {
            "meeting_id": "M-1",
            "date": date(2026, 11, 2),
            "mappa_level": 2,
            "attending_agencies": ["SCO-PSOS", "JSY-SOJP"],
            "minutes_text": "Reviewed.",
            "actions": [],
        },
    )
    minutes_agreement = SharingAgreement(
        "MINUTES", frozenset({"*"}), frozenset({"*"}), frozenset({"minutes"}), date(2016, 1, 1)
    )
    state = held_by_sco(holders=frozenset({"SCO", "NIR", "EAW"}))
    decision = route_event(minutes, OwnershipView(nominal=state), (minutes_agreement,))
    assert {v.partner for v in decision.of("DELIVERED")} == {"SCO", "JSY"}


def test_an_agreement_can_withhold_the_intelligence_text_from_its_recipients() -> None:
    text_withheld = SharingAgreement(
        "NO-TEXT",
        frozenset({"SCO"}),
        frozenset({"EAW"}),
        frozenset({"intelligence"}),
        date(2026, 1, 1),
        handling=frozenset({"P"}),
        withheld_fields=frozenset({"text"}),
    )
    decision = route_event(f.intelligence(NOMINAL, "i-1", ["EAW"], "P"), OwnershipView(), (text_withheld,))
    assert decision.deliveries() == {"SCO": frozenset(), "EAW": frozenset({"text"})}
