"""Adapters' private signing keys: one file per jurisdiction, paired with the registry's public halves.

`<stack_dir>/keys/adapter-<SRC>.key` (folder 0700, file 0600) holds the adapter's current key: the adapter's
secret, never in the repository, never logged or printed. `hub stack up` creates one per jurisdiction when
it has none that verifies; `hub keys rotate` replaces it after registering the new public half, so an
adapter never signs with a key the router does not know.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import asyncpg

from hub.domain.codes import JURISDICTIONS
from hub.errors import ConfigurationError
from hub.log import get_logger
from hub.settings import Settings
from hub.signing import AdapterKey
from hub.store import signing_keys
from hub.store.connect import connect
from hub.store.migrate import migrate

log = get_logger("adapter_keys")
DEFAULT_OVERLAP = timedelta(hours=24)


def keys_folder(stack_dir: Path) -> Path:
    return stack_dir / "keys"


def key_file(stack_dir: Path, jurisdiction: str) -> Path:
    return keys_folder(stack_dir) / f"adapter-{jurisdiction}.key"


def write_key_file(path: Path, key: AdapterKey) -> None:
    """Write a key file with mode 0600 from its first byte, then move it into place in one step."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.parent.chmod(0o700)
    staging = path.with_name(path.name + ".new")
    staging.unlink(missing_ok=True)
    text = json.dumps(
        {"key_id": key.key_id, "jurisdiction": key.jurisdiction, "seed": base64.b64encode(key.seed).decode()}
    )
    descriptor = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")
    staging.replace(path)


def read_key_file(path: Path) -> AdapterKey:
    """The key a file holds; a file that does not hold one consistent key is refused (without quoting it)."""
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
        key = AdapterKey.from_seed(content["jurisdiction"], base64.b64decode(content["seed"], validate=True))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigurationError(
            f"cannot read the signing key {path} ({exc.__class__.__name__}): run `hub stack up` to create one or"
            " `hub keys rotate <adapter>` to replace it"
        ) from None
    if key.key_id != content.get("key_id"):
        raise ConfigurationError(f"the signing key {path} does not match its key id: replace it with `hub keys rotate`")
    return key


@dataclass
class AdapterKeys:
    """The adapters' current keys, read from their files and read again when a file changes (a rotation)."""

    stack_dir: Path
    _loaded: dict[str, tuple[int, AdapterKey]] = field(default_factory=dict)

    def current(self, jurisdiction: str) -> AdapterKey:
        path = key_file(self.stack_dir, jurisdiction)
        try:
            stamp = path.stat().st_mtime_ns
        except FileNotFoundError:
            raise ConfigurationError(
                f"no signing key for {jurisdiction} at {path}: `hub stack up` creates one per adapter"
            ) from None
        cached = self._loaded.get(jurisdiction)
        if cached is None or cached[0] != stamp:
            cached = (stamp, read_key_file(path))
            self._loaded[jurisdiction] = cached
        return cached[1]


async def ensure_adapter_keys(settings: Settings) -> list[str]:
    """Give every jurisdiction a key file holding a key that verifies now; returns the keys created.

    Runs once the hub database is migrated (`hub stack up` migrates it first; up to date, `migrate` only reads)."""
    connection = await connect(settings.hub_login())
    try:
        await migrate(connection, "hub")
        await signing_keys.revoke_expired(connection)
        created = []
        for jurisdiction in JURISDICTIONS:
            if not await _usable(connection, settings.stack_dir, jurisdiction):
                key = await _new_key(connection, settings.stack_dir, jurisdiction, overlap=None)
                created.append(f"signing key {key.key_id}")
    finally:
        await connection.close()
    return created


async def _usable(connection: asyncpg.Connection, stack_dir: Path, jurisdiction: str) -> bool:
    """The key file exists and its key verifies (registering it when the registry lost it, e.g. after a reset)."""
    path = key_file(stack_dir, jurisdiction)
    if not path.exists():
        return False
    key = read_key_file(path)
    if key.jurisdiction != jurisdiction:
        return False
    if await signing_keys.register(connection, key.key_id, jurisdiction, key.public_key):
        log.info("signing_key_registered", key_id=key.key_id, jurisdiction=jurisdiction)
    return key.key_id in await signing_keys.active_key_ids(connection, jurisdiction)


async def _new_key(
    connection: asyncpg.Connection, stack_dir: Path, jurisdiction: str, overlap: timedelta | None
) -> AdapterKey:
    """Register a new key (ending the others after `overlap` when given), then hand it to the adapter."""
    key = AdapterKey.generate(jurisdiction)
    if overlap is None:
        await signing_keys.register(connection, key.key_id, jurisdiction, key.public_key)
    else:
        ending = await signing_keys.rotate(connection, key.key_id, jurisdiction, key.public_key, overlap)
        log.info("signing_key_rotated", key_id=key.key_id, jurisdiction=jurisdiction, ending=ending)
    write_key_file(key_file(stack_dir, jurisdiction), key)
    log.info("signing_key_created", key_id=key.key_id, jurisdiction=jurisdiction)
    return key


async def rotate_adapter_key(settings: Settings, jurisdiction: str, overlap: timedelta) -> AdapterKey:
    """A new key for one adapter; its previous keys keep verifying for `overlap`, then count as revoked."""
    connection = await connect(settings.hub_login())
    try:
        await signing_keys.revoke_expired(connection)
        return await _new_key(connection, settings.stack_dir, jurisdiction, overlap)
    finally:
        await connection.close()


async def revoke_key(settings: Settings, key_id: str) -> bool:
    connection = await connect(settings.hub_login())
    try:
        revoked = await signing_keys.revoke(connection, key_id)
    finally:
        await connection.close()
    if revoked:
        log.info("signing_key_revoked", key_id=key_id)
    return revoked


async def listed_keys(settings: Settings) -> list[signing_keys.KeyListing]:
    connection = await connect(settings.hub_login())
    try:
        await signing_keys.revoke_expired(connection)
        return await signing_keys.list_keys(connection)
    finally:
        await connection.close()
