"""The router's copy of the signing key registry: reloaded periodically, and when a message names a key it
does not know (at most once a second), so a rotation or revocation takes effect without a restart."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable

import asyncpg

from hub.log import get_logger
from hub.signing import KeyRegistry
from hub.store.signing_keys import load_registry

log = get_logger("key_registry")
REFRESH_S = 5.0
UNKNOWN_KEY_RELOAD_S = 1.0
Loader = Callable[[asyncpg.Connection], Awaitable[KeyRegistry]]


class CachedKeyRegistry:
    """Hands the router a registry for each batch; reading it is one small query, so staleness is bounded."""

    def __init__(
        self,
        refresh_s: float = REFRESH_S,
        min_reload_s: float = UNKNOWN_KEY_RELOAD_S,
        clock: Callable[[], float] = time.monotonic,
        loader: Loader = load_registry,
    ) -> None:
        self._loader = loader
        self._refresh_s = refresh_s
        self._min_reload_s = min_reload_s
        self._clock = clock
        self._registry: KeyRegistry = {}
        self._loaded_at: float | None = None

    async def for_batch(self, connection: asyncpg.Connection, key_ids: Iterable[str | None]) -> KeyRegistry:
        """The registry, reloaded first when it is older than the refresh period or misses a key id in the batch.

        A reload for an unknown key waits out the minimum interval: a key registered just before its first
        message is always found, and a flood of forged key ids costs at most one query a second."""
        if self._loaded_at is None or self._clock() - self._loaded_at >= self._refresh_s:
            await self._reload(connection, "periodic")
        elif any(k and k not in self._registry for k in key_ids):
            wait = self._loaded_at + self._min_reload_s - self._clock()
            if wait > 0:
                await asyncio.sleep(wait)
            await self._reload(connection, "unknown_key")
        return self._registry

    async def _reload(self, connection: asyncpg.Connection, why: str) -> None:
        self._registry = await self._loader(connection)
        self._loaded_at = self._clock()
        log.debug("key_registry_loaded", keys=len(self._registry), why=why)
