"""The demo returns under samples/rmp: all valid, every record type, one consistent cast; and the bad ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import adapters.rmp as rmp
from adapters.common.batch import Accepted, Duplicate, Refused, Rejected
from adapters.common.errors import RecordRejected
from adapters.common.run import judge_files
from adapters.rmp.records import RECORD_TYPES

SAMPLES = Path(__file__).parents[3] / "samples" / "rmp"
GOOD_FILES = sorted(SAMPLES.glob("*.xml"))


def all_events() -> list[dict[str, Any]]:
    outcomes = list(judge_files(rmp, GOOD_FILES))
    assert all(isinstance(outcome, Accepted) for outcome in outcomes), [
        outcome for outcome in outcomes if not isinstance(outcome, Accepted)
    ]
    return [outcome.event for outcome in outcomes if isinstance(outcome, Accepted)]


@pytest.mark.parametrize("path", GOOD_FILES, ids=[path.name for path in GOOD_FILES])
def test_every_sample_parses_without_rejection(path: Path) -> None:
    records = rmp.parse(path.name, path.read_bytes())
    assert records
    assert not [record for record in records if isinstance(record.result, RecordRejected)]


def test_samples_cover_every_record_type() -> None:
    written = {event["event_type"] for event in all_events()}
    assert written == {record_type.event_type for record_type in RECORD_TYPES.values()}


def test_samples_show_both_handling_codes_and_every_address_kind() -> None:
    events = all_events()
    handling = {e["payload"]["handling_code"] for e in events if e["event_type"] == "IntelligenceShared"}
    address_types = {e["payload"]["address_type"] for e in events if e["event_type"] == "AddressNotified"}
    assert handling == {"P", "C"}
    assert address_types == {"HOME", "TEMPORARY", "NFA"}


def test_every_subject_is_registered_before_its_later_events() -> None:
    registered: set[str] = set()
    for event in sorted(all_events(), key=lambda e: e["occurred_at"]):
        service_no = event["identifiers"][0]["value"]
        if event["event_type"] == "NominalRegistered":
            registered.add(service_no)
        else:
            assert service_no in registered, (event["event_type"], service_no)


def test_transfer_events_of_one_transfer_quote_one_transfer_id() -> None:
    by_transfer: dict[str, set[str]] = {}
    for event in all_events():
        if event["correlation_id"] is not None:
            by_transfer.setdefault(event["correlation_id"], set()).add(event["event_type"])
    assert by_transfer["b7e3d2a1-4c5f-4e6a-8b9c-0d1e2f3a4b5c"] == {"TransferRequested", "OffenderDeparted"}
    assert by_transfer["5c0ffee1-2b3a-4d8e-9f10-a1b2c3d4e5f6"] == {"TransferAccepted", "OffenderArrived"}


def test_the_bad_return_has_exactly_these_outcomes() -> None:
    outcomes = list(judge_files(rmp, [SAMPLES / "bad" / "REDCAP_VISOR_20261206.xml"]))
    summary = [
        (o.locator, o.error.field, o.error.reason)
        if isinstance(o, Rejected)
        else (o.locator, "duplicate of", o.duplicate_of)
        if isinstance(o, Duplicate)
        else (o.locator, "event", o.event["event_type"])
        if isinstance(o, Accepted)
        else ("file", o.error.field, o.error.reason)
        for o in outcomes
    ]
    assert summary == [
        ("/Return/Record[1]", "Detail/@dob", "FUTURE_DATE"),
        ("/Return/Record[2]", "Detail/@toAgency", "INCONSISTENT"),
        ("/Return/Record[3]", "@marking", "CLASSIFICATION_REFUSED"),
        ("/Return/Record[4]", "@agency", "INCONSISTENT"),
        ("/Return/Record[5]", "Address/@bfpo", "INCONSISTENT"),
        ("/Return/Record[6]", "@time", "BAD_FORMAT"),
        ("/Return/Record[7]", "event", "NominalArchived"),
        ("/Return/Record[8]", "duplicate of", "/Return/Record[7]"),
        ("/Return/Record[9]", "@ref", "DUPLICATE_CONFLICT"),
        ("/Return/Record[10]", "@type", "UNKNOWN_TYPE"),
    ]


def test_the_hostile_return_is_refused_whole() -> None:
    (outcome,) = judge_files(rmp, [SAMPLES / "bad" / "REDCAP_VISOR_20261207.xml"])
    assert isinstance(outcome, Refused)
    assert (outcome.error.field, outcome.error.reason) == ("DOCTYPE", "FORBIDDEN_CONSTRUCT")
