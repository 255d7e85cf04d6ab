"""Attacks on the databases, on the real stack: each fails, and the server or the audit chain records it.

A tampered audit record, the hub's role rewriting the audit log, one partner's role opening another's store,
a reader writing, a plain-text connection, a server certificate nobody vouched for, and hostile text going
through a real delivery.
"""

from __future__ import annotations

import ssl
import subprocess
import sys
import uuid
from pathlib import Path

import asyncpg
import pytest

from hub.domain.audit_chain import ChainedRecord, canonical_bytes
from hub.settings import HUB_OWNER_ROLE, Settings
from hub.stack.layout import StackLayout
from hub.stack.tls import StackAuthority
from tests import factories as f
from tests.integration.conftest import AdapterProducers, HubServices, publish, query, wait_until

pytestmark = pytest.mark.integration

HOSTILE_NAME = "'); DROP TABLE nominal; --"
ODD_UNICODE = "\u202eAlex\u200f e\u0301\u0308 \u05e9\u05dc\u05d5\u05dd \U0001f600\U0001f9d1\u200d\U0001f692 \\N %s $1"


def verify_audit() -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hub", "audit", "verify"], capture_output=True, text=True, check=False, timeout=300
    )


class ServerLog:
    """What the PostgreSQL server logged after a point: the record of a refused attempt."""

    def __init__(self, settings: Settings) -> None:
        self.path: Path = StackLayout.of(settings).pg_log
        self.start = self.path.stat().st_size

    def since(self) -> str:
        with self.path.open("rb") as handle:
            handle.seek(self.start)
            return handle.read().decode("utf-8", errors="replace")

    async def records(self, text: str) -> None:
        async def logged() -> bool:
            return text in self.since()

        await wait_until(logged, within_s=10, what=f"the server log to record {text!r}")


async def append_test_decisions(settings: Settings, marker: str, count: int) -> list[int]:
    """Audit records written as the hub's runtime role (appending is what it may do)."""
    rows = await query(
        settings.hub_login(),
        "INSERT INTO decision (outcome, rule, actor, detail) SELECT 'DENIED', 'SECURITY-TEST', 'test', $1 || n"
        " FROM generate_series(1, $2) AS n RETURNING id",
        marker,
        count,
    )
    return sorted(r[0] for r in rows)


async def admin_rewrite(settings: Settings, record_id: int, outcome: str) -> None:
    """What only a superuser can do: switch the triggers off for one transaction and change a record."""
    connection = await asyncpg.connect(**settings.admin_login("hub").connect_kwargs())
    try:
        async with connection.transaction():
            await connection.execute("SET LOCAL session_replication_role = replica")
            await connection.execute("UPDATE decision SET outcome = $2 WHERE id = $1", record_id, outcome)
    finally:
        await connection.close()


async def test_a_tampered_audit_record_is_reported_at_exactly_that_record(settings: Settings) -> None:
    ids = await append_test_decisions(settings, f"tamper-{uuid.uuid4()}-", 3)
    target = ids[1]
    before = verify_audit()
    assert before.returncode == 0, before.stdout + before.stderr
    assert before.stdout.startswith("chain intact: ")

    await admin_rewrite(settings, target, "DELIVERED")
    try:
        tampered = verify_audit()
    finally:
        await admin_rewrite(settings, target, "DENIED")

    assert tampered.returncode == 1
    assert f"chain broken at record id {target}: hash mismatch" in tampered.stdout
    repaired = verify_audit()
    assert repaired.returncode == 0, repaired.stdout


async def test_the_database_and_python_serialise_a_record_identically(settings: Settings) -> None:
    [record_id] = await append_test_decisions(settings, ODD_UNICODE + "|-|", 1)

    rows = await query(
        settings.hub_reader_login(),
        "SELECT chain_seq, id, event_id::text, nominal_id::text, event_type, owner_agency, recipient, partner,"
        " outcome, rule, actor, decided_at, detail, prev_hash, hash, decision_canonical(d) FROM decision d"
        " WHERE id = $1",
        record_id,
    )

    assert canonical_bytes(ChainedRecord(*rows[0][:15])) == rows[0][15]


async def test_the_hub_role_may_append_to_the_audit_log_but_never_change_or_delete_it(settings: Settings) -> None:
    [record_id] = await append_test_decisions(settings, "append-only-", 1)
    marker = f"tampered-{uuid.uuid4()}"
    log = ServerLog(settings)
    connection = await asyncpg.connect(**settings.hub_login().connect_kwargs())
    try:
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="permission denied for table decision"):
            await connection.execute("UPDATE decision SET outcome = $2 WHERE id = $1", record_id, marker)
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="permission denied for table decision"):
            await connection.execute("DELETE FROM decision WHERE id = $1", record_id)
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="permission denied for table decision"):
            await connection.execute("TRUNCATE decision")
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await connection.execute("ALTER TABLE decision DISABLE TRIGGER decision_chain")
    finally:
        await connection.close()

    await log.records("permission denied for table decision")
    assert "UPDATE decision SET outcome" in log.since()


async def test_not_even_the_owner_rewrites_the_audit_log(settings: Settings) -> None:
    [record_id] = await append_test_decisions(settings, "owner-", 1)
    connection = await asyncpg.connect(**settings.admin_login("hub").connect_kwargs())
    try:
        await connection.execute(f'SET ROLE "{HUB_OWNER_ROLE}"')
        with pytest.raises(asyncpg.RestrictViolationError, match="append-only audit log: UPDATE refused"):
            await connection.execute("UPDATE decision SET outcome = 'DELIVERED' WHERE id = $1", record_id)
        with pytest.raises(asyncpg.RestrictViolationError, match="append-only audit log: DELETE refused"):
            await connection.execute("DELETE FROM decision WHERE id = $1", record_id)
    finally:
        await connection.close()


