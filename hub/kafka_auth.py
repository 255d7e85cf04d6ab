"""Who talks to Kafka, and how: one SASL/SCRAM-SHA-512 principal per component, over TLS verified against
the stack's CA. Every client (consumers/kafka_io.py, hub/queues.py, hub/stack/) logs in through here.

The principals, and what each may do (hub/stack/kafka_acls.py holds the grants):
- `hub-admin`: super user of the hub's own tooling (`hub stack up`: topics, ACLs, status);
- `hub-broker`: the broker itself on its inter-broker listener;
- `adapter-<src>`: one per jurisdiction, writes only its own `hub.inbound.<SRC>`;
- `router`: reads the inbound topics, writes deliveries, held and DLQ;
- `writer-<p>`: one per partner, reads only its own `hub.deliver.<P>`;
- `monitor`: the read-only tools (`hub queues`, `hub dlq list`, the ops console);
- `operator`: `hub dlq replay`, which puts a dead letter back on the inbound topic it came from.
"""

from __future__ import annotations

import ssl
from typing import Final, Literal, TypedDict

from aiokafka.helpers import create_ssl_context

from hub.domain.codes import JURISDICTIONS
from hub.settings import Settings

ADMIN: Final = "hub-admin"
BROKER: Final = "hub-broker"
ROUTER: Final = "router"
MONITOR: Final = "monitor"
OPERATOR: Final = "operator"
SASL_MECHANISM: Final = "SCRAM-SHA-512"
SCRAM_ITERATIONS: Final = 8192


def adapter_principal(source: str) -> str:
    """The principal an adapter for `source` (e.g. "SCO") publishes as: `adapter-sco`."""
    return f"adapter-{_checked(source).lower()}"


def writer_principal(partner: str) -> str:
    """The principal the writer for `partner` (e.g. "EAW") consumes as: `writer-eaw`."""
    return f"writer-{_checked(partner).lower()}"


def all_principals() -> tuple[str, ...]:
    """Every SCRAM user the broker knows, in a stable order."""
    adapters = tuple(adapter_principal(j) for j in JURISDICTIONS)
    writers = tuple(writer_principal(j) for j in JURISDICTIONS)
    return (ADMIN, BROKER, ROUTER, MONITOR, OPERATOR, *adapters, *writers)


def _checked(jurisdiction: str) -> str:
    if jurisdiction not in JURISDICTIONS:
        raise ValueError(f"unknown jurisdiction {jurisdiction!r}; expected one of {', '.join(JURISDICTIONS)}")
    return jurisdiction


class KafkaClientSecurity(TypedDict):
    """The keyword arguments every aiokafka client takes to log in as one principal over verified TLS."""

    security_protocol: Literal["SASL_SSL"]
    ssl_context: ssl.SSLContext
    sasl_mechanism: Literal["SCRAM-SHA-512"]
    sasl_plain_username: str
    sasl_plain_password: str


def client_security(settings: Settings, principal: str) -> KafkaClientSecurity:
    """SASL_SSL as `principal`: the broker's certificate must chain to the stack's CA and name its host."""
    password = settings.kafka_password(principal)
    context = create_ssl_context(cafile=str(settings.kafka_ca()))
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return KafkaClientSecurity(
        security_protocol="SASL_SSL",
        ssl_context=context,
        sasl_mechanism="SCRAM-SHA-512",
        sasl_plain_username=principal,
        sasl_plain_password=password.get_secret_value(),
    )
