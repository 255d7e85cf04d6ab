"""Rejections: what was wrong with a record or a file, named so a person can fix it."""

from __future__ import annotations

from typing import Literal

from hub.errors import HubError

ReasonCode = Literal[
    "MALFORMED",
    "ENCODING",
    "FORBIDDEN_CONSTRUCT",
    "TOO_LARGE",
    "UNKNOWN_TYPE",
    "MISSING",
    "BAD_FORMAT",
    "BAD_DATE",
    "NONEXISTENT_LOCAL_TIME",
    "FUTURE_DATE",
    "UNKNOWN_CODE",
    "TOO_LONG",
    "CLASSIFICATION_REFUSED",
    "INCONSISTENT",
    "DUPLICATE_CONFLICT",
    "COUNT_MISMATCH",
    # found at import, against the hub's identity registry (not by parsing the record)
    "IDENTITY_CONFLICT",
    "UNKNOWN_NOMINAL",
]


class AdapterError(HubError):
    """A partner's input could not be turned into canonical events."""


class RecordRejected(AdapterError):
    """One record is rejected: `field` is the native field name as the spec writes it."""

    def __init__(self, field: str, reason: ReasonCode, message: str) -> None:
        super().__init__(f"{field}: {reason}: {message}")
        self.field = field
        self.reason: ReasonCode = reason
        self.message = message


class FileRejected(AdapterError):
    """The whole file is refused (locator `file`); nothing of it is emitted."""

    def __init__(self, field: str, reason: ReasonCode, message: str) -> None:
        super().__init__(f"file: {field}: {reason}: {message}")
        self.field = field
        self.reason: ReasonCode = reason
        self.message = message


def reject(field: str, reason: ReasonCode, message: str) -> RecordRejected:
    """Build a record rejection; callers `raise reject(...)` so the raise stays visible."""
    return RecordRejected(field, reason, message)
