"""Versioned schema migrations for the hub database and the partner stores, applied in order, once each."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from typing import Literal

import asyncpg

from hub.errors import StoreError

StoreKind = Literal["hub", "partner"]
_LOCK_KEY = 0x56_49_53_4F  # any constant; serialises concurrent migrators of one database


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


def migrations_for(kind: StoreKind) -> list[Migration]:
    """The migrations shipped for one kind of store, in version order (`NNNN_name.sql`)."""
    folder = resources.files("hub.store") / "sql" / kind
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            version, _, rest = entry.name.partition("_")
            found.append(Migration(int(version), rest.removesuffix(".sql"), entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda m: m.version)


async def pending(connection: asyncpg.Connection, kind: StoreKind) -> list[Migration]:
    """The migrations not yet applied; fails when an applied one was changed since. Needs only SELECT."""
    applied: dict[int, str] = {}
    if await connection.fetchval("SELECT to_regclass('schema_migration') IS NOT NULL"):
        applied = {r[0]: r[1] for r in await connection.fetch("SELECT version, checksum FROM schema_migration")}
    waiting = []
    for migration in migrations_for(kind):
        done = applied.get(migration.version)
        if done is None:
            waiting.append(migration)
        elif done != migration.checksum:
            raise StoreError(
                f"{kind} migration {migration.version:04d}_{migration.name} was changed after it was applied;"
                " add a new migration instead"
            )
    return waiting


async def migrate(connection: asyncpg.Connection, kind: StoreKind) -> list[str]:
    """Apply the pending migrations, each in its own transaction; returns the names applied.

    Up to date, this only reads, so a role that owns nothing (the hub's runtime role) may call it."""
    if not await pending(connection, kind):
        return []
    try:
        return await _apply_pending(connection, kind)
    except asyncpg.InsufficientPrivilegeError as exc:
        raise StoreError(
            f"the {kind} database has pending migrations that {await connection.fetchval('SELECT current_user')!r}"
            " may not apply: run `hub db migrate` (it migrates as the tables' owner)"
        ) from exc


async def _apply_pending(connection: asyncpg.Connection, kind: StoreKind) -> list[str]:
    await connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_migration (version integer PRIMARY KEY, name text NOT NULL,"
        " checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
    )
    applied = []
    for migration in migrations_for(kind):
        async with connection.transaction():
            await connection.execute("SELECT pg_advisory_xact_lock($1)", _LOCK_KEY)
            done = await connection.fetchval(
                "SELECT checksum FROM schema_migration WHERE version = $1", migration.version
            )
            if done is not None:
                if done != migration.checksum:
                    raise StoreError(
                        f"{kind} migration {migration.version:04d}_{migration.name} was changed after it was applied;"
                        " add a new migration instead"
                    )
                continue
            await connection.execute(migration.sql)
            await connection.execute(
                "INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)",
                migration.version,
                migration.name,
                migration.checksum,
            )
            applied.append(f"{migration.version:04d}_{migration.name}")
    return applied
