"""Signed events: an adapter signs each encoded event with its jurisdiction's Ed25519 key; the router verifies.

Two headers travel with every inbound message: `sig-key` (the key id, UTF-8) and `sig` (the 64-byte Ed25519
signature, raw bytes) over exactly the message value. No I/O here: the registry is handed in by the caller
(the router loads it from the hub database) and private keys by whoever read them from their file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from hub.errors import HubError

KEY_HEADER = "sig-key"
SIGNATURE_HEADER = "sig"
SIGNATURE_BYTES = 64
MAX_KEY_ID_CHARS = 64

RejectionCode = Literal["MISSING_SIGNATURE", "UNKNOWN_KEY", "REVOKED_KEY", "WRONG_JURISDICTION", "BAD_SIGNATURE"]
REJECTION_CODES: tuple[RejectionCode, ...] = (
    "MISSING_SIGNATURE",
    "UNKNOWN_KEY",
    "REVOKED_KEY",
    "WRONG_JURISDICTION",
    "BAD_SIGNATURE",
)


class SignatureRejected(HubError):
    """A message's signature does not prove it came from its topic's adapter; `code` says why."""

    def __init__(self, code: RejectionCode, reason: str, key_id: str | None = None) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.key_id = key_id


@dataclass(frozen=True, slots=True)
class AdapterKey:
    """One adapter's private signing key with its id and jurisdiction (never logged, never printed)."""

    key_id: str
    jurisdiction: str
    signing_key: SigningKey

    @classmethod
    def generate(cls, jurisdiction: str) -> AdapterKey:
        return cls.from_seed(jurisdiction, bytes(SigningKey.generate()))

    @classmethod
    def from_seed(cls, jurisdiction: str, seed: bytes) -> AdapterKey:
        signing_key = SigningKey(seed)
        return cls(key_id_for(jurisdiction, bytes(signing_key.verify_key)), jurisdiction, signing_key)

    @property
    def seed(self) -> bytes:
        return bytes(self.signing_key)

    @property
    def public_key(self) -> bytes:
        return bytes(self.signing_key.verify_key)

    def __repr__(self) -> str:
        return f"AdapterKey(key_id={self.key_id!r}, jurisdiction={self.jurisdiction!r})"


@dataclass(frozen=True, slots=True)
class RegisteredKey:
    """A public key as the registry holds it; past `revoke_after` it counts as revoked."""

    key_id: str
    jurisdiction: str
    public_key: bytes
    revoked_at: datetime | None = None
    revoke_after: datetime | None = None

    def revoked_since(self, now: datetime) -> datetime | None:
        """When the key stopped counting, or None while it is still valid at `now`."""
        ends = [t for t in (self.revoked_at, self.revoke_after) if t is not None and t <= now]
        return min(ends) if ends else None


KeyRegistry = Mapping[str, RegisteredKey]


@dataclass(frozen=True, slots=True)
class Verdict:
    """A verified message: which key signed it, for which jurisdiction."""

    key_id: str
    jurisdiction: str


def key_id_for(jurisdiction: str, public_key: bytes) -> str:
    """A key's id: its jurisdiction and a fingerprint of its public half, e.g. `SCO-3f2a…` (16 hex digits)."""
    return f"{jurisdiction}-{hashlib.sha256(public_key).hexdigest()[:16]}"


def sign(value: bytes, key: AdapterKey) -> tuple[str, bytes]:
    """(key id, 64-byte Ed25519 signature) over exactly `value`."""
    return key.key_id, key.signing_key.sign(value).signature


def signature_headers(value: bytes, key: AdapterKey) -> list[tuple[str, bytes]]:
    """The Kafka headers that carry `value`'s signature."""
    key_id, signature = sign(value, key)
    return [(KEY_HEADER, key_id.encode()), (SIGNATURE_HEADER, signature)]


def read_signature(headers: Iterable[tuple[str, bytes]] | None) -> tuple[str | None, bytes | None]:
    """The key id and signature from a message's headers (None for either that is absent)."""
    key_id: str | None = None
    signature: bytes | None = None
    for name, value in headers or ():
        if name == KEY_HEADER and value is not None:
            key_id = value.decode("utf-8", errors="replace")[: MAX_KEY_ID_CHARS + 1]
        elif name == SIGNATURE_HEADER and value is not None:
            signature = bytes(value)
    return key_id, signature


def verify(
    value: bytes,
    key_id: str | None,
    signature: bytes | None,
    registry: KeyRegistry,
    *,
    source: str,
    now: datetime,
) -> Verdict:
    """Check that `value` was signed by a current key of `source` (the topic's jurisdiction).

    Raises `SignatureRejected` with the first reason that applies, in the order of the codes above."""
    if not key_id or signature is None:
        raise SignatureRejected(
            "MISSING_SIGNATURE",
            f"the message has no `{KEY_HEADER}`/`{SIGNATURE_HEADER}` headers: every event must be signed with its"
            " adapter's key; publish through the hub's adapters (`hub adapter import`, `hub serve ingest`)",
        )
    registered = registry.get(key_id)
    if registered is None:
        raise SignatureRejected(
            "UNKNOWN_KEY",
            f"key {key_id[:MAX_KEY_ID_CHARS]!r} is not in the signing key registry: a forged or stale key;"
            " check `hub keys list` and the sender's key file",
            key_id[:MAX_KEY_ID_CHARS],
        )
    revoked = registered.revoked_since(now)
    if revoked is not None:
        raise SignatureRejected(
            "REVOKED_KEY",
            f"key {key_id} was revoked at {revoked.isoformat()}: the adapter must sign with its current key"
            " (`hub keys list`); do not replay the message unless its origin is confirmed",
            key_id,
        )
    if registered.jurisdiction != source:
        raise SignatureRejected(
            "WRONG_JURISDICTION",
            f"key {key_id} belongs to {registered.jurisdiction} but the message arrived on {source}'s topic:"
            f" an adapter may publish only its own jurisdiction's events; investigate the sender",
            key_id,
        )
    _check(value, key_id, signature, registered)
    return Verdict(key_id, registered.jurisdiction)


def _check(value: bytes, key_id: str, signature: bytes, registered: RegisteredKey) -> None:
    if len(signature) != SIGNATURE_BYTES:
        raise SignatureRejected(
            "BAD_SIGNATURE",
            f"the signature is {len(signature)} bytes, not {SIGNATURE_BYTES}: the message was altered or badly"
            " signed; investigate the sender, do not replay it",
            key_id,
        )
    try:
        VerifyKey(registered.public_key).verify(value, signature)
    except BadSignatureError:
        raise SignatureRejected(
            "BAD_SIGNATURE",
            f"the signature by key {key_id} does not match the message bytes: the event was altered after signing"
            " or forged; investigate the sender, do not replay it",
            key_id,
        ) from None
