"""Publishing an adapter's accepted events: resolve identity, skip what was published before, await the broker.

An event counts as published only once the broker acknowledged it (acks=all) and the import ledger recorded
it, so re-importing a file adds nothing and an interrupted import resumes without duplicates. Each event is
signed with its jurisdiction's current adapter key (hub/signing.py); the router verifies before anything else.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import asyncpg
from aiokafka import AIOKafkaProducer

from adapters.common.batch import Accepted, Rejected
from adapters.common.errors import RecordRejected
from adapters.common.output import event_json
from consumers.kafka_io import Header, send_all
from hub.adapter_keys import AdapterKeys
from hub.codec import encode
from hub.domain.identity import Conflicting, IdentifierKey, Unresolved, identifier_keys, resolve
from hub.settings import get_settings
from hub.signing import signature_headers
from hub.topics import inbound_topic


@dataclass(frozen=True, slots=True)
class Published:
    locator: str
    event_id: str
    nominal_id: str


@dataclass(frozen=True, slots=True)
class AlreadyPublished:
    locator: str
    event_id: str


PublishOutcome = Published | AlreadyPublished | Rejected


def content_hash(event: dict[str, Any]) -> str:
    """What makes two records the same record: everything but when it was published and whom it resolved to."""
    plain = event_json({k: v for k, v in event.items() if k not in ("recorded_at", "nominal_id")})
    return hashlib.sha256(json.dumps(plain, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


async def publish_accepted(
    connection: asyncpg.Connection,
    producer: AIOKafkaProducer,
    delivery: str,
    accepted: Sequence[Accepted],
    keys: AdapterKeys | None = None,
) -> list[PublishOutcome]:
    """Publish one chunk of a delivery's accepted records, each signed; returns an outcome per record, in order.

    `keys` are the adapters' signing keys (by default those of the stack in the settings)."""
    keys = keys or _default_keys()
    hashes = {a.event["event_id"]: content_hash(a.event) for a in accepted}
    ledger = await _ledger(connection, list(hashes))
    known = await _known_identifiers(connection, [k for a in accepted for k in identifier_keys(a.event["identifiers"])])
    outcomes: list[PublishOutcome] = []
    to_publish: list[tuple[Accepted, dict[str, Any]]] = []
    links: list[tuple[str, str, str, str]] = []
    for item in accepted:
        outcome, event = _prepare(item, ledger, hashes, known, links)
        outcomes.append(outcome)
        if event is not None:
            to_publish.append((item, event))
    async with connection.transaction():
        await connection.executemany(
            "INSERT INTO nominal_identifier (scheme, value, agency, nominal_id) VALUES ($1, $2, $3, $4)"
            " ON CONFLICT DO NOTHING",
            links,
        )
    await send_all(producer, [_signed_message(e, keys) for _, e in to_publish])
    await connection.executemany(
        "INSERT INTO imported_record (event_id, source, content_hash, delivery, locator) VALUES ($1, $2, $3, $4, $5)"
        " ON CONFLICT DO NOTHING",
        [(e["event_id"], e["source_system"], hashes[e["event_id"]], delivery, a.locator) for a, e in to_publish],
    )
    return outcomes


def _signed_message(event: dict[str, Any], keys: AdapterKeys) -> tuple[str, bytes, bytes, list[Header]]:
    value = encode(event)
    headers = signature_headers(value, keys.current(event["source_jurisdiction"]))
    return inbound_topic(event["source_jurisdiction"]), event["nominal_id"].encode(), value, headers


_stack_keys: dict[str, AdapterKeys] = {}


def _default_keys() -> AdapterKeys:
    stack_dir = get_settings().stack_dir
    return _stack_keys.setdefault(str(stack_dir), AdapterKeys(stack_dir))


def _prepare(
    item: Accepted,
    ledger: dict[str, str],
    hashes: dict[str, str],
    known: dict[IdentifierKey, str],
    links: list[tuple[str, str, str, str]],
) -> tuple[PublishOutcome, dict[str, Any] | None]:
    event_id = item.event["event_id"]
    if event_id in ledger:
        if ledger[event_id] == hashes[event_id]:
            return AlreadyPublished(item.locator, event_id), None
        error = RecordRejected(
            "record", "DUPLICATE_CONFLICT", "a different record with the same key was imported before"
        )
        return Rejected(item.locator, error), None
    resolution = resolve(item.event, known)
    if isinstance(resolution, Conflicting):
        return Rejected(item.locator, RecordRejected("identifiers", "IDENTITY_CONFLICT", resolution.message)), None
    if isinstance(resolution, Unresolved):
        return Rejected(item.locator, RecordRejected("identifiers", "UNKNOWN_NOMINAL", resolution.message)), None
    for key in resolution.new_links:
        known[key] = resolution.nominal_id
        links.append((*key, resolution.nominal_id))
    event = {**item.event, "nominal_id": resolution.nominal_id, "recorded_at": datetime.now(UTC)}
    ledger[event_id] = hashes[event_id]
    return Published(item.locator, event_id, resolution.nominal_id), event


async def _ledger(connection: asyncpg.Connection, event_ids: list[str]) -> dict[str, str]:
    rows = await connection.fetch(
        "SELECT event_id::text, content_hash FROM imported_record WHERE event_id = ANY($1::uuid[])", event_ids
    )
    return {r[0]: r[1] for r in rows}


async def _known_identifiers(connection: asyncpg.Connection, keys: list[IdentifierKey]) -> dict[IdentifierKey, str]:
    if not keys:
        return {}
    rows = await connection.fetch(
        "SELECT n.scheme, n.value, n.agency, n.nominal_id::text FROM nominal_identifier n"
        " JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(scheme, value, agency)"
        " ON n.scheme = k.scheme AND n.value = k.value AND n.agency = k.agency",
        [k[0] for k in keys],
        [k[1] for k in keys],
        [k[2] for k in keys],
    )
    return {(r[0], r[1], r[2]): r[3] for r in rows}
