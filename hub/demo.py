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
from hub.domain.codes import CUSTODY_EVENTS, INTELLIGENCE_EVENTS, JURISDICTIONS, MINUTES_EVENTS, MOVEMENT_EVENTS
from hub.errors import HubError
from hub.queues import queue_depths
from hub.settings import Settings
from hub.store.connect import connect
from hub.store.hub_schema import migrate_hub

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
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


async def store_summary(settings: Settings, event_ids: list[str]) -> str:
    """What each partner store received of these events, by kind, and what waits for an owner's decision."""
    kinds = {
        "movement": MOVEMENT_EVENTS + MINUTES_EVENTS,
        "custody": CUSTODY_EVENTS,
        "intelligence": INTELLIGENCE_EVENTS,
    }
    lines = [f"{'store':<6}{'deliveries':>11}" + "".join(f"{k:>14}" for k in kinds)]
    for partner in JURISDICTIONS:
        connection = await connect(settings.partner_reader_login(partner))
        try:
            rows = await connection.fetch(
                "SELECT event_type, count(*) FROM applied_delivery WHERE event_id = ANY($1::uuid[]) GROUP BY 1",
                event_ids,
            )
        finally:
            await connection.close()
        counts = {r[0]: r[1] for r in rows}
        by_kind = [sum(counts.get(t, 0) for t in types) for types in kinds.values()]
        lines.append(f"{partner:<6}{sum(counts.values()):>11}" + "".join(f"{n:>14}" for n in by_kind))
    hub = await connect(settings.hub_reader_login())
    try:
        held = await hub.fetch(
            "SELECT owner_agency, count(*) FROM held_item WHERE status = 'PENDING' AND event_id = ANY($1::uuid[])"
            " GROUP BY 1 ORDER BY 1",
            event_ids,
        )
    finally:
        await hub.close()
    waiting = ", ".join(f"{r[0]} {r[1]}" for r in held) or "none"
    lines.append(f"held for their owners' decision: {waiting}")
    return "\n".join(lines)


async def run_demo(settings: Settings) -> int:
    await migrate_hub(settings)
    for partner in JURISDICTIONS:
        await migrated(settings.partner_login(partner), "partner")
    processes = start_services()
    try:
        event_ids: list[str] = []
        for jurisdiction in ADAPTER_MODULES:
            summary = await import_files(jurisdiction, sample_files(jurisdiction), settings=settings, quiet=True)
            print(f"{jurisdiction:>17}: {summary.render()}")
            event_ids += summary.event_ids
        seconds = await wait_until_drained(settings)
        print(f"router and writers caught up {seconds:.1f} s after the last import\n")
        print(await store_summary(settings, event_ids))
    finally:
        stop_services(processes)
    return 0
