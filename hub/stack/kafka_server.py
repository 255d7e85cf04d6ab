"""Running the Kafka broker: write its configuration, format its storage once, start, wait, stop.

The broker's TLS certificate comes from the stack's CA (hub/stack/tls.py); its SCRAM users (one per
principal, hub/kafka_auth.py) are created when the storage is formatted. The passwords reach the storage
tool through a 0600 argument file, never its command line (which any local account can read in /proc).
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError

from hub.errors import StackError
from hub.kafka_auth import ADMIN, BROKER, SASL_MECHANISM, SCRAM_ITERATIONS, all_principals, client_security
from hub.log import get_logger
from hub.settings import Settings
from hub.stack.kafka_config import (
    BrokerSecurity,
    broker_config,
    new_cluster_id,
    render_server_properties,
    split_host_port,
)
from hub.stack.layout import StackLayout
from hub.stack.ports import WantedPort, accepts_connections, ensure_free
from hub.stack.processes import is_ours, log_tail, read_pid, spawn_detached, terminate, write_pid
from hub.stack.tls import StackAuthority

log = get_logger("hub.stack.kafka")

MAIN_CLASS = "kafka.Kafka"
STORAGE_TOOL = "kafka.tools.StorageTool"
HEAP = "-Xmx1G"
READY_TIMEOUT_SECONDS = 90.0
STOP_GRACE_SECONDS = 30.0
TLS_HOSTS = ("127.0.0.1", "localhost")


def tls_folder(layout: StackLayout) -> Path:
    return layout.root / "tls"


def scram_users_file(layout: StackLayout) -> Path:
    """The names of the SCRAM users the storage was formatted with (no passwords)."""
    return layout.kafka / "scram-users"


def keystore_file(layout: StackLayout) -> Path:
    return layout.kafka / "keystore.pem"


def running_pid(layout: StackLayout) -> int | None:
    """The pid of our broker when it is running (its command line names our server.properties)."""
    pid = read_pid(layout.kafka_pid)
    return pid if is_ours(pid, MAIN_CLASS, str(layout.kafka_properties)) else None


def wanted_ports(settings: Settings) -> tuple[WantedPort, WantedPort]:
    host, port = split_host_port(settings.kafka_bootstrap)
    return (
        WantedPort(host, port, "Kafka client listener", "HUB_KAFKA_BOOTSTRAP"),
        WantedPort(host, settings.kafka_controller_port, "Kafka controller listener", "HUB_KAFKA_CONTROLLER_PORT"),
    )


def start(settings: Settings, layout: StackLayout, java: Path) -> int:
    """Configure, format (first time only) and launch the broker detached; return its pid (not yet ready)."""
    ensure_free(*wanted_ports(settings))
    layout.kafka_data.mkdir(parents=True, exist_ok=True)
    security = _broker_security(settings, layout)
    config = broker_config(settings, layout.kafka_data, security)
    _write_private(layout.kafka_properties, render_server_properties(config))
    _format_storage_once(java, layout, settings)
    argv = [str(java), HEAP, "-Djava.awt.headless=true", *_log_flags(), "-cp", _classpath(layout)]
    pid = spawn_detached([*argv, MAIN_CLASS, str(layout.kafka_properties)], layout.kafka_log)
    write_pid(layout.kafka_pid, pid)
    log.info("kafka_starting", pid=pid, log_file=str(layout.kafka_log))
    return pid


def write_broker_keystore(settings: Settings, layout: StackLayout) -> StackAuthority:
    """The broker's certificate (issued once by the stack's CA) with its key and the CA, as a PEM key store."""
    authority = StackAuthority(tls_folder(layout))
    issued = authority.issue("kafka", hosts=TLS_HOSTS)
    chain = issued.key.read_text(encoding="ascii") + issued.certificate.read_text(encoding="ascii")
    chain += authority.ca_certificate.read_text(encoding="ascii")
    _write_private(keystore_file(layout), chain)
    return authority


def _broker_security(settings: Settings, layout: StackLayout) -> BrokerSecurity:
    """The broker's PEM key store and its own login."""
    authority = write_broker_keystore(settings, layout)
    return BrokerSecurity(
        keystore=keystore_file(layout),
        truststore=authority.ca_certificate,
        broker_password=settings.kafka_password(BROKER),
    )


def _write_private(path: Path, text: str) -> None:
    """Write a file only this account can read, from its first byte (it holds a key or a password)."""
    path.unlink(missing_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)


