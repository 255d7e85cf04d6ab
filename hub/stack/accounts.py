"""The operating-system account the PostgreSQL server runs as, and the folder permissions that follow.

PostgreSQL refuses to run as root. When `hub stack` runs as root, the server runs as the `postgres`
account (via `runuser`), owns its data directory, and must be able to reach it; otherwise it runs as
the invoking user and everything stays private to that user.
"""

from __future__ import annotations

import os
import pwd
import subprocess
from dataclasses import dataclass
from pathlib import Path

from hub.errors import PrerequisiteMissing, StackError
from hub.stack.prerequisites import find_program

SERVER_ACCOUNT = "postgres"


@dataclass(frozen=True, slots=True)
class ServerAccount:
    """Who the PostgreSQL server runs as, and the command prefix that runs a program as them."""

    name: str
    uid: int
    gid: int
    prefix: tuple[str, ...] = ()

    @property
    def is_other_user(self) -> bool:
        return bool(self.prefix)

    def command(self, *argv: str) -> list[str]:
        return [*self.prefix, *argv]


def postgres_account() -> ServerAccount:
    """The invoking user, or `postgres` through `runuser` when running as root."""
    if os.geteuid() != 0:
        me = pwd.getpwuid(os.geteuid())
        return ServerAccount(me.pw_name, me.pw_uid, me.pw_gid)
    try:
        entry = pwd.getpwnam(SERVER_ACCOUNT)
    except KeyError as exc:
        raise PrerequisiteMissing(
            "running as root, PostgreSQL needs an unprivileged `postgres` account: install the postgresql "
            "package (it creates one), create it with `adduser --system --group postgres`, or run as a normal user"
        ) from exc
    runuser = find_program("runuser", "install util-linux (it provides `runuser`)")
    return ServerAccount(SERVER_ACCOUNT, entry.pw_uid, entry.pw_gid, (str(runuser), "-u", SERVER_ACCOUNT, "--"))


def private_dir(path: Path, account: ServerAccount) -> None:
    """A folder only we can read; when the server is another account, its group may only pass through (0710)."""
    path.mkdir(parents=True, exist_ok=True)
    if account.is_other_user:
        os.chown(path, os.geteuid(), account.gid)
        path.chmod(0o710)
    else:
        path.chmod(0o700)


def server_owned(path: Path, account: ServerAccount, mode: int, *, directory: bool) -> None:
    """Create `path` (a folder or an empty file) owned by the server account with `mode`."""
    if directory:
        path.mkdir(parents=True, exist_ok=True)
    else:
        path.touch(exist_ok=True)
    os.chown(path, account.uid, account.gid)
    path.chmod(mode)


def ensure_reachable(path: Path, account: ServerAccount) -> None:
    """Fail clearly when the server account cannot write into `path` (a parent folder shuts it out)."""
    if not account.is_other_user or _can(account, "-w", path):
        return
    for ancestor in reversed((path, *path.parents)):
        if not _can(account, "-x", ancestor):
            mode = oct(ancestor.stat().st_mode & 0o777)
            raise StackError(
                f"the `{account.name}` account (PostgreSQL refuses to run as root) cannot enter {ancestor} "
                f"(mode {mode}): put the stack where it can, e.g. HUB_STACK_DIR=/var/tmp/hub-stack, "
                f"or allow it with `chmod o+x {ancestor}`"
            )
    raise StackError(f"the `{account.name}` account cannot write into {path}")


def _can(account: ServerAccount, test_flag: str, path: Path) -> bool:
    # S603: runs coreutils `test` as the server account on a path of our own.
    done = subprocess.run(account.command("test", test_flag, str(path)), check=False)  # noqa: S603
    return done.returncode == 0
