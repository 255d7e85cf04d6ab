"""A partner writer: reads only `hub.deliver.<P>` and writes only to partner P's store, with P's role."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import Any

import asyncpg

from consumers.batch_loop import AfterCommit
from hub.codec import decode
from hub.errors import CodecError
from hub.log import get_logger
from hub.store.partner_apply import Statement, statements_for

log = get_logger("writer")


def group_id(partner: str) -> str:
    return f"hub-writer-{partner}"


def _header(record: Any, name: str) -> str | None:
    for key, value in record.headers or ():
        if key == name:
            text: str = value.decode()
            return text
    return None


class PartnerWriter:
    """Applies one batch of deliveries to a partner store; a delivery id seen before changes nothing."""

    def __init__(self, partner: str) -> None:
        self.partner = partner

    async def __call__(self, connection: asyncpg.Connection, records: Sequence[Any]) -> AfterCommit | None:
        deliveries = dict(self._decode_all(records))  # a delivery published twice in one batch counts once
        fresh = await self._claim(connection, deliveries)
        statements = [
            s for delivery_id, event in deliveries.items() if delivery_id in fresh for s in statements_for(event)
        ]
        await _execute_in_order(connection, statements)
        log.info("deliveries_applied", partner=self.partner, applied=len(fresh), repeats=len(deliveries) - len(fresh))
        return None

    def _decode_all(self, records: Sequence[Any]) -> list[tuple[str, dict[str, Any]]]:
        deliveries = []
        for record in records:
            delivery_id = _header(record, "delivery_id")
            try:
                event = decode(record.value or b"")
            except CodecError as exc:
                log.error(
                    "delivery_undecodable",
                    partner=self.partner,
                    topic=record.topic,
                    partition=record.partition,
                    offset=record.offset,
                    error=str(exc),
                )
                continue
            if delivery_id is None:
                log.error("delivery_without_id", partner=self.partner, offset=record.offset, event_id=event["event_id"])
                continue
            deliveries.append((delivery_id, event))
        return deliveries

    async def _claim(self, connection: asyncpg.Connection, unique: dict[str, dict[str, Any]]) -> set[str]:
        """Record the batch's deliveries; returns the ids that were not applied before."""
        rows = await connection.fetch(
            "INSERT INTO applied_delivery (delivery_id, event_id, event_type, nominal_id)"
            " SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[]) ON CONFLICT DO NOTHING"
            " RETURNING delivery_id::text",
            list(unique),
            [e["event_id"] for e in unique.values()],
            [e["event_type"] for e in unique.values()],
            [e["nominal_id"] for e in unique.values()],
        )
        return {r[0] for r in rows}


async def _execute_in_order(connection: asyncpg.Connection, statements: list[Statement]) -> None:
    """Run statements in order, batching runs of the same statement into one executemany."""
    for sql, group in groupby(statements, key=lambda s: s[0]):
        await connection.executemany(sql, [args for _, args in group])
