"""The JSON shape of an outcome, as `hub adapter parse` prints it: one line per record."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from adapters.common.batch import Accepted, Duplicate, Outcome, Refused, Rejected


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def event_json(event: dict[str, Any]) -> dict[str, Any]:
    """A canonical event with JSON values: UTC times with `Z`, ISO dates, absent fields left out."""
    plain: dict[str, Any] = _plain(event)
    return plain


def outcome_json(outcome: Outcome | Refused) -> dict[str, Any]:
    """The report line for one record (or for a refused file)."""
    if isinstance(outcome, Accepted):
        return {"record": outcome.locator, "event": event_json(outcome.event)}
    if isinstance(outcome, Rejected):
        err = outcome.error
        return {
            "record": outcome.locator,
            "rejected": {"field": err.field, "reason": err.reason, "message": err.message},
        }
    if isinstance(outcome, Duplicate):
        return {"record": outcome.locator, "duplicate_of": outcome.duplicate_of}
    refusal = outcome.error
    return {"file_rejected": {"reason": refusal.reason, "field": refusal.field, "message": refusal.message}}


def outcome_line(outcome: Outcome | Refused) -> str:
    return json.dumps(outcome_json(outcome), ensure_ascii=False, separators=(",", ":"))
