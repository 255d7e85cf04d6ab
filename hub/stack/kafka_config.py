"""The single-node KRaft broker's `server.properties`, rendered from a typed description (pure, no I/O).

Listeners are a list of `Listener`s and anything extra goes in `BrokerConfig.extra`, so the security issue
can swap the client listener to SASL_SSL and add per-listener JAAS lines without touching the renderer.
The controller listener stays loopback PLAINTEXT (STACK_NOTES: avoids quorum bootstrap trouble with SCRAM).
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

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


def broker_config(settings: Settings, log_dir: Path) -> BrokerConfig:
    """The local stack's broker: PLAINTEXT client listener from HUB_KAFKA_BOOTSTRAP, controller beside it."""
    host, port = split_host_port(settings.kafka_bootstrap)
    return BrokerConfig(
        client=Listener(CLIENT_LISTENER, host, port),
        controller=Listener(CONTROLLER_LISTENER, host, settings.kafka_controller_port, advertised=False),
        log_dir=log_dir,
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
