"""`hub stack up | down | reset`: the orchestration; each server's details live in its own module."""

from __future__ import annotations

import asyncio
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from hub.adapter_keys import ensure_adapter_keys
from hub.errors import ConfigurationError, StackError
from hub.log import get_logger
from hub.settings import Settings, stack_env_file
from hub.stack import kafka_server, postgres_server
from hub.stack.accounts import ServerAccount, postgres_account, private_dir
from hub.stack.credentials import StackCredentials, write_env_file
from hub.stack.kafka_jars import ensure_jars
from hub.stack.kafka_topics import ensure_acls, ensure_topics
from hub.stack.layout import StackLayout
from hub.stack.ports import WantedPort, ensure_free
from hub.stack.postgres_roles import ensure_roles_and_databases
from hub.stack.prerequisites import find_java, find_pg_bindir
from hub.stack.tls import StackAuthority

log = get_logger("hub.stack")


@dataclass(frozen=True, slots=True)
class UpReport:
    """What `up` had to do: nothing at all when the stack was already up and complete."""

    kafka_started: bool
    postgres_started: bool
    created: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.kafka_started or self.postgres_started or bool(self.created)


def up(settings: Settings) -> UpReport:
    """Start whatever is not running, then make sure every topic, role and database exists."""
    layout = StackLayout.of(settings)
    _check_env_file_location(layout)
    account = postgres_account()
    private_dir(layout.root, account)
    private_dir(layout.logs, account)
    kafka_pid = kafka_server.running_pid(layout)
    pg_running = postgres_server.running_pid(layout) is not None
    if pg_running and not postgres_server.runs_current_config(settings, layout):
        # Started before TLS, or with other options: restart it with the ones this hub needs.
        postgres_server.stop(layout)
        pg_running = False
    java, bindir = _preflight(settings, need_kafka=kafka_pid is None, need_postgres=not pg_running)
    settings, credentials = ensure_credentials(settings, layout)
    if java is not None:
        ensure_jars(layout.kafka_libs)
        kafka_pid = kafka_server.start(settings, layout, java)
    if bindir is not None:
        _start_postgres(bindir, settings, layout, account, credentials)
    assert kafka_pid is not None  # either it was running or it was just started
    created = asyncio.run(_provision(settings, layout, kafka_pid, credentials))
    return UpReport(kafka_started=java is not None, postgres_started=bindir is not None, created=created)


def _check_env_file_location(layout: StackLayout) -> None:
    if layout.env_file != stack_env_file():
        raise ConfigurationError(
            f"the stack folder is {layout.root} but the settings read credentials from {stack_env_file()}: "
            "set the stack folder with HUB_STACK_DIR only"
        )


def _preflight(settings: Settings, *, need_kafka: bool, need_postgres: bool) -> tuple[Path | None, Path | None]:
    """Find the programs and check the ports of whatever must start, before starting anything."""
    java = find_java() if need_kafka else None
    bindir = find_pg_bindir(settings.pg_bindir) if need_postgres else None
    wanted: list[WantedPort] = []
    if need_kafka:
        wanted.extend(kafka_server.wanted_ports(settings))
    if need_postgres:
        wanted.append(postgres_server.wanted_port(settings))
    ensure_free(*wanted)
    return java, bindir


def ensure_credentials(settings: Settings, layout: StackLayout) -> tuple[Settings, StackCredentials]:
    """The stack's passwords from the settings; generated and written to hub.env on the very first `up`."""
    credentials = StackCredentials.from_settings(settings)
    if credentials is not None and not credentials.kafka_missing() and not credentials.readers_missing():
        return settings, credentials
    if credentials is not None:
        # A stack set up before Kafka had principals: add theirs, keep the database passwords.
        write_env_file(layout.env_file, credentials.with_kafka_passwords().with_reader_passwords())
    elif postgres_server.is_initialised(layout):
        raise StackError(
            f"PostgreSQL data exists in {layout.pg_data} but its passwords are not in {layout.env_file} "
            "or the environment: `hub stack reset` starts afresh (it deletes the stack's data)"
        )
    else:
        write_env_file(layout.env_file, StackCredentials.generate())
    reloaded = Settings()
    credentials = StackCredentials.from_settings(reloaded)
    if credentials is None or credentials.kafka_missing() or credentials.readers_missing():
        raise ConfigurationError(f"the settings did not pick up the credentials written to {layout.env_file}")
    log.info("credentials_written", env_file=str(layout.env_file))
    return reloaded, credentials


def credentials_file(settings: Settings) -> Path:
    """For servers run elsewhere (the Docker compose file): `hub.env` and the TLS material the servers need —
    the CA, the broker's PEM key store, PostgreSQL's certificate — without starting anything; return the path."""
    layout = StackLayout.of(settings)
    _check_env_file_location(layout)
    private_dir(layout.root, postgres_account())
    settings, _ = ensure_credentials(settings, layout)
    kafka_server.write_broker_keystore(settings, layout)
    StackAuthority(layout.tls).issue(postgres_server.SERVER_CERTIFICATE, hosts=postgres_server.server_hosts(settings))
    return layout.env_file


def provision(settings: Settings) -> list[str]:
    """For servers run elsewhere, once they are up: topics, ACLs, roles, databases and signing keys, exactly as
    `hub stack up` makes them."""
    layout = StackLayout.of(settings)
    settings, credentials = ensure_credentials(settings, layout)
    return asyncio.run(_provision(settings, layout, None, credentials))


def _start_postgres(bindir: Path, settings: Settings, layout: StackLayout, account: ServerAccount,
                    credentials: StackCredentials) -> None:  # fmt: skip
    if not postgres_server.is_initialised(layout):
        postgres_server.init_cluster(bindir, settings, layout, account, credentials)
    postgres_server.start(bindir, settings, layout, account)


async def _provision(settings: Settings, layout: StackLayout, kafka_pid: int | None,
                     credentials: StackCredentials) -> list[str]:  # fmt: skip
    async def kafka_side() -> list[str]:
        if kafka_pid is not None:
            await kafka_server.wait_until_ready(settings, layout, kafka_pid)
        created = [f"topic {name}" for name in await ensure_topics(settings)]
        await ensure_acls(settings)
        return created

    topics, databases = await asyncio.gather(kafka_side(), ensure_roles_and_databases(settings, credentials))
    keys = await ensure_adapter_keys(settings)  # needs the hub database, so after it exists
    return [*databases, *topics, *keys]


def down(settings: Settings) -> list[str]:
    """Stop both servers; return the names of those that were running."""
    layout = StackLayout.of(settings)
    stopped = []
    if kafka_server.stop(layout):
        stopped.append("kafka")
    if postgres_server.stop(layout):
        stopped.append("postgresql")
    return stopped


def reset(settings: Settings) -> list[Path]:
    """`down`, then delete the data, configuration and credentials; the cached jars and the logs stay."""
    down(settings)
    layout = StackLayout.of(settings)
    doomed = [layout.kafka_data, layout.kafka_properties, layout.kafka_cluster_id, layout.kafka_pid, layout.pg,
              layout.env_file, kafka_server.scram_users_file(layout), kafka_server.keystore_file(layout)]  # fmt: skip
    removed = [path for path in doomed if path.exists()]
    for path in removed:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    log.info("stack_reset", removed=[str(path) for path in removed])
    return removed
