"""Fixtures shared by every test suite.

`stack` hands integration tests the settings of the running local stack (`hub stack up`). It fails, and
never skips, when the stack is down: an integration suite that silently skips proves nothing.
"""

from __future__ import annotations

import pytest

from hub.settings import Settings
from hub.stack.status import running_problems


@pytest.fixture(scope="session")
def stack() -> Settings:
    """The settings (addresses and passwords) of the running Kafka broker and PostgreSQL cluster."""
    # Hook for machines with Docker: a testcontainers-based variant could start the images of
    # deploy/compose.yaml here (KafkaContainer("apache/kafka:4.1.1"), PostgresContainer("postgres:15"))
    # and return Settings pointing at them. This machine has no Docker, so the real local stack is used.
    settings = Settings()
    problems = running_problems(settings)
    if problems:
        pytest.fail(
            "the local stack is not running (" + "; ".join(problems) + "): run `hub stack up` first",
            pytrace=False,
        )
    return settings
