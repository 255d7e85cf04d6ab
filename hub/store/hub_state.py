"""Loading and saving the router's ownership state in the hub database, a batch at a time.

Rows are loaded `FOR UPDATE`: whoever changes a nominal's or an item's state (a router instance, a person
deciding a hold) holds its rows until commit, so no change is lost to a stale copy."""

from __future__ import annotations

from collections.abc import Iterable

import asyncpg

from hub.domain.ownership import IntelState, NominalState, TransferState


async def processed_event_ids(connection: asyncpg.Connection, event_ids: list[str]) -> set[str]:
    rows = await connection.fetch(
        "SELECT event_id::text FROM processed_event WHERE event_id = ANY($1::uuid[])", event_ids
    )
    return {r[0] for r in rows}


async def load_nominals(connection: asyncpg.Connection, ids: Iterable[str]) -> dict[str, NominalState]:
    rows = await connection.fetch(
        "SELECT nominal_id::text, owner_agency, lead_agency, holders, archived, erased, transfer_to"
        " FROM nominal_state WHERE nominal_id = ANY($1::uuid[]) FOR UPDATE",
        list(ids),
    )
    return {r[0]: NominalState(r[0], r[1], r[2], frozenset(r[3]), r[4], r[5], r[6]) for r in rows}


async def load_transfers(connection: asyncpg.Connection, ids: Iterable[str]) -> dict[str, TransferState]:
    rows = await connection.fetch(
        "SELECT transfer_id::text, nominal_id::text, from_agency, to_agency, status"
        " FROM transfer_state WHERE transfer_id = ANY($1::uuid[]) FOR UPDATE",
        list(ids),
    )
    return {r[0]: TransferState(r[0], r[1], r[2], r[3], r[4]) for r in rows}


async def load_intel(connection: asyncpg.Connection, ids: Iterable[str]) -> dict[str, IntelState]:
    rows = await connection.fetch(
        "SELECT intel_id::text, nominal_id::text, owner_agency, delivered_to, held_for, withdrawn"
        " FROM intel_state WHERE intel_id = ANY($1::uuid[]) FOR UPDATE",
        list(ids),
    )
    return {r[0]: IntelState(r[0], r[1], r[2], frozenset(r[3]), frozenset(r[4]), r[5]) for r in rows}


async def save_nominals(connection: asyncpg.Connection, states: Iterable[NominalState]) -> None:
    await connection.executemany(
        "INSERT INTO nominal_state (nominal_id, owner_agency, lead_agency, holders, archived, erased, transfer_to)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (nominal_id) DO UPDATE SET"
        " lead_agency = EXCLUDED.lead_agency, holders = EXCLUDED.holders, archived = EXCLUDED.archived,"
        " erased = EXCLUDED.erased, transfer_to = EXCLUDED.transfer_to, updated_at = now()",
        [
            (s.nominal_id, s.owner_agency, s.lead_agency, sorted(s.holders), s.archived, s.erased, s.transfer_to)
            for s in states
        ],
    )


async def save_transfers(connection: asyncpg.Connection, states: Iterable[TransferState]) -> None:
    await connection.executemany(
        "INSERT INTO transfer_state (transfer_id, nominal_id, from_agency, to_agency, status)"
        " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (transfer_id) DO UPDATE SET status = EXCLUDED.status,"
        " updated_at = now()",
        [(s.transfer_id, s.nominal_id, s.from_agency, s.to_agency, s.status) for s in states],
    )


async def save_intel(connection: asyncpg.Connection, states: Iterable[IntelState]) -> None:
    await connection.executemany(
        "INSERT INTO intel_state (intel_id, nominal_id, owner_agency, delivered_to, held_for, withdrawn)"
        " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (intel_id) DO UPDATE SET"
        " delivered_to = EXCLUDED.delivered_to, held_for = EXCLUDED.held_for, withdrawn = EXCLUDED.withdrawn,"
        " updated_at = now()",
        [
            (s.intel_id, s.nominal_id, s.owner_agency, sorted(s.delivered_to), sorted(s.held_for), s.withdrawn)
            for s in states
        ],
    )
