"""The numbers operations staff watch, in the Prometheus text format: queue depth per consumer, holds waiting
for their owners (and overdue ones, which escalate), dead letters and security rejections by reason."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from hub.queues import queue_depths
from hub.settings import Settings
from hub.store.connect import connect

Sample = tuple[str, dict[str, str], float]

HELP = {
    "hub_queue_waiting": "Messages waiting for a consumer (router or partner writer); -1 when its store is unreachable",
    "hub_held_pending": "Deliveries held for their owner's decision",
    "hub_held_overdue": "Held deliveries past their response deadline (escalate to the owner)",
    "hub_dead_letters": "Dead letters not yet replayed, by reason",
    "hub_security_rejections_total": "Messages refused for their signature, by reason",
}


def render(samples: Iterable[Sample]) -> str:
    """The exposition text: a HELP and TYPE line per metric, then its samples."""
    lines: list[str] = []
    seen: set[str] = set()
    for name, labels, value in samples:
        if name not in seen:
            seen.add(name)
            kind = "counter" if name.endswith("_total") else "gauge"
            lines += [f"# HELP {name} {HELP[name]}", f"# TYPE {name} {kind}"]
        label_text = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
        lines.append(f"{name}{{{label_text}}} {value:g}" if labels else f"{name} {value:g}")
    return "\n".join(lines) + "\n"


async def gather(settings: Settings, now: datetime | None = None) -> list[Sample]:
    """Read every metric with the read-only roles."""
    now = now or datetime.now(UTC)
    samples: list[Sample] = [
        ("hub_queue_waiting", {"consumer": d.consumer}, -1 if d.waiting is None else d.waiting)
        for d in await queue_depths(settings)
    ]
    connection = await connect(settings.hub_reader_login())
    try:
        held = await connection.fetch(
            "SELECT owner_agency, count(*), count(*) FILTER (WHERE respond_by < $1) FROM held_item"
            " WHERE status = 'PENDING' GROUP BY 1 ORDER BY 1",
            now,
        )
        dead = await connection.fetch(
            "SELECT reason_code, count(*) FROM dlq_entry WHERE replayed_at IS NULL GROUP BY 1 ORDER BY 1"
        )
        security = await connection.fetch("SELECT reason_code, rejections FROM security_rejection_count ORDER BY 1")
    finally:
        await connection.close()
    samples += [("hub_held_pending", {"owner": r[0]}, r[1]) for r in held]
    samples += [("hub_held_overdue", {"owner": r[0]}, r[2]) for r in held]
    samples += [("hub_dead_letters", {"reason": r[0]}, r[1]) for r in dead]
    samples += [("hub_security_rejections_total", {"reason": r[0]}, r[1]) for r in security]
    return samples
