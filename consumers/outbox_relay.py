"""Publishes committed outbox messages to Kafka, oldest first, and marks them published."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import asyncpg
from aiokafka import AIOKafkaProducer

from consumers.kafka_io import send_all
from hub.log import get_logger
from hub.store.outbox import claim_unpublished, mark_published

log = get_logger("outbox")
PUBLISH_BATCH = 2000


class OutboxRelay:
    """Drains the outbox; run after each committed batch and once at start (to finish a crashed run's work)."""

    def __init__(self, connect: Callable[[], Awaitable[asyncpg.Connection]], producer: AIOKafkaProducer) -> None:
        self._connect = connect
        self._producer = producer
        self._connection: asyncpg.Connection | None = None

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
        if self._connection is not None:
            await self._connection.close()
