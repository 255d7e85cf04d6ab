"""One exception root for the hub, with families; third-party errors are translated at the boundary."""


class HubError(Exception):
    """Base of every error the hub raises on purpose."""


class ConfigurationError(HubError):
    """The hub's settings are missing or wrong."""


class StackError(HubError):
    """The local Kafka/PostgreSQL stack could not be started, stopped or queried."""


class PrerequisiteMissing(StackError):
    """A program the stack needs (Java, Maven, PostgreSQL) is not installed."""


class PortInUse(StackError):
    """A port the stack wants is already taken by another process."""


class CodecError(HubError):
    """Bytes could not be encoded or decoded as a canonical event."""


class UnknownSchema(CodecError):
    """The bytes name a writer schema (by fingerprint) that this hub does not know."""


class CorruptMessage(CodecError):
    """The bytes are truncated, lack the single-object marker, or do not decode."""


class SchemaIncompatible(HubError):
    """A schema change is not backward and forward compatible with a released version."""


class BrokerError(HubError):
    """Talking to Kafka failed."""


class StoreError(HubError):
    """Talking to a PostgreSQL store failed."""
