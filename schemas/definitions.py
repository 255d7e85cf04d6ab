"""The one source of truth for the canonical Avro schemas, composed from shared named types.

`schemas/generate.py` renders these into the checked-in `.avsc` files; a unit test keeps the two equal.
Field names and code lists follow shared/formats/README.md and hub.domain.codes.
"""

from __future__ import annotations

from typing import Any, Final

from hub.domain import codes

NAMESPACE: Final = "uk.gov.visor.hub.v1"

Schema = dict[str, Any]
Field = dict[str, Any]

DATE: Final[Schema] = {"type": "int", "logicalType": "date"}
TIMESTAMP: Final[Schema] = {"type": "long", "logicalType": "timestamp-millis"}
STRINGS: Final[Schema] = {"type": "array", "items": "string"}


def required(name: str, avro_type: Any) -> Field:
    """A field that every event of the type carries."""
    return {"name": name, "type": avro_type}


def optional(name: str, avro_type: Any) -> Field:
    """A nullable field; null is the default so that it can be added or dropped compatibly."""
    return {"name": name, "type": ["null", avro_type], "default": None}


def enum(name: str, symbols: tuple[str, ...]) -> Schema:
    """A closed code list (no default symbol: see docs/adr/0002-schema-evolution.md)."""
    return {"type": "enum", "name": name, "symbols": list(symbols)}


def record(name: str, fields: list[Field]) -> Schema:
    """A named record type."""
    return {"type": "record", "name": name, "fields": fields}


def identifier() -> Schema:
    """A native identifier of the subject; `agency` only for the LOCAL scheme."""
    return record(
        "Identifier",
        [
            required("scheme", enum("IdentifierScheme", codes.IDENTIFIER_SCHEMES)),
            required("value", "string"),
            optional("agency", "string"),
        ],
    )


def address() -> Schema:
    """A postal address: lines + town + postcode, or lines + bfpo."""
    return record(
        "Address",
        [
            required("lines", STRINGS),
            optional("town", "string"),
            optional("postcode", "string"),
            optional("bfpo", "string"),
        ],
    )


def alias() -> Schema:
    """Another name the subject is known by."""
    return record("Alias", [required("family_name", "string"), required("given_names", "string")])


def risk() -> Schema:
    """The risk summary sent with a transfer request."""
    return record(
        "Risk",
        [
            required("mappa_category", "int"),
            required("mappa_level", "int"),
            required("rosh", enum("Rosh", codes.ROSH_RATINGS)),
        ],
    )


def _nominal_fields() -> list[Field]:
    return [
        required("family_name", "string"),
        required("given_names", "string"),
        required("aliases", {"type": "array", "items": alias()}),
        required("date_of_birth", DATE),
        required("sex", enum("Sex", codes.SEXES)),
        required("mappa_category", "int"),
        required("mappa_level", "int"),
        required("lead_agency", "string"),
        required("status", enum("NominalStatus", codes.NOMINAL_STATUSES)),
    ]


def _all_optional(fields: list[Field]) -> list[Field]:
    return [f if "default" in f else optional(f["name"], f["type"]) for f in fields]


def _payload_fields() -> dict[str, list[Field]]:
    reason = [required("reason", "string")]
    return {
        "NominalRegistered": _nominal_fields(),
        "NominalUpdated": _all_optional(_nominal_fields()),
        "AddressNotified": [
            required("address", address()),
            required("address_type", enum("AddressType", codes.ADDRESS_TYPES)),
            required("notified_on", DATE),
            required("effective_from", DATE),
        ],
        **_transfer_fields(),
        "MappaLevelChanged": [
            optional("mappa_category", "int"),
            optional("mappa_level", "int"),
            required("meeting_id", "string"),
        ],
        "NominalArchived": reason,
        "NominalReactivated": reason,
        "RetentionReviewDue": [required("due_date", DATE)],
        "NominalErased": [required("review_decision", "string"), required("decided_by", "string")],
        **_custody_and_minutes_fields(),
        **_intelligence_fields(),
    }


