"""Sharing agreements in the real hub database: loads, their history, refusals, past dates and the commands.

The database is shared and outlives a run, so each test names its own agreements uniquely, and every test puts
the shipped agreements (deploy/agreements.yaml) back in force when it ends: the routing tests rely on them.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import asyncpg
import pytest
import yaml

from consumers.agreements_refresh import AgreementsRefresh
from hub.agreements_file import DEFAULT_AGREEMENTS, AgreementsInvalid, load_agreements
from hub.agreements_store import (
    agreements_at,
    current_agreements,
    current_listing,
    history,
    latest_load_id,
    load_file,
)
from hub.domain.agreements import SharingAgreement
from hub.settings import Settings

pytestmark = pytest.mark.integration

RESTORER = "integration tests (restoring the shipped agreements)"
SHIPPED = load_agreements()


@pytest.fixture
async def hub_db(settings: Settings, migrated_stores: None) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(**settings.hub_login().connect_kwargs())
    try:
        yield connection
    finally:
        await load_file(connection, DEFAULT_AGREEMENTS, RESTORER)
        await connection.close()


def unique_id() -> str:
    return f"TEST-{uuid.uuid4().hex[:10].upper()}"


def extra(ident: str, **changes: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "owners": ["SCO"],
        "recipients": ["EAW"],
        "covers": ["intelligence"],
        "handling": ["P"],
        "valid_from": date(2026, 1, 1),
        "valid_to": date(2027, 6, 30),
        **changes,
    }


def shipped_plus(path: Path, *entries: dict[str, Any]) -> Path:
    """The shipped agreements with some more, written to `path`."""
    document = yaml.safe_load(DEFAULT_AGREEMENTS.read_text(encoding="utf-8"))
    document["agreements"] += list(entries)
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def hub_command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hub", *args], capture_output=True, text=True, check=False)


async def test_the_shipped_file_loads_and_its_agreements_are_in_force(hub_db: asyncpg.Connection) -> None:
    report = await load_file(hub_db, DEFAULT_AGREEMENTS, "Integration Test")
    assert set(await current_agreements(hub_db)) == set(SHIPPED)
    if report.recorded is None:  # already in force from an earlier run: nothing new is written
        assert report.changes.is_empty
        assert report.previous is not None
    listing = await current_listing(hub_db)
    assert [a.id for a, _ in listing] == sorted(a.id for a in SHIPPED)
    assert all(load.loaded_by for _, load in listing)


async def test_a_changed_file_is_recorded_with_its_change_and_history_keeps_both_versions(
    hub_db: asyncpg.Connection, tmp_path: Path
) -> None:
    ident = unique_id()
    first = await load_file(hub_db, shipped_plus(tmp_path / "v1.yaml", extra(ident)), "Ailsa Fraser")
    second_file = shipped_plus(tmp_path / "v2.yaml", extra(ident, recipients=["EAW", "NIR"], valid_to=None))
    second = await load_file(hub_db, second_file, "Bryn Davies")

    assert first.recorded is not None
    assert second.recorded is not None
    assert (first.changes.added, first.changes.changed, first.changes.removed) == ((ident,), {}, ())
    assert second.changes.changed == {ident: ("recipients", "valid_to")}
    assert second.previous == first.recorded
    assert second.recorded.summary == f"changed {ident} (recipients, valid_to); {len(SHIPPED)} unchanged"
    row = await hub_db.fetchrow("SELECT * FROM agreement_load WHERE load_id = $1", second.recorded.load_id)
    assert row["loaded_by"] == "Bryn Davies"
    assert row["sha256"] == hashlib.sha256(second_file.read_bytes()).hexdigest()
    assert row["source_file"] == str(second_file.resolve())

    versions = await history(hub_db, ident)
    assert [(e.change, e.load.loaded_by) for e in versions] == [("added", "Ailsa Fraser"), ("changed", "Bryn Davies")]
    assert [e.agreement.valid_to for e in versions if e.agreement] == [date(2027, 6, 30), None]
    in_force = {a.id: load for a, load in await current_listing(hub_db)}
    assert in_force[ident].load_id == second.recorded.load_id
    assert in_force["MAPPA-S17-MOVEMENT"].load_id <= first.recorded.load_id, "an unchanged agreement keeps its load"

    restored = await load_file(hub_db, DEFAULT_AGREEMENTS, RESTORER)
    assert restored.changes.removed == (ident,)
    assert [e.change for e in await history(hub_db, ident)] == ["added", "changed", "removed"]


async def test_loading_the_same_file_again_records_nothing(hub_db: asyncpg.Connection, tmp_path: Path) -> None:
    path = shipped_plus(tmp_path / "agreements.yaml", extra(unique_id()))
    first = await load_file(hub_db, path, "Ailsa Fraser")
    again = await load_file(hub_db, path, "Ailsa Fraser")
    assert again.recorded is None
    assert again.previous == first.recorded
    assert again.changes.summary() == f"no change: the {len(SHIPPED) + 1} agreement(s) in force are the same"
    assert first.recorded is not None
    assert await latest_load_id(hub_db) == first.recorded.load_id


INVALID = """agreements:
  - {id: MAPPA-S17-MOVEMENT, owners: ["*"], recipients: ["*"], covers: [movement], valid_from: 2016-01-01}
  - {id: IDENT-NOPE, owners: [SCO-NOPE], recipients: [EAW], covers: [movement], valid_from: 2026-01-01}
  - {id: IDENT-TWICE, owners: [SCO], recipients: [EAW], covers: [movement], valid_from: 2026-01-01}
  - {id: IDENT-TWICE, owners: [SCO], recipients: [NIR], covers: [movement], valid_from: 2026-01-01}
  - {id: IDENT-BACKWARDS, owners: [SCO], recipients: [EAW], covers: [movement], valid_from: 2026-06-01,
     valid_to: 2026-05-31}
  - {id: IDENT-FEB30, owners: [SCO], recipients: [EAW], covers: [movement], valid_from: 2026-02-30}
  - {id: IDENT-C, owners: [SCO], recipients: [EAW], covers: [intelligence], handling: [P, C], valid_from: 2026-01-01}
