"""Telling a free port from one some other process already listens on."""

from __future__ import annotations

import socket
from dataclasses import dataclass

from hub.errors import PortInUse


@dataclass(frozen=True, slots=True)
class WantedPort:
    """A port the stack is about to listen on, with what to change to move it."""

    host: str
    port: int
    purpose: str
    setting: str


def port_in_use(host: str, port: int) -> bool:
    """Whether binding `host:port` fails because something listens there.

    SO_REUSEADDR lets the bind succeed over connections lingering in TIME_WAIT after our own server
    stopped, while a live listener still makes it fail (Linux semantics).
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def ensure_free(*wanted: WantedPort) -> None:
    """Raise PortInUse naming the first wanted port that another process holds."""
    for item in wanted:
        if port_in_use(item.host, item.port):
            raise PortInUse(
                f"port {item.port} on {item.host} ({item.purpose}) is already in use by another process: "
                f"stop that process, or move the stack with {item.setting}"
            )


def accepts_connections(host: str, port: int, timeout_seconds: float = 0.5) -> bool:
    """Whether something accepts a TCP connection on `host:port`."""
    try:
        with socket.create_connection((host, port), timeout=timeout_seconds):
            return True
    except OSError:
        return False
