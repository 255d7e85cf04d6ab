"""Importing each jurisdiction's sample files through the real broker puts exactly the accepted events on its
own inbound topic, once; re-importing adds none."""

from __future__ import annotations

from collections import Counter

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from adapters.importer import import_files
from adapters.registry import ADAPTER_MODULES, adapter_for
from hub.codec import decode
from hub.demo import sample_files
from hub.errors import CodecError
from hub.kafka_auth import ADMIN, client_security
from hub.settings import Settings
from hub.topics import INBOUND_PARTITIONS, inbound_topic

pytestmark = pytest.mark.integration


async def events_on(settings: Settings, topic: str) -> Counter[str]:
    """How many times each event id is on a topic, read from the beginning to the current end (as `hub-admin`:
    no component principal may read an inbound topic but the router)."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap, enable_auto_commit=False, **client_security(settings, ADMIN)
    )
    await consumer.start()
    counts: Counter[str] = Counter()
    try:
        partitions = [TopicPartition(topic, p) for p in range(INBOUND_PARTITIONS)]
        consumer.assign(partitions)
        ends = await consumer.end_offsets(partitions)
        for tp, start in (await consumer.beginning_offsets(partitions)).items():
            consumer.seek(tp, start)
        while [tp for tp in partitions if await consumer.position(tp) < ends[tp]]:
            batch = await consumer.getmany(timeout_ms=1000)
            for record in (r for rs in batch.values() for r in rs):
                if record.offset < ends[TopicPartition(record.topic, record.partition)]:
                    try:
                        counts[decode(record.value)["event_id"]] += 1
                    except CodecError:
                        continue
    finally:
        await consumer.stop()
    return counts


@pytest.mark.parametrize("jurisdiction", list(ADAPTER_MODULES))
async def test_importing_the_samples_publishes_each_accepted_event_once_and_a_reimport_adds_none(
    jurisdiction: str, settings: Settings, migrated_stores: None
) -> None:
    files = sample_files(jurisdiction)
    source = adapter_for(jurisdiction).JURISDICTION
    first = await import_files(jurisdiction, files, settings=settings, quiet=True)
    assert first.event_ids, "the samples must give accepted events"
    on_topic = await events_on(settings, inbound_topic(source))
    assert {e: on_topic[e] for e in first.event_ids} == dict.fromkeys(first.event_ids, 1)

    again = await import_files(jurisdiction, files, settings=settings, quiet=True)
    assert again.published == 0
    assert sorted(again.event_ids) == sorted(first.event_ids)
    assert await events_on(settings, inbound_topic(source)) == on_topic
