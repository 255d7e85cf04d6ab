"""The hub's one settings object: environment variables prefixed `HUB_`, secrets as `SecretStr`, none defaulted.

`hub stack up` writes the generated credentials to `<stack_dir>/hub.env` (mode 0600); the settings read that
file when it exists, and the environment always wins over it. The file is looked up when the settings are
loaded (not when this module is imported), so `HUB_STACK_DIR` set by a test or a shell is honoured.
"""

from __future__ import annotations

import os
import ssl
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypedDict

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from hub.domain.codes import JURISDICTIONS
from hub.errors import ConfigurationError

HUB_DATABASE = "hub"
HUB_ROLE = "hub"
# Owns the hub database's tables (NOLOGIN): migrations run as it through `SET ROLE`, never the services.
HUB_OWNER_ROLE = "hub_owner"
HUB_READER_ROLE = "hub_reader"


def stack_env_file() -> Path:
    """Where `hub stack up` writes the generated credentials: `<HUB_STACK_DIR or .stack>/hub.env`."""
    return Path(os.environ.get("HUB_STACK_DIR", ".stack")).resolve() / "hub.env"


def partner_role(partner: str) -> str:
    """The database role (and database name) of a partner store, e.g. `partner_sco`."""
    if partner not in JURISDICTIONS:
        raise ValueError(f"unknown partner {partner!r}; expected one of {', '.join(JURISDICTIONS)}")
    return f"partner_{partner.lower()}"


def partner_reader_role(partner: str) -> str:
    """The read-only role of a partner store, e.g. `partner_sco_reader`."""
    return f"{partner_role(partner)}_reader"


@lru_cache(maxsize=8)
def verifying_context(ca_file: Path) -> ssl.SSLContext:
    """TLS that trusts only `ca_file` and checks the server's name (libpq's verify-full)."""
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=str(ca_file))
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


class PgConnectKwargs(TypedDict):
    """What `asyncpg.connect` / `asyncpg.create_pool` take to log in as one principal, over verified TLS."""

    host: str
    port: int
    user: str
    database: str
    password: str
    ssl: ssl.SSLContext


@dataclass(frozen=True, slots=True)
class PgLogin:
    """Everything needed to open a connection as one principal; the password stays a `SecretStr`."""

    host: str
    port: int
    user: str
    database: str
    password: SecretStr
    ca_file: Path

    def url(self) -> str:
        """The address as a `postgresql://` URL, without the password (safe to print and log)."""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.database}"

    def connect_kwargs(self) -> PgConnectKwargs:
        """Keyword arguments for `asyncpg.connect(**...)` / `asyncpg.create_pool(**...)`, password included."""
        return PgConnectKwargs(
            host=self.host,
            port=self.port,
            user=self.user,
            database=self.database,
            password=self.password.get_secret_value(),
            ssl=self.tls(),
        )

    def tls(self) -> ssl.SSLContext:
        """The client side of the connection's TLS: the server must prove it holds a certificate of our CA."""
        try:
            return verifying_context(self.ca_file)
        except FileNotFoundError:
            raise ConfigurationError(
                f"the CA certificate {self.ca_file} does not exist: run `hub stack up` (it creates the stack's CA)"
                " or point HUB_PG_CA_FILE at the CA that signed the server's certificate"
            ) from None


