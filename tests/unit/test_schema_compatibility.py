"""The schemas match the spec, stay generated from one source, and evolve compatibly."""

from __future__ import annotations

import copy
from typing import Any

import fastavro
import pytest

import schemas
from hub import schema_compat
from hub.domain.codes import EVENT_TYPES
from hub.errors import SchemaIncompatible, UnknownSchema
from schemas import generate

# shared/formats/README.md "Canonical field names", and EVENTS.md for the four events it does not list.
NOMINAL = [
    "family_name",
    "given_names",
    "aliases",
    "date_of_birth",
    "sex",
    "mappa_category",
    "mappa_level",
    "lead_agency",
    "status",
]
SPEC_PAYLOAD_FIELDS: dict[str, list[str]] = {
    "NominalRegistered": NOMINAL,
    "NominalUpdated": NOMINAL,
    "AddressNotified": ["address", "address_type", "notified_on", "effective_from"],
    "TransferRequested": [
        "transfer_id",
        "from_jurisdiction",
        "from_agency",
        "to_jurisdiction",
        "to_agency",
        "reason",
        "proposed_move_date",
        "risk",
    ],
    "TransferAccepted": ["transfer_id", "decided_by", "reason"],
    "TransferRejected": ["transfer_id", "decided_by", "rejection_code", "rejection_text"],
    "OffenderDeparted": ["transfer_id", "date", "address"],
    "OffenderArrived": ["transfer_id", "date", "address"],
    "CustodyReceived": ["establishment", "date", "custody_reason"],
    "CustodyTransferred": ["from_establishment", "to_establishment", "date"],
    "CustodyReleased": ["date", "release_type", "licence_end_date", "release_address"],
    "MappaLevelChanged": ["mappa_category", "mappa_level", "meeting_id"],
    "MeetingMinutesRecorded": ["meeting_id", "date", "mappa_level", "attending_agencies", "minutes_text", "actions"],
    "NominalArchived": ["reason"],
    "NominalReactivated": ["reason"],
    "RetentionReviewDue": ["due_date"],
    "NominalErased": ["review_decision", "decided_by"],
    "IntelligenceShared": [
        "intel_id",
        "text",
        "source_evaluation",
        "intelligence_assessment",
        "handling_code",
        "handling_conditions",
        "recipients",
    ],
    "IntelligenceConsentDecided": ["intel_id", "recipient", "decision", "decided_by"],
    "IntelligenceWithdrawn": ["intel_id", "reason"],
}
SPEC_OPTIONAL_PAYLOAD_FIELDS = {
    "TransferAccepted": {"reason"},
    "OffenderDeparted": {"address"},
    "CustodyReleased": {"licence_end_date", "release_address"},
    "MappaLevelChanged": {"mappa_category", "mappa_level"},
    "IntelligenceShared": {"handling_conditions", "text"},  # text may be withheld by an agreement
    "NominalUpdated": set(NOMINAL),
}
ENVELOPE = [
    "event_id",
    "event_type",
    "occurred_at",
    "recorded_at",
    "source_jurisdiction",
    "source_agency",
    "source_system",
    "nominal_id",
    "owner_agency",
    "classification",
    "correlation_id",
    "identifiers",
    "payload",
]


def fields_of(record: dict[str, Any]) -> list[dict[str, Any]]:
    fields: list[dict[str, Any]] = record["fields"]
    return fields


def payload_of(schema: dict[str, Any]) -> dict[str, Any]:
    return next(f["type"] for f in fields_of(schema) if f["name"] == "payload")


def test_every_event_type_has_exactly_one_schema() -> None:
    assert sorted(schemas.current_schemas()) == sorted(EVENT_TYPES)
    assert sorted(SPEC_PAYLOAD_FIELDS) == sorted(EVENT_TYPES)


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_schema_fields_are_the_canonical_names_of_the_spec(event_type: str) -> None:
    schema = schemas.current_schemas()[event_type]
    payload = payload_of(schema)
    assert (schema["name"], schema["namespace"], payload["name"]) == (
        event_type,
        "uk.gov.visor.hub.v1",
        f"{event_type}Payload",
    )
    assert [f["name"] for f in fields_of(schema)] == ENVELOPE
    assert [f["name"] for f in fields_of(payload)] == SPEC_PAYLOAD_FIELDS[event_type]
    optional = {f["name"] for f in fields_of(payload) if "default" in f}
    assert optional == SPEC_OPTIONAL_PAYLOAD_FIELDS.get(event_type, set())
    assert all(f["default"] is None and f["type"][0] == "null" for f in fields_of(payload) if "default" in f)


