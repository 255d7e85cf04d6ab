"""The router: a consumer group over every inbound topic that routes each event by ownership and consent.

Before anything else, each message's signature is verified against the key registry (hub/signing.py); a
message that fails goes to the DLQ as SECURITY_<CODE>, is audited and counted, and is never decoded further.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import asyncpg

from consumers.batch_loop import AfterCommit
from consumers.key_registry import CachedKeyRegistry
from consumers.outbox_relay import OutboxRelay
from hub.codec import decode
from hub.domain.agreements import SharingAgreement
from hub.domain.envelope import EnvelopeFault, check_envelope
from hub.errors import CodecError, UnknownSchema
from hub.log import get_logger
from hub.router_plan import BatchState, Effects, Inbound, dead_letter, ignore_repeat, plan_event
from hub.signing import KeyRegistry, SignatureRejected, read_signature, verify
from hub.store import hub_state
from hub.store.router_writes import load_pending_holds, write_effects

log = get_logger("router")
GROUP_ID = "hub-router"
INBOUND_PATTERN = r"^hub\.inbound\.[A-Z]{3}$"


def source_of(topic: str) -> str:
    """`hub.inbound.SCO` → `SCO`."""
    return topic.rsplit(".", 1)[1]


class Router:
    """Handles one batch of inbound records inside the batch loop's transaction."""

    def __init__(
        self,
        agreements: tuple[SharingAgreement, ...],
        relay: OutboxRelay,
        working_days: int = 5,
        keys: CachedKeyRegistry | None = None,
    ) -> None:
        self._agreements = agreements
        self._relay = relay
        self._working_days = working_days
        self._keys = keys or CachedKeyRegistry()
        self.security_rejections: Counter[str] = Counter()

    def use_agreements(self, agreements: tuple[SharingAgreement, ...]) -> None:
        """Route by a newly loaded set of agreements from the next event planned on."""
        self._agreements = agreements

    async def __call__(self, connection: asyncpg.Connection, records: Sequence[Any]) -> AfterCommit:
        effects = Effects()
        registry = await self._keys.for_batch(connection, (read_signature(r.headers)[0] for r in records))
        inbound = self._decode_all(records, registry, effects)
        fresh = await self._fresh(connection, inbound, effects)
        state = await self._load_state(connection, fresh)
        for item in fresh:
            plan_event(item, state, self._agreements, effects)
        await write_effects(connection, effects, state)
        log.info(
            "batch_routed",
            events=len(fresh),
            dead_lettered=len(effects.dlq),
            repeats=len(inbound) - len(fresh),
            security_rejections=sum(self.security_rejections.values()),
        )
        return self._publish

    async def _publish(self) -> None:
        self._relay.kick()

    def _decode_all(self, records: Sequence[Any], registry: KeyRegistry, effects: Effects) -> list[Inbound]:
        """Verify, decode and check each record; what cannot be routed goes to the DLQ and the partition moves on."""
        decoded = []
        now = datetime.now(UTC)
        for record in records:
            value = record.value or b""
            if not self._verified(record, value, registry, now, effects):
                continue
            try:
                event = decode(value)
            except UnknownSchema as exc:
                dead_letter(effects, record, "UNKNOWN_SCHEMA", str(exc), None)
                continue
            except CodecError as exc:
                dead_letter(effects, record, "UNDECODABLE", str(exc), None)
                continue
            try:
                check_envelope(event, source_of(record.topic))
            except EnvelopeFault as exc:
                dead_letter(effects, record, exc.code, str(exc), event.get("event_id"))
                continue
            decoded.append(Inbound(record.topic, record.partition, record.offset, value, event))
        return decoded

    def _verified(self, record: Any, value: bytes, registry: KeyRegistry, now: datetime, effects: Effects) -> bool:
        """Whether the record's signature proves it came from its topic's adapter; if not, dead-letter it."""
        key_id, signature = read_signature(record.headers)
        try:
            verify(value, key_id, signature, registry, source=source_of(record.topic), now=now)
        except SignatureRejected as exc:
            self.security_rejections[exc.code] += 1
            log.warning(
                "security_rejection",
                code=exc.code,
                topic=record.topic,
                partition=record.partition,
                offset=record.offset,
                key_id=exc.key_id,
                count=self.security_rejections[exc.code],
            )
            rule = "SECURITY-" + exc.code.replace("_", "-")
            dead_letter(effects, record, f"SECURITY_{exc.code}", exc.reason, None, rule=rule)
            return False
        return True

    async def _fresh(self, connection: asyncpg.Connection, inbound: list[Inbound], effects: Effects) -> list[Inbound]:
        """Events not routed before are routed once; a repeat (a re-publish, a replay) is audited, not routed."""
        done = await hub_state.processed_event_ids(connection, [i.event["event_id"] for i in inbound])
        fresh = []
        for item in inbound:
            if item.event["event_id"] in done:
                ignore_repeat(effects, item)
                continue
            done.add(item.event["event_id"])
            fresh.append(item)
        return fresh

    async def _load_state(self, connection: asyncpg.Connection, fresh: list[Inbound]) -> BatchState:
        payloads = [i.event["payload"] for i in fresh]
        intel_ids = {p["intel_id"] for p in payloads if p.get("intel_id")}
        return BatchState(
            nominals=await hub_state.load_nominals(connection, {i.event["nominal_id"] for i in fresh}),
            transfers=await hub_state.load_transfers(
                connection, {p["transfer_id"] for p in payloads if p.get("transfer_id")}
            ),
            intel=await hub_state.load_intel(connection, intel_ids),
            pending_holds=await load_pending_holds(connection, intel_ids),
            now=datetime.now(UTC),
            working_days=self._working_days,
        )
