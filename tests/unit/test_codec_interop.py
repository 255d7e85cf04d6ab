"""Bytes from hub.codec are read by the Apache `avro` package, and the reverse.

Apache avro (Python, 1.12) keeps `{"type": "long"}` for a logical-typed primitive in its Parsing
Canonical Form, where the spec ([STRIP] then [PRIMITIVES]) and Java's SchemaNormalization give `"long"`.
So its fingerprint of our schemas differs from the spec's. The interop check therefore lets avro
fingerprint the schema with the logical-type annotations removed (which the spec's canonical form
removes anyway) and asserts that canonical form equals fastavro's, character for character.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import avro.io
import avro.schema
import pytest
from fastavro.schema import to_parsing_canonical_form
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import schemas
from hub import codec
from hub.domain.codes import EVENT_TYPES
from tests.unit.canonical_event_strategies import canonical_events


def _without_logical_types(node: Any) -> Any:
    if isinstance(node, list):
        return [_without_logical_types(item) for item in node]
    if isinstance(node, dict):
        return {key: _without_logical_types(value) for key, value in node.items() if key != "logicalType"}
    return node


def apache_schema(event_type: str) -> Any:
    return avro.schema.parse(json.dumps(schemas.current_schemas()[event_type]))


def apache_spec_fingerprint(event_type: str) -> bytes:
    stripped = avro.schema.parse(json.dumps(_without_logical_types(schemas.current_schemas()[event_type])))
    fingerprint: bytes = stripped.fingerprint("CRC-64-AVRO")
    return fingerprint


def normalised(value: Any) -> Any:
    """Same instant in the same tz object: fastavro returns datetime.UTC, avro its own UTCTzinfo."""
    if isinstance(value, dt.datetime):
        assert value.utcoffset() == dt.timedelta(0)
        return value.astimezone(dt.UTC)
    if isinstance(value, dict):
        return {key: normalised(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalised(item) for item in value]
    return value


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_canonical_form_matches_apache_avro_once_logical_annotations_are_stripped(event_type: str) -> None:
    raw = schemas.current_schemas()[event_type]
    apache_form = avro.schema.parse(json.dumps(_without_logical_types(raw))).canonical_form
    assert apache_form == to_parsing_canonical_form(raw)


def test_apache_avro_python_still_keeps_logical_wrappers_in_its_canonical_form() -> None:
    """Tripwire: when this fails, avro fixed its canonical form; use its plain fingerprint() above."""
    timestamp = avro.schema.parse('{"type": "long", "logicalType": "timestamp-millis"}')
    assert timestamp.canonical_form == '{"type":"long"}'
    assert codec.schema_fingerprint({"type": "long", "logicalType": "timestamp-millis"}) == (
        avro.schema.parse('"long"').fingerprint("CRC-64-AVRO")
    )


@pytest.mark.parametrize("event_type", EVENT_TYPES)
@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_apache_avro_reads_what_hub_codec_writes(event_type: str, data: st.DataObject) -> None:
    event = data.draw(canonical_events(event_type))
    message = codec.encode(event)

    assert message[2:10] == apache_spec_fingerprint(event_type)
    schema = apache_schema(event_type)
    body = io.BytesIO(message[10:])
    read = avro.io.DatumReader(schema, schema).read(avro.io.BinaryDecoder(body))

    assert body.tell() == len(message) - 10
    assert normalised(read) == normalised(event)


@pytest.mark.parametrize("event_type", EVENT_TYPES)
@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_hub_codec_reads_what_apache_avro_writes(event_type: str, data: st.DataObject) -> None:
    event = data.draw(canonical_events(event_type))
    body = io.BytesIO()
    avro.io.DatumWriter(apache_schema(event_type)).write(event, avro.io.BinaryEncoder(body))
    message = b"\xc3\x01" + apache_spec_fingerprint(event_type) + body.getvalue()

    assert normalised(codec.decode(message)) == normalised(event)
