"""`hub serve ingest` on the real broker and database, over mutual TLS: 202 only once the event is in Kafka,
200 for a repeat, 400 with the rejection, 413 and 415 at the door, and a partner certificate good only for its
own jurisdiction."""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from adapters.ingest import MAX_BODY_BYTES
from adapters.ingest_tls import CLIENT_PREFIX, issue_certificates
from hub.settings import Settings
from hub.topics import inbound_topic
from tests.integration.conftest import query
from tests.integration.test_adapters_import import events_on

pytestmark = pytest.mark.integration

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
JSON = {"content-type": "application/json"}


def fresh_message() -> bytes:
    """A Scottish registration with a message id (and so an event id) of its own."""
    message = json.loads((SAMPLES / "scotland" / "01-nominal-registered-ruairidh-macdhomhnaill.json").read_text())
    message["message_id"] = str(uuid.uuid4())
    message["scro_number"] = f"{uuid.uuid4().int % 999_999 + 1}/26"
    return json.dumps(message).encode()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def endpoint(settings: Settings, migrated_stores: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`hub serve ingest` as a process, listening with TLS and requiring client certificates."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("ingest") / "ingest.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "hub", "serve", "ingest", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT
        )
    tls = settings.stack_dir / "tls"
    issue_certificates(tls)
    deadline = time.monotonic() + 30
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail(f"hub serve ingest did not start: {log_path.read_text()}")
            time.sleep(0.2)
    yield f"https://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=15)


def client_for(settings: Settings, jurisdiction: str | None) -> httpx.Client:
    """An HTTPS client that trusts the stack CA and presents that partner system's certificate (or none)."""
    tls = settings.stack_dir / "tls"
    context = ssl.create_default_context(cafile=str(tls / "ca.pem"))
    if jurisdiction is not None:
        name = f"{CLIENT_PREFIX}{jurisdiction}"
        context.load_cert_chain(str(tls / f"{name}.pem"), str(tls / f"{name}.key"))
    return httpx.Client(verify=context, timeout=30)


async def test_an_accepted_message_is_in_kafka_when_the_hub_answers_and_a_repeat_is_a_duplicate(
    endpoint: str, settings: Settings
) -> None:
    body = fresh_message()
    with client_for(settings, "scotland") as scotland:
        accepted = scotland.post(f"{endpoint}/ingest/scotland", content=body, headers=JSON)
        assert accepted.status_code == 202, accepted.text
        event_id = accepted.json()["event_id"]
        assert (await events_on(settings, inbound_topic("SCO")))[event_id] == 1
        repeat = scotland.post(f"{endpoint}/ingest/scotland", content=body, headers=JSON)
    assert (repeat.status_code, repeat.json()) == (200, {"status": "DUPLICATE", "event_id": event_id})
    assert (await events_on(settings, inbound_topic("SCO")))[event_id] == 1
    assert accepted.headers["x-content-type-options"] == "nosniff"
    assert "server" not in accepted.headers


def test_a_rejected_message_names_the_field_and_the_reason(endpoint: str, settings: Settings) -> None:
    message = json.loads(fresh_message())
    message["sex"] = "other"
    with client_for(settings, "scotland") as scotland:
        rejected = scotland.post(f"{endpoint}/ingest/scotland", content=json.dumps(message).encode(), headers=JSON)
    assert rejected.status_code == 400
    assert {k: rejected.json()[k] for k in ("status", "locator", "field", "code")} == {
        "status": "REJECTED",
        "locator": "$",
        "field": "sex",
        "code": "UNKNOWN_CODE",
    }


def test_the_door_refuses_oversized_bodies_and_wrong_content_types(endpoint: str, settings: Settings) -> None:
    with client_for(settings, "jersey") as jersey:
        too_big = jersey.post(f"{endpoint}/ingest/jersey", content=b"{" + b" " * MAX_BODY_BYTES + b"}", headers=JSON)
        wrong_type = jersey.post(f"{endpoint}/ingest/jersey", content=b"{}", headers={"content-type": "text/xml"})
    assert [too_big.status_code, wrong_type.status_code] == [413, 415]
    assert all("Traceback" not in r.text for r in (too_big, wrong_type))


async def test_a_certificate_of_another_partner_cannot_post_to_this_partners_endpoint_and_it_is_recorded(
    endpoint: str, settings: Settings
) -> None:
    before = await query(settings.hub_login(), "SELECT count(*) FROM decision WHERE rule = 'INGEST-WRONG-JURISDICTION'")
    with client_for(settings, "jersey") as jersey:
        forbidden = jersey.post(f"{endpoint}/ingest/scotland", content=fresh_message(), headers=JSON)
    assert forbidden.status_code == 403
    after = await query(
        settings.hub_login(), "SELECT count(*), max(actor) FROM decision WHERE rule = 'INGEST-WRONG-JURISDICTION'"
    )
    assert after[0][0] == before[0][0] + 1
    assert after[0][1] == f"{CLIENT_PREFIX}jersey"


def test_a_client_without_a_partner_certificate_cannot_even_connect(endpoint: str, settings: Settings) -> None:
    with client_for(settings, None) as anonymous, pytest.raises(httpx.HTTPError):
        anonymous.post(f"{endpoint}/ingest/scotland", content=fresh_message(), headers=JSON)


def test_the_openapi_description_lists_the_endpoint_and_its_answers(endpoint: str, settings: Settings) -> None:
    with client_for(settings, "scotland") as scotland:
        described = scotland.get(f"{endpoint}/openapi.json").json()
    responses = described["paths"]["/ingest/{jurisdiction}"]["post"]["responses"]
    assert set(responses) >= {"202", "200", "400", "403", "413", "415", "429"}
