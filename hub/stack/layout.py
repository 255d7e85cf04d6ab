"""Where every file of the local stack lives under `settings.stack_dir`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hub.settings import Settings


@dataclass(frozen=True, slots=True)
class StackLayout:
    """The paths of the stack folder; nothing here touches the disk."""

    root: Path

    @classmethod
    def of(cls, settings: Settings) -> StackLayout:
        return cls(settings.stack_dir)

    @property
    def env_file(self) -> Path:
        return self.root / "hub.env"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def kafka(self) -> Path:
        return self.root / "kafka"

    @property
    def kafka_libs(self) -> Path:
        """The cached broker jars; `reset` keeps them."""
        return self.kafka / "libs"

    @property
    def kafka_data(self) -> Path:
        return self.kafka / "data"

    @property
    def kafka_properties(self) -> Path:
        return self.kafka / "server.properties"

    @property
    def kafka_cluster_id(self) -> Path:
        return self.kafka / "cluster.id"

    @property
    def kafka_pid(self) -> Path:
        return self.kafka / "kafka.pid"

    @property
    def kafka_log(self) -> Path:
        return self.logs / "kafka.log"

    @property
    def pg(self) -> Path:
        return self.root / "pg"

    @property
    def pg_data(self) -> Path:
        return self.pg / "data"

    @property
    def pg_socket(self) -> Path:
        return self.pg / "socket"

    @property
    def tls(self) -> Path:
        """The stack's certificate authority and the certificates it issued (hub/stack/tls.py)."""
        return self.root / "tls"

    @property
    def pg_tls(self) -> Path:
        """The server's certificate and key, copied where the server's account owns them."""
        return self.pg / "tls"

    @property
    def pg_hba(self) -> Path:
        return self.pg / "pg_hba.conf"

    @property
    def pg_log(self) -> Path:
        return self.logs / "postgresql.log"
