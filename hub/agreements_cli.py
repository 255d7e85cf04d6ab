"""`hub agreements load|show|history`: sharing agreements in the hub database, and who loaded which when."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import asyncpg

from hub import agreements_store
from hub.agreements_file import AgreementsInvalid
from hub.agreements_store import LONDON, LoadInfo, LoadReport
from hub.domain.agreement_changes import changed_fields
from hub.domain.agreements import SharingAgreement
from hub.settings import Settings
from hub.store.connect import connect

if TYPE_CHECKING:
    from hub.cli import Subcommands

T = TypeVar("T")
COLUMNS = ("ID", "OWNERS → RECIPIENTS", "COVERS", "HANDLING", "WITHHELD", "VALID", "LOADED")


def register(subcommands: Subcommands[argparse.ArgumentParser]) -> None:
    group = subcommands.add_parser("agreements", help="the sharing agreements in force and their history")
    actions = group.add_subparsers(title="actions", metavar="ACTION", required=True)
    load = actions.add_parser("load", help="validate an agreements file and record it as the agreements in force")
    load.add_argument("file", type=Path, help="agreements YAML (see shared/AGREEMENTS.md)")
    load.add_argument("--by", required=True, metavar="PERSON", help="the person loading it, kept on record")
    load.set_defaults(handler=_load)
    show = actions.add_parser("show", help="the agreements in force, or those that were on a past date")
    show.add_argument("--at", type=_day, metavar="YYYY-MM-DD", help="as loaded by then, active on that day")
    show.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    show.set_defaults(handler=_show)
    past = actions.add_parser("history", help="every load that added, changed or removed one agreement")
    past.add_argument("agreement_id", help="e.g. INTEL-SCO-EAW-2026")
    past.set_defaults(handler=_history)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


def _with_hub(work: Callable[[asyncpg.Connection], Awaitable[T]]) -> T:
    async def run() -> T:
        connection = await connect(Settings().hub_login())
        try:
            return await work(connection)
        finally:
            await connection.close()

    return asyncio.run(run())


def _load(args: argparse.Namespace) -> int:
    try:
        report = _with_hub(lambda c: agreements_store.load_file(c, args.file, args.by))
    except AgreementsInvalid as exc:
        print(f"refused {args.file}: {len(exc.problems)} problem(s); nothing was loaded", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print("\n".join(load_report_lines(report)))
    return 0


def load_report_lines(report: LoadReport) -> list[str]:
    """What the operator sees after a load: the load recorded (or why none was) and what changed."""
    changes = report.changes
    if report.recorded is None:
        previous = report.previous
        assert previous is not None  # nothing is skipped unless a load is in force
        return [
            f"nothing recorded: the file matches the agreements in force (load #{previous.load_id},"
            f" {_when(previous)} by {previous.loaded_by})",
            f"  {len(changes.unchanged)} agreement(s), sha256 {report.sha256}",
        ]
    load = report.recorded
    lines = [f"recorded load #{load.load_id} of {load.source_file}, {_when(load)} by {load.loaded_by}"]
    lines.append(f"  sha256   {report.sha256}")
    lines += [f"  added    {ident}" for ident in changes.added]
    lines += [f"  changed  {ident} ({', '.join(fields)})" for ident, fields in changes.changed.items()]
    lines += [f"  removed  {ident}" for ident in changes.removed]
    lines.append(f"  {len(changes.unchanged)} unchanged")
    return lines


def _show(args: argparse.Namespace) -> int:
    when: date | None = args.at

    async def listing(c: asyncpg.Connection) -> tuple[LoadInfo | None, list[tuple[SharingAgreement, LoadInfo]]]:
        if when is None:
            return None, await agreements_store.current_listing(c)
        return await agreements_store.load_in_force_at(c, when), await agreements_store.agreements_at(c, when)

    in_force, rows = _with_hub(listing)
    if args.json:
        print(json.dumps([agreement_as_dict(a, load) for a, load in rows], indent=2))
        return 0
    if when is not None:
        print(
            f"as of {when}: nothing had been loaded"
            if in_force is None
            else f"as of {when}: load #{in_force.load_id} ({_when(in_force)} by {in_force.loaded_by}),"
            " agreements active that day"
        )
    elif not rows:
        print("no agreements loaded yet: the router loads deploy/agreements.yaml when it starts, or use `load`")
    if rows:
        print("\n".join(table([_cells(a, load) for a, load in rows])))
    elif in_force is not None:
        print("none of its agreements was active that day")
    return 0


def _history(args: argparse.Namespace) -> int:
    entries = _with_hub(lambda c: agreements_store.history(c, args.agreement_id))
    if not entries:
        print(f"{args.agreement_id}: never loaded")
        return 1
    previous: SharingAgreement | None = None
    for entry in entries:
        what: str = entry.change
        if entry.change == "changed" and previous is not None and entry.agreement is not None:
            what += f" ({', '.join(changed_fields(previous, entry.agreement))})"
        print(f"load #{entry.load.load_id}  {_when(entry.load)}  {entry.load.loaded_by}  {what}")
        if entry.agreement is not None:
            print("    " + "  ".join(_cells(entry.agreement, entry.load)[1:-1]))
        previous = entry.agreement
    return 0


def agreement_as_dict(agreement: SharingAgreement, load: LoadInfo) -> dict[str, Any]:
    return {
        "id": agreement.id,
        "owners": sorted(agreement.owners),
        "recipients": sorted(agreement.recipients),
        "covers": sorted(agreement.covers),
        "handling": sorted(agreement.handling),
        "withheld_fields": sorted(agreement.withheld_fields),
        "valid_from": agreement.valid_from.isoformat(),
        "valid_to": None if agreement.valid_to is None else agreement.valid_to.isoformat(),
        "load_id": load.load_id,
        "loaded_at": load.loaded_at.isoformat(),
        "loaded_by": load.loaded_by,
        "source_file": load.source_file,
    }


def _cells(agreement: SharingAgreement, load: LoadInfo) -> tuple[str, ...]:
    def listed(values: frozenset[str]) -> str:
        return ",".join(sorted(values)) or "-"

    return (
        agreement.id,
        f"{listed(agreement.owners)} → {listed(agreement.recipients)}",
        listed(agreement.covers),
        listed(agreement.handling),
        listed(agreement.withheld_fields),
        f"{agreement.valid_from} → {agreement.valid_to or 'open'}",
        f"{_when(load)} {load.loaded_by} (#{load.load_id})",
    )


def table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned columns under `COLUMNS`, two spaces apart."""
    widths = [max(len(r[i]) for r in [COLUMNS, *rows]) for i in range(len(COLUMNS))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in [COLUMNS, *rows]]


def _when(load: LoadInfo) -> str:
    return f"{load.loaded_at.astimezone(LONDON):%Y-%m-%d %H:%M %Z}"
