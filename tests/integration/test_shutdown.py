"""Services stop cleanly on SIGTERM: the batch in hand is finished (or abandoned uncommitted), exit code 0."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hub.settings import Settings

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    ("command", "started", "stopped"),
    [
        (["serve", "router"], "router_started", "router_stopped"),
        (["serve", "writer", "--partner", "SCO"], "writer_started", "writer_stopped"),
    ],
)
def test_a_service_stops_cleanly_on_sigterm(
    command: list[str], started: str, stopped: str, settings: Settings, migrated_stores: None, tmp_path: Path
) -> None:
    log_path = tmp_path / "service.log"
    with log_path.open("wb") as log:
        service = subprocess.Popen([sys.executable, "-m", "hub", *command], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while started not in log_path.read_text() and time.monotonic() < deadline:
            assert service.poll() is None, log_path.read_text()
            time.sleep(0.2)
        assert started in log_path.read_text()
        service.send_signal(signal.SIGTERM)
        assert service.wait(timeout=30) == 0
    finally:
        if service.poll() is None:
            service.kill()
    assert stopped in log_path.read_text()
    assert "Traceback" not in log_path.read_text()
