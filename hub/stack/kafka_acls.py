"""The hub's Kafka access policy as data, and applying it to the broker (idempotently, on every `hub stack up`).

The broker runs the StandardAuthorizer with `allow.everyone.if.no.acl.found=false`: nothing is allowed
unless a grant below says so. `hub-admin` and `hub-broker` are super users and need no grants.

- `adapter-<src>`: Write + Describe on its own `hub.inbound.<SRC>` only (idempotent producers need no
  cluster-level IdempotentWrite since Kafka 3.0: Write on a topic implies it).
- `router`: Read + Describe on every `hub.inbound.` topic; Write + Describe on every `hub.deliver.` topic,
  `hub.held` and `hub.dlq`; Read on its group `hub-router`. Nobody else writes deliveries.
- `writer-<p>`: Read + Describe on its own `hub.deliver.<P>`; Read on its group `hub-writer-<P>`.
- `monitor` (read-only tools): Describe on every hub topic (end offsets for `hub queues`); Read on `hub.dlq`
  and `hub.held` under its own group prefix `hub-monitor`. It can write nowhere.
- `operator` (`hub dlq replay`): Write + Describe on every `hub.inbound.` topic, because a replayed dead
  letter goes back, byte for byte, to the inbound topic it was refused from, to be routed again. It reads
  the dead letters from the hub database, not from Kafka, so it holds no Read grant at all.

aiokafka 0.14 has no `create_acls` on its admin client but carries the CreateAcls request (API 30, v1):
`apply_acls` sends it through the admin client's connection. The broker treats a grant that already
exists as done, so applying the table twice changes nothing. Grants dropped from the table are not
revoked by `up` (`hub stack reset` starts afresh).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.protocol.admin import CreateAclsRequest

from hub.domain.codes import JURISDICTIONS
from hub.errors import BrokerError
from hub.kafka_auth import MONITOR, OPERATOR, ROUTER, adapter_principal, writer_principal
from hub.topics import DLQ_TOPIC, HELD_TOPIC, deliver_topic, inbound_topic

INBOUND_PREFIX = "hub.inbound."
DELIVER_PREFIX = "hub.deliver."
MONITOR_GROUP_PREFIX = "hub-monitor"
ROUTER_GROUP = "hub-router"


def writer_group(partner: str) -> str:
    return f"hub-writer-{partner}"


class Resource(IntEnum):
    """Kafka's ResourceType codes."""

    TOPIC = 2
    GROUP = 3
    CLUSTER = 4


class Pattern(IntEnum):
    """Kafka's PatternType codes."""

    LITERAL = 3
    PREFIXED = 4


class Operation(IntEnum):
    """Kafka's AclOperation codes (the ones the hub grants)."""

    READ = 3
    WRITE = 4
    DESCRIBE = 8


_ALLOW = 3  # AclPermissionType.ALLOW
_ANY_HOST = "*"


@dataclass(frozen=True, slots=True)
class Grant:
    """One ALLOW ACL: `principal` may do `operation` on the resource(s) `name` names under `pattern`."""

    principal: str
    operation: Operation
    resource: Resource
    name: str
    pattern: Pattern = Pattern.LITERAL

    def covers(self, resource: Resource, name: str) -> bool:
        """Whether this grant applies to the resource called `name`."""
        if resource != self.resource:
            return False
        return name == self.name if self.pattern == Pattern.LITERAL else name.startswith(self.name)


def _topic(principal: str, name: str, *operations: Operation, prefixed: bool = False) -> list[Grant]:
    pattern = Pattern.PREFIXED if prefixed else Pattern.LITERAL
    return [Grant(principal, operation, Resource.TOPIC, name, pattern) for operation in operations]


def _group(principal: str, name: str, *, prefixed: bool = False) -> Grant:
    return Grant(principal, Operation.READ, Resource.GROUP, name, Pattern.PREFIXED if prefixed else Pattern.LITERAL)


R, W, D = Operation.READ, Operation.WRITE, Operation.DESCRIBE


def acl_table() -> tuple[Grant, ...]:
    """Every grant the hub's principals hold; anything not here is refused."""
    grants: list[Grant] = []
    for source in JURISDICTIONS:
        grants += _topic(adapter_principal(source), inbound_topic(source), W, D)
    grants += _topic(ROUTER, INBOUND_PREFIX, R, D, prefixed=True)
    grants += _topic(ROUTER, DELIVER_PREFIX, W, D, prefixed=True)
    grants += _topic(ROUTER, HELD_TOPIC, W, D)
    grants += _topic(ROUTER, DLQ_TOPIC, W, D)
    grants.append(_group(ROUTER, ROUTER_GROUP))
    for partner in JURISDICTIONS:
        principal = writer_principal(partner)
        grants += _topic(principal, deliver_topic(partner), R, D)
        grants.append(_group(principal, writer_group(partner)))
    grants += _topic(MONITOR, INBOUND_PREFIX, D, prefixed=True)
    grants += _topic(MONITOR, DELIVER_PREFIX, D, prefixed=True)
    grants += _topic(MONITOR, HELD_TOPIC, R, D)
    grants += _topic(MONITOR, DLQ_TOPIC, R, D)
    grants.append(_group(MONITOR, MONITOR_GROUP_PREFIX, prefixed=True))
    grants += _topic(OPERATOR, INBOUND_PREFIX, W, D, prefixed=True)
    return tuple(grants)


def allowed(grants: Iterable[Grant], principal: str, operation: Operation, resource: Resource, name: str) -> bool:
    """Whether `grants` let `principal` do `operation` on a resource (the authorizer's rule, for tests)."""
    return any(g.principal == principal and g.operation == operation and g.covers(resource, name) for g in grants)


async def apply_acls(admin: AIOKafkaAdminClient, grants: Iterable[Grant] = acl_table()) -> int:
    """Create every grant on the broker (existing ones are left as they are); returns how many were sent."""
    count = 0
    for grant in grants:
        request = CreateAclsRequest(
            grant.resource, grant.name, grant.pattern, f"User:{grant.principal}", _ANY_HOST, grant.operation, _ALLOW
        )
        response: Any = await admin._send_request(request)
        _raise_on_errors(grant, response.to_object()["creation_responses"])
        count += 1
    return count


def _raise_on_errors(grant: Grant, results: list[dict[str, Any]]) -> None:
    failures = [f"error {r['error_code']} {r.get('error_message') or ''}".strip() for r in results if r["error_code"]]
    if failures:
        raise BrokerError(f"creating the ACL {grant} failed: " + "; ".join(failures))
