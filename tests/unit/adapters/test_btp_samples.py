"""The demo samples in samples/btp: valid, Windows-1252 with CRLF, one consistent cast, every record type."""

from __future__ import annotations

from pathlib import Path

from adapters import btp
from adapters.common.batch import Accepted, Rejected
from adapters.common.events import CanonicalEvent
from adapters.common.run import judge_files

SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "btp"
GOOD = sorted(SAMPLES.glob("*.txt"))
BAD = SAMPLES / "bad" / "BTPX_20261206_000417.txt"
EVERY_TYPE = SAMPLES / "BTPX_20261128_000408.txt"


def _events() -> list[CanonicalEvent]:
    outcomes = list(judge_files(btp, GOOD))
    assert all(isinstance(outcome, Accepted) for outcome in outcomes), outcomes
    return [outcome.event for outcome in outcomes if isinstance(outcome, Accepted)]


def _pnc(event: CanonicalEvent) -> str:
    value: str = event["identifiers"][0]["value"]
    return value


def test_every_sample_parses_with_no_rejection_and_no_repeat() -> None:
    assert len(GOOD) == 4
    assert len(_events()) == 25


def test_samples_are_windows_1252_with_crlf_line_ends() -> None:
    for path in GOOD:
        data = path.read_bytes()
        assert data.endswith(b"\r\n")
        assert data.count(b"\n") == data.count(b"\r\n")
    every_type = EVERY_TYPE.read_bytes()
    assert b"O\x92Rourke" in every_type  # ’ is one byte in Windows-1252, three in UTF-8
    assert b"Si\xe2n" in every_type


def test_the_every_type_sample_holds_every_record_type() -> None:
    types = {line.split(b"|", 1)[0] for line in EVERY_TYPE.read_bytes().splitlines()}
    assert types == {
        b"00",
        b"10",
        b"20",
        b"31",
        b"32",
        b"33",
        b"34",
        b"35",
        b"40",
        b"51",
        b"52",
        b"53",
        b"61",
        b"62",
        b"99",
    }


def test_samples_concern_registered_people_only() -> None:
    events = _events()
    registered = {_pnc(event) for event in events if event["event_type"] == "NominalRegistered"}
    assert len(registered) == 4
    assert {_pnc(event) for event in events} == registered


def test_sample_transfers_and_intelligence_quote_the_same_ids() -> None:
    events = _events()
    transfers: dict[str, set[str]] = {}
    for event in events:
        if event["correlation_id"] is not None:
            transfers.setdefault(event["correlation_id"], set()).add(event["event_type"])
    assert {"TransferRequested", "OffenderDeparted"} in transfers.values()
    assert {"TransferAccepted", "OffenderArrived"} in transfers.values()
    shared = {event["payload"]["intel_id"] for event in events if event["event_type"] == "IntelligenceShared"}
    withdrawn = [event for event in events if event["event_type"] == "IntelligenceWithdrawn"]
    assert withdrawn
    assert all(event["payload"]["intel_id"] in shared for event in withdrawn)
    handling = {event["payload"]["handling_code"] for event in events if event["event_type"] == "IntelligenceShared"}
    assert handling == {"P", "C"}


def test_the_bad_sample_rejects_exactly_the_faulty_records() -> None:
    outcomes = [
        (outcome.locator, outcome.event["event_type"])
        if isinstance(outcome, Accepted)
        else (outcome.locator, f"{outcome.error.field} {outcome.error.reason}")
        for outcome in judge_files(btp, [BAD])
        if isinstance(outcome, Accepted | Rejected)
    ]
    assert outcomes == [
        ("line 2", "NominalReactivated"),
        ("line 3", "rec_type UNKNOWN_TYPE"),
        ("line 4", "marking CLASSIFICATION_REFUSED"),
        ("line 5", "forenames ENCODING"),
        ("line 6", "to_agency INCONSISTENT"),
        ("line 8", "postcode BAD_FORMAT"),
        ("line 9", "event_time NONEXISTENT_LOCAL_TIME"),
    ]
