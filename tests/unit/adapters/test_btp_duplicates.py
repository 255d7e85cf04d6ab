"""The same BTPX record twice: a repeat is reported, a conflicting reuse of `rec_ref` is rejected."""

from __future__ import annotations

import uuid

from adapters import btp
from adapters.common.batch import Accepted, Deduplicator, Duplicate, Refused, Rejected
from adapters.common.run import judge_delivery
from tests.unit.adapters.btp_records import event_of, extract, record


def test_event_id_is_uuid5_of_the_rec_ref_key() -> None:
    namespace = uuid.UUID("2b8f6c1e-5a47-4f0e-9d3c-7e1a0b9c4d52")
    event = event_of(record("61", rec_ref="BTP26-0031951"))
    assert event["event_id"] == str(uuid.uuid5(namespace, "BTP:BTPX:BTP26-0031951"))


def test_a_record_repeated_in_the_same_file_is_a_duplicate() -> None:
    data = extract(record("61"), record("61"))
    first, second = judge_delivery(btp, "BTPX_20261203_000412.txt", data, Deduplicator())
    assert isinstance(first, Accepted)
    assert second == Duplicate("line 3", "line 2")


def test_same_rec_ref_with_different_content_is_a_conflict_naming_rec_ref() -> None:
    data = extract(record("61"), record("61", reason_text="Another reason."))
    first, second = judge_delivery(btp, "BTPX_20261203_000412.txt", data, Deduplicator())
    assert isinstance(first, Accepted)
    assert first.event["payload"]["reason"] == "Registration ended."
    assert isinstance(second, Rejected)
    assert second.locator == "line 3"
    assert (second.error.field, second.error.reason) == ("rec_ref", "DUPLICATE_CONFLICT")


def test_the_same_record_in_next_days_file_is_a_duplicate_of_the_first_file() -> None:
    dedup = Deduplicator()
    (first,) = judge_delivery(btp, "BTPX_20261203_000412.txt", extract(record("62")), dedup)
    (again,) = judge_delivery(btp, "BTPX_20261204_000413.txt", extract("", record("62")), dedup)
    assert isinstance(first, Accepted)
    assert again == Duplicate("line 3", "BTPX_20261203_000412.txt line 2")


def test_a_different_marking_under_the_same_rec_ref_is_a_conflict_across_files() -> None:
    dedup = Deduplicator()
    list(judge_delivery(btp, "BTPX_20261203_000412.txt", extract(record("62", marking="1")), dedup))
    (again,) = judge_delivery(btp, "BTPX_20261204_000413.txt", extract(record("62", marking="2")), dedup)
    assert isinstance(again, Rejected)
    assert (again.error.field, again.error.reason) == ("rec_ref", "DUPLICATE_CONFLICT")


def test_a_rejected_record_does_not_claim_its_rec_ref() -> None:
    data = extract(record("61", marking="9"), record("61"))
    rejected, accepted = judge_delivery(btp, "BTPX_20261203_000412.txt", data, Deduplicator())
    assert isinstance(rejected, Rejected)
    assert isinstance(accepted, Accepted)


def test_a_count_mismatch_emits_nothing_for_the_deduplicator() -> None:
    dedup = Deduplicator()
    (refused,) = judge_delivery(btp, "BTPX_20261203_000412.txt", extract(record("61"), count=2), dedup)
    assert isinstance(refused, Refused)
    assert (refused.error.field, refused.error.reason) == ("record_count", "COUNT_MISMATCH")
    (accepted,) = judge_delivery(btp, "BTPX_20261203_000412.txt", extract(record("61")), dedup)
    assert isinstance(accepted, Accepted)
