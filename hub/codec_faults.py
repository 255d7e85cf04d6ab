"""Name the field that makes a dict unencodable: run only after fastavro has refused a datum.

Messages give the path and the expected type, never the value (it may be a name or intelligence text).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

_PRIMITIVE_CHECKS: dict[str, Any] = {
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool) and -(2**31) <= v < 2**31,
    "long": lambda v: isinstance(v, int) and not isinstance(v, bool) and -(2**63) <= v < 2**63,
    "float": lambda v: isinstance(v, float | int) and not isinstance(v, bool),
    "double": lambda v: isinstance(v, float | int) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "bytes": lambda v: isinstance(v, bytes),
}


def locate_fault(datum: Any, schema: Any) -> str | None:
    """The first path in `datum` that does not fit `schema` (a raw JSON Avro schema), with the reason."""
    return _fault(datum, schema, schema.get("name", "$"), {})


def _fault(value: Any, avro_type: Any, path: str, named: dict[str, Any]) -> str | None:
    if isinstance(avro_type, list):
        return _union_fault(value, avro_type, path, named)
    if isinstance(avro_type, str):
        if avro_type in named:
            return _fault(value, named[avro_type], path, named)
        check = _PRIMITIVE_CHECKS[avro_type]
        return None if check(value) else f"{path}: expected {avro_type}, got {type(value).__name__}"
    if avro_type.get("type") in ("record", "enum", "fixed"):
        named[avro_type["name"]] = avro_type
    logical = avro_type.get("logicalType")
    if logical == "date" and not (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return f"{path}: expected datetime.date, got {type(value).__name__}"
    if logical == "timestamp-millis" and not (isinstance(value, dt.datetime) and value.tzinfo is not None):
        return f"{path}: expected a timezone-aware datetime, got {type(value).__name__}"
    if logical is not None:
        return None
    return _complex_fault(value, avro_type, path, named)


def _union_fault(value: Any, branches: list[Any], path: str, named: dict[str, Any]) -> str | None:
    faults = [_fault(value, branch, path, named) for branch in branches]
    if None in faults:
        return None
    non_null = [fault for branch, fault in zip(branches, faults, strict=True) if branch != "null"]
    return non_null[0] if len(non_null) == 1 else f"{path}: fits none of the union's types"


def _complex_fault(value: Any, avro_type: dict[str, Any], path: str, named: dict[str, Any]) -> str | None:
    kind = avro_type["type"]
    if kind == "enum":
        return None if value in avro_type["symbols"] else f"{path}: expected one of {avro_type['symbols']}"
    if kind == "array":
        if not isinstance(value, list | tuple):
            return f"{path}: expected a list, got {type(value).__name__}"
        faults = (_fault(item, avro_type["items"], f"{path}[{i}]", named) for i, item in enumerate(value))
        return next((fault for fault in faults if fault), None)
    if kind == "record":
        return _record_fault(value, avro_type, path, named)
    return _fault(value, kind, path, named)


def _record_fault(value: Any, record: dict[str, Any], path: str, named: dict[str, Any]) -> str | None:
    if not isinstance(value, dict):
        return f"{path}: expected a dict, got {type(value).__name__}"
    fields = {field["name"]: field for field in record["fields"]}
    if unknown := value.keys() - fields.keys():
        return f"{path}: unknown field(s) {sorted(unknown)}"
    for name, field in fields.items():
        if name not in value:
            if "default" in field:
                continue
            return f"{path}.{name}: missing"
        if fault := _fault(value[name], field["type"], f"{path}.{name}", named):
            return fault
    return None
