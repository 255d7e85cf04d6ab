"""The one codec for canonical events: Avro single-object encoding (Avro spec, "Single object encoding").

Wire form: ``C3 01`` + the writer schema's CRC-64-AVRO fingerprint (8 bytes, little-endian, over its
Parsing Canonical Form) + the Avro binary body. Writers always use the current schema of the event
type; readers accept any current or released schema and resolve it to the current one. Schemas are
parsed and fingerprinted once per process, never per message.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Final, cast

from fastavro import schemaless_reader, schemaless_writer
from fastavro.schema import fingerprint, parse_schema, to_parsing_canonical_form

import schemas
from hub.codec_faults import locate_fault
from hub.domain.codes import CLASSIFICATIONS, SOURCE_EVALUATIONS
from hub.errors import CodecError, CorruptMessage, UnknownSchema

MARKER: Final = b"\xc3\x01"
HEADER_LENGTH: Final = len(MARKER) + 8

Event = dict[str, Any]
Schema = dict[str, Any]


@dataclass(frozen=True, slots=True)
class _Writer:
    header: bytes
    schema: Schema
    raw_schema: Schema
    envelope_keys: frozenset[str]
    payload_keys: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Reader:
    event_type: str
    writer_schema: Schema
    reader_schema: Schema | None  # None when the writer schema is the current one: no resolution needed


def schema_fingerprint(schema: Schema) -> bytes:
    """The 8-byte CRC-64-AVRO fingerprint (little-endian) of a schema's Parsing Canonical Form."""
    return bytes.fromhex(fingerprint(to_parsing_canonical_form(schema), "CRC-64-AVRO"))


def _field_names(record: Schema) -> frozenset[str]:
    return frozenset(field["name"] for field in record["fields"])


def _writer(raw: Schema) -> _Writer:
    payload = next(field["type"] for field in raw["fields"] if field["name"] == "payload")
    return _Writer(
        header=MARKER + schema_fingerprint(raw),
        schema=cast(Schema, parse_schema(raw)),
        raw_schema=raw,
        envelope_keys=_field_names(raw),
        payload_keys=_field_names(payload),
    )


class Codec:
    """Encoder/decoder over one set of current schemas and the released versions it must still read."""

    def __init__(self, current: Mapping[str, Schema], released: Iterable[Mapping[str, Schema]]) -> None:
        self._writers = {event_type: _writer(raw) for event_type, raw in current.items()}
        self._readers: dict[bytes, _Reader] = {}
        for version in released:
            for event_type, raw in version.items():
                if event_type in self._writers:
                    reader = self._writers[event_type].schema
                    self._readers[schema_fingerprint(raw)] = _Reader(
                        event_type, cast(Schema, parse_schema(raw)), reader
                    )
        for event_type, writer in self._writers.items():
            self._readers[writer.header[len(MARKER) :]] = _Reader(event_type, writer.schema, None)

    def known_fingerprints(self) -> dict[bytes, str]:
        """Every writer-schema fingerprint this codec can decode, mapped to its event type."""
        return {fp: reader.event_type for fp, reader in self._readers.items()}

    def encode(self, event: Event) -> bytes:
        """Encode a canonical event dict with the current schema of its event_type (see module `encode`)."""
        writer = self._writer_for(event)
        _check_cheaply(event, writer)
        buffer = io.BytesIO()
        buffer.write(writer.header)
        try:
            schemaless_writer(buffer, writer.schema, event)
        except Exception as exc:  # fastavro raises bare TypeError/ValueError/KeyError: name the field instead
            fault = locate_fault(event, writer.raw_schema) or f"{event['event_type']}: {type(exc).__name__}: {exc}"
            raise CodecError(f"cannot encode: {fault}") from exc
        return buffer.getvalue()

    def decode(self, data: bytes) -> Event:
        """Decode single-object bytes into a canonical event dict (see module `decode`)."""
        if len(data) < HEADER_LENGTH or data[: len(MARKER)] != MARKER:
            raise CorruptMessage(f"not an Avro single-object message: {len(data)} bytes, expected marker C3 01")
        fingerprint_bytes = bytes(data[len(MARKER) : HEADER_LENGTH])
        reader = self._readers.get(fingerprint_bytes)
        if reader is None:
            raise UnknownSchema(f"writer schema {fingerprint_bytes.hex()} is not a current or released schema")
        buffer = io.BytesIO(data)
        buffer.seek(HEADER_LENGTH)
        try:
            event = cast(Event, schemaless_reader(buffer, reader.writer_schema, reader.reader_schema))
        except Exception as exc:  # any failure inside fastavro means the body does not match its schema
            raise CorruptMessage(f"{reader.event_type} body does not decode: {type(exc).__name__}: {exc}") from exc
        if buffer.tell() != len(data):
            raise CorruptMessage(f"{reader.event_type}: {len(data) - buffer.tell()} trailing byte(s) after the body")
        if event["event_type"] != reader.event_type:
            raise CorruptMessage(f"event_type {event['event_type']!r} written with the {reader.event_type} schema")
        return event

    def _writer_for(self, event: Event) -> _Writer:
        event_type = event.get("event_type") if isinstance(event, dict) else None
        writer = self._writers.get(event_type) if isinstance(event_type, str) else None
        if writer is None:
            raise CodecError(f"event_type: {event_type!r} has no schema; expected one of hub.domain.codes.EVENT_TYPES")
        return writer


def _check_cheaply(event: Event, writer: _Writer) -> None:
    """Refuse what fastavro would accept silently: unknown keys, naive times, unlisted string codes."""
    name = event["event_type"]
    if unknown := event.keys() - writer.envelope_keys:
        raise CodecError(f"{name}: unknown envelope field(s) {sorted(unknown)}")
    payload = event.get("payload")
    if isinstance(payload, dict) and (unknown := payload.keys() - writer.payload_keys):
        raise CodecError(f"{name}.payload: unknown field(s) {sorted(unknown)}")
    for field in ("occurred_at", "recorded_at"):
        value = event.get(field)
        if value is not None and getattr(value, "tzinfo", None) is None:
            raise CodecError(f"{name}.{field}: expected a timezone-aware datetime")
    # Two closed lists are strings, not enums, because their codes are not legal Avro enum symbols.
    if event.get("classification") not in CLASSIFICATIONS:
        raise CodecError(f"{name}.classification: expected one of {list(CLASSIFICATIONS)}")
    if isinstance(payload, dict) and payload.get("source_evaluation", "1") not in SOURCE_EVALUATIONS:
        raise CodecError(f"{name}.payload.source_evaluation: expected one of {list(SOURCE_EVALUATIONS)}")


@cache
def default_codec() -> Codec:
    """The codec over the checked-in current schemas and every released version (built once)."""
    released = [schemas.released_schemas(version) for version in schemas.released_versions()]
    return Codec(schemas.current_schemas(), released)


def encode(event: Event) -> bytes:
    """Encode a canonical event dict with the current schema of its event_type.

    Raises CodecError naming the offending field when the dict does not fit the schema.
    """
    return default_codec().encode(event)


def decode(data: bytes) -> Event:
    """Decode single-object-encoded bytes into a canonical event dict shaped by the current schema.

    Raises UnknownSchema for an unknown writer fingerprint, CorruptMessage for anything malformed.
    """
    return default_codec().decode(data)
