"""Identity resolution: native identifiers resolve to one nominal; conflicts go to a person, never merged."""

from __future__ import annotations

from hub.domain.identity import Conflicting, Resolved, Unresolved, new_nominal_id, resolve
from tests import factories as f

PNC = {"scheme": "PNC", "value": "2019/0123456E", "agency": None}
CRO = {"scheme": "CRO", "value": "000123/19C", "agency": None}


def test_a_first_registration_mints_a_nominal_id_derived_from_its_event() -> None:
    registration = f.registered("x", identifiers=[PNC])
    outcome = resolve(registration, {})
    assert outcome == Resolved(new_nominal_id(registration["event_id"]), (("PNC", "2019/0123456E", ""),))


def test_a_registration_whose_identifiers_match_a_nominal_links_to_it_and_adds_the_new_ones() -> None:
    registration = f.registered("x", identifiers=[PNC, CRO])
    outcome = resolve(registration, {("PNC", "2019/0123456E", ""): "N1"})
    assert outcome == Resolved("N1", (("CRO", "000123/19C", ""),))


def test_identifiers_pointing_at_two_nominals_are_a_conflict_for_a_person_to_resolve() -> None:
    event = f.address("x", identifiers=[PNC, CRO])
    outcome = resolve(event, {("PNC", "2019/0123456E", ""): "N1", ("CRO", "000123/19C", ""): "N2"})
    assert isinstance(outcome, Conflicting)
    assert outcome.nominal_ids == ("N1", "N2")


def test_an_event_about_nobody_the_hub_knows_is_unresolved_unless_it_registers_them() -> None:
    assert isinstance(resolve(f.address("x", identifiers=[PNC]), {}), Unresolved)
