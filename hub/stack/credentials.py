"""The stack's generated passwords and the `hub.env` file that hands them to `Settings` (never printed)."""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import SecretStr

from hub.domain.codes import JURISDICTIONS
from hub.kafka_auth import all_principals
from hub.settings import HUB_ROLE, Settings

_PASSWORD_BYTES = 24


@dataclass(frozen=True, slots=True)
class StackCredentials:
    """One password per database principal (the admin superuser, the hub, each partner store) and one per
    Kafka principal (hub/kafka_auth.py)."""

    admin: SecretStr
    hub: SecretStr
    partners: dict[str, SecretStr]
    # The read-only roles' passwords: "hub" for hub_reader, a jurisdiction for partner_<p>_reader.
    readers: dict[str, SecretStr]
    kafka: dict[str, SecretStr] = field(default_factory=dict)

    @classmethod
    def generate(cls) -> StackCredentials:
        return cls(
            admin=_new_password(),
            hub=_new_password(),
            partners={partner: _new_password() for partner in JURISDICTIONS},
            readers={name: _new_password() for name in reader_names()},
            kafka={principal: _new_password() for principal in all_principals()},
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> StackCredentials | None:
        """The credentials the settings carry, or None when any database password is missing (Kafka
        principals without a password are left out: see `kafka_missing`)."""
        admin, hub = settings.pg_admin_password, settings.pg_hub_password
        partners = settings.pg_partner_passwords
        if admin is None or hub is None or any(p not in partners for p in JURISDICTIONS):
            return None
        stored = settings.pg_reader_passwords
        readers = {name: stored[name] for name in reader_names() if name in stored}
        kafka = {name: settings.kafka_passwords[name] for name in all_principals() if name in settings.kafka_passwords}
        return cls(admin=admin, hub=hub, partners={p: partners[p] for p in JURISDICTIONS}, readers=readers, kafka=kafka)

    def kafka_missing(self) -> list[str]:
        """The Kafka principals that have no password yet (a stack first set up before Kafka security)."""
        return [name for name in all_principals() if name not in self.kafka]

    def with_kafka_passwords(self) -> StackCredentials:
        """These credentials plus a fresh password for every Kafka principal that has none."""
        return replace(self, kafka={**self.kafka, **{name: _new_password() for name in self.kafka_missing()}})

    def readers_missing(self) -> list[str]:
        """The read-only roles without a password yet (a stack first set up before they existed)."""
        return [name for name in reader_names() if name not in self.readers]

    def with_reader_passwords(self) -> StackCredentials:
        """These credentials plus a fresh password for every read-only role that has none."""
        return replace(self, readers={**self.readers, **{name: _new_password() for name in self.readers_missing()}})

    def env_text(self) -> str:
        """The `hub.env` lines; values are URL-safe base64, so single quotes need no escaping."""
        partners = json.dumps({p: s.get_secret_value() for p, s in self.partners.items()})
        readers = json.dumps({name: s.get_secret_value() for name, s in self.readers.items()})
        kafka = json.dumps({name: s.get_secret_value() for name, s in self.kafka.items()})
        return (
            "# Written by `hub stack up`: generated credentials of the local stack. Do not commit.\n"
            f"HUB_PG_ADMIN_PASSWORD='{self.admin.get_secret_value()}'\n"
            f"HUB_PG_HUB_PASSWORD='{self.hub.get_secret_value()}'\n"
            f"HUB_PG_PARTNER_PASSWORDS='{partners}'\n"
            f"HUB_PG_READER_PASSWORDS='{readers}'\n"
            f"HUB_KAFKA_PASSWORDS='{kafka}'\n"
        )


def reader_names() -> list[str]:
    """The keys of `HUB_PG_READER_PASSWORDS`: the hub database's reader, then one per partner store."""
    return [HUB_ROLE, *JURISDICTIONS]


def _new_password() -> SecretStr:
    return SecretStr(secrets.token_urlsafe(_PASSWORD_BYTES))


def write_env_file(path: Path, credentials: StackCredentials) -> None:
    """Write `hub.env` with mode 0600 from its first byte (no window where others could read it)."""
    staging = path.with_name(path.name + ".new")
    staging.unlink(missing_ok=True)
    descriptor = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(credentials.env_text())
    staging.replace(path)
