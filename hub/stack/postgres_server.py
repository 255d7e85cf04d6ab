"""Running the private PostgreSQL cluster: initdb once, start with our port and socket folder, stop.

Every start writes the server's TLS certificate (issued by the stack's CA for 127.0.0.1 and localhost) and
our own pg_hba.conf: TCP only over TLS with SCRAM-SHA-256, plain-text TCP rejected, no socket logins.
"""

from __future__ import annotations

import shlex
import shutil
import signal
import subprocess
from pathlib import Path

from hub.errors import StackError
from hub.log import get_logger
from hub.settings import Settings
from hub.stack.accounts import ServerAccount, ensure_reachable, server_owned
from hub.stack.credentials import StackCredentials
from hub.stack.layout import StackLayout
from hub.stack.ports import WantedPort, ensure_free
from hub.stack.processes import is_ours, log_tail, read_pid, terminate
from hub.stack.tls import StackAuthority

log = get_logger("hub.stack.postgres")

START_TIMEOUT_SECONDS = 60
STOP_GRACE_SECONDS = 60.0
SERVER_CERTIFICATE = "postgres"
LOOPBACK_NAMES = ("127.0.0.1", "localhost")
_HBA = """\
# Written by `hub stack up` on every start (hub/stack/postgres_server.py); edits here are overwritten.
# TCP over TLS with SCRAM-SHA-256 only. Plain-text TCP is rejected and, with no `local` line, so is every
# login over the Unix socket. Which role may open which database is decided by CONNECT grants.
# TYPE    DATABASE USER ADDRESS      METHOD
hostnossl all      all  0.0.0.0/0    reject
hostnossl all      all  ::/0         reject
hostssl   all      all  127.0.0.1/32 scram-sha-256
hostssl   all      all  ::1/128      scram-sha-256
hostssl   all      all  samehost     scram-sha-256
"""


def running_pid(layout: StackLayout) -> int | None:
    """The postmaster's pid when our cluster is running (its command line names our data folder)."""
    pid = read_pid(layout.pg_data / "postmaster.pid")
    return pid if is_ours(pid, "postgres", str(layout.pg_data)) else None


def is_initialised(layout: StackLayout) -> bool:
    return (layout.pg_data / "PG_VERSION").is_file()


def wanted_port(settings: Settings) -> WantedPort:
    return WantedPort(settings.pg_host, settings.pg_port, "PostgreSQL", "HUB_PG_PORT")


def init_cluster(bindir: Path, settings: Settings, layout: StackLayout, account: ServerAccount,
                 credentials: StackCredentials) -> None:  # fmt: skip
    """Create the cluster with the admin superuser and password authentication for every connection."""
    server_owned(layout.pg, account, 0o700, directory=True)
    ensure_reachable(layout.pg, account)
    pwfile = layout.pg / "initdb.pw"
    server_owned(pwfile, account, 0o600, directory=False)
    pwfile.write_text(credentials.admin.get_secret_value() + "\n", encoding="utf-8")
    command = account.command(
        str(bindir / "initdb"), "-D", str(layout.pg_data), "-U", settings.pg_admin_user, f"--pwfile={pwfile}",
        "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "--encoding=UTF8", "--locale=C",
    )  # fmt: skip
    try:
        # S603: initdb from the PostgreSQL bindir, with our own folder and settings.
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    finally:
        pwfile.unlink(missing_ok=True)
    if done.returncode != 0:
        shutil.rmtree(layout.pg_data, ignore_errors=True)
        raise StackError(f"initdb failed for {layout.pg_data}:\n{done.stdout}{done.stderr}")
    log.info("postgres_initialised", data_dir=str(layout.pg_data))


def start(bindir: Path, settings: Settings, layout: StackLayout, account: ServerAccount) -> int:
    """Start the cluster and wait until it accepts connections; return the postmaster's pid."""
    ensure_free(wanted_port(settings))
    server_owned(layout.pg_socket, account, 0o700, directory=True)
    server_owned(layout.pg_log, account, 0o600, directory=False)
    ensure_reachable(layout.pg_socket, account)
    _install_tls_and_hba(settings, layout, account)
    options = " ".join(f"-c {key}={shlex.quote(value)}" for key, value in _server_options(settings, layout).items())
    command = account.command(
        str(bindir / "pg_ctl"), "start", "-D", str(layout.pg_data), "-l", str(layout.pg_log),
        "-o", options, "-w", "-t", str(START_TIMEOUT_SECONDS),
    )  # fmt: skip
    # S603: pg_ctl from the PostgreSQL bindir; a new session so the server outlives this command.
    done = subprocess.run(command, capture_output=True, text=True, check=False, start_new_session=True)  # noqa: S603
    pid = running_pid(layout)
    if done.returncode != 0 or pid is None:
        raise StackError(
            f"PostgreSQL did not start; see {layout.pg_log}:\n{done.stdout}{done.stderr}{log_tail(layout.pg_log)}"
        )
    log.info("postgres_started", pid=pid, log_file=str(layout.pg_log))
    return pid


def _server_options(settings: Settings, layout: StackLayout) -> dict[str, str]:
    # Passed on every start rather than written into postgresql.conf, so changing HUB_PG_PORT needs no re-init.
    return {
        "port": str(settings.pg_port),
        "listen_addresses": settings.pg_host,
        "unix_socket_directories": str(layout.pg_socket),
        "max_connections": "200",
        "ssl": "on",
        "ssl_cert_file": str(layout.pg_tls / "server.pem"),
        "ssl_key_file": str(layout.pg_tls / "server.key"),
        "ssl_min_protocol_version": "TLSv1.2",
        "hba_file": str(layout.pg_hba),
        "password_encryption": "scram-sha-256",
    }


def server_hosts(settings: Settings) -> tuple[str, ...]:
    """The names the server's certificate is valid for: loopback, and the configured host when it is another."""
    return tuple(dict.fromkeys((*LOOPBACK_NAMES, settings.pg_host)))


def _install_tls_and_hba(settings: Settings, layout: StackLayout, account: ServerAccount) -> None:
    """Copy the server certificate and key where the server's account owns them (PostgreSQL refuses a key
    others can read), and write our pg_hba.conf."""
    issued = StackAuthority(layout.tls).issue(SERVER_CERTIFICATE, hosts=server_hosts(settings))
    server_owned(layout.pg_tls, account, 0o700, directory=True)
    for source, target in ((issued.certificate, "server.pem"), (issued.key, "server.key")):
        path = layout.pg_tls / target
        server_owned(path, account, 0o600, directory=False)
        path.write_bytes(source.read_bytes())
    server_owned(layout.pg_hba, account, 0o600, directory=False)
    layout.pg_hba.write_text(_HBA, encoding="utf-8")


def runs_current_config(settings: Settings, layout: StackLayout) -> bool:
    """Whether the running server was started with today's options (TLS, our pg_hba.conf) and that file."""
    opts = layout.pg_data / "postmaster.opts"
    try:
        started_with = opts.read_text(encoding="utf-8")
        hba = layout.pg_hba.read_text(encoding="utf-8")
    except OSError:
        return False
    wanted = _server_options(settings, layout)
    return hba == _HBA and all(f"{key}={value}" in started_with for key, value in wanted.items())


def stop(layout: StackLayout) -> bool:
    """Stop our cluster (SIGINT: fast shutdown, rolling back open transactions), SIGKILL as a last resort."""
    pid = running_pid(layout)
    if pid is None:
        return False
    clean = terminate(pid, signal.SIGINT, STOP_GRACE_SECONDS, "the PostgreSQL server")
    log.info("postgres_stopped", pid=pid, clean=clean)
    return True
