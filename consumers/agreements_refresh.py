"""Keeping the router on the agreements in force: the latest load in the hub database, checked every few seconds."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import Protocol

import asyncpg

from hub import agreements_store
from hub.domain.agreements import SharingAgreement
from hub.errors import HubError
from hub.log import get_logger

log = get_logger("agreements")
CHECK_EVERY_S = 10.0


class UsesAgreements(Protocol):
    """Whatever routes by the agreements (the router)."""

    def use_agreements(self, agreements: tuple[SharingAgreement, ...]) -> None: ...


async def agreements_in_force(connection: asyncpg.Connection) -> tuple[int, tuple[SharingAgreement, ...]]:
    """The latest load and its agreements; on a hub that never loaded any, the shipped default is loaded first."""
    first = await agreements_store.ensure_loaded(connection)
    if first is not None:
        log.info("default_agreements_loaded", load_id=first.load_id)
    load_id = await agreements_store.latest_load_id(connection)
    if load_id is None:  # ensure_loaded has just recorded one; only a hand-emptied table gets here
        raise HubError("no sharing agreements are loaded: run `hub agreements load FILE --by NAME`")
    return load_id, await agreements_store.agreements_of_load(connection, load_id)


class AgreementsRefresh:
    """Polls the id of the latest load (one indexed row) and hands a new load's agreements to the router."""

    def __init__(
        self,
        connect: Callable[[], Awaitable[asyncpg.Connection]],
        router: UsesAgreements,
        load_id: int,
        every_s: float = CHECK_EVERY_S,
    ) -> None:
        self._connect = connect
        self._router = router
        self.load_id = load_id
        self._every_s = every_s
        self._connection: asyncpg.Connection | None = None

    async def run(self, stopping: asyncio.Event) -> None:
        """Check every `every_s` seconds until `stopping`; a store that is away only delays the next check."""
        try:
            while not stopping.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stopping.wait(), timeout=self._every_s)
                if stopping.is_set():
                    break
                try:
                    await self.check()
                except (HubError, OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                    log.warning("agreements_check_failed", error=exc.__class__.__name__)
                    await self.close()
        finally:
            await self.close()

    async def check(self) -> bool:
        """Swap in the latest load's agreements if a new load was recorded; True when they were swapped."""
        if self._connection is None or self._connection.is_closed():
            self._connection = await self._connect()
        latest = await agreements_store.latest_load_id(self._connection)
        if latest is None or latest == self.load_id:
            return False
        agreements = await agreements_store.agreements_of_load(self._connection, latest)
        self._router.use_agreements(agreements)
        log.info("agreements_refreshed", load_id=latest, previous_load_id=self.load_id, agreements=len(agreements))
        self.load_id = latest
        return True

    async def close(self) -> None:
        if self._connection is not None and not self._connection.is_closed():
            self._connection.terminate()
        self._connection = None
