"""Kafka on the real stack refuses what the ACL table does not grant, and the broker records each refusal.

Each attack is tried with the hub's own client settings (SASL_SSL, SCRAM-SHA-512, the stack's CA) as one
principal; the refusal is asserted on the client, and the broker's record of it is found in its log
(`<stack>/logs/kafka.log`): the StandardAuthorizer logs every denial on `kafka.authorizer.logger`, the
network layer every failed login.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.errors import KafkaError, TopicAuthorizationFailedError

from hub.kafka_auth import MONITOR, adapter_principal, client_security, writer_principal
from hub.settings import Settings
from hub.stack.layout import StackLayout
from hub.topics import all_topics, deliver_topic, inbound_topic

pytestmark = pytest.mark.integration


def broker_log_offset(settings: Settings) -> int:
    path = StackLayout.of(settings).kafka_log
    return path.stat().st_size if path.exists() else 0


async def broker_logged(settings: Settings, since: int, pattern: str, within_s: float = 10) -> str:
    """The first line of the broker's log written after byte `since` that matches `pattern`."""
    path = StackLayout.of(settings).kafka_log
    wanted = re.compile(pattern)
    deadline = time.monotonic() + within_s
    while True:
        with path.open("rb") as log:
            log.seek(since)
            for line in log.read().decode("utf-8", errors="replace").splitlines():
                if wanted.search(line):
                    return line
        if time.monotonic() > deadline:
            pytest.fail(f"the broker logged nothing matching {pattern!r} in {path}")
        await asyncio.sleep(0.2)


@asynccontextmanager
async def producer_as(settings: Settings, principal: str, **overrides: str) -> AsyncIterator[AIOKafkaProducer]:
    security = {**client_security(settings, principal), **overrides}
    client = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap, request_timeout_ms=10000, **security)
    try:
        await client.start()
        yield client
    finally:
        await client.stop()


async def test_an_adapter_cannot_write_another_jurisdictions_inbound_topic(stack: Settings) -> None:
    since = broker_log_offset(stack)
    async with producer_as(stack, adapter_principal("SCO")) as producer:
        await producer.send_and_wait(inbound_topic("SCO"), b"probe", key=b"kafka-security-test")
        with pytest.raises(TopicAuthorizationFailedError):
            await producer.send_and_wait(inbound_topic("EAW"), b"forged", key=b"kafka-security-test")

    line = await broker_logged(stack, since, r"User:adapter-sco is Denied operation = \w+ .*hub\.inbound\.EAW")
    assert "kafka.authorizer.logger" in line


async def test_a_writer_cannot_read_another_partners_delivery_queue(stack: Settings) -> None:
    since = broker_log_offset(stack)
    consumer = AIOKafkaConsumer(
        bootstrap_servers=stack.kafka_bootstrap,
        group_id="hub-writer-SCO",
        enable_auto_commit=False,
        **client_security(stack, writer_principal("SCO")),
    )
    consumer.assign([TopicPartition(deliver_topic("EAW"), 0)])
    try:
        with pytest.raises(TopicAuthorizationFailedError):  # refused when the consumer asks for the topic
            await consumer.start()
    finally:
        await consumer.stop()

    await broker_logged(stack, since, r"User:writer-sco is Denied operation = \w+ .*hub\.deliver\.EAW")


async def test_a_wrong_password_is_refused_and_recorded(stack: Settings) -> None:
    since = broker_log_offset(stack)
    with pytest.raises(KafkaError):
        async with producer_as(stack, adapter_principal("SCO"), sasl_plain_password="not-the-password"):
            pass

    await broker_logged(stack, since, r"Failed authentication .*invalid credentials with SASL mechanism SCRAM-SHA-512")


async def test_a_plaintext_client_is_refused_on_the_client_port(stack: Settings) -> None:
    since = broker_log_offset(stack)
    client = AIOKafkaProducer(bootstrap_servers=stack.kafka_bootstrap, request_timeout_ms=5000)
    try:
        with pytest.raises(KafkaError):
            await client.start()
    finally:
        await client.stop()

    await broker_logged(stack, since, r"Failed authentication with /127\.0\.0\.1 .*SSL handshake failed")


async def test_the_monitor_can_write_no_topic_at_all(stack: Settings) -> None:
    since = broker_log_offset(stack)
    async with producer_as(stack, MONITOR) as producer:
        for spec in all_topics():
            with pytest.raises(TopicAuthorizationFailedError):
                await producer.send_and_wait(spec.name, b"monitor-must-not-write", key=b"kafka-security-test")

    await broker_logged(stack, since, r"User:monitor is Denied operation = WRITE .*hub\.dlq")
