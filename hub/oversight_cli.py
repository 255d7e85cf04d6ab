"""`hub held list|decide`, `hub policy explain` and `hub audit trail|verify`: the owner's decisions and the audit
trail. Only `held decide` writes (as the hub's role); the others look, as the read-only `hub_reader`."""

from __future__ import annotations

import argparse
import asyncio
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import asyncpg

from hub.domain.audit_chain import ChainReport
from hub.domain.codes import AGENCIES, JURISDICTIONS
from hub.explain import explain, trail
from hub.settings import Settings
from hub.store import audit_queries, held_queue
from hub.store.connect import connect

if TYPE_CHECKING:
    from hub.cli import Subcommands

DECIDED = {
    "GRANTED": (0, "granted: the router releases the delivery and tells the requester"),
    "REFUSED": (0, "refused: the delivery is dropped; the router tells the requester"),
    "NOT_FOUND": (1, "no such hold"),
    "ALREADY_DECIDED": (1, "this hold was already decided; nothing changed"),
    "NOT_THE_OWNER": (1, "only the owning agency may decide; the attempt is recorded in the audit trail"),
}


def register(subcommands: Subcommands[argparse.ArgumentParser]) -> None:
    held = subcommands.add_parser("held", help="deliveries held for their owner's decision")
    actions = held.add_subparsers(title="actions", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="pending holds, oldest first")
    listing.add_argument("--owner", choices=sorted(AGENCIES | set(JURISDICTIONS)), help="an agency or jurisdiction")
    listing.add_argument("--overdue", action="store_true", help="only holds past their response deadline")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.set_defaults(handler=_held_list)
    decide = actions.add_parser("decide", help="the owner grants or refuses a held delivery")
    decide.add_argument("hold_id")
    decide.add_argument("decision", choices=["grant", "refuse"])
    decide.add_argument("--by", required=True, help="the person deciding")
    decide.add_argument("--agency", required=True, choices=sorted(AGENCIES), help="the agency they decide for")
    decide.add_argument("--reason", help="recorded with the decision")
    decide.set_defaults(handler=_held_decide)

    policy = subcommands.add_parser("policy", help="the routing policy's decisions")
    policy_actions = policy.add_subparsers(title="actions", metavar="ACTION", required=True)
    explain_cmd = policy_actions.add_parser("explain", help="every recipient considered for an event, and why")
    explain_cmd.add_argument("event_id")
    explain_cmd.set_defaults(handler=_explain)

    audit = subcommands.add_parser("audit", help="the audit trail")
    audit_actions = audit.add_subparsers(title="actions", metavar="ACTION", required=True)
    trail_cmd = audit_actions.add_parser("trail", help="where a nominal's data went")
    trail_cmd.add_argument("--nominal", required=True)
    trail_cmd.set_defaults(handler=_trail)
    verify_cmd = audit_actions.add_parser("verify", help="check the audit log's hash chain; exit 1 at a broken link")
    verify_cmd.set_defaults(handler=_verify)


async def _with_hub(settings: Settings) -> asyncpg.Connection:
    return await connect(settings.hub_login())


async def _reading_hub(settings: Settings) -> asyncpg.Connection:
    return await connect(settings.hub_reader_login())


def _held_list(args: argparse.Namespace) -> int:
    async def run() -> list[held_queue.HeldItem]:
        connection = await _reading_hub(Settings())
        try:
            overdue_at = datetime.now(UTC) if args.overdue else None
            return await held_queue.list_held(connection, owner=args.owner, overdue_at=overdue_at)
        finally:
            await connection.close()

    now = datetime.now(UTC)
    items = asyncio.run(run())
    for item in items:
        if args.json:
            print(json.dumps({**{k: str(getattr(item, k)) for k in item.__slots__}, "overdue": item.overdue(now)}))
        else:
            due = "-" if item.respond_by is None else f"{item.respond_by:%Y-%m-%d %H:%M}"
            flag = "  OVERDUE" if item.overdue(now) else ""
            print(
                f"{item.hold_id}  since {item.held_since:%Y-%m-%d %H:%M}  due {due}  owner {item.owner_agency:<19}"
                f" for {item.recipient:<19} {item.event_type:<27} {item.rule}{flag}"
            )
    if not args.json:
        print(f"{len(items)} held item(s)")
    return 0


def _held_decide(args: argparse.Namespace) -> int:
    settings = Settings()

    async def run() -> str:
        connection = await _with_hub(settings)
        try:
            outcome = await held_queue.decide(
                connection,
                args.hold_id,
                grant=args.decision == "grant",
                person=args.by,
                agency=args.agency,
                reason=args.reason,
                now=datetime.now(UTC),
            )
            return outcome
        finally:
            await connection.close()

    code, text = DECIDED[asyncio.run(run())]
    print(text)
    return code


def _explain(args: argparse.Namespace) -> int:
    async def run() -> str:
        connection = await _reading_hub(Settings())
        try:
            records = await audit_queries.decisions_for_event(connection, args.event_id)
            holds = await audit_queries.holds_for_event(connection, args.event_id)
        finally:
            await connection.close()
        return explain(args.event_id, records, holds, datetime.now(UTC))

    print(asyncio.run(run()))
    return 0


def _trail(args: argparse.Namespace) -> int:
    async def run() -> str:
        connection = await _reading_hub(Settings())
        try:
            return trail(await audit_queries.decisions_for_nominal(connection, args.nominal))
        finally:
            await connection.close()

    print(asyncio.run(run()))
    return 0


def _verify(_: argparse.Namespace) -> int:
    async def run() -> ChainReport:
        connection = await _reading_hub(Settings())
        try:
            return await audit_queries.verify_audit_chain(connection)
        finally:
            await connection.close()

    report = asyncio.run(run())
    last = "none" if report.last_hash is None else report.last_hash.hex()
    if report.intact:
        print(f"chain intact: {report.records} records, last hash {last}")
        return 0
    print(f"chain broken at record id {report.broken_at}: {report.problem}")
    print(f"the {report.records} records before it are intact; the last of them has hash {last}")
    return 1
