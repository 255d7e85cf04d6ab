"""HMPPS domain events (HMPPS-DE): every rejection the spec states, with its reason and field path."""

from __future__ import annotations

import json
from typing import Any

import pytest

from adapters.common.events import event_id_for
from tests.unit.adapters.england_wales_builders import (
    MESSAGE_ID,
    RECEIVED,
    RELEASED,
    domain_event,
    hmpps_event,
    hmpps_rejection,
    notification,
    parse_notification,
)


def fault(data: bytes) -> tuple[str, str]:
    error = hmpps_rejection(data)
    return error.field, error.reason


@pytest.mark.parametrize(
    ("occurred", "reason"),
    [
        ("2026-03-29T01:30:00", "NONEXISTENT_LOCAL_TIME"),
        ("2026-03-29T01:00:00", "NONEXISTENT_LOCAL_TIME"),
        ("2026-02-29T10:00:00", "BAD_DATE"),
        ("2026-04-31T10:00:00Z", "BAD_DATE"),
        ("2026-07-03T24:00:00", "BAD_DATE"),
        ("2026-07-03T14:20", "BAD_FORMAT"),
        ("2026-07-03 14:20:00", "BAD_FORMAT"),
        ("03/07/2026 14:20", "BAD_FORMAT"),
        ("2026-07-03T14:20:00+25:00", "BAD_FORMAT"),
        ("٢٠٢٦-07-03T14:20:00", "BAD_FORMAT"),
        ("9999-12-31T23:00:00-05:00", "BAD_DATE"),
        ("0001-01-01T00:00:00+05:00", "BAD_DATE"),
        ("", "MISSING"),
        (None, "MISSING"),
        (1783085000, "BAD_FORMAT"),
    ],
)
def test_occurred_at_outside_the_rules(occurred: Any, reason: str) -> None:
    data = notification({**domain_event("ADMISSION"), "occurredAt": occurred})

    assert fault(data) == ("Message.occurredAt", reason)


@pytest.mark.parametrize(
    ("person", "reason"),
    [
        ({"identifiers": [{"type": "NOMS", "value": "B1234BC"}]}, "INCONSISTENT"),
        ({"identifiers": [{"type": "PNC", "value": "2011/0482913A"}]}, "BAD_FORMAT"),
        ({"identifiers": [{"type": "CRO", "value": "nonsense"}]}, "BAD_FORMAT"),
        ({"identifiers": [{"type": "PNC"}]}, "MISSING"),
        ({"identifiers": ["A1234BC"]}, "BAD_FORMAT"),
        ({"identifiers": {"type": "NOMS", "value": "A1234BC"}}, "BAD_FORMAT"),
        ({"identifiers": [{"type": 7, "value": "A1234BC"}]}, "BAD_FORMAT"),
    ],
)
def test_person_reference_identifiers_outside_the_rules(person: dict[str, Any], reason: str) -> None:
    data = notification(domain_event("ADMISSION", personReference=person))

    assert fault(data) == ("Message.personReference.identifiers", reason)


def test_a_person_reference_that_is_not_an_object_is_bad_format() -> None:
    assert fault(notification(domain_event("ADMISSION", personReference=[]))) == (
        "Message.personReference",
        "BAD_FORMAT",
    )


