"""Police nightly CSV (FORCE-RMS): every force, record type and code-list value maps as the spec says."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.common.errors import RecordRejected
from tests.unit.adapters.england_wales_builders import TRANSFER, event_of, parse_rows, record


def test_all_forty_three_forces_are_known_by_their_pnc_number() -> None:
    forces = ["01", "03", "04", "05", "06", "07", "10", "11", "12", "13", "14", "16", "17", "20", "21", "22", "23"]
    forces += ["30", "31", "32", "33", "34", "35", "36", "37", "40", "41", "42", "43", "44", "45", "46", "47", "48"]
    forces += ["50", "52", "53", "54", "55", "60", "61", "62", "63"]
    rows = [record("ARC", force_code=force, record_ref=f"R{force}") for force in forces]

    events = [r.result for r in parse_rows(*rows)]

    assert [e["source_agency"] for e in events if isinstance(e, dict)] == [f"EAW-F{force}" for force in forces]


CODE_LISTS = [
    ("REG", "sex", {"M": "M", "F": "F", "U": "U"}, ("payload", "sex")),
    ("REG", "status", {"COM": "COMMUNITY", "CUS": "CUSTODY"}, ("payload", "status")),
    ("REG", "mappa_category", {"1": 1, "2": 2, "3": 3}, ("payload", "mappa_category")),
    ("REG", "mappa_level", {"1": 1, "2": 2, "3": 3}, ("payload", "mappa_level")),
    ("ADR", "address_type", {"H": "HOME", "T": "TEMPORARY"}, ("payload", "address_type")),
    ("TRQ", "rosh", {"L": "LOW", "M": "MEDIUM", "H": "HIGH", "VH": "VERY_HIGH"}, ("payload", "risk", "rosh")),
    (
        "TRJ",
        "reason_code",
        {
            "01": "NO_LOCAL_CONNECTION",
            "02": "ADDRESS_UNSUITABLE",
            "03": "INSUFFICIENT_INFORMATION",
            "04": "RISK_NOT_MANAGEABLE",
            "05": "DUPLICATE_REQUEST",
            "99": "OTHER",
        },
        ("payload", "rejection_code"),
    ),
    ("ICD", "consent", {"G": "GRANTED", "R": "REFUSED"}, ("payload", "decision")),
    ("ARC", "marking", {"O": "OFFICIAL", "OS": "OFFICIAL-SENSITIVE"}, ("classification",)),
]


@pytest.mark.parametrize(("record_type", "column", "mapping", "path"), CODE_LISTS)
def test_every_code_list_value_maps_to_its_canonical_value(
    record_type: str, column: str, mapping: dict[str, Any], path: tuple[str, ...]
) -> None:
    for native, canonical in mapping.items():
        found: Any = event_of(record_type, **{column: native})
        for step in path:
            found = found[step]
        assert found == canonical, native


@pytest.mark.parametrize("record_type", ["ARC", "REA", "ICD", "TAC"])
def test_records_of_every_type_name_no_nominal(record_type: str) -> None:
    assert event_of(record_type)["nominal_id"] is None


def test_every_record_type_maps_to_its_event_type() -> None:
    expected = {
        "REG": "NominalRegistered",
        "ADR": "AddressNotified",
        "TRQ": "TransferRequested",
        "TAC": "TransferAccepted",
        "TRJ": "TransferRejected",
        "DEP": "OffenderDeparted",
        "ARR": "OffenderArrived",
        "MAP": "MappaLevelChanged",
        "INT": "IntelligenceShared",
        "ICD": "IntelligenceConsentDecided",
        "IWD": "IntelligenceWithdrawn",
        "ARC": "NominalArchived",
        "REA": "NominalReactivated",
    }
    rows = [record(kind, record_ref=f"REF-{i}") for i, kind in enumerate(expected)]

    results = [r.result for r in parse_rows(*rows)]

    assert not [r for r in results if isinstance(r, RecordRejected)]
    assert [r["event_type"] for r in results if isinstance(r, dict)] == list(expected.values())
    transfer_types = {
        "TransferRequested",
        "TransferAccepted",
        "TransferRejected",
        "OffenderDeparted",
        "OffenderArrived",
    }
    for event in results:
        assert isinstance(event, dict)
        assert event["correlation_id"] == (TRANSFER if event["event_type"] in transfer_types else None)
