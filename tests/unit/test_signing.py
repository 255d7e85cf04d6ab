"""Signing and verifying events: each way a message can fail to prove its adapter sent it has its own code."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from consumers.key_registry import CachedKeyRegistry
from hub.adapter_keys import AdapterKeys, key_file, read_key_file, write_key_file
from hub.errors import ConfigurationError
from hub.keys_cli import jurisdiction_of
from hub.signing import (
    KEY_HEADER,
    SIGNATURE_HEADER,
    AdapterKey,
    KeyRegistry,
    RegisteredKey,
    SignatureRejected,
    read_signature,
    sign,
    signature_headers,
    verify,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
VALUE = b"\xc3\x01 an encoded event"
SCO = AdapterKey.generate("SCO")
EAW = AdapterKey.generate("EAW")


def registry(*keys: AdapterKey, **changes: Any) -> dict[str, RegisteredKey]:
    return {k.key_id: RegisteredKey(k.key_id, k.jurisdiction, k.public_key, **changes) for k in keys}


def rejection(
    value: bytes, key_id: str | None, signature: bytes | None, keys: KeyRegistry, source: str = "SCO"
) -> SignatureRejected:
    with pytest.raises(SignatureRejected) as caught:
        verify(value, key_id, signature, keys, source=source, now=NOW)
    assert caught.value.reason  # a sentence a person can act on
    return caught.value


def test_a_message_signed_by_its_jurisdictions_key_verifies() -> None:
    key_id, signature = sign(VALUE, SCO)
    verdict = verify(VALUE, key_id, signature, registry(SCO, EAW), source="SCO", now=NOW)
    assert (verdict.key_id, verdict.jurisdiction) == (SCO.key_id, "SCO")
    assert len(signature) == 64


def test_a_message_without_signature_headers_is_missing_signature() -> None:
    assert rejection(VALUE, None, None, registry(SCO)).code == "MISSING_SIGNATURE"
    assert rejection(VALUE, SCO.key_id, None, registry(SCO)).code == "MISSING_SIGNATURE"
    assert rejection(VALUE, "", sign(VALUE, SCO)[1], registry(SCO)).code == "MISSING_SIGNATURE"


def test_a_key_not_in_the_registry_is_unknown() -> None:
    forger = AdapterKey.generate("SCO")
    key_id, signature = sign(VALUE, forger)
    found = rejection(VALUE, key_id, signature, registry(SCO))
    assert (found.code, found.key_id) == ("UNKNOWN_KEY", key_id)


def test_a_revoked_key_is_refused_even_with_a_good_signature() -> None:
    key_id, signature = sign(VALUE, SCO)
    assert rejection(VALUE, key_id, signature, registry(SCO, revoked_at=NOW - timedelta(seconds=1))).code == (
        "REVOKED_KEY"
    )


def test_a_key_counts_as_revoked_once_its_overlap_window_has_ended() -> None:
    key_id, signature = sign(VALUE, SCO)
    during = registry(SCO, revoke_after=NOW + timedelta(hours=1))
    assert verify(VALUE, key_id, signature, during, source="SCO", now=NOW).key_id == key_id
    after = registry(SCO, revoke_after=NOW)
    assert rejection(VALUE, key_id, signature, after).code == "REVOKED_KEY"


def test_a_key_of_another_jurisdiction_is_refused_on_this_topic() -> None:
    key_id, signature = sign(VALUE, SCO)
    found = rejection(VALUE, key_id, signature, registry(SCO, EAW), source="EAW")
    assert found.code == "WRONG_JURISDICTION"
    assert "SCO" in found.reason
    assert "EAW" in found.reason


def test_a_tampered_body_with_the_original_signature_is_a_bad_signature() -> None:
    key_id, signature = sign(VALUE, SCO)
    assert rejection(VALUE + b"!", key_id, signature, registry(SCO)).code == "BAD_SIGNATURE"


def test_a_signature_of_the_wrong_length_or_by_another_key_is_a_bad_signature() -> None:
    key_id, signature = sign(VALUE, SCO)
    assert rejection(VALUE, key_id, signature[:-1], registry(SCO)).code == "BAD_SIGNATURE"
    # a registered SCO id with EAW's signature: the id is claimed, the bytes do not match its public key
    assert rejection(VALUE, key_id, sign(VALUE, EAW)[1], registry(SCO, EAW)).code == "BAD_SIGNATURE"


def test_signature_headers_round_trip_through_kafka_headers() -> None:
    headers = [("other", b"x"), *signature_headers(VALUE, SCO)]
    assert [h[0] for h in headers[1:]] == [KEY_HEADER, SIGNATURE_HEADER]
    key_id, signature = read_signature(headers)
    assert verify(VALUE, key_id, signature, registry(SCO), source="SCO", now=NOW).jurisdiction == "SCO"
    assert read_signature(None) == (None, None)


def test_a_key_id_names_its_jurisdiction_and_repr_hides_the_private_key() -> None:
    assert SCO.key_id.startswith("SCO-")
    assert SCO.seed.hex() not in repr(SCO)
    assert AdapterKey.from_seed("SCO", SCO.seed).key_id == SCO.key_id


def test_a_key_file_is_private_and_reads_back_the_same_key(tmp_path: Path) -> None:
    path = key_file(tmp_path, "SCO")
    write_key_file(path, SCO)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert read_key_file(path).key_id == SCO.key_id


def test_adapter_keys_pick_up_a_rotated_key_file(tmp_path: Path) -> None:
    keys = AdapterKeys(tmp_path)
    with pytest.raises(ConfigurationError, match="hub stack up"):
        keys.current("SCO")
    write_key_file(key_file(tmp_path, "SCO"), SCO)
    assert keys.current("SCO").key_id == SCO.key_id
    newer = AdapterKey.generate("SCO")
    write_key_file(key_file(tmp_path, "SCO"), newer)
    assert keys.current("SCO").key_id == newer.key_id


def test_a_damaged_key_file_is_refused_without_quoting_it(tmp_path: Path) -> None:
    path = key_file(tmp_path, "SCO")
    path.parent.mkdir()
    path.write_text('{"jurisdiction": "SCO", "seed": "c2VjcmV0", "key_id": "x"}')
    with pytest.raises(ConfigurationError) as caught:
        read_key_file(path)
    assert "c2VjcmV0" not in str(caught.value)


@pytest.mark.parametrize(("name", "code"), [("scotland", "SCO"), ("SCO", "SCO"), ("england-wales", "EAW")])
def test_keys_commands_take_an_adapter_name_or_a_jurisdiction(name: str, code: str) -> None:
    assert jurisdiction_of(name) == code


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def test_the_router_reloads_the_registry_periodically_and_for_an_unknown_key() -> None:
    clock = FakeClock()
    loads: list[float] = []
    current: dict[str, RegisteredKey] = registry(SCO)

    async def loader(_: Any) -> KeyRegistry:
        loads.append(clock.now)
        return dict(current)

    cache = CachedKeyRegistry(refresh_s=5, min_reload_s=0, clock=clock, loader=loader)
    assert SCO.key_id in await cache.for_batch(None, [SCO.key_id])
    await cache.for_batch(None, [SCO.key_id, None])
    assert len(loads) == 1  # cached
    current.update(registry(EAW))
    assert EAW.key_id in await cache.for_batch(None, [EAW.key_id])  # unknown key: reloaded at once
    clock.now += 5
    await cache.for_batch(None, [])
    assert len(loads) == 3  # periodic
