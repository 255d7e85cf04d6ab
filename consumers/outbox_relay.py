"""Publishes committed outbox messages to Kafka, oldest first, and marks them published."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import asyncpg
from aiokafka import AIOKafkaProducer

from consumers.kafka_io import send_all
from hub.errors import HubError
from hub.log import get_logger
from hub.store.outbox import claim_unpublished, mark_published

log = get_logger("outbox")
PUBLISH_BATCH = 2000


class OutboxRelay:
    """Drains the outbox: once at start (to finish a crashed run's work), then in the background after each
    committed batch, so routing the next batch overlaps publishing the last. One drain runs at a time, so
    messages leave in outbox order; a drain that fails is retried until the broker takes them."""

    def __init__(self, connect: Callable[[], Awaitable[asyncpg.Connection]], producer: AIOKafkaProducer) -> None:
        self._connect = connect
        self._producer = producer
        self._connection: asyncpg.Connection | None = None
        self._task: asyncio.Task[None] | None = None
        self._again = False

    def kick(self) -> None:
        """Ask for a drain without waiting for it; a drain already running goes round once more."""
        if self._task is not None and not self._task.done():
            self._again = True
            return
        self._task = asyncio.create_task(self._drain_in_background())

    async def _drain_in_background(self) -> None:
        delay = 0.5
        while True:
            self._again = False
            try:
                await self.drain()
            except (HubError, OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                log.warning("outbox_publish_failed", error=exc.__class__.__name__)
                self._connection = None
                await asyncio.sleep(delay)
                delay = min(delay * 2, 15)
                self._again = True
            if not self._again:
                return

    async def drain(self) -> int:
        """Publish until the outbox is empty; returns how many messages went out."""
        published = 0
        while True:
            count = await self._publish_some()
            published += count
            if count < PUBLISH_BATCH:
                return published

    async def _publish_some(self) -> int:
        if self._connection is None or self._connection.is_closed():
            self._connection = await self._connect()
        async with self._connection.transaction():
            claimed = await claim_unpublished(self._connection, PUBLISH_BATCH)
            if not claimed:
                return 0
            await send_all(
                self._producer,
                [(m.topic, m.key, m.value, [(k, v.encode()) for k, v in m.headers]) for _, m in claimed],
            )
            await mark_published(self._connection, [outbox_id for outbox_id, _ in claimed])
        log.debug("outbox_published", count=len(claimed))
        return len(claimed)

    async def close(self) -> None:
        """Finish the drain in hand (what is left stays in the outbox for the next start), then disconnect."""
        if self._task is not None and not self._task.done():
            self._again = False
            try:
                await asyncio.wait_for(asyncio.shield(self._task), timeout=30)
            except TimeoutError:
                self._task.cancel()
        if self._connection is not None and not self._connection.is_closed():
            await self._connection.close()