@pytest.mark.parametrize(
    ("reason", "info", "field", "code"),
    [
        ("ADMISSION", {"nomsNumber": None}, "nomsNumber", "MISSING"),
        ("ADMISSION", {"nomsNumber": "A1234B"}, "nomsNumber", "BAD_FORMAT"),
        ("ADMISSION", {"nomsNumber": "A12345C"}, "nomsNumber", "BAD_FORMAT"),
        ("ADMISSION", {"nomsNumber": "A١٢٣٤BC"}, "nomsNumber", "BAD_FORMAT"),
        ("ADMISSION", {"nomsNumber": "\u01311234BC"}, "nomsNumber", "BAD_FORMAT"),
        ("ADMISSION", {"reason": None}, "reason", "MISSING"),
        ("ADMISSION", {"reason": "RETURN_FROM_COURT"}, "reason", "UNKNOWN_CODE"),
        ("ADMISSION", {"reason": "TEMPORARY_ABSENCE_RETURN"}, "reason", "UNKNOWN_CODE"),
        ("ADMISSION", {"reason": "RELEASED"}, "reason", "UNKNOWN_CODE"),
        ("ADMISSION", {"reason": "admission"}, "reason", "UNKNOWN_CODE"),
        ("RELEASED", {"reason": "TRANSFERRED"}, "reason", "UNKNOWN_CODE"),
        ("RELEASED", {"reason": "ADMISSION"}, "reason", "UNKNOWN_CODE"),
        ("ADMISSION", {"prisonId": None}, "prisonId", "MISSING"),
        ("ADMISSION", {"prisonId": "OUT"}, "prisonId", "UNKNOWN_CODE"),
        ("ADMISSION", {"prisonId": "TRN"}, "prisonId", "UNKNOWN_CODE"),
        ("ADMISSION", {"prisonId": "lei"}, "prisonId", "UNKNOWN_CODE"),
        ("ADMISSION", {"prisonId": "LEED"}, "prisonId", "UNKNOWN_CODE"),
        ("ADMISSION", {"prisonId": 101}, "prisonId", "BAD_FORMAT"),
        ("RELEASED", {"prisonId": "OUT"}, "prisonId", "UNKNOWN_CODE"),
        ("ADMISSION", {"nomisMovementReasonCode": None}, "nomisMovementReasonCode", "MISSING"),
        ("ADMISSION", {"nomisMovementReasonCode": "n"}, "nomisMovementReasonCode", "UNKNOWN_CODE"),
        ("ADMISSION", {"nomisMovementReasonCode": "CR"}, "nomisMovementReasonCode", "UNKNOWN_CODE"),
        ("RELEASED", {"nomisMovementReasonCode": None}, "nomisMovementReasonCode", "MISSING"),
        ("RELEASED", {"nomisMovementReasonCode": "N"}, "nomisMovementReasonCode", "UNKNOWN_CODE"),
        ("TRANSFERRED", {"fromPrisonId": None}, "fromPrisonId", "MISSING"),
        ("TRANSFERRED", {"fromPrisonId": "TRN"}, "fromPrisonId", "UNKNOWN_CODE"),
        ("TRANSFERRED", {"fromPrisonId": "WWI"}, "fromPrisonId", "INCONSISTENT"),
        ("TRANSFERRED", {"prisonId": "OUT"}, "prisonId", "UNKNOWN_CODE"),
        ("RELEASED", {"licenceEndDate": None}, "licenceEndDate", "MISSING"),
        ("RELEASED", {"licenceEndDate": "2026-11-30"}, "licenceEndDate", "INCONSISTENT"),
        ("RELEASED", {"licenceEndDate": "31/05/2028"}, "licenceEndDate", "BAD_FORMAT"),
        ("RELEASED", {"licenceEndDate": "2028-02-30"}, "licenceEndDate", "BAD_DATE"),
        ("RELEASED", {"nomisMovementReasonCode": "SE"}, "licenceEndDate", "INCONSISTENT"),
        ("RELEASED", {"nomisMovementReasonCode": "BL"}, "licenceEndDate", "INCONSISTENT"),
    ],
)
def test_additional_information_outside_the_rules(reason: str, info: dict[str, Any], field: str, code: str) -> None:
    event = domain_event(reason, info=info)
    if reason == "RELEASED":
        event["occurredAt"] = "2026-12-01T09:00:00Z"

    assert fault(notification(event)) == (f"Message.additionalInformation.{field}", code)


def test_additional_information_that_is_not_an_object_is_bad_format() -> None:
    data = notification({**domain_event("ADMISSION"), "additionalInformation": ["A1234BC"]})

    assert fault(data) == ("Message.additionalInformation", "BAD_FORMAT")


def test_fields_a_movement_does_not_use_are_ignored() -> None:
    info = {"fromPrisonId": "nonsense", "licenceEndDate": "nonsense", "extra": {"deep": [1, 2]}}

    assert hmpps_event("ADMISSION", info=info)["payload"]["establishment"] == "EAW-LEI"


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"eventType": None}, "Message.eventType", "MISSING"),
        ({"eventType": "prison-offender-events.prisoner.merged"}, "Message.eventType", "UNKNOWN_TYPE"),
        ({"version": None}, "Message.version", "MISSING"),
        ({"version": 2}, "Message.version", "UNKNOWN_CODE"),
        ({"version": "1"}, "Message.version", "UNKNOWN_CODE"),
        ({"version": True}, "Message.version", "UNKNOWN_CODE"),
        ({"version": 1.0}, "Message.version", "UNKNOWN_CODE"),
    ],
)
def test_domain_event_type_and_version_outside_the_rules(changes: dict[str, Any], field: str, code: str) -> None:
    event = {**domain_event("ADMISSION"), **changes}
    data = notification({k: v for k, v in event.items() if v is not None})
    if changes.get("eventType") is not None:
        data = notification(event)

    assert fault(data) == (field, code)


