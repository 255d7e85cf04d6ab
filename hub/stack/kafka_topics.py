"""Creating the hub's topics (hub/topics.py) and ACLs (kafka_acls.py) on the local broker, idempotently, and
reading them back; the hub's tooling logs in as the super user `hub-admin`."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError

from hub.errors import BrokerError
from hub.kafka_auth import ADMIN, client_security
from hub.log import get_logger
from hub.settings import Settings
from hub.stack.kafka_acls import apply_acls
from hub.topics import TopicSpec, all_topics

log = get_logger("hub.stack.kafka_topics")

LOCAL_REPLICATION_FACTOR = 1  # the local stack has one broker; a cluster uses 3 (docs: DESIGN.md, "Scale")
_TOPIC_ALREADY_EXISTS = 36
_SETTLE_SECONDS = 15.0


@asynccontextmanager
async def admin_client(settings: Settings) -> AsyncIterator[AIOKafkaAdminClient]:
    """A started admin client logged in as `hub-admin`; aiokafka's errors come out as BrokerError."""
    bootstrap = settings.kafka_bootstrap
    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap, request_timeout_ms=15000, **client_security(settings, ADMIN)
    )
    try:
        await admin.start()
        yield admin
    except (TimeoutError, KafkaError, OSError) as exc:
        raise BrokerError(f"Kafka admin request to {bootstrap} failed: {exc!r}") from exc
    finally:
        await admin.close()


async def ensure_topics(settings: Settings, specs: Iterable[TopicSpec] = all_topics()) -> list[str]:
    """Create the missing topics and check every partition count; return the names created."""
    wanted = {spec.name: spec.partitions for spec in specs}
    async with admin_client(settings) as admin:
        existing = set(await admin.list_topics())
        missing = [NewTopic(name, n, LOCAL_REPLICATION_FACTOR) for name, n in wanted.items() if name not in existing]
        if missing:
            _raise_on_errors(await admin.create_topics(missing))
        counts = await _settled_counts(admin, wanted)
    _check_counts(wanted, counts)
    if missing:
        log.info("kafka_topics_created", topics=[topic.name for topic in missing])
    return [topic.name for topic in missing]


async def partition_counts(settings: Settings, names: Iterable[str]) -> dict[str, int]:
    """The partition count of each named topic that exists (absent topics are left out)."""
    async with admin_client(settings) as admin:
        return await _counts(admin, list(names))


async def ensure_acls(settings: Settings) -> int:
    """Apply the hub's ACL table (hub/stack/kafka_acls.py); returns how many grants it holds."""
    async with admin_client(settings) as admin:
        count = await apply_acls(admin)
    log.info("kafka_acls_applied", grants=count)
    return count


async def _counts(admin: AIOKafkaAdminClient, names: list[str]) -> dict[str, int]:
    described: list[dict[str, Any]] = await admin.describe_topics(names)
    return {item["topic"]: len(item["partitions"]) for item in described if item["error_code"] == 0}


async def _settled_counts(admin: AIOKafkaAdminClient, wanted: dict[str, int]) -> dict[str, int]:
    """Counts once the metadata shows every topic (creation returns before metadata catches up)."""
    deadline = time.monotonic() + _SETTLE_SECONDS
    counts = await _counts(admin, list(wanted))
    while len(counts) < len(wanted) and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
        counts = await _counts(admin, list(wanted))
    return counts


def _raise_on_errors(response: Any) -> None:
    failures = [
        f"{item['topic']}: error {item['error_code']} {item.get('error_message') or ''}".strip()
        for item in response.to_object()["topic_errors"]
        if item["error_code"] not in (0, _TOPIC_ALREADY_EXISTS)
    ]
    if failures:
        raise BrokerError("creating topics failed: " + "; ".join(failures))


def _check_counts(wanted: dict[str, int], counts: dict[str, int]) -> None:
    wrong = [
        f"{name} has {counts.get(name, 0)} partitions, hub/topics.py says {n}"
        for name, n in wanted.items()
        if counts.get(name) != n
    ]
    if wrong:
        raise BrokerError(
            "topics differ from the layout: " + "; ".join(wrong) + " (on the local stack, `hub stack reset`)"
        )
