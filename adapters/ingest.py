"""`hub serve ingest`: an HTTP endpoint per push feed, answering only once the event is durably in Kafka.

POST /ingest/<jurisdiction> with one message: 202 and the event id once the broker has it; 200 for a repeat;
400 with the rejection (record, field, reason); 413 for a body over the feed's limit; 415 for a wrong
content type. Partner systems authenticate with client certificates (mutual TLS): a certificate is good only
for its own jurisdiction's path (403 otherwise, audited), and each client is rate-limited (429). Error bodies
carry the hub's own words, never a stack trace or an internal detail.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from aiokafka import AIOKafkaProducer
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from adapters.common.batch import Accepted, Deduplicator, Outcome, Refused, Rejected
from adapters.common.run import judge_delivery
from adapters.ingest_limits import RateLimiter
from adapters.ingest_openapi import OPENAPI
from adapters.ingest_tls import CLIENT_PREFIX, PUSH_JURISDICTIONS, client_jurisdiction
from adapters.publishing import AlreadyPublished, Published, PublishOutcome, publish_accepted
from adapters.registry import adapter_for
from consumers.kafka_io import new_producer, start
from hub.errors import HubError
from hub.kafka_auth import adapter_principal
from hub.log import get_logger
from hub.settings import Settings
from hub.store.connect import create_pool

log = get_logger("ingest")

PUSH_FEEDS = dict.fromkeys(PUSH_JURISDICTIONS, "application/json")
MAX_BODY_BYTES = 262_144
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "Strict-Transport-Security": "max-age=31536000",
}


class IngestService:
    """The resources the endpoint publishes through: a small pool on the hub database and one producer per
    push feed, each logged in as that jurisdiction's adapter (the broker lets it write only its own topic)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self.pool: asyncpg.Pool | None = None
        self.producers: dict[str, AIOKafkaProducer] = {}

    async def start(self) -> None:
        self.pool = await create_pool(self._settings.hub_login())
        for jurisdiction in PUSH_FEEDS:
            principal = adapter_principal(adapter_for(jurisdiction).JURISDICTION)
            self.producers[jurisdiction] = new_producer(self._settings, principal)
            await start(self.producers[jurisdiction])

    async def stop(self) -> None:
        for producer in self.producers.values():
            await producer.stop()
        if self.pool is not None:
            await self.pool.close()

    async def record_denial(self, client: str, path_jurisdiction: str) -> None:
        """A partner certificate used on another partner's endpoint: refused, logged and audited."""
        log.warning("ingest_denied", client=client, endpoint=path_jurisdiction)
        if self.pool is None:
            raise HubError("the ingest service was not started")
        async with self.pool.acquire() as connection:
            await connection.execute(
                "INSERT INTO decision (outcome, rule, actor, detail) VALUES ('DENIED', 'INGEST-WRONG-JURISDICTION',"
                " $1, $2)",
                f"{CLIENT_PREFIX}{client}",
                f"certificate for {client} posted to /ingest/{path_jurisdiction}",
            )

    async def ingest(self, jurisdiction: str, body: bytes) -> tuple[int, dict[str, Any]]:
        """One pushed message through its adapter and, if accepted, to Kafka; returns status and body."""
        producer = self.producers.get(jurisdiction)
        if self.pool is None or producer is None:
            raise HubError("the ingest service was not started")
        outcomes = list(judge_delivery(adapter_for(jurisdiction), "$", body, Deduplicator()))
        if len(outcomes) != 1 or isinstance(outcomes[0], Refused):
            return 400, {
                "status": "REJECTED",
                "locator": "$",
                "field": "$",
                "code": "MALFORMED",
                "text": "a request carries exactly one message",
            }
        outcome: Outcome | PublishOutcome = outcomes[0]
        if isinstance(outcome, Accepted):
            async with self.pool.acquire() as connection:
                outcome = (await publish_accepted(connection, producer, "http", [outcome]))[0]
        if isinstance(outcome, Published):
            log.info("ingest_accepted", jurisdiction=jurisdiction, event_id=outcome.event_id)
            return 202, {"status": "ACCEPTED", "event_id": outcome.event_id, "nominal_id": outcome.nominal_id}
        if isinstance(outcome, AlreadyPublished):
            return 200, {"status": "DUPLICATE", "event_id": outcome.event_id}
        assert isinstance(outcome, Rejected)
        error = outcome.error
        log.info("ingest_rejected", jurisdiction=jurisdiction, field=error.field, reason=error.reason)
        return 400, {
            "status": "REJECTED",
            "locator": "$",
            "field": error.field,
            "code": error.reason,
            "text": error.message,
        }


def _reply(status: int, body: dict[str, Any]) -> Response:
    return JSONResponse(body, status_code=status, headers=SECURITY_HEADERS)


def build_app(service: IngestService) -> Starlette:
    """The ASGI application over a started (or, with its lifespan, self-starting) service."""

    async def ingest(request: Request) -> Response:
        jurisdiction = request.path_params["jurisdiction"]
        client = client_jurisdiction(request.scope.get("state", {}))
        if client is None:
            return _reply(401, {"status": "UNAUTHENTICATED", "text": "a partner client certificate is required"})
        if client != jurisdiction:
            await service.record_denial(client, jurisdiction)
            return _reply(403, {"status": "FORBIDDEN", "text": "this certificate may post only to its own feed"})
        if not limiter.allow(client):
            return _reply(429, {"status": "TOO_MANY_REQUESTS", "text": "slow down and retry"})
        if jurisdiction not in PUSH_FEEDS:
            return _reply(
                404,
                {
                    "status": "NOT_FOUND",
                    "text": f"no push feed for {jurisdiction!r}; batch files are imported with `hub adapter import`",
                },
            )
        media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type != PUSH_FEEDS[jurisdiction]:
            return _reply(415, {"status": "UNSUPPORTED_MEDIA_TYPE", "text": f"send {PUSH_FEEDS[jurisdiction]}"})
        body = await _bounded_body(request)
        if body is None:
            return _reply(413, {"status": "TOO_LARGE", "text": f"a message is at most {MAX_BODY_BYTES} bytes"})
        try:
            status, answer = await service.ingest(jurisdiction, body)
        except HubError as exc:
            log.error("ingest_unavailable", jurisdiction=jurisdiction, error=exc.__class__.__name__)
            return _reply(503, {"status": "UNAVAILABLE", "text": "the hub could not store the message; retry later"})
        return _reply(status, answer)

    async def openapi(_: Request) -> Response:
        return JSONResponse(OPENAPI, headers=SECURITY_HEADERS)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        await service.start()
        try:
            yield
        finally:
            await service.stop()

    limiter = RateLimiter()
    routes = [Route("/ingest/{jurisdiction}", ingest, methods=["POST"]), Route("/openapi.json", openapi)]
    return Starlette(routes=routes, lifespan=lifespan)


async def _bounded_body(request: Request) -> bytes | None:
    """The request body, or `None` as soon as it exceeds the limit (never read whole into memory)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            return None
    return bytes(body)
