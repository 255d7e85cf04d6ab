"""`hub serve ingest` on the real broker and database: 202 only once the event is in Kafka, 200 for a repeat,
400 with the rejection, 413 and 415 at the door."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from adapters.ingest import MAX_BODY_BYTES, IngestService, build_app
from hub.settings import Settings
from hub.topics import inbound_topic
from tests.integration.test_adapters_import import events_on

pytestmark = pytest.mark.integration

SAMPLE = (
    Path(__file__).resolve().parents[2] / "samples" / "scotland" / "01-nominal-registered-ruairidh-macdhomhnaill.json"
)
JSON = {"content-type": "application/json"}


def fresh_message() -> bytes:
    """A Scottish registration with a message id (and so an event id) of its own."""
    message = json.loads(SAMPLE.read_text(encoding="utf-8"))
    message["message_id"] = str(uuid.uuid4())
    message["scro_number"] = f"{uuid.uuid4().int % 999_999 + 1}/26"
    return json.dumps(message).encode()


@pytest.fixture
async def client(settings: Settings, migrated_stores: None) -> AsyncIterator[httpx.AsyncClient]:
    service = IngestService(settings)
    await service.start()
    transport = httpx.ASGITransport(app=build_app(service))
    async with httpx.AsyncClient(transport=transport, base_url="http://hub") as http:
        yield http
    await service.stop()


async def test_an_accepted_message_is_in_kafka_when_the_hub_answers_and_a_repeat_is_a_duplicate(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    body = fresh_message()
    accepted = await client.post("/ingest/scotland", content=body, headers=JSON)
    assert accepted.status_code == 202
    event_id = accepted.json()["event_id"]
    assert (await events_on(settings, inbound_topic("SCO")))[event_id] == 1
    repeat = await client.post("/ingest/scotland", content=body, headers=JSON)
    assert (repeat.status_code, repeat.json()) == (200, {"status": "DUPLICATE", "event_id": event_id})
    assert (await events_on(settings, inbound_topic("SCO")))[event_id] == 1
    assert accepted.headers["x-content-type-options"] == "nosniff"


async def test_a_rejected_message_names_the_field_and_the_reason(client: httpx.AsyncClient) -> None:
    message = json.loads(fresh_message())
    message["sex"] = "other"
    rejected = await client.post("/ingest/scotland", content=json.dumps(message).encode(), headers=JSON)
    assert rejected.status_code == 400
    assert {k: rejected.json()[k] for k in ("status", "locator", "field", "code")} == {
        "status": "REJECTED",
        "locator": "$",
        "field": "sex",
        "code": "UNKNOWN_CODE",
    }


async def test_the_door_refuses_oversized_bodies_wrong_content_types_and_batch_feeds(client: httpx.AsyncClient) -> None:
    too_big = await client.post("/ingest/jersey", content=b"{" + b" " * MAX_BODY_BYTES + b"}", headers=JSON)
    wrong_type = await client.post("/ingest/scotland", content=fresh_message(), headers={"content-type": "text/xml"})
    batch_feed = await client.post("/ingest/btp", content=b"00|BTPX", headers=JSON)
    assert [too_big.status_code, wrong_type.status_code, batch_feed.status_code] == [413, 415, 404]
    assert all("Traceback" not in r.text for r in (too_big, wrong_type, batch_feed))


async def test_the_openapi_description_lists_the_endpoint_and_its_answers(client: httpx.AsyncClient) -> None:
    described = (await client.get("/openapi.json")).json()
    responses = described["paths"]["/ingest/{jurisdiction}"]["post"]["responses"]
    assert set(responses) >= {"202", "200", "400", "413", "415"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_hub_serve_ingest_answers_over_http(settings: Settings, migrated_stores: None, tmp_path: Path) -> None:
    port = free_port()
    with (tmp_path / "ingest.log").open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "hub", "serve", "ingest", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                answer = httpx.post(f"http://127.0.0.1:{port}/ingest/scotland", content=fresh_message(), headers=JSON)
                break
            except httpx.ConnectError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        assert answer.status_code == 202
        assert "server" not in answer.headers
    finally:
        server.terminate()
        server.wait(timeout=15)
