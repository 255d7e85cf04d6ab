"""Sharing agreements in the hub database, with their history (shared/AGREEMENTS.md).

Every accepted agreements file is one *load*; the agreements in force are those of the latest load. Nothing is
ever updated or deleted: who loaded what, when, from which file, and what it changed stays on record.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

import asyncpg

from hub.agreements_file import DEFAULT_AGREEMENTS, AgreementsInvalid, parse_agreements
from hub.domain.agreement_changes import AgreementChanges, compare_agreements
from hub.domain.agreements import SharingAgreement
from hub.errors import HubError, StoreError

DEFAULT_LOADER = "hub (default agreements)"
LONDON = ZoneInfo("Europe/London")
_LOCK_KEY = 0x41_47_52_45  # serialises loads, so each is compared with the load truly before it
_LATEST = "ORDER BY loaded_at DESC, load_id DESC LIMIT 1"
_LOAD_COLUMNS = "load_id, loaded_at, loaded_by, source_file, sha256, summary"
_VERSION_COLUMNS = "agreement_id, owners, recipients, covers, handling, withheld_fields, valid_from, valid_to"
# A load is never dated before the one it follows: "latest by time" and "latest by id" agree if the clock steps back.
_INSERT_LOAD = (
    "INSERT INTO agreement_load (loaded_at, loaded_by, source_file, sha256, added, changed, removed, summary)"  # noqa: S608 - constant SQL
    " VALUES (greatest(clock_timestamp(), $1), $2, $3, $4, $5, $6, $7, $8) RETURNING " + _LOAD_COLUMNS
)


class LoaderUnnamed(HubError):
    """An agreements file was offered without naming the person loading it; nothing was loaded."""


@dataclass(frozen=True, slots=True)
class LoadInfo:
    """One recorded load of an agreements file."""

    load_id: int
    loaded_at: datetime
    loaded_by: str
    source_file: str
    sha256: str
    summary: str


@dataclass(frozen=True, slots=True)
class LoadReport:
    """What loading a file did; `recorded` is `None` when it matched the agreements in force (nothing written)."""

    source_file: str
    sha256: str
    changes: AgreementChanges
    recorded: LoadInfo | None
    previous: LoadInfo | None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One load that added, changed or removed an agreement; `agreement` is the version it loaded (none if removed)."""

    load: LoadInfo
    change: Literal["added", "changed", "removed"]
    agreement: SharingAgreement | None


@dataclass(frozen=True, slots=True)
class AgreementsFile:
    """A validated agreements file: its agreements, where it was read from, and the sha256 of its bytes."""

    agreements: tuple[SharingAgreement, ...]
    source_file: str
    sha256: str


def read_agreements_file(path: Path) -> AgreementsFile:
    """Validate a file (any bad entry refuses all of it) and hash the exact bytes that were validated."""
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AgreementsInvalid(str(path), [f"cannot read: {exc}"]) from exc
    agreements = parse_agreements(text, str(path))
    return AgreementsFile(agreements, str(path.resolve()), hashlib.sha256(data).hexdigest())


async def load_file(connection: asyncpg.Connection, path: Path, loaded_by: str) -> LoadReport:
    """Record a new load of `path` unless it matches the agreements in force; invalid files write nothing."""
    person = loaded_by.strip()
    if not person:
        raise LoaderUnnamed(f"{path}: name the person loading the agreements (`--by`); nothing was loaded")
    file = read_agreements_file(path)
    async with _store_errors(), connection.transaction():
        await connection.execute("SELECT pg_advisory_xact_lock($1)", _LOCK_KEY)
        return await _record(connection, file, person)


async def ensure_loaded(connection: asyncpg.Connection, default: Path = DEFAULT_AGREEMENTS) -> LoadInfo | None:
    """When no agreements were ever loaded, load the shipped default and return that load; otherwise do nothing."""
    file = read_agreements_file(default)
    async with _store_errors(), connection.transaction():
        await connection.execute("SELECT pg_advisory_xact_lock($1)", _LOCK_KEY)
        if await _latest_load(connection) is not None:
            return None
        return (await _record(connection, file, DEFAULT_LOADER)).recorded


async def latest_load_id(connection: asyncpg.Connection) -> int | None:
    """The id of the load in force; cheap enough to poll."""
    async with _store_errors():
        load_id: int | None = await connection.fetchval(f"SELECT load_id FROM agreement_load {_LATEST}")  # noqa: S608 - constant SQL
    return load_id


async def agreements_of_load(connection: asyncpg.Connection, load_id: int) -> tuple[SharingAgreement, ...]:
    """The agreements one load recorded (a load never changes once written)."""
    return tuple(agreement for agreement, _ in await _listing(connection, load_id))


async def current_agreements(connection: asyncpg.Connection) -> tuple[SharingAgreement, ...]:
    """The agreements in force: those of the latest load (none if nothing was ever loaded)."""
    load_id = await latest_load_id(connection)
    return () if load_id is None else await agreements_of_load(connection, load_id)


async def current_listing(connection: asyncpg.Connection) -> list[tuple[SharingAgreement, LoadInfo]]:
    """The agreements in force, each with the load that introduced its present version."""
    load_id = await latest_load_id(connection)
    return [] if load_id is None else await _listing(connection, load_id)


async def load_in_force_at(connection: asyncpg.Connection, when: date) -> LoadInfo | None:
    """The latest load made by the end of `when` (a Europe/London calendar day)."""
    end_of_day = datetime.combine(when + timedelta(days=1), time(), tzinfo=LONDON)
    async with _store_errors():
        row = await connection.fetchrow(
            f"SELECT {_LOAD_COLUMNS} FROM agreement_load WHERE loaded_at < $1 {_LATEST}",  # noqa: S608 - constant SQL
            end_of_day,
        )
    return None if row is None else _load(row)


