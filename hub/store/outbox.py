"""The outbox: messages written with their batch's transaction and published to Kafka after it commits.

Publishing is safe to repeat: every message carries an id its consumer de-duplicates on (delivery_id,
hold_id, dlq_id), so a crash between commit and publish re-publishes and never loses.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import asyncpg


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    topic: str
    key: bytes | None
    value: bytes
    headers: tuple[tuple[str, str], ...]


async def enqueue(connection: asyncpg.Connection, messages: Sequence[OutboxMessage]) -> None:
    """Add messages to the outbox inside the caller's transaction."""
    if messages:
        await connection.copy_records_to_table(
            "outbox",
            records=[(m.topic, m.key, m.value, json.dumps(m.headers)) for m in messages],
            columns=["topic", "key", "value", "headers"],
        )


async def claim_unpublished(connection: asyncpg.Connection, limit: int) -> list[tuple[int, OutboxMessage]]:
    """The oldest unpublished messages, locked for this publisher (others skip them)."""
    rows = await connection.fetch(
        "SELECT id, topic, key, value, headers FROM outbox WHERE published_at IS NULL"
        " ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED",
        limit,
    )
    return [
        (r["id"], OutboxMessage(r["topic"], r["key"], r["value"], tuple(tuple(h) for h in json.loads(r["headers"]))))
        for r in rows
    ]


async def mark_published(connection: asyncpg.Connection, ids: Sequence[int]) -> None:
    await connection.execute("UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])", list(ids))


async def unpublished_count(connection: asyncpg.Connection) -> int:
    count: int = await connection.fetchval("SELECT count(*) FROM outbox WHERE published_at IS NULL")
    return count
