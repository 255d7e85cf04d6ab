"""Signing as the adapters do, for tests that publish to inbound topics directly: each message is signed with
the current key of its topic's adapter, read from the stack's key file (`hub stack up` creates them)."""

from __future__ import annotations

from functools import cache

from hub.adapter_keys import AdapterKeys
from hub.settings import Settings
from hub.signing import AdapterKey, signature_headers


@cache
def stack_keys() -> AdapterKeys:
    """The adapters' key files of the running stack; a rotated file is read again."""
    return AdapterKeys(Settings().stack_dir)


def adapter_key(source: str) -> AdapterKey:
    return stack_keys().current(source)


def adapter_headers(topic: str, value: bytes) -> list[tuple[str, bytes]]:
    """The headers the adapter of `topic`'s jurisdiction (`hub.inbound.<SRC>`) would add to `value`."""
    return signature_headers(value, adapter_key(topic.rsplit(".", 1)[-1]))
