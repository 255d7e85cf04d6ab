"""The OpenAPI description of `hub serve ingest`, served at /openapi.json."""

from __future__ import annotations

from typing import Any

_REJECTION = {
    "type": "object",
    "required": ["status", "locator", "field", "code", "text"],
    "properties": {
        "status": {"const": "REJECTED"},
        "locator": {"type": "string", "description": "always `$`: the message is the record"},
        "field": {"type": "string", "description": "the native field, as the partner's spec names it"},
        "code": {"type": "string", "description": "a reason code of shared/formats/README.md"},
        "text": {"type": "string"},
    },
}
_PROBLEM = {
    "type": "object",
    "required": ["status", "text"],
    "properties": {"status": {"type": "string"}, "text": {"type": "string"}},
}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "ViSOR transfer hub — ingest",
        "version": "1",
        "description": "Partner systems that push single messages (Scottish Justice Exchange, Jersey JPRS, HMPPS "
        "domain events) post them here. The hub answers only after the event is durably in Kafka.",
    },
    "servers": [{"url": "https://127.0.0.1:18080", "description": "mutual TLS: a partner client certificate"}],
    "paths": {
        "/ingest/{jurisdiction}": {
            "post": {
                "summary": "Push one native message",
                "parameters": [
                    {
                        "name": "jurisdiction",
                        "in": "path",
                        "required": True,
                        "schema": {"enum": ["scotland", "jersey", "england-wales"]},
                    }
                ],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"type": "object"}}},
                    "description": "One message in the partner's native format, at most 262 144 bytes.",
                },
                "responses": {
                    "202": _json(
                        {
                            "type": "object",
                            "required": ["status", "event_id", "nominal_id"],
                            "properties": {
                                "status": {"const": "ACCEPTED"},
                                "event_id": {"type": "string", "format": "uuid"},
                                "nominal_id": {"type": "string", "format": "uuid"},
                            },
                        },
                        "Accepted and durably in Kafka.",
                    ),
                    "200": _json(
                        {
                            "type": "object",
                            "required": ["status", "event_id"],
                            "properties": {
                                "status": {"const": "DUPLICATE"},
                                "event_id": {"type": "string", "format": "uuid"},
                            },
                        },
                        "The same message was accepted before; nothing new was published.",
                    ),
                    "400": _json(_REJECTION, "Rejected: the field and the reason."),
                    "401": _json(_PROBLEM, "No partner client certificate was presented."),
                    "403": _json(_PROBLEM, "The certificate belongs to another jurisdiction's partner system."),
                    "429": _json(_PROBLEM, "Too many requests from this partner system; retry later."),
                    "404": _json(_PROBLEM, "No push feed for that jurisdiction."),
                    "413": _json(_PROBLEM, "The body is over the size limit."),
                    "415": _json(_PROBLEM, "Wrong content type."),
                    "503": _json(_PROBLEM, "The hub could not store the message; retry later."),
                },
            }
        }
    },
}
