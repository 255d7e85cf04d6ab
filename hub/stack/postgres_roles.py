"""The hub's roles and databases, least privilege: each database reachable by its own role only.

Passwords go to the server as SCRAM-SHA-256 verifiers computed here, so a plain password never appears
in a statement the server could write to its log.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

import asyncpg

from hub.domain.codes import JURISDICTIONS
from hub.errors import StoreError
from hub.log import get_logger
from hub.settings import HUB_ROLE, PgLogin, Settings, partner_role
from hub.stack.credentials import StackCredentials

log = get_logger("hub.stack.postgres_roles")

SCRAM_ITERATIONS = 4096
# Databases every role could otherwise connect to; only the admin superuser needs them.
_SHARED_DATABASES = ("postgres", "template1")


def scram_sha256_verifier(password: str, salt: bytes | None = None, iterations: int = SCRAM_ITERATIONS) -> str:
    """The `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>` form PostgreSQL stores (RFC 5802)."""
    salt = secrets.token_bytes(16) if salt is None else salt
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()
    b64 = base64.b64encode
    return f"SCRAM-SHA-256${iterations}:{b64(salt).decode()}${b64(stored_key).decode()}:{b64(server_key).decode()}"


def database_owners(credentials: StackCredentials) -> dict[str, str]:
    """Each database the hub needs → the role that owns it (and alone may connect) → its password."""
    owners = {HUB_ROLE: credentials.hub.get_secret_value()}
    owners.update({partner_role(p): credentials.partners[p].get_secret_value() for p in JURISDICTIONS})
    return owners


async def ensure_roles_and_databases(settings: Settings, credentials: StackCredentials) -> list[str]:
    """Create what is missing and (re)apply the connect grants; return the names of what was created."""
    created: list[str] = []
    connection = await _connect(settings.admin_login())
    try:
        for role, password in database_owners(credentials).items():
            created.extend(await _ensure_owner(connection, role, password))
        for shared in _SHARED_DATABASES:
            await connection.execute(f'REVOKE CONNECT ON DATABASE "{shared}" FROM PUBLIC')
    finally:
        await connection.close()
    if created:
        log.info("postgres_provisioned", created=created)
    return created


async def _ensure_owner(connection: asyncpg.Connection, name: str, password: str) -> list[str]:
    created = []
    if not await connection.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", name):
        verifier = scram_sha256_verifier(password)
        await connection.execute(
            f"CREATE ROLE \"{name}\" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{verifier}'"
        )
        created.append(f"role {name}")
    if not await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
        await connection.execute(f'CREATE DATABASE "{name}" OWNER "{name}"')
        created.append(f"database {name}")
    await connection.execute(f'REVOKE ALL ON DATABASE "{name}" FROM PUBLIC')
    await connection.execute(f'GRANT CONNECT, TEMPORARY ON DATABASE "{name}" TO "{name}"')
    return created


async def server_version(login: PgLogin) -> str:
    """`SHOW server_version` as `login`."""
    connection = await _connect(login)
    try:
        version: str = await connection.fetchval("SHOW server_version")
    finally:
        await connection.close()
    return version


async def _connect(login: PgLogin) -> asyncpg.Connection:
    try:
        return await asyncpg.connect(**login.connect_kwargs(), timeout=10)
    except (OSError, asyncpg.PostgresError) as exc:
        raise StoreError(f"cannot connect to {login.url()}: {exc}") from exc
