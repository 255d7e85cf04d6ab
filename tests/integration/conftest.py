"""The real hub services against the real stack: router and writers as processes, publishing, querying."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from aiokafka import AIOKafkaProducer

from consumers.services import migrated
from hub.codec import encode
from hub.domain.codes import JURISDICTIONS
from hub.kafka_auth import adapter_principal, client_security
from hub.queues import queue_depths
from hub.settings import Settings
from hub.store.hub_schema import migrate_hub
from hub.topics import inbound_topic
from tests.integration.signing import adapter_headers

SERVICES = {"router": ["serve", "router"], "writers": ["serve", "writer", "--partner", "all"]}


class HubServices:
    """The router and the writers as separate processes, which a test may kill and restart."""

    def __init__(self, log_dir: Path) -> None:
        self._log_dir = log_dir
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str) -> None:
        with (self._log_dir / f"{name}.log").open("ab") as log:
            self.processes[name] = subprocess.Popen(
                [sys.executable, "-m", "hub", *SERVICES[name]],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=os.environ.copy(),
            )

    def kill(self, name: str) -> None:
        """SIGKILL: no chance to finish the batch in hand."""
        process = self.processes.pop(name)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    def stop(self, name: str) -> int:
        process = self.processes.pop(name)
        process.send_signal(signal.SIGTERM)
        return process.wait(timeout=30)

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)


@pytest.fixture(scope="session")
def settings(stack: Settings) -> Settings:
    return stack


@pytest.fixture(scope="session")
async def migrated_stores(settings: Settings) -> None:
    await migrate_hub(settings)
    for partner in JURISDICTIONS:
        await migrated(settings.partner_login(partner), "partner")


@pytest.fixture(scope="session")
def services(migrated_stores: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubServices]:
    hub = HubServices(tmp_path_factory.mktemp("services"))
    for name in SERVICES:
        hub.start(name)
    yield hub
    hub.stop_all()


class AdapterProducers:
    """One producer per source jurisdiction, each logged in as that jurisdiction's adapter, as in production:
    a test publishes to `hub.inbound.<SRC>` only through `adapter-<src>` (the broker refuses anything else)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._clients: dict[str, AIOKafkaProducer] = {}

    async def for_topic(self, topic: str) -> AIOKafkaProducer:
        source = topic.rsplit(".", 1)[-1]
        if source not in self._clients:
            client = AIOKafkaProducer(
                bootstrap_servers=self._settings.kafka_bootstrap,
                enable_idempotence=True,
                **client_security(self._settings, adapter_principal(source)),
            )
            await client.start()
            self._clients[source] = client
        return self._clients[source]

    async def stop(self) -> None:
        for client in self._clients.values():
            await client.stop()


@pytest.fixture(scope="session")
async def producer(settings: Settings) -> AsyncIterator[AdapterProducers]:
    clients = AdapterProducers(settings)
    yield clients
    await clients.stop()


async def publish(producer: AdapterProducers, events: Sequence[dict[str, Any]]) -> None:
    """Publish canonical events to their source's inbound topic, keyed by nominal, signed by the source's adapter
    key, and await the broker."""
    futures = []
    for e in events:
        topic, value = inbound_topic(e["source_jurisdiction"]), encode(e)
        client = await producer.for_topic(topic)
        headers = adapter_headers(topic, value)
        futures.append(await client.send(topic, value, key=e["nominal_id"].encode(), headers=headers))
    await asyncio.gather(*futures)


async def publish_raw(
    producer: AdapterProducers, topic: str, key: bytes, value: bytes, headers: list[tuple[str, bytes]] | None = None
) -> int:
    """Publish bytes as they are, as the adapter of the topic's jurisdiction; returns the offset.

    Signed by that adapter's key unless `headers` are given (`[]` sends the bytes unsigned)."""
    headers = adapter_headers(topic, value) if headers is None else headers
    metadata = await (await producer.for_topic(topic)).send_and_wait(topic, value, key=key, headers=headers)
    offset: int = metadata.offset
    return offset


async def query(login: Any, sql: str, *args: Any) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(**login.connect_kwargs())
    try:
        rows: list[asyncpg.Record] = await connection.fetch(sql, *args)
    finally:
        await connection.close()
    return rows


async def wait_until(check: Callable[[], Awaitable[bool]], within_s: float = 90, what: str = "condition") -> None:
    """Poll until `check` holds; fail with `what` after `within_s` seconds."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if await check():
            return
        await asyncio.sleep(0.3)
    pytest.fail(f"timed out after {within_s} s waiting for {what}")


async def drained(settings: Settings) -> bool:
    """Nothing waiting for the router or any writer, and nothing left in the outbox."""
    depths = await queue_depths(settings)
    if any(d.waiting != 0 for d in depths):
        return False
    rows = await query(settings.hub_login(), "SELECT count(*) FROM outbox WHERE published_at IS NULL")
    return bool(rows[0][0] == 0)


async def delivered_event_ids(settings: Settings, partner: str, nominal_ids: Sequence[str]) -> set[str]:
    rows = await query(
        settings.partner_login(partner),
        "SELECT event_id::text FROM applied_delivery WHERE nominal_id = ANY($1::uuid[])",
        list(nominal_ids),
    )
    return {r[0] for r in rows}


async def publish_in_causal_order(
    producer: AdapterProducers, settings: Settings, steps: list[dict[str, Any]], nominal: str
) -> None:
    """Publish events one source at a time, as partners would: a reply is sent once its request arrived.

    Kafka orders a nominal's events within one source's topic only; across sources, order is causal."""
    stage: list[dict[str, Any]] = []
    for event in steps:
        if stage and event["source_jurisdiction"] != stage[-1]["source_jurisdiction"]:
            await publish(producer, stage)
            await wait_until(lambda ids=[e["event_id"] for e in stage]: routed(settings, ids), what="routing")
            stage = []
        stage.append(event)
    await publish(producer, stage)


async def routed(settings: Settings, event_ids: list[str]) -> bool:
    rows = await query(
        settings.hub_login(), "SELECT count(*) FROM processed_event WHERE event_id = ANY($1::uuid[])", event_ids
    )
    return bool(rows[0][0] == len(event_ids))
