"""Signed events on the real stack: a forged, tampered, unsigned, misattributed or revoked-key message is
dead-lettered with its security reason, audited and counted, and never reaches a partner; a replay is
delivered once and the repeat audited; a key rotation needs no restart."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from typing import Any, NamedTuple

import pytest

from consumers.key_registry import REFRESH_S
from hub.codec import encode
from hub.settings import Settings
from hub.signing import AdapterKey, signature_headers
from hub.topics import inbound_topic
from tests import factories as f
from tests.integration.conftest import AdapterProducers, HubServices, query, routed, wait_until
from tests.integration.signing import adapter_headers, adapter_key

pytestmark = pytest.mark.integration


class Where(NamedTuple):
    topic: str
    partition: int
    offset: int


async def security_rejection(settings: Settings, where: Where) -> tuple[str, str, str | None] | None:
    """(reason code, reason, key id) of the dead letter from `where`, once the router has refused it."""
    rows = await query(
        settings.hub_login(),
        "SELECT reason_code, reason, sig_key FROM dlq_entry"
        ' WHERE source_topic = $1 AND partition = $2 AND "offset" = $3',
        *where,
    )
    return (rows[0][0], rows[0][1], rows[0][2]) if rows else None


async def refused(settings: Settings, where: Where) -> tuple[str, str, str | None]:
    async def arrived() -> bool:
        return await security_rejection(settings, where) is not None

    await wait_until(arrived, what=f"the router to dead-letter {where}")
    found = await security_rejection(settings, where)
    assert found is not None
    return found


async def assert_refused_and_recorded(settings: Settings, event: dict[str, Any], where: Where, code: str) -> str:
    """The message at `where` was dead-lettered for `code`, audited, counted, and never routed."""
    reason_code, reason, _ = await refused(settings, where)
    assert reason_code == f"SECURITY_{code}"
    assert len(reason) > 40  # a sentence a person can act on
    audit = await query(
        settings.hub_login(),
        "SELECT outcome, actor FROM decision WHERE rule = $1 AND detail = $2",
        code_rule(code),
        reason,
    )
    assert ("DLQ", "router") in {tuple(r) for r in audit}
    counted = await query(
        settings.hub_login(), "SELECT rejections FROM security_rejection_count WHERE reason_code = $1", reason_code
    )
    assert counted[0][0] >= 1
    listed = await query(
        settings.hub_login(),
        'SELECT count(*) FROM security_rejection WHERE source_topic = $1 AND partition = $2 AND "offset" = $3',
        *where,
    )
    assert listed[0][0] == 1
    await assert_never_routed(settings, event)
    return reason


def code_rule(code: str) -> str:
    return "SECURITY-" + code.replace("_", "-")


async def assert_never_routed(settings: Settings, event: dict[str, Any]) -> None:
    processed = await query(
        settings.hub_login(), "SELECT count(*) FROM processed_event WHERE event_id = $1", event["event_id"]
    )
    assert processed[0][0] == 0
    for partner in ("SCO", "EAW"):
        applied = await query(
            settings.partner_login(partner),
            "SELECT count(*) FROM applied_delivery WHERE event_id = $1",
            event["event_id"],
        )
        assert applied[0][0] == 0


async def send(producer: AdapterProducers, event: dict[str, Any], headers: list[tuple[str, bytes]] | None = None,
               value: bytes | None = None) -> Where:  # fmt: skip
    """Publish `value` (the encoded event by default) with `headers` (the adapter's signature by default)."""
    topic = inbound_topic(event["source_jurisdiction"])
    value = encode(event) if value is None else value
    headers = adapter_headers(topic, value) if headers is None else headers
    client = await producer.for_topic(topic)
    metadata = await client.send_and_wait(topic, value, key=event["nominal_id"].encode(), headers=headers)
    return Where(topic, metadata.partition, metadata.offset)


async def test_an_event_signed_by_a_key_not_in_the_registry_is_dead_lettered_and_audited(
    services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    event = f.registered(f.new_id())
    forger = AdapterKey.generate("SCO")
    where = await send(producer, event, signature_headers(encode(event), forger))
    reason = await assert_refused_and_recorded(settings, event, where, "UNKNOWN_KEY")
    assert forger.key_id in reason


async def test_a_tampered_body_with_the_original_signature_is_dead_lettered(
    services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    event = f.registered(f.new_id())
    genuine = adapter_headers(inbound_topic("SCO"), encode(event))
    tampered = encode({**event, "owner_agency": "SCO-SPS"})  # valid Avro, one field changed after signing
    where = await send(producer, event, genuine, value=tampered)
    await assert_refused_and_recorded(settings, event, where, "BAD_SIGNATURE")


async def test_an_unsigned_event_is_dead_lettered(
    services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    event = f.registered(f.new_id())
    where = await send(producer, event, headers=[])
    await assert_refused_and_recorded(settings, event, where, "MISSING_SIGNATURE")


async def test_scotlands_key_on_englands_topic_is_the_wrong_jurisdiction(
    services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    event = f.registered(f.new_id(), "EAW-F01")
    value = encode(event)
    where = await send(producer, event, signature_headers(value, adapter_key("SCO")), value=value)
    assert where.topic == inbound_topic("EAW")
    reason = await assert_refused_and_recorded(settings, event, where, "WRONG_JURISDICTION")
    assert adapter_key("SCO").key_id in reason


async def test_a_replayed_event_is_delivered_once_and_the_repeat_is_audited(
    services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    event = f.registered(f.new_id())
    value = encode(event)
    headers = adapter_headers(inbound_topic("SCO"), value)
    await send(producer, event, headers, value=value)
    await wait_until(lambda: routed(settings, [event["event_id"]]), what="the original to be routed")
    repeat = await send(producer, event, headers, value=value)  # the identical signed message again

    async def repeat_audited() -> bool:
        rows = await query(
            settings.hub_login(),
            "SELECT detail FROM decision WHERE event_id = $1 AND outcome = 'IGNORED' AND rule = 'ALREADY-ROUTED'",
            event["event_id"],
        )
        return any(f"{repeat.topic}[{repeat.partition}]@{repeat.offset} " in r[0] for r in rows)

    await wait_until(repeat_audited, what="the repeat to be audited")
    delivered = await query(
        settings.hub_login(),
        "SELECT count(*) FROM decision WHERE event_id = $1 AND outcome = 'DELIVERED'",
        event["event_id"],
    )
    assert delivered[0][0] == 1
    deliveries = await query(
        settings.hub_login(),
        "SELECT count(*) FROM outbox WHERE topic LIKE 'hub.deliver.%' AND value = $1",
        value,
    )
    assert deliveries[0][0] == 1


def hub_command(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "hub", *args], capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


async def test_a_rotated_key_verifies_with_the_old_one_during_the_overlap_and_the_old_one_can_be_revoked(
    services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    old = adapter_key("SCO")
    hub_command("keys", "rotate", "scotland", "--overlap", "1")
    new = adapter_key("SCO")  # the key file now holds the new key
    assert new.key_id != old.key_id
    listing = hub_command("keys", "list")
    assert old.key_id in listing
    assert new.key_id in listing
    assert old.seed.hex() not in listing

    during = [f.registered(f.new_id()), f.registered(f.new_id())]
    for event, key in zip(during, (old, new), strict=True):
        await send(producer, event, signature_headers(encode(event), key))
    await wait_until(lambda: routed(settings, [e["event_id"] for e in during]), what="both keys to verify")

    hub_command("keys", "revoke", old.key_id)
    await asyncio.sleep(REFRESH_S + 1)  # the router reloads its registry at least this often
    late = f.registered(f.new_id())
    where = await send(producer, late, signature_headers(encode(late), old))
    await assert_refused_and_recorded(settings, late, where, "REVOKED_KEY")
    after = f.registered(f.new_id())
    await send(producer, after)  # signed by the adapter's current (new) key
    await wait_until(lambda: routed(settings, [after["event_id"]]), what="the new key to keep verifying")
