"""What `hub stack status` reports: for each server whether it is up, its version, addresses and logs."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from hub.domain.codes import JURISDICTIONS
from hub.errors import HubError
from hub.settings import Settings
from hub.stack import kafka_server, postgres_server
from hub.stack.credentials import StackCredentials
from hub.stack.kafka_config import split_host_port
from hub.stack.kafka_jars import broker_version
from hub.stack.kafka_topics import partition_counts
from hub.stack.layout import StackLayout
from hub.stack.ports import accepts_connections
from hub.stack.postgres_roles import server_version
from hub.topics import all_topics


@dataclass(frozen=True, slots=True)
class ServerStatus:
    """One server as seen from outside: addresses carry no passwords."""

    name: str
    up: bool
    version: str | None
    pid: int | None
    addresses: dict[str, str]
    log_file: Path
    note: str = ""


@dataclass(frozen=True, slots=True)
class StackStatus:
    kafka: ServerStatus
    postgres: ServerStatus

    @property
    def all_up(self) -> bool:
        return self.kafka.up and self.postgres.up

    def as_dict(self) -> dict[str, Any]:
        return {"all_up": self.all_up, "kafka": asdict(self.kafka), "postgres": asdict(self.postgres)}


async def gather_status(settings: Settings) -> StackStatus:
    layout = StackLayout.of(settings)
    return StackStatus(kafka=await kafka_status(settings, layout), postgres=await postgres_status(settings, layout))


async def kafka_status(settings: Settings, layout: StackLayout) -> ServerStatus:
    pid = kafka_server.running_pid(layout)
    up = pid is not None and await kafka_server.answers_metadata(settings)
    note = await _topics_note(settings) if up else ""
    return ServerStatus(
        name="kafka",
        up=up,
        version=broker_version(layout.kafka_libs),
        pid=pid,
        addresses={"bootstrap": settings.kafka_bootstrap},
        log_file=layout.kafka_log,
        note=note,
    )


async def _topics_note(settings: Settings) -> str:
    wanted = {spec.name: spec.partitions for spec in all_topics()}
    try:
        counts = await partition_counts(settings, wanted)
    except HubError as exc:
        return f"topics unknown: {exc}"
    right = sum(1 for name, n in wanted.items() if counts.get(name) == n)
    return f"{right}/{len(wanted)} hub topics present with the right partition counts"


async def postgres_status(settings: Settings, layout: StackLayout) -> ServerStatus:
    pid = postgres_server.running_pid(layout)
    version, note = None, ""
    if pid is not None:
        try:
            version = await server_version(settings.admin_login())
        except HubError as exc:
            note = str(exc)
    addresses = {"admin": settings.admin_dsn(), "hub": settings.hub_dsn()}
    addresses.update({partner: settings.partner_dsn(partner) for partner in JURISDICTIONS})
    return ServerStatus("postgresql", version is not None, version, pid, addresses, layout.pg_log, note)


def running_problems(settings: Settings) -> list[str]:
    """Quick checks without a client library (for test fixtures): what keeps the stack from being usable."""
    layout = StackLayout.of(settings)
    kafka_host, kafka_port = split_host_port(settings.kafka_bootstrap)
    checks = {
        f"no Kafka broker of ours is running (pid file {layout.kafka_pid})": kafka_server.running_pid(layout),
        f"nothing answers on {settings.kafka_bootstrap}": accepts_connections(kafka_host, kafka_port),
        f"no PostgreSQL server of ours is running (data {layout.pg_data})": postgres_server.running_pid(layout),
        f"nothing answers on {settings.pg_host}:{settings.pg_port}": accepts_connections(
            settings.pg_host, settings.pg_port
        ),
        f"the stack's passwords are not in {layout.env_file}": StackCredentials.from_settings(settings),
    }
    return [problem for problem, fine in checks.items() if not fine]


def render(status: StackStatus) -> str:
    """Plain lines for a terminal."""
    lines: list[str] = []
    for server in (status.kafka, status.postgres):
        state = "up" if server.up else "DOWN"
        pid = f"  pid {server.pid}" if server.pid is not None else ""
        lines.append(f"{server.name:<11} {state:<5} version {server.version or 'unknown'}{pid}")
        lines.extend(f"  {label:<10} {address}" for label, address in server.addresses.items())
        lines.append(f"  {'logs':<10} {server.log_file}")
        if server.note:
            lines.append(f"  {'note':<10} {server.note}")
    return "\n".join(lines)
