"""The single-node KRaft broker's `server.properties`, rendered from a typed description (pure, no I/O).

The client listener is SASL_SSL with SCRAM-SHA-512 (TLS from the stack's CA, a PEM key store) and is also
the inter-broker listener, where the broker logs in as `hub-broker`. The StandardAuthorizer refuses whatever
no ACL grants (hub/stack/kafka_acls.py). The controller listener stays loopback PLAINTEXT (STACK_NOTES: avoids
quorum bootstrap trouble with SCRAM); its connections are `User:ANONYMOUS`, a super user so that the broker
can register with its controller — which is why that listener must never leave the loopback interface.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import SecretStr

from hub.kafka_auth import ADMIN, BROKER, SASL_MECHANISM
from hub.settings import Settings

SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]

NODE_ID = 1
CLIENT_LISTENER = "CLIENT"
CONTROLLER_LISTENER = "CONTROLLER"


@dataclass(frozen=True, slots=True)
class Listener:
    """One socket the broker listens on; `advertised` ones are what clients are told to connect to."""

    name: str
    host: str
    port: int
    protocol: SecurityProtocol = "PLAINTEXT"
    advertised: bool = True

    @property
    def address(self) -> str:
        return f"{self.name}://{self.host}:{self.port}"


@dataclass(frozen=True, slots=True)
class BrokerSecurity:
    """TLS and SASL for the client listener: key stores as PEM files, the broker's own SCRAM login."""

    keystore: Path
    """PKCS#8 private key followed by the certificate chain (0600)."""
    truststore: Path
    """The stack's CA certificate."""
    broker_password: SecretStr
    broker_user: str = BROKER
    super_users: tuple[str, ...] = (ADMIN, BROKER)

    def properties(self, client_listener: str) -> tuple[tuple[str, str], ...]:
        jaas = (
            "org.apache.kafka.common.security.scram.ScramLoginModule required "
            f'username="{self.broker_user}" password="{self.broker_password.get_secret_value()}";'
        )
        supers = ";".join(f"User:{name}" for name in (*self.super_users, "ANONYMOUS"))
        return (
            ("sasl.enabled.mechanisms", SASL_MECHANISM),
            ("sasl.mechanism.inter.broker.protocol", SASL_MECHANISM),
            (f"listener.name.{client_listener.lower()}.scram-sha-512.sasl.jaas.config", jaas),
            ("ssl.keystore.type", "PEM"),
            ("ssl.keystore.location", str(self.keystore)),
            ("ssl.truststore.type", "PEM"),
            ("ssl.truststore.location", str(self.truststore)),
            ("ssl.client.auth", "none"),
            ("ssl.enabled.protocols", "TLSv1.3,TLSv1.2"),
            ("ssl.endpoint.identification.algorithm", "https"),
            ("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
            ("allow.everyone.if.no.acl.found", "false"),
            # ANONYMOUS is whoever connects on the loopback PLAINTEXT controller listener: the broker itself.
            ("super.users", supers),
        )


@dataclass(frozen=True, slots=True)
class BrokerConfig:
    """Everything `server.properties` says about the one combined broker + controller node."""

    client: Listener
    controller: Listener
    log_dir: Path
    node_id: int = NODE_ID
    extra: tuple[tuple[str, str], ...] = field(default=())


def split_host_port(address: str) -> tuple[str, int]:
    """`"127.0.0.1:19092"` → `("127.0.0.1", 19092)`; takes the first server of a comma-separated list."""
    first = address.split(",")[0].strip()
    host, _, port = first.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"expected host:port, got {address!r}")
    return host, int(port)


def broker_config(settings: Settings, log_dir: Path, security: BrokerSecurity) -> BrokerConfig:
    """The local stack's broker: SASL_SSL client listener from HUB_KAFKA_BOOTSTRAP, controller beside it."""
    host, port = split_host_port(settings.kafka_bootstrap)
    return BrokerConfig(
        client=Listener(CLIENT_LISTENER, host, port, protocol="SASL_SSL"),
        controller=Listener(CONTROLLER_LISTENER, host, settings.kafka_controller_port, advertised=False),
        log_dir=log_dir,
        extra=security.properties(CLIENT_LISTENER),
    )


def render_server_properties(config: BrokerConfig) -> str:
    """The text of `server.properties` for `config`."""
    lines = ["# Written by `hub stack up` on every start: change hub/stack/kafka_config.py, not this file."]
    for key, value in _properties(config):
        lines.append(f"{key}={_escape(value)}")
    return "\n".join(lines) + "\n"


def _properties(config: BrokerConfig) -> Iterable[tuple[str, str]]:
    yield from _role_properties(config)
    yield from _listener_properties((config.client, config.controller))
    yield ("inter.broker.listener.name", config.client.name)
    yield ("controller.listener.names", config.controller.name)
    yield ("log.dirs", str(config.log_dir))
    yield from _single_node_properties()
    yield from config.extra


def _role_properties(config: BrokerConfig) -> Iterable[tuple[str, str]]:
    yield ("process.roles", "broker,controller")
    yield ("node.id", str(config.node_id))
    # A static voter set: StorageTool `format` then takes no --standalone flag (the two conflict).
    yield ("controller.quorum.voters", f"{config.node_id}@{config.controller.host}:{config.controller.port}")


def _listener_properties(listeners: tuple[Listener, ...]) -> Iterable[tuple[str, str]]:
    yield ("listeners", ",".join(listener.address for listener in listeners))
    yield ("advertised.listeners", ",".join(item.address for item in listeners if item.advertised))
    yield ("listener.security.protocol.map", ",".join(f"{item.name}:{item.protocol}" for item in listeners))


def _single_node_properties() -> Iterable[tuple[str, str]]:
    # Tests must see a missing topic as an error, not get a fresh one-partition topic.
    yield ("auto.create.topics.enable", "false")
    # Consumer groups in tests start at once instead of waiting 3 s for more members.
    yield ("group.initial.rebalance.delay.ms", "0")
    # One broker: every internal topic must make do with one replica.
    yield ("offsets.topic.replication.factor", "1")
    yield ("offsets.topic.num.partitions", "12")
    yield ("transaction.state.log.replication.factor", "1")
    yield ("transaction.state.log.min.isr", "1")
    yield ("share.coordinator.state.topic.replication.factor", "1")
    yield ("share.coordinator.state.topic.min.isr", "1")
    yield ("default.replication.factor", "1")
    yield ("min.insync.replicas", "1")
    yield ("num.partitions", "1")


def _escape(value: str) -> str:
    """Java properties treat a backslash as an escape character."""
    return value.replace("\\", "\\\\")


def new_cluster_id() -> str:
    """A cluster id in Kafka's form: a random UUID as 22 characters of URL-safe base64 without padding.

    Kafka's own `Uuid.randomUuid` never hands out an id starting with "-" (it would read as a flag on
    the command line), so neither does this.
    """
    while True:
        encoded = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode("ascii").rstrip("=")
        if not encoded.startswith("-"):
            return encoded
