"""The hub's Kafka topic layout: one place that names every topic and fixes its partition count.

Every message on these topics is keyed by the offender's `nominal_id` (its UTF-8 bytes), so Kafka's default
partitioner keeps each nominal's events in order on one partition. Partition counts are fixed here and
created explicitly by `hub stack up` (the broker refuses to auto-create topics): changing a count on a live
topic reshuffles keys, so raise it only together with a migration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from hub.domain.codes import JURISDICTIONS

INBOUND_PARTITIONS: Final = 6
DELIVER_PARTITIONS: Final = 6
HELD_PARTITIONS: Final = 3
DLQ_PARTITIONS: Final = 3

HELD_TOPIC: Final = "hub.held"
DLQ_TOPIC: Final = "hub.dlq"


@dataclass(frozen=True, slots=True)
class TopicSpec:
    """A topic the hub needs, with the partition count it is created with."""

    name: str
    partitions: int


def _checked(jurisdiction: str) -> str:
    if jurisdiction not in JURISDICTIONS:
        raise ValueError(f"unknown jurisdiction {jurisdiction!r}; expected one of {', '.join(JURISDICTIONS)}")
    return jurisdiction


def inbound_topic(source: str) -> str:
    """The topic an adapter for `source` (e.g. "SCO") publishes canonical events to."""
    return f"hub.inbound.{_checked(source)}"


def deliver_topic(partner: str) -> str:
    """The queue of deliveries the router has accepted for `partner` (e.g. "EAW")."""
    return f"hub.deliver.{_checked(partner)}"


def all_topics() -> tuple[TopicSpec, ...]:
    """Every topic the hub uses, in a stable order."""
    inbound = tuple(TopicSpec(inbound_topic(j), INBOUND_PARTITIONS) for j in JURISDICTIONS)
    deliver = tuple(TopicSpec(deliver_topic(j), DELIVER_PARTITIONS) for j in JURISDICTIONS)
    return (*inbound, *deliver, TopicSpec(HELD_TOPIC, HELD_PARTITIONS), TopicSpec(DLQ_TOPIC, DLQ_PARTITIONS))
