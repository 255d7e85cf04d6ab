"""Starting the long-running consumers: wiring settings, clients and stores, and stopping cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable, Sequence

import asyncpg

from consumers.agreements_refresh import AgreementsRefresh, agreements_in_force
from consumers.batch_loop import BatchLoop, StoredPositions
from consumers.kafka_io import new_consumer, new_producer, start
from consumers.outbox_relay import OutboxRelay
from consumers.router import GROUP_ID, INBOUND_PATTERN, Router
from consumers.writer import PartnerWriter, group_id
from hub.errors import HubError
from hub.kafka_auth import ROUTER, writer_principal
from hub.log import get_logger
from hub.settings import PgLogin, Settings
from hub.store.connect import connect
from hub.store.hub_schema import ensure_hub_schema
from hub.store.migrate import StoreKind, migrate
from hub.topics import deliver_topic

log = get_logger("services")


def _connector(login: PgLogin) -> Callable[[], Awaitable[asyncpg.Connection]]:
    async def open_connection() -> asyncpg.Connection:
        return await connect(login)

    return open_connection


async def migrated(login: PgLogin, kind: StoreKind) -> list[str]:
    """Apply pending migrations to one store."""
    connection = await connect(login)
    try:
        return await migrate(connection, kind)
    finally:
        await connection.close()


def stop_on_signals(loops: Sequence[BatchLoop]) -> None:
    """SIGTERM and SIGINT let each loop finish (and commit) the batch in hand, then stop."""

    def stop_all() -> None:
        for loop in loops:
            loop.stopping.set()

    running = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        running.add_signal_handler(sig, stop_all)


async def run_router(settings: Settings) -> None:
    """The router until SIGTERM: publish what a previous run left in the outbox, then route batches."""
    login = settings.hub_login()
    await ensure_hub_schema(settings)
    connection = await connect(login)
    try:
        load_id, agreements = await agreements_in_force(connection)
    finally:
        await connection.close()
    producer = new_producer(settings, ROUTER)
    await start(producer)
    relay = OutboxRelay(_connector(login), producer)
    consumer = new_consumer(settings, GROUP_ID, ROUTER)
    router = Router(agreements, relay, working_days=settings.hold_response_working_days)
    # When no event arrives the relay still drains what others queued (an owner's decision from `hub held decide`).
    loop = BatchLoop(name=GROUP_ID, consumer=consumer, connect=_connector(login), handler=router, when_idle=relay.kick)
    stop_on_signals([loop])
    refreshing = asyncio.create_task(AgreementsRefresh(_connector(login), router, load_id).run(loop.stopping))
    try:
        await relay.drain()
        consumer.subscribe(pattern=INBOUND_PATTERN, listener=StoredPositions(loop))
        await start(consumer)
        log.info("router_started", agreements=len(agreements), agreements_load_id=load_id)
        await loop.run()
    finally:
        loop.stopping.set()
        await refreshing
        await consumer.stop()
        await relay.close()
        await producer.stop()
        log.info("router_stopped")


async def _writer_loop(settings: Settings, partner: str) -> BatchLoop:
    consumer = new_consumer(settings, group_id(partner), writer_principal(partner))
    return BatchLoop(
        name=group_id(partner),
        consumer=consumer,
        connect=_connector(settings.partner_login(partner)),
        handler=PartnerWriter(partner),
    )


async def _run_writer(settings: Settings, loop: BatchLoop, partner: str) -> None:
    """One writer; a store that is down only delays this writer, which keeps retrying until it is back."""
    delay = 0.5
    while not loop.stopping.is_set():
        try:
            await migrated(settings.partner_login(partner), "partner")
            break
        except HubError as exc:
            log.warning("partner_store_unavailable", partner=partner, error=str(exc))
            await asyncio.sleep(delay)
            delay = min(delay * 2, 15)
    loop.consumer.subscribe([deliver_topic(partner)], listener=StoredPositions(loop))
    await start(loop.consumer)
    log.info("writer_started", partner=partner)
    try:
        await loop.run()
    finally:
        await loop.consumer.stop()
        log.info("writer_stopped", partner=partner)


async def run_writers(settings: Settings, partners: Sequence[str]) -> None:
    """Writers for the given partners in one process, each with its own consumer group and store."""
    loops = [await _writer_loop(settings, p) for p in partners]
    stop_on_signals(loops)
    await asyncio.gather(*(_run_writer(settings, loop, p) for loop, p in zip(loops, partners, strict=True)))
