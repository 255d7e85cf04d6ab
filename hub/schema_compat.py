"""The schema compatibility gate: every current schema must read, and be read by, every released version.

Run `python -m hub.schema_compat` (and the unit tests) before releasing a schema change; the rules and
why enums carry no default are in docs/adr/0002-schema-evolution.md.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping
from typing import Any

import avro.schema
from avro.compatibility import ReaderWriterCompatibilityChecker, SchemaCompatibilityType

import schemas
from hub.errors import SchemaIncompatible

Schema = dict[str, Any]


def _parse(schema: Schema) -> Any:
    return avro.schema.parse(json.dumps(schema))


def incompatibilities(reader: Schema, writer: Schema) -> list[str]:
    """Why data written with `writer` cannot be read with `reader` (empty when it can)."""
    checker = ReaderWriterCompatibilityChecker()  # type: ignore[no-untyped-call]  # avro ships no annotations here
    result = checker.get_compatibility(_parse(reader), _parse(writer))
    if result.compatibility is SchemaCompatibilityType.compatible:
        return []
    where = re.sub("/+", "/", "/".join(sorted(result.locations)))
    return sorted(f"{where}: {message}" for message in result.messages) or [f"{where}: incompatible"]


def mutual_incompatibilities(current: Schema, released: Schema) -> list[str]:
    """Problems in either direction: current reading released data (backward), and the reverse (forward)."""
    backward = [f"backward (current reads old data): {p}" for p in incompatibilities(current, released)]
    forward = [f"forward (old readers read current data): {p}" for p in incompatibilities(released, current)]
    return backward + forward


def find_problems(current: Mapping[str, Schema], released: Mapping[str, Mapping[str, Schema]]) -> list[str]:
    """Every compatibility problem between the current schemas and each released version's."""
    problems = []
    for version, released_schemas in released.items():
        for event_type, old in released_schemas.items():
            if event_type not in current:
                problems.append(f"{version} {event_type}: released but no current schema")
                continue
            problems += [f"{version} {event_type}: {p}" for p in mutual_incompatibilities(current[event_type], old)]
    return problems


def check_compatible(current: Mapping[str, Schema], released: Mapping[str, Mapping[str, Schema]]) -> None:
    """Raise SchemaIncompatible listing every problem, if there is any."""
    if problems := find_problems(current, released):
        raise SchemaIncompatible(
            "schema change breaks compatibility with a released version; add defaults or start a new "
            "major version (docs/adr/0002-schema-evolution.md):\n  " + "\n  ".join(problems)
        )


def check_repository() -> None:
    """Check the checked-in current schemas against every checked-in released version."""
    released = {version: schemas.released_schemas(version) for version in schemas.released_versions()}
    check_compatible(schemas.current_schemas(), released)


def main() -> int:
    """Command-line gate: exit status 1 and the list of problems when the schemas are incompatible."""
    try:
        check_repository()
    except SchemaIncompatible as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"schemas compatible with released versions {', '.join(schemas.released_versions())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
