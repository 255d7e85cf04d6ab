"""Opening connections to the hub database and the partner stores; asyncpg errors become `StoreError`."""

from __future__ import annotations

import asyncpg

from hub.errors import StoreError
from hub.settings import PgLogin

CONNECT_TIMEOUT_S = 10.0


async def connect(login: PgLogin) -> asyncpg.Connection:
    """One connection as one principal."""
    try:
        connection: asyncpg.Connection = await asyncpg.connect(**login.connect_kwargs(), timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
        raise StoreError(f"cannot connect to {login.url()}: {exc.__class__.__name__}: {exc}") from exc
    return connection


async def create_pool(login: PgLogin, size: int = 4) -> asyncpg.Pool:
    """A small pool for one principal."""
    try:
        pool: asyncpg.Pool = await asyncpg.create_pool(
            **login.connect_kwargs(), min_size=1, max_size=size, timeout=CONNECT_TIMEOUT_S
        )
    except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
        raise StoreError(f"cannot connect to {login.url()}: {exc.__class__.__name__}: {exc}") from exc
    return pool
