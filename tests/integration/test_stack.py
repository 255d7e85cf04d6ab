"""The local stack as the rest of the hub sees it: the real broker and the real PostgreSQL cluster."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass

import asyncpg
import pytest

from hub.settings import Settings
from hub.stack import kafka_server, postgres_server
from hub.stack.kafka_topics import partition_counts
from hub.stack.layout import StackLayout
from hub.stack.status import gather_status
from hub.topics import all_topics

pytestmark = pytest.mark.integration

QUICK_SECONDS = 10.0


async def test_status_reports_kafka_up_with_a_version_and_postgresql_up(stack: Settings) -> None:
    status = await gather_status(stack)

    assert status.kafka.up
    assert status.kafka.version is not None
    assert status.kafka.version.startswith("4.")
    assert status.kafka.addresses["bootstrap"] == stack.kafka_bootstrap
    assert status.postgres.up
    assert status.postgres.version is not None
    assert status.postgres.version.startswith("15")
    assert status.all_up


def test_status_command_exits_zero_and_prints_no_password(stack: Settings) -> None:
    done = subprocess.run([sys.executable, "-m", "hub", "stack", "status"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "postgresql://partner_sco@" in done.stdout
    secrets = [stack.admin_login(), stack.hub_login(), *(stack.partner_login(p) for p in stack.pg_partner_passwords)]
    for login in secrets:
        assert login.password.get_secret_value() not in done.stdout + done.stderr


async def test_all_hub_topics_exist_with_their_partition_counts(stack: Settings) -> None:
    wanted = {spec.name: spec.partitions for spec in all_topics()}

    counts = await partition_counts(stack, wanted)

    assert counts == wanted


async def test_the_hub_role_connects_to_the_hub_database(stack: Settings) -> None:
    connection = await asyncpg.connect(**stack.hub_login().connect_kwargs())
    try:
        assert await connection.fetchval("SELECT current_user || '@' || current_database()") == "hub@hub"
    finally:
        await connection.close()


async def test_a_partner_role_connects_to_its_own_store(stack: Settings) -> None:
    connection = await asyncpg.connect(**stack.partner_login("SCO").connect_kwargs())
    try:
        assert await connection.fetchval("SELECT current_database()") == "partner_sco"
    finally:
        await connection.close()


async def test_partner_sco_cannot_connect_to_partner_eaw(stack: Settings) -> None:
    login = stack.partner_login("SCO").connect_kwargs()
    login["database"] = "partner_eaw"

    with pytest.raises(asyncpg.InsufficientPrivilegeError, match="permission denied for database"):
        await asyncpg.connect(**login)


async def test_the_hub_role_cannot_connect_to_a_partner_store(stack: Settings) -> None:
    login = stack.hub_login().connect_kwargs()
    login["database"] = "partner_sco"

    with pytest.raises(asyncpg.InsufficientPrivilegeError, match="permission denied for database"):
        await asyncpg.connect(**login)


@dataclass(frozen=True)
class Snapshot:
    kafka_pid: int | None
    postgres_pid: int | None
    env_file: bytes
    server_properties_mtime: float
    cluster_id: str


def _snapshot(settings: Settings) -> Snapshot:
    layout = StackLayout.of(settings)
    return Snapshot(
        kafka_pid=kafka_server.running_pid(layout),
        postgres_pid=postgres_server.running_pid(layout),
        env_file=layout.env_file.read_bytes(),
        server_properties_mtime=layout.kafka_properties.stat().st_mtime,
        cluster_id=layout.kafka_cluster_id.read_text(encoding="ascii"),
    )


def test_up_again_is_quick_and_changes_nothing(stack: Settings) -> None:
    before = _snapshot(stack)
    started = time.monotonic()

    done = subprocess.run([sys.executable, "-m", "hub", "stack", "up"], capture_output=True, text=True, check=False)

    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert "nothing changed" in done.stdout
    assert elapsed < QUICK_SECONDS
    assert _snapshot(stack) == before
