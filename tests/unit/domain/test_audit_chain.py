"""The audit chain's canonical bytes and its walk: intact, changed, missing and relinked records."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from hub.domain.audit_chain import GENESIS, ChainedRecord, canonical_bytes, record_hash, verify_chain

WHEN = datetime(2026, 12, 3, 10, 15, 30, 123456, tzinfo=UTC)


def chain(count: int) -> list[ChainedRecord]:
    records: list[ChainedRecord] = []
    prev = GENESIS
    for n in range(1, count + 1):
        unsigned = ChainedRecord(
            n, 100 + n, None, None, "IntelligenceShared", "SCO-PSOS", "EAW", "EAW", "DELIVERED", "AGREEMENT",
            "router", WHEN, None, prev, b"",
        )  # fmt: skip
        record = dataclasses.replace(unsigned, hash=record_hash(prev, unsigned))
        records.append(record)
        prev = record.hash
    return records


def test_canonical_bytes_mark_nulls_and_count_utf8_bytes_not_characters() -> None:
    record = dataclasses.replace(
        chain(1)[0], event_id="0b8e2a9c-7f3d-4c1e-9a55-2d7c1f0e4b6a", detail="e\u0301 \U0001f600|-", actor="a|b"
    )

    assert (
        canonical_bytes(record)
        == (
            "decision/v1|1:1|3:101|36:0b8e2a9c-7f3d-4c1e-9a55-2d7c1f0e4b6a|-|18:IntelligenceShared|8:SCO-PSOS|3:EAW"
            "|3:EAW|9:DELIVERED|9:AGREEMENT|3:a|b|16:1796292930123456|10:e\u0301 \U0001f600|-"
        ).encode()
    )


def test_an_untouched_chain_is_intact_and_reports_its_last_hash() -> None:
    records = chain(5)

    report = verify_chain(records)

    assert report.intact
    assert (report.records, report.last_hash) == (5, records[-1].hash)


def test_a_changed_outcome_is_reported_at_that_record() -> None:
    records = chain(5)
    records[2] = dataclasses.replace(records[2], outcome="REFUSED")

    report = verify_chain(records)

    assert (report.broken_at, report.records) == (103, 2)
    assert str(report.problem).startswith("hash mismatch")


def test_a_missing_record_is_a_gap_at_the_record_after_it() -> None:
    records = chain(5)
    del records[1]

    report = verify_chain(records)

    assert report.broken_at == 103
    assert str(report.problem).startswith("gap")


def test_a_record_rehashed_after_a_change_no_longer_links_to_the_next() -> None:
    records = chain(4)
    changed = dataclasses.replace(records[1], outcome="REFUSED")
    records[1] = dataclasses.replace(changed, hash=record_hash(changed.prev_hash, changed))

    report = verify_chain(records)

    assert report.broken_at == 103
    assert report.problem == "prev_hash does not match the hash of the previous record"


def test_an_empty_log_is_intact() -> None:
    assert verify_chain([]).intact
