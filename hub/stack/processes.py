"""Detached server processes: start one in its own session, tell whether it is still ours, stop it politely."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Sequence
from pathlib import Path

from hub.errors import StackError

_POLL_SECONDS = 0.1


def spawn_detached(argv: Sequence[str], log_file: Path) -> int:
    """Start `argv` in a new session with stdout and stderr appended to `log_file`; return its pid.

    `posix_spawn` rather than `subprocess.Popen`: the server outlives this process, and there is no
    Popen object left behind to warn about a child still running.
    """
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, str(log_file), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600),
        (os.POSIX_SPAWN_DUP2, 1, 2),
    ]
    # S606: the argument vector is built by the stack from fixed parts and absolute paths, not user input.
    return os.posix_spawn(argv[0], list(argv), dict(os.environ), file_actions=actions, setsid=True)


def read_pid(pid_file: Path) -> int | None:
    """The pid recorded in the first line of `pid_file`, or None when there is none."""
    try:
        first_line = pid_file.read_text(encoding="ascii").splitlines()[0]
        return int(first_line.strip())
    except (OSError, IndexError, ValueError):
        return None


def write_pid(pid_file: Path, pid: int) -> None:
    pid_file.write_text(f"{pid}\n", encoding="ascii")


def command_line(pid: int) -> list[str]:
    """The argument vector of a running process (empty when it is gone or a zombie)."""
    _reap(pid)
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return []
    if state == "Z":
        return []
    return [part.decode(errors="replace") for part in raw.split(b"\0") if part]


def is_ours(pid: int | None, *markers: str) -> bool:
    """Whether `pid` is alive and its command line contains every marker (guards against pid reuse)."""
    if pid is None:
        return False
    argv = " ".join(command_line(pid))
    return bool(argv) and all(marker in argv for marker in markers)


def terminate(pid: int, polite: signal.Signals, grace_seconds: float, name: str) -> bool:
    """Send `polite`, wait up to `grace_seconds`, then SIGKILL; True when the polite signal was enough."""
    if not _signal(pid, polite):
        return True
    if wait_gone(pid, grace_seconds):
        return True
    _signal(pid, signal.SIGKILL)
    if not wait_gone(pid, 10.0):
        raise StackError(f"{name} (pid {pid}) did not stop even after SIGKILL")
    return False


def wait_gone(pid: int, timeout_seconds: float) -> bool:
    deadline = time.monotonic() + timeout_seconds
    while time.monotonic() < deadline:
        if not command_line(pid):
            return True
        time.sleep(_POLL_SECONDS)
    return not command_line(pid)


def _signal(pid: int, sig: signal.Signals) -> bool:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        return False
    return True


def _reap(pid: int) -> None:
    """Collect the exit status when the server is our own child, so it does not linger as a zombie."""
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)


def log_tail(log_file: Path, lines: int = 15) -> str:
    """The last lines of a server log, to quote in an error message."""
    try:
        text = log_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log written)"
    return "\n".join(text.splitlines()[-lines:])
