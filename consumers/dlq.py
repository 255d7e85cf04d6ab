"""The dead-letter queue as operations staff see it: list what was refused and why, replay it once fixed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import asyncpg

from consumers.kafka_io import new_producer, send_all, start
from hub.kafka_auth import OPERATOR
from hub.settings import Settings
from hub.signing import KEY_HEADER, SIGNATURE_HEADER
from hub.store.connect import connect


@dataclass(frozen=True, slots=True)
class DeadLetter:
    dlq_id: str
    source_topic: str
    partition: int
    offset: int
    reason_code: str
    reason: str
    event_id: str | None
    recorded_at: datetime
    replayed_at: datetime | None


_COLUMNS = (
    'dlq_id::text, source_topic, partition, "offset", reason_code, reason, event_id::text, recorded_at, replayed_at'
)


async def list_dead_letters(settings: Settings, include_replayed: bool = False) -> list[DeadLetter]:
    """Dead letters, oldest first; replayed ones only when asked (read as `hub_reader`)."""
    connection = await connect(settings.hub_reader_login())
    try:
        rows = await connection.fetch(
            f"SELECT {_COLUMNS} FROM dlq_entry WHERE $1 OR replayed_at IS NULL ORDER BY recorded_at, dlq_id",  # noqa: S608 - constant column list
            include_replayed,
        )
    finally:
        await connection.close()
    return [DeadLetter(*r) for r in rows]


async def replay(settings: Settings, dlq_ids: list[str] | None) -> int:
    """Publish dead letters' original bytes back to their source topic; `None` replays every one not yet replayed."""
    connection = await connect(settings.hub_login())
    producer = new_producer(settings, OPERATOR)  # Write on hub.inbound.* only (hub/stack/kafka_acls.py)
    await start(producer)
    try:
        async with connection.transaction():
            rows = await _claim(connection, dlq_ids)
            await send_all(producer, [(r["source_topic"], r["key"], r["original"], _signature(r)) for r in rows])
            await connection.execute(
                "UPDATE dlq_entry SET replayed_at = now() WHERE dlq_id = ANY($1::uuid[])", [r["dlq_id"] for r in rows]
            )
    finally:
        await producer.stop()
        await connection.close()
    return len(rows)


async def _claim(connection: asyncpg.Connection, dlq_ids: list[str] | None) -> list[asyncpg.Record]:
    rows: list[asyncpg.Record]
    if dlq_ids is None:
        rows = await connection.fetch(
            "SELECT dlq_id, source_topic, key, original, sig_key, sig FROM dlq_entry WHERE replayed_at IS NULL"
            " ORDER BY recorded_at FOR UPDATE"
        )
    else:
        rows = await connection.fetch(
            "SELECT dlq_id, source_topic, key, original, sig_key, sig FROM dlq_entry WHERE dlq_id = ANY($1::uuid[])"
            " ORDER BY recorded_at FOR UPDATE",
            dlq_ids,
        )
    return rows


def _signature(row: asyncpg.Record) -> list[tuple[str, bytes]]:
    """The original signature headers: a replay is verified again, exactly like the first delivery."""
    if row["sig_key"] is None or row["sig"] is None:
        return []
    return [(KEY_HEADER, row["sig_key"].encode()), (SIGNATURE_HEADER, bytes(row["sig"]))]
