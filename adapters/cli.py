"""`hub adapter parse|import <jurisdiction> FILE...`: parse, call the adapter and the publisher, print."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from adapters.common.batch import Outcome, Refused, Rejected
from adapters.common.output import outcome_line
from adapters.common.run import judge_files
from adapters.importer import ImportSummary, import_files
from adapters.registry import ADAPTER_MODULES, adapter_for

if TYPE_CHECKING:
    from hub.cli import Subcommands


def register(subcommands: Subcommands[argparse.ArgumentParser]) -> None:
    adapter = subcommands.add_parser("adapter", help="parse or import a partner's native files")
    actions = adapter.add_subparsers(title="actions", metavar="ACTION", required=True)
    for name, handler, text in (
        ("parse", _parse, "dry run: one JSON line per record, nothing published"),
        ("import", _import, "parse and publish to the jurisdiction's inbound topic; resumable"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("jurisdiction", choices=list(ADAPTER_MODULES))
        action.add_argument("files", nargs="+", type=Path, metavar="FILE")
        action.set_defaults(handler=handler)


def exit_code(outcomes: Iterable[Outcome | Refused]) -> int:
    """0 when every record was accepted (or a repeat), 1 when any was rejected, 2 when a file was refused."""
    code = 0
    for outcome in outcomes:
        if isinstance(outcome, Refused):
            return 2
        if isinstance(outcome, Rejected):
            code = 1
    return code


def _parse(args: argparse.Namespace) -> int:
    adapter = adapter_for(args.jurisdiction)
    seen: list[Outcome | Refused] = []
    for outcome in judge_files(adapter, args.files):
        print(outcome_line(outcome))
        seen.append(outcome)
    return exit_code(seen)


def _import(args: argparse.Namespace) -> int:
    summary: ImportSummary = asyncio.run(import_files(args.jurisdiction, args.files, progress=sys.stderr.isatty()))
    print(summary.render(), file=sys.stderr)
    return summary.exit_code()
