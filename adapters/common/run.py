"""Running an adapter over deliveries in order, de-duplicating across them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from adapters.common.batch import Deduplicator, Outcome, Refused
from adapters.common.errors import FileRejected
from adapters.registry import Adapter

SINGLE_MESSAGE_LOCATOR = "$"


def judge_delivery(adapter: Adapter, name: str, data: bytes, dedup: Deduplicator) -> Iterator[Outcome | Refused]:
    """One delivery's outcomes; a single-message delivery's locator becomes its name."""
    try:
        records = adapter.parse(name, data)
    except FileRejected as exc:
        yield Refused(name, exc)
        return
    for record in records:
        if record.locator == SINGLE_MESSAGE_LOCATOR:
            record = type(record)(name, record.key, record.key_field, record.result)
        yield dedup.judge(record, name)


def judge_files(adapter: Adapter, paths: Sequence[Path]) -> Iterator[Outcome | Refused]:
    """The outcomes of several files given to one adapter, in order, duplicates detected across them."""
    dedup = Deduplicator()
    for path in paths:
        yield from judge_delivery(adapter, path.name, path.read_bytes(), dedup)
