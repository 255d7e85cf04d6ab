"""Kafka clients configured the one way the hub uses them; aiokafka's errors become `BrokerError`.

Every client logs in as one principal (hub/kafka_auth.py) over SASL_SSL, verifying the broker against the
stack's CA; what that principal may do is hub/stack/kafka_acls.py's business."""

from __future__ import annotations

from collections.abc import Sequence

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.errors import KafkaError

from hub.errors import BrokerError
from hub.kafka_auth import client_security
from hub.settings import Settings

Header = tuple[str, bytes]
OutgoingMessage = tuple[str, bytes | None, bytes, list[Header]]
"""(topic, key, value, headers)."""


def new_producer(settings: Settings, principal: str) -> AIOKafkaProducer:
    """An idempotent producer (acks=all) logged in as `principal`: success is reported only once the broker
    has the message."""
    return AIOKafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap,
        **client_security(settings, principal),
        enable_idempotence=True,
        linger_ms=5,
        max_batch_size=256 * 1024,
        request_timeout_ms=30000,
    )


def new_consumer(settings: Settings, group_id: str, principal: str, max_poll_records: int = 500) -> AIOKafkaConsumer:
    """A group member logged in as `principal` whose positions live in PostgreSQL, so Kafka's own commits are
    never used."""
    return AIOKafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap,
        **client_security(settings, principal),
        group_id=group_id,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
        max_poll_records=max_poll_records,
        session_timeout_ms=10000,
        heartbeat_interval_ms=1000,
    )


async def start(client: AIOKafkaProducer | AIOKafkaConsumer) -> None:
    try:
        await client.start()
    except KafkaError as exc:
        raise BrokerError(f"cannot reach Kafka: {exc.__class__.__name__}: {exc}") from exc


async def send_all(
    producer: AIOKafkaProducer, messages: Sequence[tuple[str, bytes | None, bytes, list[Header]]]
) -> None:
    """Send a batch and wait until the broker acknowledged every message (batched, not one round trip each)."""
    try:
        futures = [
            await producer.send(topic, value, key=key, headers=headers) for topic, key, value, headers in messages
        ]
        for future in futures:
            await future
    except KafkaError as exc:
        raise BrokerError(f"publishing failed: {exc.__class__.__name__}: {exc}") from exc
