"""The hub database's schema is changed by the role that owns its tables, never by the services' own role.

`hub_owner` cannot log in: migrations log in as the admin and `SET ROLE hub_owner`, so every table they
create belongs to it and the runtime `hub` role gets only what the default privileges grant (and the audit
table only INSERT and SELECT). `hub stack up` and `hub db migrate` migrate this way. A service starting as
`hub` only checks; it migrates with the admin login when its settings carry one (the local stack), and
otherwise says to run `hub db migrate`, so a production router needs no owner rights.
"""

from __future__ import annotations

from hub.errors import StoreError
from hub.settings import HUB_DATABASE, HUB_OWNER_ROLE, Settings
from hub.store.connect import connect
from hub.store.migrate import migrate, pending


async def migrate_hub(settings: Settings) -> list[str]:
    """Apply the hub database's pending migrations as `hub_owner`; returns the names applied."""
    connection = await connect(settings.admin_login(HUB_DATABASE))
    try:
        await connection.execute(f'SET ROLE "{HUB_OWNER_ROLE}"')
        return await migrate(connection, "hub")
    finally:
        await connection.close()


async def ensure_hub_schema(settings: Settings) -> list[str]:
    """Before a service runs as `hub`: nothing to do when up to date, else migrate as the owner if we may."""
    connection = await connect(settings.hub_login())
    try:
        waiting = [f"{m.version:04d}_{m.name}" for m in await pending(connection, "hub")]
    finally:
        await connection.close()
    if not waiting:
        return []
    if settings.pg_admin_password is None:
        raise StoreError(
            f"the hub database needs migrations {', '.join(waiting)}: run `hub db migrate` with the admin login"
        )
    return await migrate_hub(settings)