def test_message_attribute_must_name_the_same_event_type() -> None:
    attributes = {"eventType": {"Type": "String", "Value": RELEASED}}

    assert fault(notification(domain_event("ADMISSION"), MessageAttributes=attributes)) == (
        "MessageAttributes.eventType.Value",
        "INCONSISTENT",
    )
    assert fault(notification(domain_event("ADMISSION"), MessageAttributes=None)) == (
        "MessageAttributes.eventType.Value",
        "MISSING",
    )
    assert fault(notification(domain_event("ADMISSION"), MessageAttributes={"eventType": RECEIVED})) == (
        "MessageAttributes.eventType.Value",
        "MISSING",
    )


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"Type": None}, "Type", "MISSING"),
        ({"Type": "SubscriptionConfirmation"}, "Type", "UNKNOWN_TYPE"),
        ({"MessageId": None}, "MessageId", "MISSING"),
        ({"MessageId": "not-a-uuid"}, "MessageId", "BAD_FORMAT"),
        ({"MessageId": 42}, "MessageId", "BAD_FORMAT"),
        ({"Message": None}, "Message", "MISSING"),
        ({"Message": 42}, "Message", "MALFORMED"),
        ({"Message": {"eventType": RECEIVED}}, "Message", "MALFORMED"),
    ],
)
def test_notification_envelope_outside_the_rules(changes: dict[str, Any], field: str, code: str) -> None:
    assert fault(notification(domain_event("ADMISSION"), **changes)) == (field, code)


@pytest.mark.parametrize(
    "message",
    [
        "not json",
        "[1, 2]",
        '"a string"',
        '{"eventType": "x", "eventType": "y"}',
        '{"version": NaN}',
        '{"version": Infinity}',
        '{"version": 1e999}',
        "{" * 5000,
    ],
)
def test_a_message_that_is_not_one_strict_json_object_is_malformed(message: str) -> None:
    assert fault(notification(message)) == ("Message", "MALFORMED")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"{" + b" " * 262_144 + b"}", "TOO_LARGE"),
        (b'{"Type": "Notification\xff"}', "ENCODING"),
        (b'{"Type": "Notification"', "MALFORMED"),
        (b"[" * 100_000, "MALFORMED"),
        (b"[]", "MALFORMED"),
        (b'{"Type": "Notification", "Type": "Notification"}', "MALFORMED"),
        (b'{"Type": -Infinity}', "MALFORMED"),
        (b'{"n": ' + b"9" * 5000 + b"}", "MALFORMED"),
    ],
)
def test_a_body_that_is_not_one_json_object_names_the_whole_message(data: bytes, code: str) -> None:
    assert fault(data) == ("$", code)


def test_a_body_at_the_size_limit_is_read() -> None:
    data = notification(domain_event("ADMISSION"))
    padded = data[:-1] + b" " * (262_144 - len(data)) + b"}"

    assert len(padded) == 262_144
    assert isinstance(parse_notification(padded).result, dict)


def test_a_leading_bom_and_unknown_outer_keys_are_tolerated() -> None:
    data = b"\xef\xbb\xbf" + notification(domain_event("ADMISSION"), Signature="abc", UnsubscribeURL="https://x")

    assert isinstance(parse_notification(data).result, dict)


def test_message_id_in_upper_case_gives_the_lower_case_key() -> None:
    parsed = parse_notification(notification(domain_event("ADMISSION"), MessageId=MESSAGE_ID.upper()))

    assert parsed.key == f"EAW:HMPPS-DE:{MESSAGE_ID}"
    assert isinstance(parsed.result, dict)
    assert parsed.result["event_id"] == event_id_for(f"EAW:HMPPS-DE:{MESSAGE_ID}")


def test_a_message_with_escaped_characters_is_unescaped_before_the_checks() -> None:
    message = json.dumps(domain_event("ADMISSION")).replace("LEI", "\\u004cEI")

    assert hmpps_event_from(message)["payload"]["establishment"] == "EAW-LEI"


def hmpps_event_from(message: str) -> dict[str, Any]:
    result = parse_notification(notification(message)).result
    assert isinstance(result, dict), result
    return result
