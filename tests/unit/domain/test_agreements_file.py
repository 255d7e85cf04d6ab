"""Loading sharing agreements: a realistic default ships, and a file with any bad entry is refused whole."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from hub.agreements_file import AgreementsInvalid, agreements_from_document, load_agreements, parse_agreements


def entry(**changes: Any) -> dict[str, Any]:
    base = {
        "id": "A",
        "owners": ["SCO"],
        "recipients": ["EAW"],
        "covers": ["intelligence"],
        "handling": ["P"],
        "valid_from": date(2026, 1, 1),
        "valid_to": None,
    }
    return {**base, **changes}


def test_the_shipped_agreements_load_and_cover_movement_custody_and_minutes_for_everyone() -> None:
    loaded = load_agreements()
    covered = {c for a in loaded if a.owners == {"*"} and a.recipients == {"*"} for c in a.covers}
    assert {"movement", "custody", "minutes"} <= covered
    assert len({a.id for a in loaded}) == len(loaded)


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        ({"owners": ["SCO-NOPE"]}, "unknown agency or jurisdiction 'SCO-NOPE'"),
        ({"recipients": []}, "`recipients`: must be a non-empty list"),
        ({"covers": ["gossip"]}, "`covers` must list"),
        ({"handling": ["C"]}, "handling code C is never pre-authorised"),
        ({"valid_to": date(2025, 1, 1)}, "is before `valid_from`"),
        ({"valid_from": "soon"}, "`valid_from` must be a date"),
    ],
)
def test_an_invalid_entry_refuses_the_whole_file_naming_the_problem(bad: dict[str, Any], problem: str) -> None:
    document = {"agreements": [entry(id="GOOD"), entry(id="BAD", **bad)]}
    with pytest.raises(AgreementsInvalid) as refused:
        agreements_from_document(document, "test.yaml")
    assert len(refused.value.problems) == 1
    assert refused.value.problems[0].startswith("agreement #2 (BAD)")
    assert problem in refused.value.problems[0]


def test_the_same_id_twice_is_refused() -> None:
    with pytest.raises(AgreementsInvalid, match="used twice"):
        agreements_from_document({"agreements": [entry(), entry()]}, "test.yaml")


def test_a_valid_file_gives_the_agreements_it_lists() -> None:
    loaded = agreements_from_document({"agreements": [entry(withheld_fields=["text"])]}, "test.yaml")
    assert loaded[0].withheld_fields == {"text"}
    assert loaded[0].is_active_on(date(2030, 1, 1))


def test_an_impossible_date_is_reported_with_every_other_problem_of_the_file() -> None:
    text = (
        "agreements:\n"
        "  - {id: A, owners: [SCO], recipients: [EAW], covers: [movement], valid_from: 2026-02-30}\n"
        "  - {id: B, owners: [SCO-NOPE], recipients: [EAW], covers: [movement], valid_from: 2026-01-01}\n"
    )
    with pytest.raises(AgreementsInvalid) as refused:
        parse_agreements(text, "test.yaml")
    assert refused.value.problems == [
        "agreement #1 (A): `valid_from` must be a date (YYYY-MM-DD)",
        "agreement #2 (B): `owners`: unknown agency or jurisdiction 'SCO-NOPE'",
    ]


def test_a_misspelt_field_is_refused_rather_than_silently_ignored() -> None:
    with pytest.raises(AgreementsInvalid, match="unknown field"):
        agreements_from_document({"agreements": [entry(witheld_fields=["text"])]}, "test.yaml")


def test_a_date_with_a_time_is_not_a_date() -> None:
    with pytest.raises(AgreementsInvalid, match="`valid_from` must be a date"):
        parse_agreements(
            "agreements:\n  - {id: A, owners: [SCO], recipients: [EAW], covers: [movement],"
            " valid_from: 2026-01-01T10:00:00}\n",
            "test.yaml",
        )