async def test_a_hash_supplied_by_a_writer_is_replaced_by_the_chain(settings: Settings) -> None:
    rows = await query(
        settings.hub_login(),
        "INSERT INTO decision (outcome, rule, actor, chain_seq, prev_hash, hash)"
        " VALUES ('DENIED', 'SECURITY-TEST', 'test', 1, '\\x00'::bytea, '\\x00'::bytea)"
        " RETURNING chain_seq, length(prev_hash), length(hash)",
    )

    assert rows[0][0] > 1
    assert (rows[0][1], rows[0][2]) == (32, 32)


async def test_partner_sco_cannot_open_partner_eaw_and_the_server_records_it(settings: Settings) -> None:
    log = ServerLog(settings)
    for login in (settings.partner_login("SCO"), settings.partner_reader_login("SCO")):
        kwargs = login.connect_kwargs()
        kwargs["database"] = "partner_eaw"
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="permission denied for database"):
            await asyncpg.connect(**kwargs)

    await log.records('permission denied for database "partner_eaw"')


async def test_a_partner_reader_reads_its_own_store_and_cannot_write_it(settings: Settings) -> None:
    connection = await asyncpg.connect(**settings.partner_reader_login("SCO").connect_kwargs())
    try:
        assert await connection.fetchval("SELECT current_user || '@' || current_database()") == (
            "partner_sco_reader@partner_sco"
        )
        assert await connection.fetchval("SELECT count(*) >= 0 FROM nominal")
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await connection.execute(
                "INSERT INTO nominal (nominal_id, owner_agency) VALUES ($1, 'SCO-PSOS')", uuid.uuid4()
            )
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await connection.execute("DELETE FROM nominal")
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await connection.execute("CREATE TABLE planted (x int)")
    finally:
        await connection.close()


async def test_the_hub_reader_cannot_write_the_hub_database(settings: Settings) -> None:
    connection = await asyncpg.connect(**settings.hub_reader_login().connect_kwargs())
    try:
        assert await connection.fetchval("SELECT count(*) >= 0 FROM decision")
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await connection.execute("INSERT INTO decision (outcome, rule, actor) VALUES ('DENIED', 'X', 'reader')")
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await connection.execute("UPDATE held_item SET status = 'GRANTED'")
    finally:
        await connection.close()


async def test_a_plain_text_connection_is_refused_and_the_server_records_it(settings: Settings) -> None:
    log = ServerLog(settings)
    kwargs = settings.hub_login().connect_kwargs()
    plain = {key: value for key, value in kwargs.items() if key != "ssl"}

    with pytest.raises(asyncpg.InvalidAuthorizationSpecificationError, match=r"pg_hba\.conf rejects connection"):
        await asyncpg.connect(**plain, ssl=False)

    await log.records("no encryption")


@pytest.mark.parametrize("trust", ["system", "another CA"])
async def test_a_client_that_does_not_trust_the_stack_ca_refuses_the_server(
    settings: Settings, tmp_path: Path, trust: str
) -> None:
    if trust == "system":
        context = ssl.create_default_context()
    else:
        other = StackAuthority(tmp_path / "tls")
        other.ensure()
        context = ssl.create_default_context(cafile=str(other.ca_certificate))
    kwargs = {key: value for key, value in settings.hub_login().connect_kwargs().items() if key != "ssl"}

    with pytest.raises(ssl.SSLCertVerificationError):
        await asyncpg.connect(**kwargs, ssl=context)


async def test_sql_metacharacters_and_odd_unicode_are_delivered_verbatim_and_harmlessly(
    services: HubServices, producer: AdapterProducers, settings: Settings
) -> None:
    nominal, intel = f.new_id(), f.new_id()
    long_text = ((HOSTILE_NAME + " " + ODD_UNICODE + " ") * 200)[:4000]
    assert len(long_text) == 4000
    person = f.registered(nominal)
    person["payload"] |= {"family_name": HOSTILE_NAME, "given_names": ODD_UNICODE}
    share = f.intelligence(nominal, intel, ["EAW"], "P")
    share["payload"]["text"] = long_text
    await publish(producer, [person, share])

    async def item(partner: str) -> str | None:
        rows = await query(
            settings.partner_reader_login(partner), "SELECT text FROM intelligence_item WHERE intel_id = $1", intel
        )
        return None if not rows else str(rows[0][0])

    async def delivered() -> bool:
        return await item("EAW") is not None and await item("SCO") is not None

    await wait_until(delivered, what="the intelligence item to reach EAW and SCO")
    assert await item("EAW") == long_text
    assert await item("SCO") == long_text
    names = await query(
        settings.partner_reader_login("SCO"),
        "SELECT family_name, given_names FROM nominal WHERE nominal_id = $1",
        nominal,
    )
    assert tuple(names[0]) == (HOSTILE_NAME, ODD_UNICODE)
    for partner in ("SCO", "EAW"):
        tables = await query(settings.partner_reader_login(partner), "SELECT to_regclass('nominal') IS NOT NULL")
        assert tables[0][0]


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM processed_event",
        "UPDATE agreement_version SET valid_to = NULL",
        "DELETE FROM signing_key",
        "DELETE FROM held_item",
        "UPDATE nominal_identifier SET nominal_id = gen_random_uuid()",
    ],
)
async def test_the_hub_role_cannot_rewrite_what_the_hub_only_appends(
    statement: str, settings: Settings, migrated_stores: None
) -> None:
    connection = await asyncpg.connect(**settings.hub_login().connect_kwargs())
    try:
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="permission denied for table"):
            await connection.execute(statement)
    finally:
        await connection.close()
