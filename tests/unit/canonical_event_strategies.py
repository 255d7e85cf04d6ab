"""Hypothesis strategies for valid canonical event dicts, driven by the current Avro schemas.

The schema gives the shape; field names with a canonical meaning get realistic values (UUIDs, agency
codes, MAPPA 1-3, whole-second occurred_at), so that every event type is covered without repeating it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

import schemas
from hub.domain import codes

UTC = dt.UTC
_TIMES = st.datetimes(min_value=dt.datetime(1970, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(UTC))
_UUIDS = st.uuids().map(str)
_AGENCIES = st.sampled_from(sorted(codes.AGENCIES))
_TEXT = st.text(max_size=40)

_BY_NAME: dict[str, st.SearchStrategy[Any]] = {
    "occurred_at": _TIMES.map(lambda t: t.replace(microsecond=0)),
    "recorded_at": _TIMES.map(lambda t: t.replace(microsecond=t.microsecond // 1000 * 1000)),
    "classification": st.sampled_from(codes.CLASSIFICATIONS),
    "source_evaluation": st.sampled_from(codes.SOURCE_EVALUATIONS),
    "source_jurisdiction": st.sampled_from(codes.JURISDICTIONS),
    "from_jurisdiction": st.sampled_from(codes.JURISDICTIONS),
    "to_jurisdiction": st.sampled_from(codes.JURISDICTIONS),
    "mappa_category": st.sampled_from(codes.MAPPA_VALUES),
    "mappa_level": st.sampled_from(codes.MAPPA_VALUES),
    "attending_agencies": st.lists(_AGENCIES, max_size=5),
    "recipients": st.lists(_AGENCIES, min_size=1, max_size=codes.MAX_RECIPIENTS),
    "aliases": st.lists(
        st.fixed_dictionaries({"family_name": _TEXT, "given_names": _TEXT}), max_size=codes.MAX_ALIASES
    ),
}
_BY_NAME["identifiers"] = st.lists(
    st.sampled_from(codes.IDENTIFIER_SCHEMES).flatmap(
        lambda scheme: st.fixed_dictionaries(
            {
                "scheme": st.just(scheme),
                "value": st.text(min_size=1, max_size=20),
                "agency": _AGENCIES if scheme == "LOCAL" else st.none(),
            }
        )
    ),
    max_size=4,
)
for _name in ("event_id", "nominal_id", "transfer_id", "intel_id", "correlation_id"):
    _BY_NAME[_name] = _UUIDS
for _name in ("source_agency", "owner_agency", "lead_agency", "from_agency", "to_agency", "decided_by", "recipient"):
    _BY_NAME[_name] = _AGENCIES

_PRIMITIVES: dict[str, st.SearchStrategy[Any]] = {
    "string": _TEXT,
    "int": st.integers(-(2**31), 2**31 - 1),
    "long": st.integers(-(2**63), 2**63 - 1),
    "boolean": st.booleans(),
    "null": st.none(),
}


def _for_type(avro_type: Any, named: dict[str, Any]) -> st.SearchStrategy[Any]:
    if isinstance(avro_type, list):
        return st.one_of([_for_type(branch, named) for branch in avro_type])
    if isinstance(avro_type, str):
        return _for_type(named[avro_type], named) if avro_type in named else _PRIMITIVES[avro_type]
    if avro_type.get("type") in ("record", "enum"):
        named[avro_type["name"]] = avro_type
    if avro_type.get("logicalType") == "date":
        return st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
    if avro_type.get("logicalType") == "timestamp-millis":
        return _BY_NAME["recorded_at"]
    kind = avro_type["type"]
    if kind == "enum":
        return st.sampled_from(avro_type["symbols"])
    if kind == "array":
        return st.lists(_for_type(avro_type["items"], named), max_size=4)
    if kind == "record":
        return st.fixed_dictionaries({f["name"]: _for_field(f, named) for f in avro_type["fields"]})
    return _for_type(kind, named)


def _for_field(field: dict[str, Any], named: dict[str, Any]) -> st.SearchStrategy[Any]:
    from_schema = _for_type(field["type"], named)  # always walked: it registers the named types
    if field["name"] not in _BY_NAME:
        return from_schema
    if isinstance(field["type"], list) and "null" in field["type"]:
        return st.none() | _BY_NAME[field["name"]]
    return _BY_NAME[field["name"]]


def canonical_events(event_type: str) -> st.SearchStrategy[dict[str, Any]]:
    """Valid canonical event dicts of one event type, as adapters hand them to hub.codec.encode."""
    schema = schemas.current_schemas()[event_type]
    fields = {f["name"]: _for_field(f, {}) for f in schema["fields"]}
    fields["event_type"] = st.just(event_type)
    return st.fixed_dictionaries(fields)
