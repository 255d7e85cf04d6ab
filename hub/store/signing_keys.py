"""The signing key registry in the hub database: the public half of every adapter key, and when it ends.

Only the key commands (`hub stack up`, `hub keys ...`) add or change rows; the router only reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import asyncpg

from hub.signing import RegisteredKey

_REGISTRY = (
    "SELECT key_id, jurisdiction, public_key, revoked_at, revoke_after FROM signing_key WHERE valid_from <= now()"
)


@dataclass(frozen=True, slots=True)
class KeyListing:
    """What `hub keys list` shows of a key: never any private material."""

    key_id: str
    jurisdiction: str
    created_at: datetime
    valid_from: datetime
    revoke_after: datetime | None
    revoked_at: datetime | None


async def load_registry(connection: asyncpg.Connection) -> dict[str, RegisteredKey]:
    """Every key already valid, revoked ones included (so a message signed by one is named REVOKED, not UNKNOWN)."""
    rows = await connection.fetch(_REGISTRY)
    return {r[0]: RegisteredKey(r[0], r[1], bytes(r[2]), r[3], r[4]) for r in rows}


async def register(connection: asyncpg.Connection, key_id: str, jurisdiction: str, public_key: bytes) -> bool:
    """Add a public key, valid from now; False when that key id was registered before."""
    status: str = await connection.execute(
        "INSERT INTO signing_key (key_id, jurisdiction, public_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        key_id,
        jurisdiction,
        public_key,
    )
    return status.endswith(" 1")


async def rotate(
    connection: asyncpg.Connection, key_id: str, jurisdiction: str, public_key: bytes, overlap: timedelta
) -> list[str]:
    """Register the new key and end the jurisdiction's other current keys after `overlap`; returns their ids."""
    async with connection.transaction():
        await register(connection, key_id, jurisdiction, public_key)
        rows = await connection.fetch(
            "UPDATE signing_key SET revoke_after = LEAST(COALESCE(revoke_after, 'infinity'), now() + $3::interval)"
            " WHERE jurisdiction = $1 AND key_id <> $2 AND revoked_at IS NULL"
            " AND (revoke_after IS NULL OR revoke_after > now()) RETURNING key_id",
            jurisdiction,
            key_id,
            overlap,
        )
    return sorted(r[0] for r in rows)


async def revoke(connection: asyncpg.Connection, key_id: str) -> bool:
    """Revoke a key now; False when there is no such key or it was revoked already."""
    status: str = await connection.execute(
        "UPDATE signing_key SET revoked_at = now() WHERE key_id = $1 AND revoked_at IS NULL", key_id
    )
    return status.endswith(" 1")


async def revoke_expired(connection: asyncpg.Connection) -> list[str]:
    """Mark keys whose overlap window has ended as revoked (the router already treats them so)."""
    rows = await connection.fetch(
        "UPDATE signing_key SET revoked_at = revoke_after"
        " WHERE revoked_at IS NULL AND revoke_after IS NOT NULL AND revoke_after <= now() RETURNING key_id"
    )
    return sorted(r[0] for r in rows)


async def active_key_ids(connection: asyncpg.Connection, jurisdiction: str) -> list[str]:
    """A jurisdiction's keys that verify now, newest first."""
    rows = await connection.fetch(
        "SELECT key_id FROM signing_key WHERE jurisdiction = $1 AND valid_from <= now() AND revoked_at IS NULL"
        " AND (revoke_after IS NULL OR revoke_after > now()) ORDER BY valid_from DESC, key_id",
        jurisdiction,
    )
    return [r[0] for r in rows]


async def list_keys(connection: asyncpg.Connection) -> list[KeyListing]:
    rows = await connection.fetch(
        "SELECT key_id, jurisdiction, created_at, valid_from, revoke_after, revoked_at FROM signing_key"
        " ORDER BY jurisdiction, valid_from, key_id"
    )
    return [KeyListing(*r) for r in rows]