def _transfer_fields() -> dict[str, list[Field]]:
    transfer_id = required("transfer_id", "string")
    return {
        "TransferRequested": [
            transfer_id,
            required("from_jurisdiction", "string"),
            required("from_agency", "string"),
            required("to_jurisdiction", "string"),
            required("to_agency", "string"),
            required("reason", "string"),
            required("proposed_move_date", DATE),
            required("risk", risk()),
        ],
        "TransferAccepted": [transfer_id, required("decided_by", "string"), optional("reason", "string")],
        "TransferRejected": [
            transfer_id,
            required("decided_by", "string"),
            required("rejection_code", enum("RejectionCode", codes.REJECTION_CODES)),
            required("rejection_text", "string"),
        ],
        "OffenderDeparted": [transfer_id, required("date", DATE), optional("address", address())],
        "OffenderArrived": [transfer_id, required("date", DATE), required("address", address())],
    }


def _custody_and_minutes_fields() -> dict[str, list[Field]]:
    return {
        "CustodyReceived": [
            required("establishment", "string"),
            required("date", DATE),
            required("custody_reason", enum("CustodyReason", codes.CUSTODY_REASONS)),
        ],
        "CustodyTransferred": [
            required("from_establishment", "string"),
            required("to_establishment", "string"),
            required("date", DATE),
        ],
        "CustodyReleased": [
            required("date", DATE),
            required("release_type", enum("ReleaseType", codes.RELEASE_TYPES)),
            optional("licence_end_date", DATE),
            optional("release_address", address()),
        ],
        "MeetingMinutesRecorded": [
            required("meeting_id", "string"),
            required("date", DATE),
            required("mappa_level", "int"),
            required("attending_agencies", STRINGS),
            required("minutes_text", "string"),
            required("actions", STRINGS),
        ],
    }


def _intelligence_fields() -> dict[str, list[Field]]:
    # source_evaluation stays a string: "1", "2", "3" are not legal Avro enum symbols.
    return {
        "IntelligenceShared": [
            required("intel_id", "string"),
            # optional so that an agreement can withhold the text from a recipient (minimisation)
            optional("text", "string"),
            required("source_evaluation", "string"),
            required("intelligence_assessment", enum("IntelligenceAssessment", codes.INTELLIGENCE_ASSESSMENTS)),
            required("handling_code", enum("HandlingCode", codes.HANDLING_CODES)),
            optional("handling_conditions", "string"),
            required("recipients", STRINGS),
        ],
        "IntelligenceConsentDecided": [
            required("intel_id", "string"),
            required("recipient", "string"),
            required("decision", enum("ConsentDecision", codes.CONSENT_DECISIONS)),
            required("decided_by", "string"),
        ],
        "IntelligenceWithdrawn": [required("intel_id", "string"), required("reason", "string")],
    }


def _envelope_fields(event_type: str, payload: list[Field]) -> list[Field]:
    # classification stays a string: "OFFICIAL-SENSITIVE" is not a legal Avro enum symbol.
    return [
        required("event_id", "string"),
        required("event_type", "string"),
        required("occurred_at", TIMESTAMP),
        required("recorded_at", TIMESTAMP),
        required("source_jurisdiction", "string"),
        required("source_agency", "string"),
        required("source_system", "string"),
        required("nominal_id", "string"),
        required("owner_agency", "string"),
        required("classification", "string"),
        optional("correlation_id", "string"),
        required("identifiers", {"type": "array", "items": identifier()}),
        required("payload", record(f"{event_type}Payload", payload)),
    ]


def _define_once(node: Any, seen: set[str]) -> Any:
    """Replace every repeated definition of a named type by a reference to its name (Avro requires it)."""
    if isinstance(node, list):
        return [_define_once(item, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get("type") in ("record", "enum", "fixed"):
        if node["name"] in seen:
            return node["name"]
        seen.add(node["name"])
    return {key: _define_once(value, seen) for key, value in node.items()}


def event_schema(event_type: str) -> Schema:
    """The self-contained Avro schema of one canonical event type."""
    payload = _payload_fields()[event_type]
    schema: Schema = {
        "type": "record",
        "name": event_type,
        "namespace": NAMESPACE,
        "doc": f"Canonical event {event_type} (shared/EVENTS.md).",
        "fields": _envelope_fields(event_type, payload),
    }
    result: Schema = _define_once(schema, set())
    return result


def all_event_schemas() -> dict[str, Schema]:
    """Every canonical event type's schema, in the order of hub.domain.codes.EVENT_TYPES."""
    return {event_type: event_schema(event_type) for event_type in codes.EVENT_TYPES}
