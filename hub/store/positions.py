"""Consumer positions kept in the same database, and transaction, as the effects of each batch.

The Kafka consumer documentation's recipe for storing offsets outside Kafka: on assignment, seek to the
stored position; with each batch, advance it by compare-and-set, so a consumer that lost its partitions in a
rebalance (a zombie) cannot commit over the new owner's work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import asyncpg

from hub.errors import StoreError

TopicPartition = tuple[str, int]


class PositionConflict(StoreError):
    """Another consumer advanced this partition first: this batch must be rolled back and re-read."""


async def load_positions(
    connection: asyncpg.Connection, consumer: str, partitions: Iterable[TopicPartition]
) -> dict[TopicPartition, int | None]:
    """The next offset to read for each partition; `None` where this consumer never committed."""
    wanted = list(partitions)
    rows = await connection.fetch(
        "SELECT topic, partition, next_offset FROM consumer_position WHERE consumer = $1", consumer
    )
    stored = {(r["topic"], r["partition"]): r["next_offset"] for r in rows}
    return {tp: stored.get(tp) for tp in wanted}


async def advance_positions(
    connection: asyncpg.Connection, consumer: str, moves: Mapping[TopicPartition, tuple[int | None, int]]
) -> None:
    """Move each partition from its expected position to the new one, inside the caller's transaction."""
    for (topic, partition), (expected, new) in moves.items():
        if expected is None:
            status = await connection.execute(
                "INSERT INTO consumer_position (consumer, topic, partition, next_offset) VALUES ($1, $2, $3, $4)"
                " ON CONFLICT DO NOTHING",
                consumer,
                topic,
                partition,
                new,
            )
        else:
            status = await connection.execute(
                "UPDATE consumer_position SET next_offset = $5"
                " WHERE consumer = $1 AND topic = $2 AND partition = $3 AND next_offset = $4",
                consumer,
                topic,
                partition,
                expected,
                new,
            )
        if status.endswith(" 0"):
            raise PositionConflict(f"{consumer}: {topic}[{partition}] was advanced by another consumer")
