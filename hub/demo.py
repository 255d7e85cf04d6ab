"""`hub demo`: the hub end to end on sample data — router and writers up, every jurisdiction's samples
imported, the queues drained, and a summary of what each partner store received."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
from pathlib import Path

from adapters.importer import import_files
from adapters.registry import ADAPTER_MODULES
from consumers.services import migrated
from hub.domain.codes import JURISDICTIONS
from hub.errors import HubError
from hub.queues import queue_depths
from hub.settings import Settings
from hub.store.connect import connect

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PARTNER_TABLES = (
    "nominal",
    "native_identifier",
    "address",
    "custody_episode",
    "transfer",
    "intelligence_item",
    "meeting_minutes",
    "applied_delivery",
)
DRAIN_TIMEOUT_S = 120


def sample_files(jurisdiction: str) -> list[Path]:
    """A jurisdiction's valid samples, in name order (the bad ones are kept apart, under `bad/`)."""
    folder = SAMPLES / ADAPTER_MODULES[jurisdiction].rsplit(".", 1)[1]
    return sorted(p for p in folder.iterdir() if p.is_file())


def start_services() -> list[subprocess.Popen[bytes]]:
    """The router and every partner writer, as separate processes, their logs to stderr."""
    commands = (["serve", "router"], ["serve", "writer", "--partner", "all"])
    return [subprocess.Popen([sys.executable, "-m", "hub", *c]) for c in commands]  # noqa: S603 - our own command


def stop_services(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


async def wait_until_drained(settings: Settings) -> float:
    """Wait until the router and every writer have nothing waiting; returns the seconds it took."""
    started = time.monotonic()
    while time.monotonic() - started < DRAIN_TIMEOUT_S:
        depths = await queue_depths(settings)
        if all(d.waiting == 0 for d in depths):
            return time.monotonic() - started
        await asyncio.sleep(0.5)
    raise HubError(
        f"queues not drained after {DRAIN_TIMEOUT_S} s: " + ", ".join(f"{d.consumer}={d.waiting}" for d in depths)
    )


async def store_summary(settings: Settings) -> str:
    """Rows per table in each partner store, and what the router held or dead-lettered."""
    lines = [f"{'store':<6}" + "".join(f"{t:>19}" for t in PARTNER_TABLES)]
    for partner in JURISDICTIONS:
        connection = await connect(settings.partner_login(partner))
        try:
            counts = [await connection.fetchval(f"SELECT count(*) FROM {t}") for t in PARTNER_TABLES]  # noqa: S608
        finally:
            await connection.close()
        lines.append(f"{partner:<6}" + "".join(f"{c:>19}" for c in counts))
    hub = await connect(settings.hub_login())
    try:
        held = await hub.fetchval("SELECT count(*) FROM held_item WHERE status = 'PENDING'")
        dead = await hub.fetchval("SELECT count(*) FROM dlq_entry")
    finally:
        await hub.close()
    lines.append(f"held for their owners' decision: {held}; dead-lettered: {dead}")
    return "\n".join(lines)


async def run_demo(settings: Settings) -> int:
    await migrated(settings.hub_login(), "hub")
    for partner in JURISDICTIONS:
        await migrated(settings.partner_login(partner), "partner")
    processes = start_services()
    try:
        for jurisdiction in ADAPTER_MODULES:
            summary = await import_files(jurisdiction, sample_files(jurisdiction), settings=settings, quiet=True)
            print(f"{jurisdiction:>17}: {summary.render()}")
        seconds = await wait_until_drained(settings)
        print(f"router and writers caught up {seconds:.1f} s after the last import\n")
        print(await store_summary(settings))
    finally:
        stop_services(processes)
    return 0
