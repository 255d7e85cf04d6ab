"""Running the Kafka broker: write its configuration, format its storage once, start, wait, stop."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import time
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError

from hub.errors import StackError
from hub.log import get_logger
from hub.settings import Settings
from hub.stack.kafka_config import broker_config, new_cluster_id, render_server_properties, split_host_port
from hub.stack.layout import StackLayout
from hub.stack.ports import WantedPort, accepts_connections, ensure_free
from hub.stack.processes import is_ours, log_tail, read_pid, spawn_detached, terminate, write_pid

log = get_logger("hub.stack.kafka")

MAIN_CLASS = "kafka.Kafka"
STORAGE_TOOL = "kafka.tools.StorageTool"
HEAP = "-Xmx1G"
READY_TIMEOUT_SECONDS = 90.0
STOP_GRACE_SECONDS = 30.0


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
    config = broker_config(settings, layout.kafka_data)
    layout.kafka_properties.write_text(render_server_properties(config), encoding="utf-8")
    _format_storage_once(java, layout)
    argv = [str(java), HEAP, "-Djava.awt.headless=true", *_log_flags(), "-cp", _classpath(layout)]
    pid = spawn_detached([*argv, MAIN_CLASS, str(layout.kafka_properties)], layout.kafka_log)
    write_pid(layout.kafka_pid, pid)
    log.info("kafka_starting", pid=pid, log_file=str(layout.kafka_log))
    return pid


def _classpath(layout: StackLayout) -> str:
    return f"{layout.kafka_libs}/*"


def _log_flags() -> list[str]:
    # slf4j-simple (deploy/kafka/pom.xml) writes to stderr, which goes to logs/kafka.log.
    return [
        "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSZ",
        "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info",
    ]


def _format_storage_once(java: Path, layout: StackLayout) -> None:
    if (layout.kafka_data / "meta.properties").exists():
        return
    if not layout.kafka_cluster_id.exists():
        layout.kafka_cluster_id.write_text(new_cluster_id() + "\n", encoding="ascii")
    cluster_id = layout.kafka_cluster_id.read_text(encoding="ascii").strip()
    command = [
        str(java), "-cp", _classpath(layout), STORAGE_TOOL, "format",
        "-t", cluster_id, "-c", str(layout.kafka_properties), "--ignore-formatted",
    ]  # fmt: skip
    # S603: Java found by find_java, the storage tool with our own files.
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise StackError(f"formatting Kafka storage in {layout.kafka_data} failed:\n{done.stdout}{done.stderr}")
    log.info("kafka_storage_formatted", cluster_id=cluster_id)


async def wait_until_ready(settings: Settings, layout: StackLayout, pid: int) -> None:
    """Wait until the broker answers a metadata request naming itself, or fail pointing at its log."""
    host, port = split_host_port(settings.kafka_bootstrap)
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if not is_ours(pid, MAIN_CLASS):
            raise StackError(
                f"the Kafka broker exited while starting; see {layout.kafka_log}:\n{log_tail(layout.kafka_log)}"
            )
        if accepts_connections(host, port) and await answers_metadata(settings.kafka_bootstrap):
            log.info("kafka_ready", bootstrap=settings.kafka_bootstrap)
            return
        await asyncio.sleep(0.25)
    raise StackError(
        f"the Kafka broker did not answer on {settings.kafka_bootstrap} within {READY_TIMEOUT_SECONDS:.0f} s; "
        f"see {layout.kafka_log}"
    )


async def answers_metadata(bootstrap: str) -> bool:
    """Whether the broker at `bootstrap` answers a metadata request listing at least one broker."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=3000)
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