def test_checked_in_schemas_are_what_the_generator_produces() -> None:
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in generate.CURRENT_DIR.glob("*.avsc")}
    assert on_disk == generate.render_all(), "run `python -m schemas.generate` and commit the result"


@pytest.mark.parametrize("version", schemas.released_versions())
def test_released_schemas_are_self_contained(version: str) -> None:
    for schema in schemas.released_schemas(version).values():
        fastavro.parse_schema(schema)


def test_schema_for_an_unknown_event_type_is_unknown_schema() -> None:
    with pytest.raises(UnknownSchema):
        schemas.schema_for("NominalTeleported")


def test_released_version_1_is_present() -> None:
    assert schemas.released_versions()[0] == "v1"
    assert sorted(schemas.released_schemas("v1")) == sorted(EVENT_TYPES)


# --- the gate -------------------------------------------------------------------------------------


def test_the_current_schemas_are_compatible_with_every_released_version() -> None:
    schema_compat.check_repository()


def released_and_changed(event_type: str, change: Any) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    old = schemas.current_schemas()[event_type]
    new = copy.deepcopy(old)
    change(payload_of(new))
    return {event_type: new}, {"v1": {event_type: old}}


def check(event_type: str, change: Any) -> None:
    current, released = released_and_changed(event_type, change)
    schema_compat.check_compatible(current, released)


def test_adding_a_required_field_without_default_fails_backward() -> None:
    def add_required(payload: dict[str, Any]) -> None:
        payload["fields"].append({"name": "approved_by", "type": "string"})

    with pytest.raises(SchemaIncompatible, match=r"backward .*approved_by"):
        check("TransferAccepted", add_required)


def test_removing_a_field_that_had_no_default_fails_forward() -> None:
    def remove_decided_by(payload: dict[str, Any]) -> None:
        payload["fields"] = [f for f in payload["fields"] if f["name"] != "decided_by"]

    with pytest.raises(SchemaIncompatible, match=r"forward .*decided_by"):
        check("TransferAccepted", remove_decided_by)


def test_adding_an_enum_symbol_fails_forward_because_enums_have_no_default() -> None:
    def add_symbol(payload: dict[str, Any]) -> None:
        field = next(f for f in payload["fields"] if f["name"] == "rejection_code")
        field["type"]["symbols"].append("NO_BEDSPACE")

    with pytest.raises(SchemaIncompatible, match=r"forward .*NO_BEDSPACE"):
        check("TransferRejected", add_symbol)


def test_changing_a_field_type_fails_both_ways() -> None:
    def retype(payload: dict[str, Any]) -> None:
        next(f for f in payload["fields"] if f["name"] == "meeting_id")["type"] = "int"

    with pytest.raises(SchemaIncompatible) as caught:
        check("MappaLevelChanged", retype)
    assert "backward" in str(caught.value)
    assert "forward" in str(caught.value)


def test_dropping_an_event_type_that_was_released_fails() -> None:
    released = {"v1": dict(schemas.released_schemas("v1"))}
    current = {k: v for k, v in schemas.current_schemas().items() if k != "NominalErased"}
    with pytest.raises(SchemaIncompatible, match="NominalErased: released but no current schema"):
        schema_compat.check_compatible(current, released)


def test_adding_or_removing_an_optional_field_with_a_null_default_passes() -> None:
    def add_optional(payload: dict[str, Any]) -> None:
        payload["fields"].append({"name": "panel_chair", "type": ["null", "string"], "default": None})

    def remove_optional(payload: dict[str, Any]) -> None:
        payload["fields"] = [f for f in payload["fields"] if f["name"] != "reason"]

    check("TransferAccepted", add_optional)
    check("TransferAccepted", remove_optional)


def test_changing_only_documentation_passes() -> None:
    def document(payload: dict[str, Any]) -> None:
        payload["doc"] = "What the receiving agency decided."

    check("TransferAccepted", document)
