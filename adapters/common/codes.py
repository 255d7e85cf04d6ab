"""Code-list values: mapping native codes to canonical ones, agencies, recipients, establishments."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from adapters.common.errors import reject
from hub.domain.codes import JURISDICTIONS, MAPPA_VALUES, is_agency, is_establishment, is_recipient

T = TypeVar("T")


def code(value: str, field: str, mapping: Mapping[str, T]) -> T:
    """The canonical value of a native code; anything unlisted is `UNKNOWN_CODE`, whatever its shape."""
    try:
        return mapping[value]
    except KeyError:
        raise reject(field, "UNKNOWN_CODE", f"{value!r} is not one of {', '.join(map(str, mapping))}") from None


def identity(values: tuple[str, ...] | list[str]) -> dict[str, str]:
    """A code list whose native and canonical values are the same."""
    return {v: v for v in values}


def agency(value: str, field: str) -> str:
    """A canonical agency code (`SCO-PSOS`, `EAW-F01`, …)."""
    if not is_agency(value):
        raise reject(field, "UNKNOWN_CODE", f"{value!r} is not a known agency code")
    return value


def recipient(value: str, field: str) -> str:
    """An intelligence recipient: an agency code or a jurisdiction code."""
    if not is_recipient(value):
        raise reject(field, "UNKNOWN_CODE", f"{value!r} is neither an agency nor a jurisdiction code")
    return value


def establishment(value: str, field: str) -> str:
    """A canonical establishment code (`SCO-BAR`, `EAW-WWI`, `NIR-MAG`, …)."""
    if not is_establishment(value):
        raise reject(field, "UNKNOWN_CODE", f"{value!r} is not a known establishment code")
    return value


def mappa(value: int, field: str) -> int:
    """A MAPPA category or level, 1–3."""
    if value not in MAPPA_VALUES:
        raise reject(field, "UNKNOWN_CODE", f"{value!r} is not a MAPPA value (1, 2 or 3)")
    return value


def mappa_text(value: str, field: str) -> int:
    """A MAPPA category or level written as text (`"1"`–`"3"`)."""
    return code(value, field, {"1": 1, "2": 2, "3": 3})


def jurisdiction(value: str, field: str) -> str:
    if value not in JURISDICTIONS:
        raise reject(field, "UNKNOWN_CODE", f"{value!r} is not a jurisdiction code")
    return value
