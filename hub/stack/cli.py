"""`hub stack up | down | status | reset` and `hub topics create`: parse, call hub.stack.service, print."""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from typing import TYPE_CHECKING

from hub.settings import Settings
from hub.stack import service
from hub.stack.kafka_topics import ensure_acls, ensure_topics
from hub.stack.status import gather_status, render
from hub.topics import all_topics

if TYPE_CHECKING:
    from hub.cli import Subcommands


def register(subcommands: Subcommands[argparse.ArgumentParser]) -> None:
    stack = subcommands.add_parser("stack", help="the local Kafka broker and PostgreSQL cluster")
    actions = stack.add_subparsers(title="actions", metavar="ACTION", required=True)
    actions.add_parser("up", help="start both servers and create topics, roles and databases").set_defaults(handler=_up)
    actions.add_parser("down", help="stop both servers, keeping their data").set_defaults(handler=_down)
    status = actions.add_parser("status", help="report each server; exit code 0 only when both are up")
    status.add_argument("--json", action="store_true", help="print JSON instead of text")
    status.set_defaults(handler=_status)
    actions.add_parser("reset", help="stop both servers and delete their data (cached jars stay)").set_defaults(
        handler=_reset
    )
    actions.add_parser(
        "provision", help="for servers you run yourself (Docker compose): topics, ACLs, roles, databases, keys"
    ).set_defaults(handler=_provision)
    actions.add_parser("credentials", help="passwords and TLS material for servers you run yourself").set_defaults(
        handler=_credentials
    )
    topics = subcommands.add_parser("topics", help="the hub's Kafka topics")
    topic_actions = topics.add_subparsers(title="actions", metavar="ACTION", required=True)
    topic_actions.add_parser("create", help="create missing hub topics (hub/topics.py)").set_defaults(
        handler=_topics_create
    )


def _up(_: argparse.Namespace) -> int:
    started = time.monotonic()
    report = service.up(Settings())
    elapsed = time.monotonic() - started
    summary = "already up, nothing changed" if not report.changed else _changes(report)
    print(f"stack up in {elapsed:.1f} s: {summary}")
    status = asyncio.run(gather_status(Settings()))
    print(render(status))
    return 0 if status.all_up else 1


def _changes(report: service.UpReport) -> str:
    parts = []
    if report.kafka_started:
        parts.append("started kafka")
    if report.postgres_started:
        parts.append("started postgresql")
    if report.created:
        parts.append(f"created {len(report.created)} topics/roles/databases")
    return ", ".join(parts)


def _down(_: argparse.Namespace) -> int:
    stopped = service.down(Settings())
    print("stopped " + ", ".join(stopped) if stopped else "nothing was running")
    return 0


def _status(args: argparse.Namespace) -> int:
    status = asyncio.run(gather_status(Settings()))
    print(json.dumps(status.as_dict(), indent=2, default=str) if args.json else render(status))
    return 0 if status.all_up else 1


def _reset(_: argparse.Namespace) -> int:
    removed = service.reset(Settings())
    print("stopped the stack and removed " + (", ".join(str(p) for p in removed) or "nothing"))
    return 0


def _credentials(_: argparse.Namespace) -> int:
    print(
        f"credentials are in {service.credentials_file(Settings())} (mode 0600; never commit it);"
        " TLS material is beside it in tls/ and kafka/keystore.pem"
    )
    return 0


def _provision(_: argparse.Namespace) -> int:
    created = service.provision(Settings())
    print(f"provisioned: {', '.join(created)}" if created else "everything was already in place")
    return 0


def _topics_create(_: argparse.Namespace) -> int:
    settings = Settings()
    created = asyncio.run(ensure_topics(settings))
    asyncio.run(ensure_acls(settings))
    print(f"created {', '.join(created)}" if created else f"all {len(all_topics())} hub topics already exist")
    return 0
