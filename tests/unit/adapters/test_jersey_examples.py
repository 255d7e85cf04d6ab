"""The four examples of formats/jersey.md, the demo samples, and the deliberately bad samples."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from adapters import jersey
from adapters.common.batch import Accepted, Deduplicator, Duplicate, Rejected
from adapters.common.errors import RecordRejected
from adapters.common.events import CanonicalEvent, event_id_for
from adapters.common.run import judge_delivery

SAMPLES = Path(__file__).parents[3] / "samples" / "jersey"


def sample_event(name: str) -> CanonicalEvent:
    [record] = jersey.parse(name, (SAMPLES / name).read_bytes())
    assert not isinstance(record.result, RecordRejected), record.result
    return record.result


def envelope(event: CanonicalEvent) -> dict[str, Any]:
    recorded_at = event["recorded_at"]
    assert isinstance(recorded_at, datetime)
    assert recorded_at.tzinfo is not None
    return {k: v for k, v in event.items() if k not in ("payload", "recorded_at")}


def expected_envelope(ref: str, event_type: str, occurred_at: datetime, **changes: Any) -> dict[str, Any]:
    fields = {
        "event_id": event_id_for(f"JSY:JPRS:{ref}"),
        "event_type": event_type,
        "occurred_at": occurred_at,
        "source_jurisdiction": "JSY",
        "source_agency": "JSY-SOJP",
        "source_system": "JPRS",
        "nominal_id": None,
        "owner_agency": "JSY-SOJP",
        "classification": "OFFICIAL-SENSITIVE",
        "correlation_id": None,
        "identifiers": [{"scheme": "LOCAL", "value": "JP/2019/000451", "agency": "JSY-SOJP"}],
    }
    return fields | changes


PNC = {"scheme": "PNC", "value": "2019/0123456E", "agency": None}


def test_registration_example_from_sojp_becomes_nominal_registered() -> None:
    event = sample_event("01_registration_le_brocq.json")
    local = {"scheme": "LOCAL", "value": "JP/2019/000451", "agency": "JSY-SOJP"}
    assert envelope(event) == expected_envelope(
        "JPRS-2026-004512", "NominalRegistered", datetime(2026, 12, 3, 14, 5, tzinfo=UTC), identifiers=[local, PNC]
    )
    assert event["payload"] == {
        "family_name": "Le Brocq",
        "given_names": "Thérèse Anne",
        "aliases": [],
        "date_of_birth": date(1980, 2, 14),
        "sex": "F",
        "mappa_category": 2,
        "mappa_level": 1,
        "lead_agency": "JSY-PROBATION",
        "status": "COMMUNITY",
    }


def test_address_example_at_half_past_midnight_in_summer_is_the_evening_before_in_utc() -> None:
    event = sample_event("04_address_le_brocq.json")
    assert envelope(event) == expected_envelope(
        "JPRS-2026-004513",
        "AddressNotified",
        datetime(2026, 7, 13, 23, 30, tzinfo=UTC),
        classification="OFFICIAL",
    )
    assert event["payload"] == {
        "address": {
            "lines": ["Flat 3, Le Clos de la Fontaine", "Rue de la Fontaine"],
            "town": "St Saviour",
            "postcode": "JE2 7AB",
            "bfpo": None,
        },
        "address_type": "HOME",
        "notified_on": date(2026, 7, 13),
        "effective_from": date(2026, 7, 20),
    }


def test_discharge_example_from_la_moye_is_a_release_on_licence() -> None:
    event = sample_event("17_discharge_le_brocq.json")
    prison_number = {"scheme": "LOCAL", "value": "LM04417", "agency": "JSY-LAMOYE"}
    assert envelope(event) == expected_envelope(
        "JPRS-2026-004514",
        "CustodyReleased",
        datetime(2026, 11, 30, 8, 15, tzinfo=UTC),
        source_agency="JSY-LAMOYE",
        owner_agency="JSY-LAMOYE",
        identifiers=[prison_number, PNC],
    )
    assert event["payload"] == {
        "date": date(2026, 11, 30),
        "release_type": "LICENCE",
        "licence_end_date": date(2027, 11, 29),
        "release_address": {"lines": ["7 Rue des Pres"], "town": "Grouville", "postcode": "JE3 9AA", "bfpo": None},
    }


def test_consent_example_is_owned_and_decided_by_sojp() -> None:
    event = sample_event("20_consent_le_brocq.json")
    assert envelope(event) == expected_envelope(
        "JPRS-2026-004515", "IntelligenceConsentDecided", datetime(2026, 12, 1, 16, 40, tzinfo=UTC)
    )
    assert event["payload"] == {
        "intel_id": "9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
        "recipient": "EAW-F44",
        "decision": "GRANTED",
        "decided_by": "JSY-SOJP",
    }


SAMPLE_FILES = sorted(SAMPLES.glob("*.json"))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_demo_sample_parses_without_rejection(path: Path) -> None:
    sample_event(path.name)


def test_demo_samples_cover_every_message_type_and_event_type() -> None:
    events = [sample_event(path.name) for path in SAMPLE_FILES]
    assert {e["event_type"] for e in events} == {
        "NominalRegistered",
        "AddressNotified",
        "TransferRequested",
        "TransferAccepted",
        "TransferRejected",
        "OffenderDeparted",
        "OffenderArrived",
        "CustodyReceived",
        "CustodyTransferred",
        "CustodyReleased",
        "MappaLevelChanged",
        "IntelligenceShared",
        "IntelligenceConsentDecided",
        "IntelligenceWithdrawn",
        "NominalArchived",
        "NominalReactivated",
    }
    assert len({e["event_id"] for e in events}) == len(events)


def test_demo_transfer_quotes_one_transfer_id_from_request_to_arrival() -> None:
    names = ["11_transfer_request_renouf", "12_transfer_accepted_renouf", "18_departed_renouf", "19_arrived_renouf"]
    events = [sample_event(f"{name}.json") for name in names]
    assert {e["correlation_id"] for e in events} == {"0ea43e74-4de8-4d47-81b0-31527fe754f6"}
    assert [e["event_type"] for e in events] == [
        "TransferRequested",
        "TransferAccepted",
        "OffenderDeparted",
        "OffenderArrived",
    ]


def test_demo_intelligence_is_shared_with_both_handling_codes() -> None:
    shared = [sample_event(p.name) for p in SAMPLE_FILES if "intelligence_" in p.name and "withdrawn" not in p.name]
    assert sorted(e["payload"]["handling_code"] for e in shared) == ["C", "P"]


def test_demo_samples_judged_together_are_all_accepted() -> None:
    dedup = Deduplicator()
    for path in SAMPLE_FILES:
        [outcome] = judge_delivery(jersey, path.name, path.read_bytes(), dedup)
        assert isinstance(outcome, Accepted), outcome
        assert outcome.locator == path.name


def test_bad_samples_have_exactly_the_documented_outcomes() -> None:
    dedup = Deduplicator()
    seen: list[tuple[str, object]] = []
    for path in sorted((SAMPLES / "bad").glob("*.json")):
        [outcome] = judge_delivery(jersey, path.name, path.read_bytes(), dedup)
        if isinstance(outcome, Rejected):
            seen.append((path.name, (outcome.error.field, outcome.error.reason)))
        elif isinstance(outcome, Duplicate):
            seen.append((path.name, ("duplicate_of", outcome.duplicate_of)))
        else:
            assert isinstance(outcome, Accepted)
            seen.append((path.name, "accepted"))
    assert seen == [
        ("01_secret_marking.json", ("header.classification", "CLASSIFICATION_REFUSED")),
        ("02_reception_sent_by_police.json", ("header.sender.agency", "INCONSISTENT")),
        ("03_parish_with_guernsey_postcode.json", ("details.address.postcode", "INCONSISTENT")),
        ("04_repeated_key.json", ("header.messageRef", "MALFORMED")),
        ("05_registration_gallichan.json", "accepted"),
        ("06_same_ref_other_content.json", ("header.messageRef", "DUPLICATE_CONFLICT")),
        ("07_registration_gallichan_again.json", ("duplicate_of", "05_registration_gallichan.json")),
    ]
