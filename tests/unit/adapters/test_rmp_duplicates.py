"""The same REDCAP record twice: a repeat is reported, a conflicting reuse of `@ref` is rejected."""

from __future__ import annotations

import adapters.rmp as rmp
from adapters.common.batch import Accepted, Deduplicator, Duplicate, Rejected
from adapters.common.run import judge_delivery
from tests.unit.adapters.test_rmp_helpers import VALID, document

FIRST = "REDCAP_VISOR_20261203.xml"
SECOND = "REDCAP_VISOR_20261204.xml"


def test_same_record_twice_in_one_return_is_a_duplicate_of_the_first() -> None:
    outcomes = list(judge_delivery(rmp, FIRST, document(VALID["REG"], VALID["REG"]), Deduplicator()))
    assert isinstance(outcomes[0], Accepted)
    assert outcomes[1] == Duplicate("/Return/Record[2]", "/Return/Record[1]")


def test_same_record_in_the_next_days_return_cites_the_earlier_file() -> None:
    dedup = Deduplicator()
    list(judge_delivery(rmp, FIRST, document(VALID["REG"]), dedup))
    (outcome,) = judge_delivery(rmp, SECOND, document(VALID["REG"]), dedup)
    assert outcome == Duplicate("/Return/Record[1]", f"{FIRST} /Return/Record[1]")


def test_same_ref_with_different_content_is_a_conflict_naming_ref() -> None:
    changed = VALID["REG"].with_detail(mappaLevel="3")
    outcomes = list(judge_delivery(rmp, FIRST, document(VALID["REG"], changed), Deduplicator()))
    assert isinstance(outcomes[0], Accepted)
    rejected = outcomes[1]
    assert isinstance(rejected, Rejected)
    assert (rejected.locator, rejected.error.field, rejected.error.reason) == (
        "/Return/Record[2]",
        "@ref",
        "DUPLICATE_CONFLICT",
    )


def test_same_ref_with_another_type_is_a_conflict() -> None:
    other = VALID["ARCH"]
    outcomes = list(judge_delivery(rmp, FIRST, document(VALID["REG"], other), Deduplicator()))
    assert isinstance(outcomes[1], Rejected)
    assert outcomes[1].error.reason == "DUPLICATE_CONFLICT"


def test_same_record_written_differently_is_still_the_same_record() -> None:
    respelt = VALID["TFR-REQ"].with_detail(transferId="3f2504e0-4f89-41d3-9a0c-0305e82c3301", rosh="M")
    respelt = respelt.with_subject(serviceNo="25 123 456", rank="Cpl")
    outcomes = list(judge_delivery(rmp, FIRST, document(VALID["TFR-REQ"], respelt), Deduplicator()))
    assert outcomes[1] == Duplicate("/Return/Record[2]", "/Return/Record[1]")


def test_different_refs_with_the_same_content_are_two_records() -> None:
    outcomes = list(
        judge_delivery(rmp, FIRST, document(VALID["REG"], VALID["REG"].with_record(ref="RMP26-000199")), Deduplicator())
    )
    assert all(isinstance(outcome, Accepted) for outcome in outcomes)


def test_a_rejected_record_does_not_claim_its_ref() -> None:
    bad = VALID["REG"].with_detail(sex="X")
    outcomes = list(judge_delivery(rmp, FIRST, document(bad, VALID["REG"]), Deduplicator()))
    assert isinstance(outcomes[0], Rejected)
    assert isinstance(outcomes[1], Accepted)
