"""`hub serve router|writer`, `hub db migrate` and `hub dlq list|replay`: parse, call the services, print."""

from __future__ import annotations

import argparse
import asyncio
import json
from typing import TYPE_CHECKING

from consumers import dlq, services
from hub.domain.codes import JURISDICTIONS
from hub.log import configure_logging
from hub.queues import queue_depths
from hub.settings import Settings
from hub.store.hub_schema import migrate_hub

if TYPE_CHECKING:
    from hub.cli import Subcommands


def register(subcommands: Subcommands[argparse.ArgumentParser]) -> None:
    serve = subcommands.add_parser("serve", help="run a long-running hub service until SIGTERM")
    services_ = serve.add_subparsers(title="services", metavar="SERVICE", required=True)
    services_.add_parser("router", help="route inbound events to partners, held and DLQ").set_defaults(
        handler=_serve_router
    )
    writer = services_.add_parser("writer", help="apply deliveries to partner stores")
    writer.add_argument("--partner", required=True, choices=[*JURISDICTIONS, "all"], help="a partner, or all")
    writer.set_defaults(handler=_serve_writer)
    ingest = services_.add_parser("ingest", help="HTTP endpoint for partners that push single messages")
    ingest.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    ingest.add_argument("--port", type=int, default=18080, help="port to listen on (default 18080)")
    ingest.set_defaults(handler=_serve_ingest)

    db = subcommands.add_parser("db", help="the hub database and the partner stores")
    db_actions = db.add_subparsers(title="actions", metavar="ACTION", required=True)
    db_actions.add_parser("migrate", help="apply pending schema migrations to every store").set_defaults(
        handler=_migrate
    )

    subcommands.add_parser("queues", help="messages waiting for the router and each partner writer").set_defaults(
        handler=_queues
    )
    subcommands.add_parser(
        "metrics", help="queue depth, held and overdue items, dead letters (Prometheus text)"
    ).set_defaults(handler=_metrics)
    subcommands.add_parser("demo", help="the hub end to end on the sample files of all six jurisdictions").set_defaults(
        handler=_demo
    )

    dead = subcommands.add_parser("dlq", help="the dead-letter queue")
    dead_actions = dead.add_subparsers(title="actions", metavar="ACTION", required=True)
    listing = dead_actions.add_parser("list", help="dead letters not yet replayed, oldest first")
    listing.add_argument("--all", action="store_true", help="include replayed ones")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.set_defaults(handler=_dlq_list)
    again = dead_actions.add_parser("replay", help="publish dead letters back to their source topic")
    which = again.add_mutually_exclusive_group(required=True)
    which.add_argument("dlq_id", nargs="*", default=[], help="dead letters to replay")
    which.add_argument("--all", action="store_true", help="every dead letter not yet replayed")
    again.set_defaults(handler=_dlq_replay)


def _serve_router(_: argparse.Namespace) -> int:
    configure_logging("json")
    asyncio.run(services.run_router(Settings()))
    return 0


def _serve_writer(args: argparse.Namespace) -> int:
    configure_logging("json")
    partners = list(JURISDICTIONS) if args.partner == "all" else [args.partner]
    asyncio.run(services.run_writers(Settings(), partners))
    return 0


def _serve_ingest(args: argparse.Namespace) -> int:
    import uvicorn

    from adapters.ingest import IngestService, build_app
    from adapters.ingest_tls import uvicorn_tls_options

    configure_logging("json")
    settings = Settings()
    app = build_app(IngestService(settings))
    tls = uvicorn_tls_options(settings.stack_dir / "tls")
    uvicorn.run(app, host=args.host, port=args.port, server_header=False, date_header=False, access_log=False, **tls)
    return 0


def _migrate(_: argparse.Namespace) -> int:
    settings = Settings()

    async def all_stores() -> None:
        print("hub:", ", ".join(await migrate_hub(settings)) or "up to date")
        for partner in JURISDICTIONS:
            applied = await services.migrated(settings.partner_login(partner), "partner")
            print(f"{partner}:", ", ".join(applied) or "up to date")

    asyncio.run(all_stores())
    return 0


def _queues(_: argparse.Namespace) -> int:
    for depth in asyncio.run(queue_depths(Settings())):
        print(f"{depth.consumer:<12} {'store unreachable' if depth.waiting is None else depth.waiting}")
    return 0


def _metrics(_: argparse.Namespace) -> int:
    from hub.metrics import gather, render

    print(render(asyncio.run(gather(Settings()))), end="")
    return 0


def _demo(_: argparse.Namespace) -> int:
    from hub.demo import run_demo  # the demo pulls in every adapter; only load them when asked

    return asyncio.run(run_demo(Settings()))


def _dlq_list(args: argparse.Namespace) -> int:
    letters = asyncio.run(dlq.list_dead_letters(Settings(), include_replayed=args.all))
    for letter in letters:
        if args.json:
            print(json.dumps(_as_dict(letter)))
        else:
            print(
                f"{letter.dlq_id}  {letter.recorded_at:%Y-%m-%d %H:%M:%S}  {letter.source_topic}[{letter.partition}]"
                f"@{letter.offset}  {letter.reason_code}: {letter.reason}"
            )
    if not args.json:
        print(f"{len(letters)} dead letter(s)")
    return 0


def _as_dict(letter: dlq.DeadLetter) -> dict[str, str | None]:
    return {name: (None if getattr(letter, name) is None else str(getattr(letter, name))) for name in letter.__slots__}


def _dlq_replay(args: argparse.Namespace) -> int:
    count = asyncio.run(dlq.replay(Settings(), None if args.all else args.dlq_id))
    print(f"replayed {count} dead letter(s)")
    return 0
