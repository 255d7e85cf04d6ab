"""The audit log's hash chain, recomputed independently of the database that wrote it.

Each `decision` record holds `prev_hash` (the previous record's `hash`; 32 zero bytes before the first) and
`hash = sha256(prev_hash || canonical_bytes(record))`. The canonical bytes are exactly those of the database
trigger (hub/store/sql/hub/0006_audit_chain.sql): 'decision/v1', then for each field in `ChainedRecord`
order '|' and either '-' for NULL or '<length in UTF-8 bytes>:<text>'; integers in decimal, uuids in
lower-case hyphenated form, `decided_at` as whole microseconds since the Unix epoch (UTC).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

GENESIS = bytes(32)
FORMAT = "decision/v1"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


@dataclass(frozen=True, slots=True)
class ChainedRecord:
    """One audit record as stored, with its place in the chain."""

    chain_seq: int
    id: int
    event_id: str | None
    nominal_id: str | None
    event_type: str | None
    owner_agency: str | None
    recipient: str | None
    partner: str | None
    outcome: str
    rule: str
    actor: str
    decided_at: datetime
    detail: str | None
    prev_hash: bytes
    hash: bytes


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The result of a walk: intact (`broken_at` None), or the first broken link and what is wrong with it."""

    records: int
    last_hash: bytes | None
    broken_at: int | None = None
    problem: str | None = None

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def _field(value: str | int | None) -> str:
    if value is None:
        return "-"
    text = str(value)
    return f"{len(text.encode('utf-8'))}:{text}"


def canonical_bytes(record: ChainedRecord) -> bytes:
    """The bytes the record's hash covers (everything but the two hashes)."""
    micros = (record.decided_at - _EPOCH) // _MICROSECOND
    fields = (
        record.chain_seq,
        record.id,
        record.event_id,
        record.nominal_id,
        record.event_type,
        record.owner_agency,
        record.recipient,
        record.partner,
        record.outcome,
        record.rule,
        record.actor,
        micros,
        record.detail,
    )
    return "|".join([FORMAT, *(_field(f) for f in fields)]).encode("utf-8")


def record_hash(prev_hash: bytes, record: ChainedRecord) -> bytes:
    return hashlib.sha256(prev_hash + canonical_bytes(record)).digest()


def first_broken_link(previous: ChainedRecord | None, record: ChainedRecord) -> str | None:
    """What is wrong with `record` following `previous` (None for the first record), or None when it links."""
    expected_seq = 1 if previous is None else previous.chain_seq + 1
    if record.chain_seq != expected_seq:
        return f"gap: chain position {record.chain_seq} where {expected_seq} was due (records missing or reordered)"
    expected_prev = GENESIS if previous is None else previous.hash
    if record.prev_hash != expected_prev:
        return "prev_hash does not match the hash of the previous record"
    if record.hash != record_hash(record.prev_hash, record):
        return "hash mismatch: the record's content is not what was hashed when it was written"
    return None


class ChainWalk:
    """Follows the records one at a time in chain order; remembers the first broken link."""

    def __init__(self) -> None:
        self._previous: ChainedRecord | None = None
        self._count = 0
        self._broken: tuple[int, str] | None = None

    def step(self, record: ChainedRecord) -> bool:
        """Check the next record; False once the chain is broken (stop walking)."""
        if self._broken is not None:
            return False
        problem = first_broken_link(self._previous, record)
        if problem is not None:
            self._broken = (record.id, problem)
            return False
        self._previous = record
        self._count += 1
        return True

    def report(self) -> ChainReport:
        last = None if self._previous is None else self._previous.hash
        if self._broken is None:
            return ChainReport(self._count, last)
        return ChainReport(self._count, last, *self._broken)


def verify_chain(records: Iterable[ChainedRecord]) -> ChainReport:
    """Walk the records in chain order and stop at the first broken link."""
    walk = ChainWalk()
    for record in records:
        if not walk.step(record):
            break
    return walk.report()
