"""Queue depth: how far each consumer is behind its topics — what operations staff watch per partner."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, TopicPartition

from hub.domain.codes import JURISDICTIONS
from hub.errors import StoreError
from hub.kafka_auth import MONITOR, client_security
from hub.settings import PgLogin, Settings
from hub.store.connect import connect
from hub.topics import DELIVER_PARTITIONS, INBOUND_PARTITIONS, deliver_topic, inbound_topic


@dataclass(frozen=True, slots=True)
class QueueDepth:
    """Messages waiting for one consumer; `None` when its store cannot be reached."""

    consumer: str
    waiting: int | None


async def end_offsets(settings: Settings, partitions: Iterable[TopicPartition]) -> dict[TopicPartition, int]:
    """The next offset each partition will be written at (asked as the read-only `monitor`)."""
    client = AIOKafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap, enable_auto_commit=False, **client_security(settings, MONITOR)
    )
    await client.start()
    try:
        offsets: dict[TopicPartition, int] = await client.end_offsets(list(partitions))
    finally:
        await client.stop()
    return offsets


async def queue_depths(settings: Settings) -> list[QueueDepth]:
    """Messages not yet processed by the router (all inbound topics) and by each partner writer."""
    inbound = [TopicPartition(inbound_topic(j), p) for j in JURISDICTIONS for p in range(INBOUND_PARTITIONS)]
    deliver = {j: [TopicPartition(deliver_topic(j), p) for p in range(DELIVER_PARTITIONS)] for j in JURISDICTIONS}
    ends = await end_offsets(settings, inbound + [tp for tps in deliver.values() for tp in tps])
    depths = [QueueDepth("router", await _behind(settings.hub_reader_login(), "hub-router", inbound, ends))]
    for partner, tps in deliver.items():
        waiting = await _behind(settings.partner_reader_login(partner), f"hub-writer-{partner}", tps, ends)
        depths.append(QueueDepth(f"writer {partner}", waiting))
    return depths


async def _behind(
    login: PgLogin, consumer: str, tps: list[TopicPartition], ends: dict[TopicPartition, int]
) -> int | None:
    try:
        connection = await connect(login)
    except StoreError:
        return None
    try:
        rows = await connection.fetch(
            "SELECT topic, partition, next_offset FROM consumer_position WHERE consumer = $1", consumer
        )
    finally:
        await connection.close()
    stored = {(r[0], r[1]): r[2] for r in rows}
    waiting: int = sum(max(ends[tp] - stored.get((tp.topic, tp.partition), 0), 0) for tp in tps)
    return waiting
