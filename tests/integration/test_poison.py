"""A poison record never blocks its partition: each kind lands in `hub.dlq` with a reason a person can act on,
the events after it keep flowing, and a dead letter can be replayed."""

from __future__ import annotations

import io
from typing import Any

import fastavro
import pytest
from aiokafka import AIOKafkaConsumer

from consumers.dlq import replay
from hub.codec import MARKER, encode, schema_fingerprint
from hub.kafka_auth import MONITOR, client_security
from hub.settings import Settings
from hub.topics import DLQ_TOPIC, inbound_topic
from schemas import current_schemas
from tests import factories as f
from tests.integration.conftest import (
    AdapterProducers,
    HubServices,
    delivered_event_ids,
    publish,
    publish_raw,
    query,
    wait_until,
)

pytestmark = pytest.mark.integration


def encode_unchecked(event: dict[str, Any]) -> bytes:
    """Single-object encoding without the codec's checks: what a faulty or hostile producer could send."""
    raw = current_schemas()[event["event_type"]]
    body = io.BytesIO()
    fastavro.schemaless_writer(body, fastavro.parse_schema(raw), event)
    return MARKER + schema_fingerprint(raw) + body.getvalue()


def poison(nominal: str) -> dict[str, bytes]:
    secret = f.registered(nominal, classification="SECRET")
    stranger = f.registered(nominal, owner="XYZ-UNKNOWN")
    english = f.registered(nominal, "EAW-F01")
    valid = encode(f.registered(nominal))
    return {
        "UNDECODABLE": b"this is not avro at all",
        "UNKNOWN_SCHEMA": MARKER + b"\x00" * 8 + valid[10:],
        "TRUNCATED": valid[: len(valid) // 2],
        "CLASSIFICATION_REFUSED": encode_unchecked(secret),
        "UNKNOWN_AGENCY": encode_unchecked(stranger),
        "WRONG_TOPIC": encode(english),
    }


async def test_each_kind_of_poison_goes_to_the_dlq_with_its_reason_and_the_partition_keeps_flowing(
    services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    nominal = f.new_id()
    key = nominal.encode()  # one key: every record below lands on the same partition, in this order
    offsets = {
        kind: await publish_raw(producer, inbound_topic("SCO"), key, value) for kind, value in poison(nominal).items()
    }
    after = f.registered(nominal)
    await publish(producer, [after])

    async def delivered() -> bool:
        return after["event_id"] in await delivered_event_ids(settings, "SCO", [nominal])

    await wait_until(delivered, what="the valid event behind the poison to be delivered")
    rows = await query(
        settings.hub_login(),
        'SELECT "offset", reason_code, reason FROM dlq_entry WHERE source_topic = $1 AND "offset" = ANY($2::bigint[])',
        inbound_topic("SCO"),
        list(offsets.values()),
    )
    by_offset = {r[0]: (r[1], r[2]) for r in rows}
    expected_codes = {**{k: k for k in offsets}, "TRUNCATED": "UNDECODABLE"}
    assert {kind: by_offset[o][0] for kind, o in offsets.items()} == expected_codes
    assert all(by_offset[o][1] for o in offsets.values())  # every reason has words a person can act on
    assert "OFFICIAL-SENSITIVE" in by_offset[offsets["CLASSIFICATION_REFUSED"]][1]
    secret_deliveries = await query(
        settings.hub_login(), "SELECT count(*) FROM decision WHERE nominal_id = $1 AND outcome = 'DELIVERED'", nominal
    )
    assert secret_deliveries[0][0] == 1  # only the valid registration was delivered

    dead = await read_dlq(settings, {str(o) for o in offsets.values()})
    assert {h["reason_code"] for h in dead} == set(expected_codes.values())


async def read_dlq(settings: Settings, source_offsets: set[str]) -> list[dict[str, str]]:
    consumer = AIOKafkaConsumer(
        DLQ_TOPIC,
        bootstrap_servers=settings.kafka_bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        **client_security(settings, MONITOR),  # the read-only tools' principal may read the DLQ
    )
    await consumer.start()
    found: list[dict[str, str]] = []
    try:
        for _ in range(20):
            batch = await consumer.getmany(timeout_ms=500)
            for record in (r for rs in batch.values() for r in rs):
                headers = {k: v.decode() for k, v in record.headers}
                if headers.get("source_topic") == inbound_topic("SCO") and headers["source_offset"] in source_offsets:
                    found.append(headers)
            if len(found) >= len(source_offsets):
                break
    finally:
        await consumer.stop()
    return found


async def test_a_replayed_dead_letter_is_published_again_to_its_source_topic(
    services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    nominal = f.new_id()
    original = encode_unchecked(f.registered(nominal, classification="SECRET"))
    offset = await publish_raw(producer, inbound_topic("SCO"), nominal.encode(), original)

    async def dead_lettered() -> list[Any]:
        return await query(
            settings.hub_login(),
            'SELECT dlq_id::text, "offset", replayed_at FROM dlq_entry WHERE original = $1 ORDER BY recorded_at',
            original,
        )

    await wait_until(lambda: _count_is(dead_lettered, 1), what="the first dead letter")
    first = (await dead_lettered())[0]
    assert first[1] == offset
    assert await replay(settings, [first[0]]) == 1
    await wait_until(lambda: _count_is(dead_lettered, 2), what="the replayed record to be dead-lettered again")
    rows = await dead_lettered()
    assert rows[0][2] is not None  # marked replayed
    assert rows[1][1] > offset  # the same bytes, published again, on the same partition (same key), later


async def _count_is(rows: Any, n: int) -> bool:
    return len(await rows()) == n