def _classpath(layout: StackLayout) -> str:
    return f"{layout.kafka_libs}/*"


def _log_flags() -> list[str]:
    # slf4j-simple (deploy/kafka/pom.xml) writes to stderr, which goes to logs/kafka.log.
    return [
        "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSZ",
        "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info",
        # The StandardAuthorizer logs every refusal at INFO on this logger: "Principal = ... is Denied ...".
        "-Dorg.slf4j.simpleLogger.log.kafka.authorizer.logger=info",
    ]


def _format_storage_once(java: Path, layout: StackLayout, settings: Settings) -> None:
    if (layout.kafka_data / "meta.properties").exists():
        _check_scram_users(layout)
        return
    if not layout.kafka_cluster_id.exists():
        layout.kafka_cluster_id.write_text(new_cluster_id() + "\n", encoding="ascii")
    cluster_id = layout.kafka_cluster_id.read_text(encoding="ascii").strip()
    arguments = [
        STORAGE_TOOL, "format", "-t", cluster_id, "-c", str(layout.kafka_properties), "--ignore-formatted",
    ]  # fmt: skip
    for name in all_principals():
        password = settings.kafka_password(name).get_secret_value()
        arguments += [
            "--add-scram",
            f"{SASL_MECHANISM}=[name={name},iterations={SCRAM_ITERATIONS},password={password}]",
        ]
    argfile = layout.kafka / "format.args"
    _write_private(argfile, "\n".join(arguments) + "\n")
    try:
        command = [str(java), "-cp", _classpath(layout), f"@{argfile}"]
        # S603: Java found by find_java, the storage tool with our own files.
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    finally:
        argfile.unlink(missing_ok=True)
    if done.returncode != 0:
        raise StackError(f"formatting Kafka storage in {layout.kafka_data} failed:\n{done.stdout}{done.stderr}")
    scram_users_file(layout).write_text("\n".join(all_principals()) + "\n", encoding="ascii")
    log.info("kafka_storage_formatted", cluster_id=cluster_id, scram_users=len(all_principals()))


def _check_scram_users(layout: StackLayout) -> None:
    """A broker formatted before this set of principals cannot be logged in to: say how to start afresh."""
    try:
        known = set(scram_users_file(layout).read_text(encoding="ascii").split())
    except OSError:
        known = set()
    missing = [name for name in all_principals() if name not in known]
    if missing:
        raise StackError(
            f"the Kafka storage in {layout.kafka_data} was formatted without SCRAM users for "
            f"{', '.join(missing)} (a stack from before Kafka security): `hub stack reset` then `hub stack up` "
            "starts afresh (it deletes the stack's data)"
        )


async def wait_until_ready(settings: Settings, layout: StackLayout, pid: int) -> None:
    """Wait until the broker answers a metadata request naming itself, or fail pointing at its log."""
    host, port = split_host_port(settings.kafka_bootstrap)
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if not is_ours(pid, MAIN_CLASS):
            raise StackError(
                f"the Kafka broker exited while starting; see {layout.kafka_log}:\n{log_tail(layout.kafka_log)}"
            )
        if accepts_connections(host, port) and await answers_metadata(settings):
            log.info("kafka_ready", bootstrap=settings.kafka_bootstrap)
            return
        await asyncio.sleep(0.25)
    raise StackError(
        f"the Kafka broker did not answer on {settings.kafka_bootstrap} within {READY_TIMEOUT_SECONDS:.0f} s; "
        f"see {layout.kafka_log}"
    )


async def answers_metadata(settings: Settings) -> bool:
    """Whether the broker answers `hub-admin`'s metadata request listing at least one broker."""
    admin = AIOKafkaAdminClient(
        bootstrap_servers=settings.kafka_bootstrap, request_timeout_ms=3000, **client_security(settings, ADMIN)
    )
    try:
        await admin.start()
        cluster = await admin.describe_cluster()
    except (TimeoutError, KafkaError, OSError):
        return False
    finally:
        await admin.close()
    return bool(cluster.get("brokers"))


def stop(layout: StackLayout) -> bool:
    """Stop our broker (SIGTERM: a controlled shutdown, then SIGKILL); False when it was not running."""
    pid = running_pid(layout)
    if pid is None:
        layout.kafka_pid.unlink(missing_ok=True)
        return False
    clean = terminate(pid, signal.SIGTERM, STOP_GRACE_SECONDS, "the Kafka broker")
    layout.kafka_pid.unlink(missing_ok=True)
    log.info("kafka_stopped", pid=pid, clean=clean)
    return True