"""


async def test_an_invalid_file_changes_nothing_and_reports_every_problem(
    hub_db: asyncpg.Connection, tmp_path: Path
) -> None:
    ident = unique_id()
    path = tmp_path / "invalid.yaml"
    path.write_text(INVALID.replace("IDENT", ident), encoding="utf-8")
    before = await latest_load_id(hub_db)
    with pytest.raises(AgreementsInvalid) as refused:
        await load_file(hub_db, path, "Ailsa Fraser")
    assert refused.value.problems == [
        f"agreement #2 ({ident}-NOPE): `owners`: unknown agency or jurisdiction 'SCO-NOPE'",
        f"agreement #4 ({ident}-TWICE): id '{ident}-TWICE' is used twice",
        f"agreement #5 ({ident}-BACKWARDS): `valid_to` 2026-05-31 is before `valid_from` 2026-06-01",
        f"agreement #6 ({ident}-FEB30): `valid_from` must be a date (YYYY-MM-DD)",
        f"agreement #7 ({ident}-C): handling code C is never pre-authorised: the owner decides each time",
    ]
    assert await latest_load_id(hub_db) == before
    assert set(await current_agreements(hub_db)) == set(SHIPPED)
    stored = await hub_db.fetchval("SELECT count(*) FROM agreement_version WHERE agreement_id LIKE $1", f"{ident}%")
    assert stored == 0


async def record_past_load(connection: asyncpg.Connection, at: str, who: str, *versions: SharingAgreement) -> int:
    """What a hub running since 2001 would hold: the code only ever stamps loads with the present time."""
    load_id: int = await connection.fetchval(
        "INSERT INTO agreement_load (loaded_at, loaded_by, source_file, sha256, added, changed, removed, summary)"
        " VALUES ($1::text::timestamptz, $2, 'past.yaml', $3, $4, '{}', '{}', 'a load of the past') RETURNING load_id",
        at,
        who,
        "0" * 64,
        [v.id for v in versions],
    )
    await connection.executemany(
        "INSERT INTO agreement_version (loaded_in, agreement_id, owners, recipients, covers, handling,"
        " withheld_fields, valid_from, valid_to, since_load) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $1)",
        [
            (load_id, v.id, sorted(v.owners), sorted(v.recipients), sorted(v.covers), [], [], v.valid_from, v.valid_to)
            for v in versions
        ],
    )
    return load_id


def past_agreement(ident: str, recipients: set[str], valid_to: date | None = None) -> SharingAgreement:
    return SharingAgreement(
        ident, frozenset({"SCO"}), frozenset(recipients), frozenset({"movement"}), date(2001, 1, 1), valid_to
    )


async def test_show_at_a_past_date_gives_the_version_loaded_by_then_and_active_that_day(
    hub_db: asyncpg.Connection,
) -> None:
    ident = unique_id()
    ended = past_agreement(f"{ident}-ENDED", {"EAW"}, valid_to=date(2001, 5, 31))
    in_force = await latest_load_id(hub_db)
    older = past_agreement(ident, {"EAW"})
    await record_past_load(hub_db, "2001-03-01 12:00+00", "Ailsa Fraser", older, ended)
    newer = past_agreement(ident, {"EAW", "NIR"})
    await record_past_load(hub_db, "2001-09-01 12:00+00", "Bryn Davies", newer)
    assert await latest_load_id(hub_db) == in_force, "a load dated in the past never displaces the one in force"

    on_the_day = await agreements_at(hub_db, date(2001, 3, 1))
    assert [(a, load.loaded_by) for a, load in on_the_day] == [(older, "Ailsa Fraser"), (ended, "Ailsa Fraser")]
    assert [a for a, _ in await agreements_at(hub_db, date(2001, 6, 1))] == [older]
    assert [a for a, _ in await agreements_at(hub_db, date(2001, 9, 2))] == [newer]

    shown = hub_command("agreements", "show", "--at", "2001-06-01")
    assert shown.returncode == 0, shown.stderr
    assert "by Ailsa Fraser" in shown.stdout
    assert f"{ident}  SCO → EAW " in shown.stdout
    assert ended.id not in shown.stdout
    as_json = json.loads(hub_command("agreements", "show", "--at", "2001-09-02", "--json").stdout)
    assert [(a["id"], a["recipients"], a["loaded_by"]) for a in as_json] == [(ident, ["EAW", "NIR"], "Bryn Davies")]


async def test_the_commands_load_show_and_explain_the_agreements(hub_db: asyncpg.Connection, tmp_path: Path) -> None:
    ident = unique_id()
    path = shipped_plus(tmp_path / "agreements.yaml", extra(ident, withheld_fields=["text"]))

    loaded = hub_command("agreements", "load", str(path), "--by", "Ceri Jones")
    assert loaded.returncode == 0, loaded.stderr
    assert "recorded load #" in loaded.stdout
    assert "by Ceri Jones" in loaded.stdout
    assert f"added    {ident}" in loaded.stdout
    again = hub_command("agreements", "load", str(path), "--by", "Ceri Jones")
    assert again.stdout.startswith("nothing recorded: the file matches the agreements in force")

    shown = hub_command("agreements", "show")
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0].split() == ["ID", "OWNERS", "→", "RECIPIENTS", "COVERS", "HANDLING", "WITHHELD", "VALID", "LOADED"]
    row = next(line for line in lines if line.startswith(ident))
    assert row.split()[:8] == [ident, "SCO", "→", "EAW", "intelligence", "P", "text", "2026-01-01"]
    assert "Ceri Jones" in row
    assert {a.id for a in SHIPPED} <= {line.split()[0] for line in lines[1:]}
    as_json = json.loads(hub_command("agreements", "show", "--json").stdout)
    assert {a["id"] for a in as_json} == {a.id for a in SHIPPED} | {ident}

    restored = hub_command("agreements", "load", str(DEFAULT_AGREEMENTS), "--by", RESTORER)
    assert f"removed  {ident}" in restored.stdout
    past = hub_command("agreements", "history", ident)
    assert [line.split("  ")[-1] for line in past.stdout.splitlines() if line.startswith("load #")] == [
        "added",
        "removed",
    ]


async def test_the_load_command_refuses_an_invalid_file_and_lists_its_problems(
    hub_db: asyncpg.Connection, tmp_path: Path
) -> None:
    path = tmp_path / "invalid.yaml"
    path.write_text(INVALID.replace("IDENT", unique_id()), encoding="utf-8")
    before = await latest_load_id(hub_db)
    refused = hub_command("agreements", "load", str(path), "--by", "Ceri Jones")
    assert refused.returncode == 1
    assert refused.stdout == ""
    problems = refused.stderr.splitlines()
    assert problems[0] == f"refused {path}: 5 problem(s); nothing was loaded"
    assert len(problems) == 6
    assert "handling code C is never pre-authorised" in problems[-1]
    assert await latest_load_id(hub_db) == before
    unnamed = hub_command("agreements", "load", str(DEFAULT_AGREEMENTS), "--by", "  ")
    assert unnamed.returncode == 1
    assert "name the person loading the agreements" in unnamed.stderr


class RecordingRouter:
    def __init__(self) -> None:
        self.swaps: list[tuple[SharingAgreement, ...]] = []

    def use_agreements(self, agreements: tuple[SharingAgreement, ...]) -> None:
        self.swaps.append(agreements)


async def test_the_router_is_handed_a_new_load_and_only_a_new_load(
    hub_db: asyncpg.Connection, settings: Settings, tmp_path: Path
) -> None:
    router = RecordingRouter()
    load_id = await latest_load_id(hub_db)
    assert load_id is not None

    async def open_connection() -> asyncpg.Connection:
        return await asyncpg.connect(**settings.hub_login().connect_kwargs())

    refresh = AgreementsRefresh(open_connection, router, load_id)
    try:
        assert not await refresh.check()
        ident = unique_id()
        await load_file(hub_db, shipped_plus(tmp_path / "agreements.yaml", extra(ident)), "Ailsa Fraser")
        assert await refresh.check()
        assert not await refresh.check()
    finally:
        await refresh.close()
    assert [{a.id for a in swap} for swap in router.swaps] == [{a.id for a in SHIPPED} | {ident}]
