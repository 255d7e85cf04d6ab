"""The hub's roles and databases, least privilege: each database reachable by its own roles only.

The hub database's tables belong to `hub_owner` (NOLOGIN; migrations `SET ROLE` to it); the services log in
as `hub`, which may read and append but owns nothing; tools that only look log in as `hub_reader`. Each
partner store belongs to its writer's role, with a `partner_<p>_reader` beside it.

Passwords go to the server as SCRAM-SHA-256 verifiers computed here, so a plain password never appears
in a statement the server could write to its log.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

import asyncpg

from hub.domain.codes import JURISDICTIONS
from hub.errors import StoreError
from hub.log import get_logger
from hub.settings import (
    HUB_DATABASE,
    HUB_OWNER_ROLE,
    HUB_READER_ROLE,
    HUB_ROLE,
    PgLogin,
    Settings,
    partner_reader_role,
    partner_role,
)
from hub.stack.credentials import StackCredentials
from hub.store.hub_schema import migrate_hub

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


@dataclass(frozen=True, slots=True)
class DatabasePlan:
    """One database: the role that owns its tables, the one that writes, the one that only reads."""

    name: str
    owner: str
    writer: str
    reader: str


def database_plans() -> list[DatabasePlan]:
    """The hub database (tables owned by NOLOGIN `hub_owner`, so the runtime `hub` role owns nothing) and
    one store per partner (owned by its writer's role, which migrates it)."""
    plans = [DatabasePlan(HUB_DATABASE, HUB_OWNER_ROLE, HUB_ROLE, HUB_READER_ROLE)]
    for partner in JURISDICTIONS:
        role = partner_role(partner)
        plans.append(DatabasePlan(role, role, role, partner_reader_role(partner)))
    return plans


def login_passwords(credentials: StackCredentials) -> dict[str, str]:
    """Every login role → its password: the hub, its reader, each partner store and its reader."""
    logins = {HUB_ROLE: credentials.hub.get_secret_value()}
    logins.update({partner_role(p): credentials.partners[p].get_secret_value() for p in JURISDICTIONS})
    logins[HUB_READER_ROLE] = credentials.readers[HUB_ROLE].get_secret_value()
    logins.update({partner_reader_role(p): credentials.readers[p].get_secret_value() for p in JURISDICTIONS})
    return logins


async def ensure_roles_and_databases(settings: Settings, credentials: StackCredentials) -> list[str]:
    """Create what is missing and (re)apply the connect and table grants; return the names of what was created."""
    created: list[str] = []
    connection = await _connect(settings.admin_login())
    try:
        created.extend(await _ensure_role(connection, HUB_OWNER_ROLE, None))
        for role, password in login_passwords(credentials).items():
            created.extend(await _ensure_role(connection, role, password))
        for plan in database_plans():
            created.extend(await _ensure_database(connection, plan))
        for shared in _SHARED_DATABASES:
            await connection.execute(f'REVOKE CONNECT ON DATABASE "{shared}" FROM PUBLIC')
    finally:
        await connection.close()
    for plan in database_plans():
        await _grant_tables(settings, plan)
    created.extend(f"hub migration {name}" for name in await migrate_hub(settings))
    if created:
        log.info("postgres_provisioned", created=created)
    return created


async def _ensure_role(connection: asyncpg.Connection, name: str, password: str | None) -> list[str]:
    if await connection.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", name):
        return []
    login = "NOLOGIN" if password is None else f"LOGIN PASSWORD '{scram_sha256_verifier(password)}'"
    await connection.execute(f'CREATE ROLE "{name}" {login} NOSUPERUSER NOCREATEDB NOCREATEROLE')
    return [f"role {name}"]


async def _ensure_database(connection: asyncpg.Connection, plan: DatabasePlan) -> list[str]:
    created = []
    owner = await connection.fetchval("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = $1", plan.name)
    if owner is None:
        await connection.execute(f'CREATE DATABASE "{plan.name}" OWNER "{plan.owner}"')
        created.append(f"database {plan.name}")
    elif owner != plan.owner:
        # A hub database from before `hub_owner`: the database changes hands here, its tables in _grant_tables.
        await connection.execute(f'ALTER DATABASE "{plan.name}" OWNER TO "{plan.owner}"')
    await connection.execute(f'REVOKE ALL ON DATABASE "{plan.name}" FROM PUBLIC')
    await connection.execute(f'GRANT CONNECT, TEMPORARY ON DATABASE "{plan.name}" TO "{plan.writer}"')
    await connection.execute(f'GRANT CONNECT ON DATABASE "{plan.name}" TO "{plan.reader}"')
    return created


async def _grant_tables(settings: Settings, plan: DatabasePlan) -> None:
    """Inside one database: tables the owner creates from now on are readable by the reader (and, in the hub
    database, writable by the runtime role); tables already there are readable too.

    The runtime `hub` role's grants on tables already there are the migrations' business (0006 revokes
    UPDATE and DELETE on the audit table), so re-running this never widens them."""
    connection = await _connect(settings.admin_login(plan.name))
    try:
        if plan.writer != plan.owner:
            await connection.execute(f'REASSIGN OWNED BY "{plan.writer}" TO "{plan.owner}"')
            await connection.execute(
                f'ALTER DEFAULT PRIVILEGES FOR ROLE "{plan.owner}" IN SCHEMA public'
                f' GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "{plan.writer}"'
            )
            await connection.execute(
                f'ALTER DEFAULT PRIVILEGES FOR ROLE "{plan.owner}" IN SCHEMA public'
                f' GRANT USAGE, SELECT ON SEQUENCES TO "{plan.writer}"'
            )
        await connection.execute(
            f'ALTER DEFAULT PRIVILEGES FOR ROLE "{plan.owner}" IN SCHEMA public'
            f' GRANT SELECT ON TABLES TO "{plan.reader}"'
        )
        await connection.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{plan.reader}"')
    finally:
        await connection.close()


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
