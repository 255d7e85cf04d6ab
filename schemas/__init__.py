"""The canonical Avro schemas: the current ones (`current/`) and every released version (`released/vN/`).

The `.avsc` files are generated from `schemas/definitions.py` (`python -m schemas.generate`); each
file is self-contained, so its Parsing Canonical Form (and fingerprint) depends on nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, cast

from fastavro import parse_schema

from hub.errors import UnknownSchema

Schema = dict[str, Any]


def _read_dir(*parts: str) -> Mapping[str, Schema]:
    folder = resources.files(__name__).joinpath(*parts)
    schemas = {
        entry.name.removesuffix(".avsc"): json.loads(entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".avsc")
    }
    return MappingProxyType(dict(sorted(schemas.items())))


@cache
def current_schemas() -> Mapping[str, Schema]:
    """The current schema of every event type, as JSON objects, keyed by event type."""
    return _read_dir("current")


@cache
def released_versions() -> tuple[str, ...]:
    """The released schema versions ("v1", "v2", ...), oldest first."""
    folder = resources.files(__name__).joinpath("released")
    names = [entry.name for entry in folder.iterdir() if entry.name.startswith("v") and entry.name[1:].isdigit()]
    return tuple(sorted(names, key=lambda name: int(name[1:])))


@cache
def released_schemas(version: str) -> Mapping[str, Schema]:
    """The schemas of one released version, as JSON objects, keyed by event type."""
    if version not in released_versions():
        raise UnknownSchema(f"no released schema version {version!r}; known: {', '.join(released_versions())}")
    return _read_dir("released", version)


@cache
def load_all() -> Mapping[str, Schema]:
    """Every current schema parsed by fastavro, keyed by event type (parsed once per process)."""
    return MappingProxyType({name: cast(Schema, parse_schema(schema)) for name, schema in current_schemas().items()})


def schema_for(event_type: str) -> Schema:
    """The current fastavro-parsed schema of one event type; UnknownSchema if there is none."""
    try:
        return load_all()[event_type]
    except KeyError:
        raise UnknownSchema(f"no schema for event_type {event_type!r}: see hub.domain.codes.EVENT_TYPES") from None
