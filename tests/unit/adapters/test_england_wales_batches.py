"""England and Wales deliveries as the runner sees them: samples, the bad sample, duplicates, which feed."""

from __future__ import annotations

import json
from pathlib import Path

from adapters import england_wales
from adapters.common.batch import Accepted, Deduplicator, Duplicate, Outcome, Refused, Rejected
from adapters.common.run import judge_delivery, judge_files
from adapters.registry import adapter_for
from tests.unit.adapters.england_wales_builders import (
    csv_file,
    csv_line,
    domain_event,
    notification,
    record,
)

SAMPLES = Path(__file__).parents[3] / "samples" / "england_wales"


def sample_files() -> list[Path]:
    return sorted(SAMPLES.glob("*.csv")) + sorted(SAMPLES.glob("*.json"))


def summary(outcome: Outcome | Refused) -> tuple[str, ...]:
    if isinstance(outcome, Accepted):
        return (outcome.locator, outcome.event["event_type"])
    if isinstance(outcome, Rejected):
        return (outcome.locator, outcome.error.field, outcome.error.reason)
    if isinstance(outcome, Duplicate):
        return (outcome.locator, "duplicate of " + outcome.duplicate_of)
    return (outcome.source, "file", outcome.error.field, outcome.error.reason)


def test_the_jurisdiction_name_england_wales_finds_this_adapter() -> None:
    adapter = adapter_for("england-wales")

    assert adapter.JURISDICTION == "EAW"
    assert adapter.parse is england_wales.parse


def test_every_sample_parses_without_a_rejection_or_a_repeat() -> None:
    outcomes = list(judge_files(england_wales, sample_files()))

    assert outcomes
    assert [summary(o) for o in outcomes if not isinstance(o, Accepted)] == []


def test_the_samples_cover_every_record_type_of_both_feeds() -> None:
    events = [o.event for o in judge_files(england_wales, sample_files()) if isinstance(o, Accepted)]

    assert {e["event_type"] for e in events if e["source_system"] == "FORCE-RMS"} == {
        "NominalRegistered",
        "AddressNotified",
        "TransferRequested",
        "TransferAccepted",
        "TransferRejected",
        "OffenderDeparted",
        "OffenderArrived",
        "MappaLevelChanged",
        "IntelligenceShared",
        "IntelligenceConsentDecided",
        "IntelligenceWithdrawn",
        "NominalArchived",
        "NominalReactivated",
    }
    assert {e["event_type"] for e in events if e["source_system"] == "HMPPS-DE"} == {
        "CustodyReceived",
        "CustodyTransferred",
        "CustodyReleased",
    }
    assert {e["payload"]["handling_code"] for e in events if e["event_type"] == "IntelligenceShared"} == {"P", "C"}


def test_the_samples_quote_one_transfer_id_from_request_to_departure() -> None:
    events = [o.event for o in judge_files(england_wales, sample_files()) if isinstance(o, Accepted)]
    by_transfer: dict[str, list[str]] = {}
    for event in events:
        if event["correlation_id"] is not None:
            by_transfer.setdefault(event["correlation_id"], []).append(event["event_type"])

    assert by_transfer["4b3c2d1e-0f9a-4b8c-9d7e-6f5a4b3c2d1e"] == ["TransferRequested", "OffenderDeparted"]
    assert by_transfer["5d4e3f2a-1b0c-4d9e-8f7a-6b5c4d3e2f1a"] == ["TransferAccepted", "OffenderArrived"]


def test_the_bad_force_file_has_exactly_these_outcomes() -> None:
    outcomes = judge_files(england_wales, [SAMPLES / "bad" / "VISOR_01_20261203.csv"])

    assert [summary(o) for o in outcomes] == [
        ("line 2", "AddressNotified"),
        ("line 3", "record_type", "UNKNOWN_TYPE"),
        ("line 4", "marking", "CLASSIFICATION_REFUSED"),
        ("line 5", "pnc_id", "BAD_FORMAT"),
        ("line 6", "record", "MALFORMED"),
        ("line 7", "family_name", "ENCODING"),
        ("line 8", "event_time", "NONEXISTENT_LOCAL_TIME"),
        ("line 9", "duplicate of line 2"),
        ("line 10", "record_ref", "DUPLICATE_CONFLICT"),
        ("line 11", "handling_conditions", "MISSING"),
        ("line 12", "date_of_birth", "FUTURE_DATE"),
    ]


