"""The consumer loop every hub consumer shares: poll → handle → one transaction with the positions → after.

Positions live in the consumer's database and advance in the same transaction as the batch's effects; on
assignment the consumer seeks to them. A failed batch rolls back and is re-read from the stored positions.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol

import asyncpg
from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition

from hub.errors import HubError, StoreError
from hub.log import get_logger
from hub.store.positions import PositionConflict, advance_positions, load_positions

log = get_logger("consumer")
AfterCommit = Callable[[], Awaitable[None]]
RETRY_DELAYS_S = (0.5, 1, 2, 5, 10, 15)
STORE_ERRORS = (PositionConflict, StoreError, OSError, asyncpg.PostgresError, asyncpg.InterfaceError)


class BatchHandler(Protocol):
    """Does a batch's work inside the open transaction; returns what to do once it is committed."""

    async def __call__(self, connection: asyncpg.Connection, records: Sequence[Any]) -> AfterCommit | None: ...


class StoredPositions(ConsumerRebalanceListener):  # type: ignore[misc]  # aiokafka ships no type hints
    """Seeks newly assigned partitions to the positions stored in the database."""

    def __init__(self, loop: BatchLoop) -> None:
        self._loop = loop

    async def on_partitions_revoked(self, revoked: list[TopicPartition]) -> None:
        self._loop.generation += 1
        for tp in revoked:
            self._loop.positions.pop((tp.topic, tp.partition), None)

    async def on_partitions_assigned(self, assigned: list[TopicPartition]) -> None:
        self._loop.generation += 1
        await self._loop.seek_to_stored(assigned)


class BatchLoop:
    """Runs one consumer over its topics until asked to stop, committing each batch exactly once."""

    def __init__(
        self,
        *,
        name: str,
        consumer: AIOKafkaConsumer,
        connect: Callable[[], Awaitable[asyncpg.Connection]],
        handler: BatchHandler,
        max_records: int = 500,
        when_idle: Callable[[], None] | None = None,
    ) -> None:
        self.name = name
        self._when_idle = when_idle
        self.consumer = consumer
        self._connect = connect
        self._handler = handler
        self._max_records = max_records
        self._connection: asyncpg.Connection | None = None
        self.positions: dict[tuple[str, int], int | None] = {}
        self.stopping = asyncio.Event()
        self.generation = 0  # bumped by every rebalance, which runs concurrently with the batch in hand
        self._failures = 0

    async def connection(self) -> asyncpg.Connection:
        if self._connection is None or self._connection.is_closed():
            self._connection = await self._connect()
        return self._connection

    async def seek_to_stored(self, assigned: Sequence[TopicPartition]) -> None:
        """Seek each partition to its stored position (the beginning when it has none).

        Runs in aiokafka's rebalance task, concurrently with the batch loop: it uses a connection of its own."""
        stored = await self._retrying(
            lambda c: load_positions(c, self.name, [(t.topic, t.partition) for t in assigned])
        )
        for tp in assigned:
            self.positions[(tp.topic, tp.partition)] = stored[(tp.topic, tp.partition)]
        await self._seek({tp: stored[(tp.topic, tp.partition)] for tp in assigned})

    async def run(self) -> None:
        """Poll and commit batches until `stopping` is set; the batch in hand is finished first."""
        while not self.stopping.is_set():
            batch = await self.consumer.getmany(timeout_ms=500, max_records=self._max_records)
            records = [r for tp, rs in batch.items() if (tp.topic, tp.partition) in self.positions for r in rs]
            if records:
                await self._commit_batch(records)
            elif self._when_idle is not None:
                self._when_idle()

    async def _commit_batch(self, records: list[Any]) -> None:
        moves = self._moves(records)
        generation = self.generation
        try:
            connection = await self.connection()
            async with connection.transaction():
                after = await self._handler(connection, records)
                await advance_positions(connection, self.name, moves)
        except STORE_ERRORS as exc:
            log.warning("batch_rolled_back", consumer=self.name, count=len(records), **_describe(exc))
            await self._drop_connection()
            await self._rewind(moves, reload=isinstance(exc, PositionConflict))
            await self._pause_after_failure()
            return
        self._failures = 0
        self._advance(moves, rebalanced=generation != self.generation)
        log.debug("batch_committed", consumer=self.name, count=len(records))
        if after is not None:
            await after()

    def _advance(self, moves: dict[tuple[str, int], tuple[int | None, int]], *, rebalanced: bool) -> None:
        """Remember the committed positions of the partitions still owned; after a rebalance during the batch the
        listener may have seeked them back to the old position, so seek them to the committed one."""
        for (topic, partition), (_, new) in moves.items():
            if (topic, partition) not in self.positions:
                continue
            self.positions[(topic, partition)] = new
            if rebalanced:
                self.consumer.seek(TopicPartition(topic, partition), new)

    def _moves(self, records: list[Any]) -> dict[tuple[str, int], tuple[int | None, int]]:
        moves: dict[tuple[str, int], tuple[int | None, int]] = {}
        for record in records:
            tp = (record.topic, record.partition)
            moves[tp] = (self.positions.get(tp), record.offset + 1)
        return moves

    async def _rewind(self, moves: dict[tuple[str, int], tuple[int | None, int]], *, reload: bool) -> None:
        """Re-read a rolled-back batch from the partitions' committed positions (reloaded after a conflict)."""
        owned = [TopicPartition(t, p) for (t, p) in moves if (t, p) in self.positions]
        if reload:
            await self.seek_to_stored(owned)
            return
        await self._seek({tp: self.positions[(tp.topic, tp.partition)] for tp in owned})

    async def _seek(self, positions: dict[TopicPartition, int | None]) -> None:
        """Seek to each position; where there is none yet, to the partition's first offset still kept."""
        fresh = [tp for tp, position in positions.items() if position is None]
        starts = await self.consumer.beginning_offsets(fresh) if fresh else {}
        for tp, position in positions.items():
            self.consumer.seek(tp, starts[tp] if position is None else position)

    async def _drop_connection(self) -> None:
        if self._connection is not None and not self._connection.is_closed():
            self._connection.terminate()
        self._connection = None

    async def _pause_after_failure(self) -> None:
        self._failures += 1
        delay = RETRY_DELAYS_S[min(self._failures - 1, len(RETRY_DELAYS_S) - 1)]
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stopping.wait(), timeout=delay)

    async def _retrying(self, work: Callable[[asyncpg.Connection], Awaitable[Any]]) -> Any:
        """Database work that must eventually succeed (seeking on assignment), on a connection of its own,
        retried while the store is away."""
        attempt = 0
        while True:
            try:
                connection = await self._connect()
                try:
                    return await work(connection)
                finally:
                    await connection.close()
            except (HubError, *STORE_ERRORS) as exc:
                attempt += 1
                log.warning("store_unavailable", consumer=self.name, attempt=attempt, error=exc.__class__.__name__)
                await asyncio.sleep(RETRY_DELAYS_S[min(attempt - 1, len(RETRY_DELAYS_S) - 1)])


def _describe(exc: BaseException) -> dict[str, str]:
    """What to log of a store failure: the server's messages can quote row values (names), so only their class
    and SQLSTATE; the client's and the hub's own messages carry no data."""
    if isinstance(exc, asyncpg.PostgresError):
        return {"error": exc.__class__.__name__, "sqlstate": str(getattr(exc, "sqlstate", ""))}
    return {"error": exc.__class__.__name__, "detail": str(exc)[:300]}
