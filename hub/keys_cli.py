"""`hub keys rotate|list|revoke`: the adapters' signing keys. Shows key ids and dates, never private material."""

from __future__ import annotations

import argparse
import asyncio
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from adapters.registry import ADAPTER_MODULES, adapter_for
from hub.adapter_keys import DEFAULT_OVERLAP, key_file, listed_keys, revoke_key, rotate_adapter_key
from hub.domain.codes import JURISDICTIONS
from hub.settings import Settings

if TYPE_CHECKING:
    from hub.cli import Subcommands

COLUMNS = ("KEY ID", "JURISDICTION", "CREATED", "REVOKE AFTER", "REVOKED")


def register(subcommands: Subcommands[argparse.ArgumentParser]) -> None:
    group = subcommands.add_parser("keys", help="the adapters' event signing keys (the key registry)")
    actions = group.add_subparsers(title="actions", metavar="ACTION", required=True)
    rotate = actions.add_parser("rotate", help="a new key for an adapter; the previous one ends after an overlap")
    rotate.add_argument("adapter", type=jurisdiction_of, help=f"e.g. scotland or SCO ({', '.join(ADAPTER_MODULES)})")
    rotate.add_argument(
        "--overlap",
        type=_hours,
        default=DEFAULT_OVERLAP,
        metavar="HOURS",
        help="how long the previous key keeps verifying (default 24)",
    )
    rotate.set_defaults(handler=_rotate)
    actions.add_parser("list", help="every key: id, jurisdiction, created, revoke-after, revoked").set_defaults(
        handler=_list
    )
    revoke = actions.add_parser("revoke", help="revoke a key now: messages signed with it go to the DLQ")
    revoke.add_argument("key_id", help="as `hub keys list` shows it")
    revoke.set_defaults(handler=_revoke)


def jurisdiction_of(name: str) -> str:
    """`SCO` or an adapter name such as `scotland` → the jurisdiction code."""
    if name.upper() in JURISDICTIONS:
        return name.upper()
    try:
        return adapter_for(name.lower()).JURISDICTION
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"unknown adapter {name!r}; expected one of {', '.join(ADAPTER_MODULES)} or {', '.join(JURISDICTIONS)}"
        ) from None


def _hours(text: str) -> timedelta:
    try:
        hours = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of hours") from None
    if hours < 0:
        raise argparse.ArgumentTypeError("the overlap cannot be negative")
    return timedelta(hours=hours)


def _rotate(args: argparse.Namespace) -> int:
    settings = Settings()
    key = asyncio.run(rotate_adapter_key(settings, args.adapter, args.overlap))
    hours = args.overlap.total_seconds() / 3600
    path = key_file(settings.stack_dir, key.jurisdiction)
    print(
        f"new key {key.key_id} for {key.jurisdiction} registered and written to {path};"
        f" {key.jurisdiction}'s previous keys keep verifying for {hours:g} h, then count as revoked"
    )
    return 0


def _list(_: argparse.Namespace) -> int:
    keys = asyncio.run(listed_keys(Settings()))
    rows = [(k.key_id, k.jurisdiction, _when(k.created_at), _when(k.revoke_after), _when(k.revoked_at)) for k in keys]
    widths = [max(len(str(c)) for c in column) for column in zip(COLUMNS, *rows, strict=False)]
    for row in (COLUMNS, *rows):
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return 0


def _when(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else "-"


def _revoke(args: argparse.Namespace) -> int:
    if asyncio.run(revoke_key(Settings(), args.key_id)):
        print(f"revoked {args.key_id}: the router refuses messages signed with it from its next registry reload")
        return 0
    print(f"no key {args.key_id!r} that is not revoked already (see `hub keys list`)")
    return 1
