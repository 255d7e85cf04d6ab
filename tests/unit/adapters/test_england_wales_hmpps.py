"""HMPPS domain events (HMPPS-DE): the spec's examples, every movement and code, every rejection."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from adapters.common.events import event_id_for
from tests.unit.adapters.england_wales_builders import (
    hmpps_event,
    parse_notification,
)

EXAMPLE_RECEIVED = (
    b'{"Type":"Notification","MessageId":"3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b",'
    b'"TopicArn":"arn:aws:sns:eu-west-2:000000000000:hmpps-domain-events",\n'
    b' "Message":"{\\"eventType\\":\\"prison-offender-events.prisoner.received\\",\\"version\\":1,'
    b'\\"occurredAt\\":\\"2026-07-03T14:20:00\\",\\"additionalInformation\\":{\\"nomsNumber\\":\\"A1234BC\\",'
    b'\\"reason\\":\\"ADMISSION\\",\\"prisonId\\":\\"LEI\\",\\"nomisMovementReasonCode\\":\\"N\\"},'
    b'\\"personReference\\":{\\"identifiers\\":[{\\"type\\":\\"NOMS\\",\\"value\\":\\"A1234BC\\"}]}}",\n'
    b' "Timestamp":"2026-07-03T13:20:02.114Z","MessageAttributes":{"eventType":{"Type":"String",'
    b'"Value":"prison-offender-events.prisoner.received"}}}'
)
EXAMPLE_RELEASED = (
    b'{"Type":"Notification","MessageId":"7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",\n'
    b' "Message":"{\\"eventType\\":\\"prison-offender-events.prisoner.released\\",\\"version\\":1,'
    b'\\"occurredAt\\":\\"2026-12-01T09:00:00.123456+00:00\\",\\"additionalInformation\\":{\\"nomsNumber\\":'
    b'\\"g4821kd\\",\\"reason\\":\\"RELEASED\\",\\"prisonId\\":\\"MDI\\",\\"nomisMovementReasonCode\\":\\"CR\\",'
    b'\\"licenceEndDate\\":\\"2028-05-31\\"}}",\n'
    b' "MessageAttributes":{"eventType":{"Type":"String","Value":"prison-offender-events.prisoner.released"}}}'
)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def envelope(message_id: str, event_type: str, occurred_at: datetime) -> dict[str, Any]:
    return {
        "event_id": event_id_for(f"EAW:HMPPS-DE:{message_id}"),
        "event_type": event_type,
        "occurred_at": occurred_at,
        "source_jurisdiction": "EAW",
        "source_agency": "EAW-HMPPS-PRISON",
        "source_system": "HMPPS-DE",
        "nominal_id": None,
        "owner_agency": "EAW-HMPPS-PRISON",
        "classification": "OFFICIAL-SENSITIVE",
        "correlation_id": None,
    }


def noms(value: str) -> dict[str, Any]:
    return {"scheme": "NOMS", "value": value, "agency": None}


def test_received_on_remand_example_parses_as_the_spec_describes() -> None:
    parsed = parse_notification(EXAMPLE_RECEIVED)

    assert (parsed.locator, parsed.key, parsed.key_field) == (
        "$",
        "EAW:HMPPS-DE:3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b",
        "MessageId",
    )
    assert isinstance(parsed.result, dict)
    assert {k: v for k, v in parsed.result.items() if k != "recorded_at"} == {
        **envelope("3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b", "CustodyReceived", utc(2026, 7, 3, 13, 20)),
        "identifiers": [noms("A1234BC")],
        "payload": {"establishment": "EAW-LEI", "date": date(2026, 7, 3), "custody_reason": "REMAND"},
    }


def test_released_on_licence_example_parses_as_the_spec_describes() -> None:
    result = parse_notification(EXAMPLE_RELEASED).result

    assert isinstance(result, dict)
    assert {k: v for k, v in result.items() if k != "recorded_at"} == {
        **envelope("7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f", "CustodyReleased", utc(2026, 12, 1, 9, 0)),
        "identifiers": [noms("G4821KD")],
        "payload": {
            "date": date(2026, 12, 1),
            "release_type": "LICENCE",
            "licence_end_date": date(2028, 5, 31),
            "release_address": None,
        },
    }


def test_transfer_between_prisons_is_carried_by_the_receiving_prison() -> None:
    event = hmpps_event("TRANSFERRED", occurredAt="2026-07-20T10:05:00+01:00")

    assert event["event_type"] == "CustodyTransferred"
    assert event["occurred_at"] == utc(2026, 7, 20, 9, 5)
    assert event["payload"] == {
        "from_establishment": "EAW-LEI",
        "to_establishment": "EAW-WWI",
        "date": date(2026, 7, 20),
    }


@pytest.mark.parametrize(
    ("code", "reason"),
    [("N", "REMAND"), ("R", "REMAND"), ("I", "SENTENCED"), ("L", "RECALL"), ("INT", "TRANSFER_IN")],
)
def test_every_admission_code_maps_to_its_custody_reason(code: str, reason: str) -> None:
    assert hmpps_event("ADMISSION", info={"nomisMovementReasonCode": code})["payload"]["custody_reason"] == reason


@pytest.mark.parametrize(
    ("code", "release_type", "licence_end"),
    [
        ("CR", "LICENCE", "2028-05-31"),
        ("HD", "LICENCE", "2028-05-31"),
        ("PD", "LICENCE", "2028-05-31"),
        ("SE", "END_OF_SENTENCE", None),
        ("BL", "BAIL", None),
    ],
)
def test_every_release_code_maps_to_its_release_type(code: str, release_type: str, licence_end: str | None) -> None:
    info = {"nomisMovementReasonCode": code, "licenceEndDate": licence_end}

    payload = hmpps_event("RELEASED", info=info)["payload"]

    assert payload["release_type"] == release_type
    assert payload["licence_end_date"] == (None if licence_end is None else date.fromisoformat(licence_end))
    assert payload["release_address"] is None


def test_licence_may_end_on_the_day_of_release() -> None:
    event = hmpps_event("RELEASED", occurredAt="2026-12-01T23:30:00Z", info={"licenceEndDate": "2026-12-01"})

    assert event["payload"]["date"] == date(2026, 12, 1)
    assert event["payload"]["licence_end_date"] == date(2026, 12, 1)


@pytest.mark.parametrize(
    ("occurred", "instant", "day"),
    [
        ("2026-07-03T14:20:00Z", utc(2026, 7, 3, 14, 20), date(2026, 7, 3)),
        ("2026-07-03T23:30:00Z", utc(2026, 7, 3, 23, 30), date(2026, 7, 4)),
        ("2026-01-03T23:30:00", utc(2026, 1, 3, 23, 30), date(2026, 1, 3)),
        ("2026-07-03T14:20:00-05:30", utc(2026, 7, 3, 19, 50), date(2026, 7, 3)),
        ("2026-07-03T14:20:59.999999Z", utc(2026, 7, 3, 14, 20, 59), date(2026, 7, 3)),
        ("2026-03-29T00:59:59", utc(2026, 3, 29, 0, 59, 59), date(2026, 3, 29)),
        ("2026-03-29T02:00:00", utc(2026, 3, 29, 1, 0), date(2026, 3, 29)),
        ("2026-10-25T01:30:00", utc(2026, 10, 25, 0, 30), date(2026, 10, 25)),
        ("2026-10-25T01:30:00Z", utc(2026, 10, 25, 1, 30), date(2026, 10, 25)),
    ],
)
def test_occurred_at_with_offset_zulu_or_london_local_time(occurred: str, instant: datetime, day: date) -> None:
    event = hmpps_event("ADMISSION", occurredAt=occurred)

    assert (event["occurred_at"], event["payload"]["date"]) == (instant, day)


def test_noms_number_is_upper_cased_and_pnc_and_cro_are_added_from_the_person_reference() -> None:
    identifiers = [
        {"type": "NOMS", "value": "a1234bc"},
        {"type": "PNC", "value": "2011/482913x"},
        {"type": "CRO", "value": "048213/11B"},
        {"type": "CRN", "value": "X123456"},
        {"type": "PNC", "value": "2011/0482913X"},
    ]

    event = hmpps_event("ADMISSION", info={"nomsNumber": "a1234bc"}, personReference={"identifiers": identifiers})

    assert event["identifiers"] == [
        noms("A1234BC"),
        {"scheme": "PNC", "value": "2011/0482913X", "agency": None},
        {"scheme": "CRO", "value": "048213/11B", "agency": None},
    ]
