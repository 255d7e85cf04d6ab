"""What a new agreements file changes: compared by id, field by field, whatever the order it is written in."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from hub.agreements_file import load_agreements
from hub.domain.agreement_changes import AgreementChanges, changed_fields, compare_agreements
from hub.domain.agreements import SharingAgreement


def agreement(ident: str = "INTEL-SCO-EAW", **changes: Any) -> SharingAgreement:
    base = SharingAgreement(
        id=ident,
        owners=frozenset({"SCO"}),
        recipients=frozenset({"EAW"}),
        covers=frozenset({"intelligence"}),
        valid_from=date(2026, 1, 1),
        valid_to=date(2027, 12, 31),
        handling=frozenset({"P"}),
    )
    return replace(base, **changes)


def test_the_first_load_adds_every_agreement() -> None:
    shipped = load_agreements()
    changes = compare_agreements((), shipped)
    assert changes.added == tuple(sorted(a.id for a in shipped))
    assert (changes.changed, changes.removed, changes.unchanged) == ({}, (), ())


def test_the_same_agreements_in_another_order_change_nothing() -> None:
    shipped = load_agreements()
    changes = compare_agreements(shipped, tuple(reversed(shipped)))
    assert changes.is_empty
    assert changes.summary() == f"no change: the {len(shipped)} agreement(s) in force are the same"


def test_an_extended_end_date_is_a_change_of_valid_to_only() -> None:
    before = agreement()
    after = agreement(valid_to=date(2028, 3, 31))
    changes = compare_agreements([before], [after])
    assert changes.changed == {"INTEL-SCO-EAW": ("valid_to",)}
    assert changes.summary() == "changed INTEL-SCO-EAW (valid_to)"


def test_every_field_but_the_id_is_compared() -> None:
    before = agreement()
    after = agreement(
        owners=frozenset({"SCO-PSOS"}),
        recipients=frozenset({"EAW", "NIR"}),
        covers=frozenset({"intelligence", "minutes"}),
        valid_from=date(2026, 2, 1),
        valid_to=None,
        handling=frozenset(),
        withheld_fields=frozenset({"text"}),
    )
    assert changed_fields(before, after) == (
        "owners",
        "recipients",
        "covers",
        "valid_from",
        "valid_to",
        "handling",
        "withheld_fields",
    )


def test_added_changed_removed_and_unchanged_are_told_apart_and_summarised() -> None:
    in_force = [agreement("A"), agreement("B"), agreement("C")]
    new = [agreement("A"), agreement("B", recipients=frozenset({"EAW", "SCO"})), agreement("D")]
    changes = compare_agreements(in_force, new)
    assert changes == AgreementChanges(added=("D",), changed={"B": ("recipients",)}, removed=("C",), unchanged=("A",))
    assert changes.summary() == "added D; changed B (recipients); removed C; 1 unchanged"


def test_removing_every_agreement_is_a_change() -> None:
    changes = compare_agreements([agreement("A")], [])
    assert not changes.is_empty
    assert changes.summary() == "removed A"


ids = st.lists(st.sampled_from("ABCDEFGH"), unique=True)


@given(old_ids=ids, new_ids=ids, moved=st.sets(st.sampled_from("ABCDEFGH")))
def test_every_id_is_in_exactly_one_outcome(old_ids: list[str], new_ids: list[str], moved: set[str]) -> None:
    old = [agreement(i) for i in old_ids]
    new = [agreement(i, valid_to=None) if i in moved else agreement(i) for i in new_ids]
    changes = compare_agreements(old, new)
    outcomes = [*changes.added, *changes.changed, *changes.removed, *changes.unchanged]
    assert sorted(outcomes) == sorted(set(old_ids) | set(new_ids))
    assert set(changes.changed) == set(old_ids) & set(new_ids) & moved
