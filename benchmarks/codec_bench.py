"""Encode/decode throughput of hub.codec, printed in messages per second (no assertions: a measurement).

Run from the repository root: .venv/bin/python -m benchmarks.codec_bench [messages]
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable
from typing import Any

from hub import codec

UTC = dt.UTC
ADDRESS = {"lines": ["12 Leith Walk", "Flat 3/2"], "town": "Edinburgh", "postcode": "EH6 5AA", "bfpo": None}
ENVELOPE = {
    "event_id": "0b7f4a52-3c1d-5e8f-9a0b-1c2d3e4f5a6b",
    "occurred_at": dt.datetime(2026, 3, 2, 9, 15, 0, tzinfo=UTC),
    "recorded_at": dt.datetime(2026, 3, 2, 9, 15, 2, 250000, tzinfo=UTC),
    "source_jurisdiction": "SCO",
    "source_agency": "SCO-PSOS",
    "source_system": "SJX",
    "nominal_id": "6f1c2b9e-8d4a-4c3b-9e2f-1a0b7c6d5e4f",
    "owner_agency": "SCO-PSOS",
    "classification": "OFFICIAL-SENSITIVE",
    "correlation_id": None,
    "identifiers": [{"scheme": "PNC", "value": "2019/0123456X", "agency": None}],
}


def sample_events() -> list[dict[str, Any]]:
    """A small, a medium and a large canonical event, as adapters produce them."""
    envelope = ENVELOPE
    return [
        envelope | {"event_type": "NominalArchived", "payload": {"reason": "Deceased, confirmed by registrar."}},
        envelope
        | {
            "event_type": "AddressNotified",
            "payload": {
                "address": ADDRESS,
                "address_type": "HOME",
                "notified_on": dt.date(2026, 3, 1),
                "effective_from": dt.date(2026, 3, 2),
            },
        },
        envelope
        | {
            "event_type": "NominalRegistered",
            "payload": {
                "family_name": "MacDonald",
                "given_names": "Iain Ruaridh",
                "aliases": [{"family_name": "Donald", "given_names": "Ian"}] * 3,
                "date_of_birth": dt.date(1984, 7, 19),
                "sex": "M",
                "mappa_category": 1,
                "mappa_level": 2,
                "lead_agency": "SCO-PSOS",
                "status": "COMMUNITY",
            },
        },
    ]


def rate(operation: Callable[[Any], Any], items: list[Any]) -> float:
    """Messages per second of `operation` over `items` (best of three runs)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for item in items:
            operation(item)
        best = min(best, time.perf_counter() - start)
    return len(items) / best


def main(count: int) -> None:
    """Print encode and decode throughput per event type."""
    for event in sample_events():
        message = codec.encode(event)
        encode_rate = rate(codec.encode, [event] * count)
        decode_rate = rate(codec.decode, [message] * count)
        print(
            f"{event['event_type']:<18} {len(message):>4} bytes  "
            f"encode {encode_rate:>10,.0f} msg/s  decode {decode_rate:>10,.0f} msg/s"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
