"""The examples of formats/btp.md, parsed to exactly the events the spec describes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from adapters import btp
from adapters.common.batch import ParsedRecord
from adapters.common.events import CanonicalEvent, event_id_for

PNC = [{"scheme": "PNC", "value": "2021/0045098N", "agency": None}]

# As the spec shows them decoded; written to disk in Windows-1252 with CRLF, as the partner sends them.
COMPLETE_FILE = """\
00|BTPX|000412|20261203|0215|03
10|BTP26-0031877|20261025|0145|2|2021/0045098N||Devereux-Clément|Renée||19880709|F|2|1|C
20|BTP26-0031878|20260601|0030|1|2021/0045098N|Flat 9\\|10|Station Approach||Crewe|CW1 2DB|T|20260531|20260601
51|BTP26-0031879|20261202|2310|2|2021/0045098N|0a9b8c7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d|2BC|EAW-F07;SCO|\
Not for disclosure to rail staff.|Tag "K\\|9" sprayed at Crewe depot; suspect seen nearby.
52|BTP26-0031880|20261203|0105|2|2021/0045098N|7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d|EAW-F01|BTP|G
99|4
"""

TRANSFER_FILE = """\
00|BTPX|000415|20261204|0210|03
31|BTP26-0031901|20261203|1530|2|2021/0045098N|5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d|SCO-PSOS|20270104|2|1|2|\
Moving to Glasgow; works at Queen Street.
34|BTP26-0031902|20270104|0615|1|2021/0045098N|5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d|14 Cathedral Street||\
Flat 3/1|Glasgow|G1 2HD
99|2
"""

MAPPA_FILE = """\
00|BTPX|000416|20261205|0205|03
40|BTP26-0031950|20260329|0230|2|2021/0045098N||3|BTP-MAPPA-2026-03
61|BTP26-0031951|20261204|1700|1|2021/0045098N|Registration ended; no further trespass.
99|2
"""


def _on_disk(decoded: str) -> bytes:
    return decoded.replace("\n", "\r\n").encode("cp1252")


def _events(decoded: str) -> list[ParsedRecord]:
    return btp.parse("BTPX_example.txt", _on_disk(decoded))


def _envelope(
    rec_ref: str, event_type: str, occurred_at: datetime, classification: str, **extra: Any
) -> dict[str, Any]:
    return {
        "event_id": event_id_for(f"BTP:BTPX:{rec_ref}"),
        "event_type": event_type,
        "occurred_at": occurred_at,
        "source_jurisdiction": "BTP",
        "source_agency": "BTP-POLICE",
        "source_system": "BTPX",
        "nominal_id": None,
        "owner_agency": extra.get("owner_agency", "BTP-POLICE"),
        "classification": classification,
        "correlation_id": extra.get("correlation_id"),
        "identifiers": PNC,
    }


def _without_recorded_at(event: CanonicalEvent | Exception) -> dict[str, Any]:
    assert isinstance(event, dict), f"rejected: {event}"
    recorded_at = event["recorded_at"]
    assert isinstance(recorded_at, datetime)
    assert recorded_at.tzinfo is not None
    return {k: v for k, v in event.items() if k not in ("recorded_at", "payload")}


def test_the_example_file_is_written_in_windows_1252_so_e_acute_is_one_byte() -> None:
    assert b"Cl\xe9ment" in _on_disk(COMPLETE_FILE)


def test_example_registration_in_the_autumn_overlap_takes_the_first_0145() -> None:
    parsed = _events(COMPLETE_FILE)[0]
    assert parsed.locator == "line 2"
    assert parsed.key == "BTP:BTPX:BTP26-0031877"
    assert parsed.key_field == "rec_ref"
    assert _without_recorded_at(parsed.result) == _envelope(
        "BTP26-0031877", "NominalRegistered", datetime(2026, 10, 25, 0, 45, tzinfo=UTC), "OFFICIAL-SENSITIVE"
    )
    assert isinstance(parsed.result, dict)
    assert parsed.result["payload"] == {
        "family_name": "Devereux-Clément",
        "given_names": "Renée",
        "aliases": [],
        "date_of_birth": date(1988, 7, 9),
        "sex": "F",
        "mappa_category": 2,
        "mappa_level": 1,
        "lead_agency": "BTP-POLICE",
        "status": "COMMUNITY",
    }


def test_example_address_keeps_an_escaped_pipe_and_drops_the_empty_line() -> None:
    parsed = _events(COMPLETE_FILE)[1]
    assert parsed.locator == "line 3"
    assert _without_recorded_at(parsed.result) == _envelope(
        "BTP26-0031878", "AddressNotified", datetime(2026, 5, 31, 23, 30, tzinfo=UTC), "OFFICIAL"
    )
    assert isinstance(parsed.result, dict)
    assert parsed.result["payload"] == {
        "address": {"lines": ["Flat 9|10", "Station Approach"], "town": "Crewe", "postcode": "CW1 2DB", "bfpo": None},
        "address_type": "TEMPORARY",
        "notified_on": date(2026, 5, 31),
        "effective_from": date(2026, 6, 1),
    }


def test_example_intelligence_with_conditions_unescapes_the_text() -> None:
    parsed = _events(COMPLETE_FILE)[2]
    assert parsed.locator == "line 4"
    assert _without_recorded_at(parsed.result) == _envelope(
        "BTP26-0031879", "IntelligenceShared", datetime(2026, 12, 2, 23, 10, tzinfo=UTC), "OFFICIAL-SENSITIVE"
    )
    assert isinstance(parsed.result, dict)
    assert parsed.result["payload"] == {
        "intel_id": "0a9b8c7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d",
        "text": 'Tag "K|9" sprayed at Crewe depot; suspect seen nearby.',
        "source_evaluation": "2",
        "intelligence_assessment": "B",
        "handling_code": "C",
        "handling_conditions": "Not for disclosure to rail staff.",
        "recipients": ["EAW-F07", "SCO"],
    }


def test_example_consent_decision_by_a_non_owner_is_emitted_with_the_named_owner() -> None:
    parsed = _events(COMPLETE_FILE)[3]
    assert parsed.locator == "line 5"
    assert _without_recorded_at(parsed.result) == _envelope(
        "BTP26-0031880",
        "IntelligenceConsentDecided",
        datetime(2026, 12, 3, 1, 5, tzinfo=UTC),
        "OFFICIAL-SENSITIVE",
        owner_agency="EAW-F01",
    )
    assert isinstance(parsed.result, dict)
    assert parsed.result["payload"] == {
        "intel_id": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "recipient": "BTP",
        "decision": "GRANTED",
        "decided_by": "BTP-POLICE",
    }


def test_example_transfer_request_to_police_scotland() -> None:
    parsed = _events(TRANSFER_FILE)[0]
    transfer_id = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"
    assert parsed.locator == "line 2"
    assert _without_recorded_at(parsed.result) == _envelope(
        "BTP26-0031901",
        "TransferRequested",
        datetime(2026, 12, 3, 15, 30, tzinfo=UTC),
        "OFFICIAL-SENSITIVE",
        correlation_id=transfer_id,
    )
    assert isinstance(parsed.result, dict)
    assert parsed.result["payload"] == {
        "transfer_id": transfer_id,
        "from_jurisdiction": "BTP",
        "from_agency": "BTP-POLICE",
        "to_jurisdiction": "SCO",
        "to_agency": "SCO-PSOS",
        "reason": "Moving to Glasgow; works at Queen Street.",
        "proposed_move_date": date(2027, 1, 4),
        "risk": {"mappa_category": 2, "mappa_level": 1, "rosh": "MEDIUM"},
    }


def test_example_departure_skips_the_empty_second_line() -> None:
    parsed = _events(TRANSFER_FILE)[1]
    transfer_id = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"
    assert parsed.locator == "line 3"
    assert _without_recorded_at(parsed.result) == _envelope(
        "BTP26-0031902",
        "OffenderDeparted",
        datetime(2027, 1, 4, 6, 15, tzinfo=UTC),
        "OFFICIAL",
        correlation_id=transfer_id,
    )
    assert isinstance(parsed.result, dict)
    assert parsed.result["payload"] == {
        "transfer_id": transfer_id,
        "date": date(2027, 1, 4),
        "address": {
            "lines": ["14 Cathedral Street", "Flat 3/1"],
            "town": "Glasgow",
            "postcode": "G1 2HD",
            "bfpo": None,
        },
    }


def test_example_mappa_change_just_after_the_spring_gap_is_bst() -> None:
    parsed = _events(MAPPA_FILE)[0]
    assert parsed.locator == "line 2"
    assert _without_recorded_at(parsed.result) == _envelope(
        "BTP26-0031950", "MappaLevelChanged", datetime(2026, 3, 29, 1, 30, tzinfo=UTC), "OFFICIAL-SENSITIVE"
    )
    assert isinstance(parsed.result, dict)
    assert parsed.result["payload"] == {"mappa_category": None, "mappa_level": 3, "meeting_id": "BTP-MAPPA-2026-03"}


def test_example_archive() -> None:
    parsed = _events(MAPPA_FILE)[1]
    assert parsed.locator == "line 3"
    assert _without_recorded_at(parsed.result) == _envelope(
        "BTP26-0031951", "NominalArchived", datetime(2026, 12, 4, 17, 0, tzinfo=UTC), "OFFICIAL"
    )
    assert isinstance(parsed.result, dict)
    assert parsed.result["payload"] == {"reason": "Registration ended; no further trespass."}