async def agreements_at(connection: asyncpg.Connection, when: date) -> list[tuple[SharingAgreement, LoadInfo]]:
    """What was loaded as of `when`, limited to the agreements active on that day."""
    load = await load_in_force_at(connection, when)
    if load is None:
        return []
    return [(a, since) for a, since in await _listing(connection, load.load_id) if a.is_active_on(when)]


async def history(connection: asyncpg.Connection, agreement_id: str) -> list[HistoryEntry]:
    """Every load that added, changed or removed the agreement, oldest first."""
    async with _store_errors():
        rows = await connection.fetch(
            f"SELECT {', '.join('l.' + c for c in _LOAD_COLUMNS.split(', '))}, l.added, l.changed,"  # noqa: S608 - constant SQL
            f" {', '.join('v.' + c for c in _VERSION_COLUMNS.split(', '))}"
            " FROM agreement_load l LEFT JOIN agreement_version v ON v.loaded_in = l.load_id AND v.agreement_id = $1"
            " WHERE $1 = ANY(l.added) OR $1 = ANY(l.changed) OR $1 = ANY(l.removed) ORDER BY l.loaded_at, l.load_id",
            agreement_id,
        )
    entries = []
    for row in rows:
        change: Literal["added", "changed", "removed"] = (
            "added" if agreement_id in row["added"] else "changed" if agreement_id in row["changed"] else "removed"
        )
        agreement = None if row["agreement_id"] is None else _agreement(row)
        entries.append(HistoryEntry(_load(row), change, agreement))
    return entries


async def _record(connection: asyncpg.Connection, file: AgreementsFile, person: str) -> LoadReport:
    """Inside the caller's locked transaction: compare with the load in force and record a new one if it differs."""
    previous = await _latest_load(connection)
    in_force = [] if previous is None else await _listing(connection, previous.load_id)
    changes = compare_agreements((a for a, _ in in_force), file.agreements)
    if previous is not None and changes.is_empty:
        return LoadReport(file.source_file, file.sha256, changes, None, previous)
    row = await connection.fetchrow(
        _INSERT_LOAD,
        None if previous is None else previous.loaded_at,
        person,
        file.source_file,
        file.sha256,
        list(changes.added),
        list(changes.changed),
        list(changes.removed),
        changes.summary(),
    )
    recorded = _load(row)
    since = {a.id: load.load_id for a, load in in_force if a.id in changes.unchanged}
    await connection.executemany(
        f"INSERT INTO agreement_version (loaded_in, {_VERSION_COLUMNS}, since_load)"  # noqa: S608 - constant SQL
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        [(recorded.load_id, *_columns(a), since.get(a.id, recorded.load_id)) for a in file.agreements],
    )
    return LoadReport(file.source_file, file.sha256, changes, recorded, previous)


async def _latest_load(connection: asyncpg.Connection) -> LoadInfo | None:
    row = await connection.fetchrow(f"SELECT {_LOAD_COLUMNS} FROM agreement_load {_LATEST}")  # noqa: S608 - constant SQL
    return None if row is None else _load(row)


async def _listing(connection: asyncpg.Connection, load_id: int) -> list[tuple[SharingAgreement, LoadInfo]]:
    """A load's agreements by id, each with the load that introduced its version."""
    async with _store_errors():
        rows = await connection.fetch(
            f"SELECT {', '.join('v.' + c for c in _VERSION_COLUMNS.split(', '))},"  # noqa: S608 - constant SQL
            f" {', '.join('l.' + c for c in _LOAD_COLUMNS.split(', '))}"
            " FROM agreement_version v JOIN agreement_load l ON l.load_id = v.since_load"
            " WHERE v.loaded_in = $1 ORDER BY v.agreement_id",
            load_id,
        )
    return [(_agreement(row), _load(row)) for row in rows]


def _columns(agreement: SharingAgreement) -> tuple[object, ...]:
    return (
        agreement.id,
        sorted(agreement.owners),
        sorted(agreement.recipients),
        sorted(agreement.covers),
        sorted(agreement.handling),
        sorted(agreement.withheld_fields),
        agreement.valid_from,
        agreement.valid_to,
    )


def _load(row: asyncpg.Record) -> LoadInfo:
    return LoadInfo(
        load_id=row["load_id"],
        loaded_at=row["loaded_at"],
        loaded_by=row["loaded_by"],
        source_file=row["source_file"],
        sha256=row["sha256"],
        summary=row["summary"],
    )


def _agreement(row: asyncpg.Record) -> SharingAgreement:
    return SharingAgreement(
        id=row["agreement_id"],
        owners=frozenset(row["owners"]),
        recipients=frozenset(row["recipients"]),
        covers=frozenset(row["covers"]),
        valid_from=row["valid_from"],
        valid_to=row["valid_to"],
        handling=frozenset(row["handling"]),
        withheld_fields=frozenset(row["withheld_fields"]),
    )


@asynccontextmanager
async def _store_errors() -> AsyncIterator[None]:
    """asyncpg's errors become `StoreError`, with a next step when the schema is missing."""
    try:
        yield
    except asyncpg.UndefinedTableError as exc:
        raise StoreError("the hub database has no agreements tables yet: run `hub db migrate`") from exc
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        raise StoreError(f"agreements store: {exc.__class__.__name__}: {exc}") from exc
