"""The topic layout other code imports: names and partition counts."""

from __future__ import annotations

import pytest

from hub.domain.codes import JURISDICTIONS
from hub.topics import DLQ_TOPIC, HELD_TOPIC, all_topics, deliver_topic, inbound_topic


def test_every_jurisdiction_has_an_inbound_and_a_deliver_topic_plus_held_and_dlq() -> None:
    names = [spec.name for spec in all_topics()]
    assert len(names) == len(set(names)) == 2 * len(JURISDICTIONS) + 2
    assert {inbound_topic(j) for j in JURISDICTIONS} | {deliver_topic(j) for j in JURISDICTIONS} <= set(names)
    assert {HELD_TOPIC, DLQ_TOPIC} <= set(names)


def test_topic_names_follow_the_design() -> None:
    assert inbound_topic("SCO") == "hub.inbound.SCO"
    assert deliver_topic("EAW") == "hub.deliver.EAW"


def test_partition_counts_are_explicit() -> None:
    counts = {spec.name: spec.partitions for spec in all_topics()}
    assert counts["hub.inbound.NIR"] == 6
    assert counts["hub.deliver.RMP"] == 6
    assert counts["hub.held"] == 3
    assert counts["hub.dlq"] == 3


def test_an_unknown_jurisdiction_has_no_topic() -> None:
    with pytest.raises(ValueError, match="unknown jurisdiction 'XXX'"):
        inbound_topic("XXX")
