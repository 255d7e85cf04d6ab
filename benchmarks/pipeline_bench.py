"""End-to-end throughput on the running stack: signed events published to `hub.inbound.SCO`, routed, and applied
to the partner stores by the real router and writers (started here as processes). Prints figures; asserts nothing.

    hub stack up && python -m benchmarks.pipeline_bench [EVENTS]
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import asyncpg

from consumers.kafka_io import new_producer, send_all, start
from hub.adapter_keys import AdapterKeys
from hub.codec import encode
from hub.settings import Settings
from hub.signing import signature_headers
from hub.topics import inbound_topic

WHEN = datetime(2026, 11, 2, 10, tzinfo=UTC)


def event(event_type: str, nominal_id: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "event_id": str(uuid.uuid4()),
        "event_type": event_type,
        "occurred_at": WHEN,
        "recorded_at": WHEN,
        "source_jurisdiction": "SCO",
        "source_agency": "SCO-PSOS",
        "source_system": "BENCH",
        "nominal_id": nominal_id,
        "owner_agency": "SCO-PSOS",
        "classification": "OFFICIAL-SENSITIVE",
        "correlation_id": None,
        "identifiers": [{"scheme": "LOCAL", "value": nominal_id[:8].upper(), "agency": "SCO-PSOS"}],
        "payload": payload,
    }


def workload(count: int) -> tuple[list[str], list[dict[str, Any]]]:
    """A registration and then addresses for each nominal (a tenth of the events are registrations)."""
    nominals = [str(uuid.uuid4()) for _ in range(max(count // 10, 1))]
    events = [
        event(
            "NominalRegistered",
            n,
            {
                "family_name": "Bench",
                "given_names": "Mark",
                "aliases": [],
                "date_of_birth": date(1980, 1, 2),
                "sex": "U",
                "mappa_category": 1,
                "mappa_level": 1,
                "lead_agency": "SCO-PSOS",
                "status": "COMMUNITY",
            },
        )
        for n in nominals
    ]
    address = {"lines": ["1 High Street"], "town": "Perth", "postcode": "PH1 5AA", "bfpo": None}
    while len(events) < count:
        n = nominals[len(events) % len(nominals)]
        events.append(
            event(
                "AddressNotified",
                n,
                {"address": address, "address_type": "HOME", "notified_on": WHEN.date(), "effective_from": WHEN.date()},
            )
        )
    return nominals, events


async def applied(settings: Settings, nominals: list[str]) -> int:
    connection = await asyncpg.connect(**settings.partner_reader_login("SCO").connect_kwargs())
    try:
        count: int = await connection.fetchval(
            "SELECT count(*) FROM applied_delivery WHERE nominal_id = ANY($1::uuid[])", nominals
        )
    finally:
        await connection.close()
    return count


async def run(count: int) -> None:
    settings = Settings()
    nominals, events = workload(count)
    key = AdapterKeys(settings.stack_dir).current("SCO")
    started = time.monotonic()
    messages = []
    for e in events:
        value = encode(e)
        messages.append((inbound_topic("SCO"), e["nominal_id"].encode(), value, signature_headers(value, key)))
    encoded = time.monotonic()
    producer = new_producer(settings, "adapter-sco")
    await start(producer)
    try:
        await send_all(producer, messages)
    finally:
        await producer.stop()
    published = time.monotonic()
    while (done := await applied(settings, nominals)) < len(events):  # noqa: ASYNC110 - polling a database
        await asyncio.sleep(0.2)
    finished = time.monotonic()
    print(f"events: {len(events)} ({len(nominals)} registrations), each delivered to the SCO store")
    print(f"encode + sign: {len(events) / (encoded - started):,.0f} events/s")
    print(f"publish (acks=all): {len(events) / (published - encoded):,.0f} events/s")
    print(
        f"end to end, first publish to last row applied: {len(events) / (finished - encoded):,.0f} events/s"
        f" ({finished - encoded:.1f} s, {done} deliveries applied)"
    )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    log = open(Path(tempfile.gettempdir()) / "pipeline_bench.log", "w")  # noqa: SIM115 - open while they run
    services = [
        subprocess.Popen([sys.executable, "-m", "hub", *c], stderr=log)  # noqa: S603
        for c in (["serve", "router"], ["serve", "writer", "--partner", "SCO"])
    ]
    try:
        time.sleep(5)  # let both join their consumer groups
        asyncio.run(run(count))
    finally:
        for service in services:
            service.send_signal(signal.SIGTERM)
        for service in services:
            service.wait(timeout=60)


if __name__ == "__main__":
    main()