def test_the_bad_notifications_have_exactly_these_outcomes() -> None:
    outcomes = judge_files(england_wales, sorted((SAMPLES / "bad").glob("*.json")))

    assert [summary(o) for o in outcomes] == [
        ("hmpps_attribute_mismatch.json", "MessageAttributes.eventType.Value", "INCONSISTENT"),
        ("hmpps_transferred_on_release.json", "Message.additionalInformation.reason", "UNKNOWN_CODE"),
    ]


def test_a_row_repeated_in_a_later_file_is_a_duplicate_of_the_first_file() -> None:
    dedup = Deduplicator()
    first = csv_file(csv_line(record("ARC")))
    later = csv_file(csv_line(record("REA", record_ref="OTHER")), csv_line(record("ARC")))

    list(judge_delivery(england_wales, "VISOR_01_20261201.csv", first, dedup))
    outcomes = [summary(o) for o in judge_delivery(england_wales, "VISOR_01_20261202.csv", later, dedup)]

    assert outcomes == [("line 2", "NominalReactivated"), ("line 3", "duplicate of VISOR_01_20261201.csv line 2")]


def test_the_same_record_ref_with_other_content_conflicts_and_names_record_ref() -> None:
    data = csv_file(csv_line(record("ARC")), csv_line(record("ARC", reason_text="Another reason.")))

    outcomes = [summary(o) for o in judge_delivery(england_wales, "f.csv", data, Deduplicator())]

    assert outcomes == [("line 2", "NominalArchived"), ("line 3", "record_ref", "DUPLICATE_CONFLICT")]


def test_the_same_record_ref_from_two_forces_is_two_records() -> None:
    data = csv_file(csv_line(record("ARC")), csv_line(record("ARC", force_code="43")))

    outcomes = [summary(o) for o in judge_delivery(england_wales, "f.csv", data, Deduplicator())]

    assert outcomes == [("line 2", "NominalArchived"), ("line 3", "NominalArchived")]


def test_a_rejected_record_does_not_claim_its_key() -> None:
    data = csv_file(csv_line(record("ARC", reason_text="")), csv_line(record("ARC")))

    outcomes = [summary(o) for o in judge_delivery(england_wales, "f.csv", data, Deduplicator())]

    assert outcomes == [("line 2", "reason_text", "MISSING"), ("line 3", "NominalArchived")]


def test_a_notification_posted_twice_is_a_duplicate_of_the_first_post() -> None:
    dedup = Deduplicator()
    data = notification(domain_event("ADMISSION"))
    reformatted = json.dumps(json.loads(data), indent=2).encode()

    first = [summary(o) for o in judge_delivery(england_wales, "post-1", data, dedup)]
    second = [summary(o) for o in judge_delivery(england_wales, "post-2", reformatted, dedup)]

    assert first == [("post-1", "CustodyReceived")]
    assert second == [("post-2", "duplicate of post-1")]


def test_a_message_id_reused_for_another_movement_conflicts_and_names_message_id() -> None:
    dedup = Deduplicator()
    list(judge_delivery(england_wales, "post-1", notification(domain_event("ADMISSION")), dedup))

    again = judge_delivery(england_wales, "post-2", notification(domain_event("TRANSFERRED")), dedup)

    assert [summary(o) for o in again] == [("post-2", "MessageId", "DUPLICATE_CONFLICT")]


def test_a_json_body_is_a_notification_and_anything_else_a_force_file() -> None:
    as_notification = england_wales.parse("x", b" \r\n\t" + notification(domain_event("ADMISSION")))
    as_array = england_wales.parse("x", b"[]")
    outcomes = list(judge_delivery(england_wales, "x.csv", b"not,a,header\r\n", Deduplicator()))

    assert [r.locator for r in as_notification + as_array] == ["$", "$"]
    assert [summary(o) for o in outcomes] == [("x.csv", "file", "header", "MALFORMED")]