class Settings(BaseSettings):
    """Where the hub's servers are and the credentials of each principal."""

    model_config = SettingsConfigDict(env_prefix="HUB_", env_file_encoding="utf-8", extra="ignore")

    stack_dir: Path = Path(".stack")
    kafka_bootstrap: str = "127.0.0.1:19092"
    hold_response_working_days: int = Field(default=5, ge=1, le=30)
    kafka_controller_port: int = 19093
    pg_host: str = "127.0.0.1"
    pg_port: int = 15432
    pg_admin_user: str = "hub_admin"
    pg_bindir: Path | None = None
    pg_admin_password: SecretStr | None = None
    pg_hub_password: SecretStr | None = None
    pg_partner_passwords: dict[str, SecretStr] = {}
    pg_reader_passwords: dict[str, SecretStr] = {}
    pg_ca_file: Path | None = None
    kafka_passwords: dict[str, SecretStr] = {}
    kafka_ca_file: Path | None = None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Arguments, then the environment, then `<stack_dir>/hub.env` (located at load time)."""
        stack_env = DotEnvSettingsSource(settings_cls, env_file=stack_env_file(), env_file_encoding="utf-8")
        return init_settings, env_settings, stack_env, file_secret_settings

    @field_validator("stack_dir")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        return value.resolve()

    def admin_dsn(self, database: str = "postgres") -> str:
        """The admin superuser's URL, without the password."""
        return f"postgresql://{self.pg_admin_user}@{self.pg_host}:{self.pg_port}/{database}"

    def hub_dsn(self) -> str:
        """The hub database's URL, without the password."""
        return f"postgresql://{HUB_ROLE}@{self.pg_host}:{self.pg_port}/{HUB_DATABASE}"

    def partner_dsn(self, partner: str) -> str:
        """A partner store's URL, without the password."""
        role = partner_role(partner)
        return f"postgresql://{role}@{self.pg_host}:{self.pg_port}/{role}"

    def kafka_ca(self) -> Path:
        """The CA certificate Kafka clients verify the broker against (default: the stack's own CA)."""
        return self.kafka_ca_file or self.stack_dir / "tls" / "ca.pem"

    def kafka_password(self, principal: str) -> SecretStr:
        """The SCRAM password of one Kafka principal (hub/kafka_auth.py names them)."""
        return _required(self.kafka_passwords.get(principal), f"HUB_KAFKA_PASSWORDS[{principal}]")

    def pg_ca(self) -> Path:
        """The CA certificate database clients verify the server against (default: the stack's own CA)."""
        return self.pg_ca_file or self.stack_dir / "tls" / "ca.pem"

    def admin_login(self, database: str = "postgres") -> PgLogin:
        """The superuser the hub's own tooling (migrations, `hub stack`) uses."""
        password = _required(self.pg_admin_password, "HUB_PG_ADMIN_PASSWORD")
        return PgLogin(self.pg_host, self.pg_port, self.pg_admin_user, database, password, self.pg_ca())

    def hub_login(self) -> PgLogin:
        """The hub's runtime role on the `hub` database: reads and appends, owns nothing, cannot rewrite the audit."""
        password = _required(self.pg_hub_password, "HUB_PG_HUB_PASSWORD")
        return PgLogin(self.pg_host, self.pg_port, HUB_ROLE, HUB_DATABASE, password, self.pg_ca())

    def hub_reader_login(self) -> PgLogin:
        """Read-only access to the `hub` database, for the tools that only look (queues, held list, audit)."""
        password = _required(self.pg_reader_passwords.get(HUB_ROLE), f"HUB_PG_READER_PASSWORDS[{HUB_ROLE}]")
        return PgLogin(self.pg_host, self.pg_port, HUB_READER_ROLE, HUB_DATABASE, password, self.pg_ca())

    def partner_login(self, partner: str) -> PgLogin:
        """A partner store's own role on its own database; a writer for P holds P's login only."""
        role = partner_role(partner)
        password = _required(self.pg_partner_passwords.get(partner), f"HUB_PG_PARTNER_PASSWORDS[{partner}]")
        return PgLogin(self.pg_host, self.pg_port, role, role, password, self.pg_ca())

    def partner_reader_login(self, partner: str) -> PgLogin:
        """Read-only access to one partner store."""
        role = partner_role(partner)
        password = _required(self.pg_reader_passwords.get(partner), f"HUB_PG_READER_PASSWORDS[{partner}]")
        return PgLogin(self.pg_host, self.pg_port, partner_reader_role(partner), role, password, self.pg_ca())


def _required(secret: SecretStr | None, name: str) -> SecretStr:
    if secret is None:
        raise ConfigurationError(
            f"{name} is not set: run `hub stack up` (it writes {stack_env_file()}) or set it in the environment"
        )
    return secret


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings, loaded once per process."""
    return Settings()
