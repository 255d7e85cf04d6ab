"""The hub's Kafka ACL table read as the policy: who may read and write which topic, and nothing more."""

from __future__ import annotations

import pytest

from hub.domain.codes import JURISDICTIONS
from hub.kafka_auth import (
    ADMIN,
    BROKER,
    MONITOR,
    OPERATOR,
    ROUTER,
    adapter_principal,
    all_principals,
    writer_principal,
)
from hub.stack.kafka_acls import Grant, Operation, Pattern, Resource, acl_table, allowed
from hub.topics import DLQ_TOPIC, HELD_TOPIC, all_topics, deliver_topic, inbound_topic

TABLE = acl_table()
TOPICS = [spec.name for spec in all_topics()]
R, W, D = Operation.READ, Operation.WRITE, Operation.DESCRIBE


def may(principal: str, operation: Operation, topic: str) -> bool:
    return allowed(TABLE, principal, operation, Resource.TOPIC, topic)


def topics_for(principal: str, operation: Operation) -> set[str]:
    return {topic for topic in TOPICS if may(principal, operation, topic)}


def test_principals_are_one_per_component_and_unique() -> None:
    names = all_principals()
    assert len(names) == len(set(names)) == 5 + 2 * len(JURISDICTIONS)
    assert adapter_principal("SCO") == "adapter-sco"
    assert writer_principal("EAW") == "writer-eaw"
    with pytest.raises(ValueError, match="unknown jurisdiction"):
        adapter_principal("XXX")


def test_every_grant_is_for_a_known_principal_and_super_users_hold_none() -> None:
    holders = {grant.principal for grant in TABLE}
    assert holders <= set(all_principals())
    assert ADMIN not in holders
    assert BROKER not in holders


@pytest.mark.parametrize("source", JURISDICTIONS)
def test_each_adapter_writes_exactly_its_own_inbound_topic_and_reads_nothing(source: str) -> None:
    adapter = adapter_principal(source)
    assert topics_for(adapter, W) == {inbound_topic(source)}
    assert topics_for(adapter, R) == set()
    assert {g.resource for g in TABLE if g.principal == adapter} == {Resource.TOPIC}


def test_nobody_but_the_router_writes_deliveries_held_or_the_dlq() -> None:
    routed = [*(deliver_topic(p) for p in JURISDICTIONS), HELD_TOPIC, DLQ_TOPIC]
    for topic in routed:
        writers = {principal for principal in all_principals() if may(principal, W, topic)}
        assert writers == {ROUTER}, topic


def test_the_router_reads_every_inbound_topic_and_writes_every_routed_one_in_its_own_group() -> None:
    assert topics_for(ROUTER, R) == {inbound_topic(j) for j in JURISDICTIONS}
    assert topics_for(ROUTER, W) == {*(deliver_topic(p) for p in JURISDICTIONS), HELD_TOPIC, DLQ_TOPIC}
    assert allowed(TABLE, ROUTER, R, Resource.GROUP, "hub-router")
    assert not allowed(TABLE, ROUTER, R, Resource.GROUP, "hub-writer-SCO")


@pytest.mark.parametrize("partner", JURISDICTIONS)
def test_each_writer_reads_only_its_own_queue_in_its_own_group_and_writes_nothing(partner: str) -> None:
    writer = writer_principal(partner)
    assert topics_for(writer, R) == {deliver_topic(partner)}
    assert topics_for(writer, W) == set()
    groups = [g for g in TABLE if g.principal == writer and g.resource == Resource.GROUP]
    assert groups == [Grant(writer, R, Resource.GROUP, f"hub-writer-{partner}", Pattern.LITERAL)]


def test_the_monitor_sees_every_topic_reads_only_dlq_and_held_and_writes_nowhere() -> None:
    assert topics_for(MONITOR, D) == set(TOPICS)
    assert topics_for(MONITOR, R) == {DLQ_TOPIC, HELD_TOPIC}
    assert topics_for(MONITOR, W) == set()
    assert allowed(TABLE, MONITOR, R, Resource.GROUP, "hub-monitor-console")
    assert not allowed(TABLE, MONITOR, R, Resource.GROUP, "hub-router")


def test_the_operator_only_puts_dead_letters_back_on_inbound_topics() -> None:
    assert topics_for(OPERATOR, W) == {inbound_topic(j) for j in JURISDICTIONS}
    assert topics_for(OPERATOR, R) == set()
    assert {g.resource for g in TABLE if g.principal == OPERATOR} == {Resource.TOPIC}


def test_no_grant_reaches_the_cluster_or_uses_a_wildcard() -> None:
    assert all(grant.resource != Resource.CLUSTER for grant in TABLE)
    assert all(grant.name and "*" not in grant.name for grant in TABLE)
    prefixed = {grant.name for grant in TABLE if grant.pattern == Pattern.PREFIXED}
    assert prefixed == {"hub.inbound.", "hub.deliver.", "hub-monitor"}
