"""The rules of each message type: required members, lengths, codes and cross-field consistency."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.unit.adapters.test_jersey_fixtures import DROP, accepted, rejected, spoiled

REG = "NOMINAL_REGISTRATION"
ADDR = "ADDRESS_NOTIFICATION"
Change = tuple[str, Any]

RULES: list[tuple[str, str, list[Change], str, str]] = [
    # NOMINAL_REGISTRATION
    ("person absent", REG, [("subject.person", DROP)], "subject.person", "MISSING"),
    ("name absent", REG, [("subject.person.name", DROP)], "subject.person.name", "MISSING"),
    ("surname absent", REG, [("subject.person.name.surname", DROP)], "subject.person.name.surname", "MISSING"),
    ("surname blank", REG, [("subject.person.name.surname", " \t ")], "subject.person.name.surname", "MISSING"),
    ("forenames null", REG, [("subject.person.name.forenames", None)], "subject.person.name.forenames", "MISSING"),
    ("surname 101", REG, [("subject.person.name.surname", "L" * 101)], "subject.person.name.surname", "TOO_LONG"),
    (
        "surname line break",
        REG,
        [("subject.person.name.surname", "Le\nBrocq")],
        "subject.person.name.surname",
        "BAD_FORMAT",
    ),
    (
        "surname control",
        REG,
        [("subject.person.name.surname", "Le\x07Brocq")],
        "subject.person.name.surname",
        "BAD_FORMAT",
    ),
    ("surname number", REG, [("subject.person.name.surname", 7)], "subject.person.name.surname", "BAD_FORMAT"),
    ("aliases not array", REG, [("subject.person.aliases", {"surname": "A"})], "subject.person.aliases", "BAD_FORMAT"),
    ("alias not object", REG, [("subject.person.aliases", ["Danny"])], "subject.person.aliases", "BAD_FORMAT"),
    (
        "alias forenames absent",
        REG,
        [("subject.person.aliases", [{"surname": "Renouf", "forenames": "Danny"}, {"surname": "Le Cornu"}])],
        "subject.person.aliases.forenames",
        "MISSING",
    ),
    (
        "alias surname 101",
        REG,
        [("subject.person.aliases", [{"surname": "R" * 101, "forenames": "Danny"}])],
        "subject.person.aliases.surname",
        "TOO_LONG",
    ),
    (
        "eleven aliases",
        REG,
        [("subject.person.aliases", [{"surname": "Renouf", "forenames": f"D{i}"} for i in range(11)])],
        "subject.person.aliases",
        "TOO_LONG",
    ),
    ("dob absent", REG, [("subject.person.dateOfBirth", DROP)], "subject.person.dateOfBirth", "MISSING"),
    ("dob iso", REG, [("subject.person.dateOfBirth", "1991-08-21")], "subject.person.dateOfBirth", "BAD_FORMAT"),
    ("dob 31 Jun", REG, [("subject.person.dateOfBirth", "31-Jun-1991")], "subject.person.dateOfBirth", "BAD_DATE"),
    ("dob before 1900", REG, [("subject.person.dateOfBirth", "31-Dec-1899")], "subject.person.dateOfBirth", "BAD_DATE"),
    ("dob tomorrow", REG, [("subject.person.dateOfBirth", "04-Dec-2026")], "subject.person.dateOfBirth", "FUTURE_DATE"),
    ("gender letter", REG, [("subject.person.gender", "F")], "subject.person.gender", "UNKNOWN_CODE"),
    ("gender lower case", REG, [("subject.person.gender", "male")], "subject.person.gender", "UNKNOWN_CODE"),
    ("details absent", REG, [("details", DROP)], "details", "MISSING"),
    ("details array", REG, [("details", [])], "details", "BAD_FORMAT"),
    ("mappa absent", REG, [("details.mappa", DROP)], "details.mappa", "MISSING"),
    ("category absent", REG, [("details.mappa.category", DROP)], "details.mappa.category", "MISSING"),
    ("level absent", REG, [("details.mappa.level", DROP)], "details.mappa.level", "MISSING"),
    ("level 4", REG, [("details.mappa.level", "4")], "details.mappa.level", "UNKNOWN_CODE"),
    ("level integer", REG, [("details.mappa.level", 1)], "details.mappa.level", "BAD_FORMAT"),
    ("level boolean", REG, [("details.mappa.level", True)], "details.mappa.level", "BAD_FORMAT"),
    ("category canonical", REG, [("details.mappa.category", "1")], "details.mappa.category", "UNKNOWN_CODE"),
    ("lead absent", REG, [("details.leadAgency", DROP)], "details.leadAgency", "MISSING"),
    ("lead in Scotland", REG, [("details.leadAgency", "SCO-PSOS")], "details.leadAgency", "INCONSISTENT"),
    ("lead unknown", REG, [("details.leadAgency", "HMP_LA_MOYE")], "details.leadAgency", "UNKNOWN_CODE"),
    ("status canonical", REG, [("details.status", "COMMUNITY")], "details.status", "UNKNOWN_CODE"),
    ("status absent", REG, [("details.status", DROP)], "details.status", "MISSING"),
    # ADDRESS_NOTIFICATION
    ("address absent", ADDR, [("details.address", DROP)], "details.address", "MISSING"),
    ("parish and town", ADDR, [("details.address.town", "St Helier")], "details.address.town", "INCONSISTENT"),
    ("neither parish nor town", ADDR, [("details.address.parish", DROP)], "details.address.town", "MISSING"),
    ("Saint Helier", ADDR, [("details.address.parish", "Saint Helier")], "details.address.parish", "UNKNOWN_CODE"),
    ("St. Helier", ADDR, [("details.address.parish", "St. Helier")], "details.address.parish", "UNKNOWN_CODE"),
    ("st helier", ADDR, [("details.address.parish", "st helier")], "details.address.parish", "UNKNOWN_CODE"),
    ("parish GY postcode", ADDR, [("details.address.postcode", "GY1 2HT")], "details.address.postcode", "INCONSISTENT"),
    ("postcode shape", ADDR, [("details.address.postcode", "JE2")], "details.address.postcode", "BAD_FORMAT"),
    ("postcode absent", ADDR, [("details.address.postcode", DROP)], "details.address.postcode", "MISSING"),
    ("no lines", ADDR, [("details.address.lines", [])], "details.address.lines", "MISSING"),
    ("blank lines only", ADDR, [("details.address.lines", ["  ", ""])], "details.address.lines", "MISSING"),
    (
        "five lines",
        ADDR,
        [("details.address.lines", ["a", "b", "c", "d", "e"])],
        "details.address.lines",
        "INCONSISTENT",
    ),
    ("line 101", ADDR, [("details.address.lines", ["x" * 101])], "details.address.lines", "TOO_LONG"),
    ("line number", ADDR, [("details.address.lines", [12])], "details.address.lines", "BAD_FORMAT"),
    ("lines string", ADDR, [("details.address.lines", "12 Great Union Road")], "details.address.lines", "BAD_FORMAT"),
    (
        "town 61",
        ADDR,
        [("details.address.parish", DROP), ("details.address.town", "T" * 61)],
        "details.address.town",
        "TOO_LONG",
    ),
    (
        "nfa without town",
        ADDR,
        [("details.addressType", "NO_FIXED_ABODE"), ("details.address", {"lines": []})],
        "details.address.town",
        "MISSING",
    ),
    ("type canonical", ADDR, [("details.addressType", "HOME")], "details.addressType", "UNKNOWN_CODE"),
    ("notified absent", ADDR, [("details.notifiedOn", DROP)], "details.notifiedOn", "MISSING"),
    ("effective 31 Sep", ADDR, [("details.effectiveFrom", "31-Sep-2026")], "details.effectiveFrom", "BAD_DATE"),
    ("effective shape", ADDR, [("details.effectiveFrom", "02/11/2026")], "details.effectiveFrom", "BAD_FORMAT"),
]


@pytest.mark.parametrize(
    ("message_type", "changes", "field", "reason"), [r[1:] for r in RULES], ids=[r[0] for r in RULES]
)
def test_nominal_and_address_rules(message_type: str, changes: list[Change], field: str, reason: str) -> None:
    assert rejected(spoiled(message_type, *changes)) == (field, reason)


TRANSFER_RULES: list[tuple[str, str, list[Change], str, str]] = [
    ("transfer absent", "TRANSFER_REQUEST", [("details.transfer", DROP)], "details.transfer", "MISSING"),
    (
        "transfer id braces",
        "TRANSFER_REQUEST",
        [("details.transfer.transferId", "{0ea43e74-4de8-4d47-81b0-31527fe754f6}")],
        "details.transfer.transferId",
        "BAD_FORMAT",
    ),
    (
        "transfer id short",
        "TRANSFER_REQUEST",
        [("details.transfer.transferId", "0ea43e74")],
        "details.transfer.transferId",
        "BAD_FORMAT",
    ),
    (
        "to Jersey short",
        "TRANSFER_REQUEST",
        [("details.transfer.toAgency", "SOJP")],
        "details.transfer.toAgency",
        "INCONSISTENT",
    ),
    (
        "to Jersey canonical",
        "TRANSFER_REQUEST",
        [("details.transfer.toAgency", "JSY-PROBATION")],
        "details.transfer.toAgency",
        "INCONSISTENT",
    ),
    (
        "to unknown force",
        "TRANSFER_REQUEST",
        [("details.transfer.toAgency", "EAW-F02")],
        "details.transfer.toAgency",
        "UNKNOWN_CODE",
    ),
    (
        "to agency absent",
        "TRANSFER_REQUEST",
        [("details.transfer.toAgency", DROP)],
        "details.transfer.toAgency",
        "MISSING",
    ),
    ("reason absent", "TRANSFER_REQUEST", [("details.transfer.reason", DROP)], "details.transfer.reason", "MISSING"),
    (
        "reason 1001",
        "TRANSFER_REQUEST",
        [("details.transfer.reason", "r" * 1001)],
        "details.transfer.reason",
        "TOO_LONG",
    ),
    (
        "reason with NUL",
        "TRANSFER_REQUEST",
        [("details.transfer.reason", "a\x00b")],
        "details.transfer.reason",
        "BAD_FORMAT",
    ),
    (
        "move date absent",
        "TRANSFER_REQUEST",
        [("details.transfer.proposedMoveDate", DROP)],
        "details.transfer.proposedMoveDate",
        "MISSING",
    ),
    ("risk absent", "TRANSFER_REQUEST", [("details.transfer.risk", DROP)], "details.transfer.risk", "MISSING"),
    (
        "risk mappa absent",
        "TRANSFER_REQUEST",
        [("details.transfer.risk.mappa", DROP)],
        "details.transfer.risk.mappa",
        "MISSING",
    ),
    (
        "risk level absent",
        "TRANSFER_REQUEST",
        [("details.transfer.risk.mappa.level", DROP)],
        "details.transfer.risk.mappa.level",
        "MISSING",
    ),
    (
        "rosh canonical",
        "TRANSFER_REQUEST",
        [("details.transfer.risk.rosh", "VERY_HIGH")],
        "details.transfer.risk.rosh",
        "UNKNOWN_CODE",
    ),
    (
        "rosh lower case",
        "TRANSFER_REQUEST",
        [("details.transfer.risk.rosh", "high")],
        "details.transfer.risk.rosh",
        "UNKNOWN_CODE",
    ),
    ("decision absent", "TRANSFER_DECISION", [("details.decision", DROP)], "details.decision", "MISSING"),
    ("decision transfer absent", "TRANSFER_DECISION", [("details.transfer", DROP)], "details.transfer", "MISSING"),
    (
        "outcome unknown",
        "TRANSFER_DECISION",
        [("details.decision.outcome", "DEFERRED")],
        "details.decision.outcome",
        "UNKNOWN_CODE",
    ),
    (
        "accepted with code",
        "TRANSFER_DECISION",
        [("details.decision.reasonCode", "OTHER")],
        "details.decision.reasonCode",
        "INCONSISTENT",
    ),
    (
        "accepted reason 1001",
        "TRANSFER_DECISION",
        [("details.decision.reasonText", "r" * 1001)],
        "details.decision.reasonText",
        "TOO_LONG",
    ),
    (
        "rejected without code",
        "TRANSFER_DECISION",
        [("details.decision", {"outcome": "REJECTED", "reasonText": "No."})],
        "details.decision.reasonCode",
        "MISSING",
    ),
    (
        "rejected without text",
        "TRANSFER_DECISION",
        [("details.decision", {"outcome": "REJECTED", "reasonCode": "OTHER"})],
        "details.decision.reasonText",
        "MISSING",
    ),
    (
        "rejected canonical code",
        "TRANSFER_DECISION",
        [("details.decision", {"outcome": "REJECTED", "reasonCode": "NO_LOCAL_CONNECTION", "reasonText": "No."})],
        "details.decision.reasonCode",
        "UNKNOWN_CODE",
    ),
    ("movement absent", "TRANSFER_MOVEMENT", [("details.movement", DROP)], "details.movement", "MISSING"),
    (
        "direction unknown",
        "TRANSFER_MOVEMENT",
        [("details.movement.direction", "LEFT")],
        "details.movement.direction",
        "UNKNOWN_CODE",
    ),
    (
        "arrived without address",
        "TRANSFER_MOVEMENT",
        [("details.movement.direction", "ARRIVED")],
        "details.movement.address",
        "MISSING",
    ),
    (
        "departed bad address",
        "TRANSFER_MOVEMENT",
        [("details.movement.address", {"lines": ["1 Rue"], "parish": "St Ouen"})],
        "details.movement.address.postcode",
        "MISSING",
    ),
    (
        "movement id bad",
        "TRANSFER_MOVEMENT",
        [("details.transfer.transferId", "not-a-uuid")],
        "details.transfer.transferId",
        "BAD_FORMAT",
    ),
]


@pytest.mark.parametrize(
    ("message_type", "changes", "field", "reason"), [r[1:] for r in TRANSFER_RULES], ids=[r[0] for r in TRANSFER_RULES]
)
def test_transfer_rules(message_type: str, changes: list[Change], field: str, reason: str) -> None:
    assert rejected(spoiled(message_type, *changes)) == (field, reason)


CUSTODY_RULES: list[tuple[str, str, list[Change], str, str]] = [
    ("custody absent", "PRISON_RECEPTION", [("details.custody", DROP)], "details.custody", "MISSING"),
    (
        "establishment canonical",
        "PRISON_RECEPTION",
        [("details.custody.establishment", "JSY-LMY")],
        "details.custody.establishment",
        "UNKNOWN_CODE",
    ),
    (
        "establishment lower",
        "PRISON_RECEPTION",
        [("details.custody.establishment", "lmy")],
        "details.custody.establishment",
        "UNKNOWN_CODE",
    ),
    (
        "reception canonical",
        "PRISON_RECEPTION",
        [("details.custody.receptionType", "REMAND")],
        "details.custody.receptionType",
        "UNKNOWN_CODE",
    ),
    (
        "reception absent",
        "PRISON_RECEPTION",
        [("details.custody.receptionType", DROP)],
        "details.custody.receptionType",
        "MISSING",
    ),
    (
        "transfer same unit",
        "PRISON_TRANSFER",
        [("details.custody.toEstablishment", "LMY-YOI")],
        "details.custody.toEstablishment",
        "INCONSISTENT",
    ),
    (
        "transfer from absent",
        "PRISON_TRANSFER",
        [("details.custody.fromEstablishment", DROP)],
        "details.custody.fromEstablishment",
        "MISSING",
    ),
    (
        "release unknown",
        "PRISON_DISCHARGE",
        [("details.custody.releaseType", "LICENCE")],
        "details.custody.releaseType",
        "UNKNOWN_CODE",
    ),
    (
        "licence without end",
        "PRISON_DISCHARGE",
        [("details.custody.releaseType", "ON_LICENCE")],
        "details.custody.licenceEndDate",
        "MISSING",
    ),
    (
        "licence ends before",
        "PRISON_DISCHARGE",
        [("details.custody", {"releaseType": "ON_LICENCE", "licenceEndDate": "02-Dec-2026"})],
        "details.custody.licenceEndDate",
        "INCONSISTENT",
    ),
    (
        "licence end impossible",
        "PRISON_DISCHARGE",
        [("details.custody", {"releaseType": "ON_LICENCE", "licenceEndDate": "29-Feb-2027"})],
        "details.custody.licenceEndDate",
        "BAD_DATE",
    ),
    (
        "bail with licence end",
        "PRISON_DISCHARGE",
        [("details.custody", {"releaseType": "BAILED", "licenceEndDate": "01-Jan-2028"})],
        "details.custody.licenceEndDate",
        "INCONSISTENT",
    ),
    (
        "release address both",
        "PRISON_DISCHARGE",
        [
            (
                "details.custody.releaseAddress",
                {"lines": ["1 Rue"], "parish": "St Ouen", "town": "St Ouen", "postcode": "JE3 2AB"},
            )
        ],
        "details.custody.releaseAddress.town",
        "INCONSISTENT",
    ),
    (
        "release address type",
        "PRISON_DISCHARGE",
        [("details.custody.releaseAddress", ["1 Rue"])],
        "details.custody.releaseAddress",
        "BAD_FORMAT",
    ),
    ("review ref absent", "MAPPA_REVIEW", [("details.meetingRef", DROP)], "details.meetingRef", "MISSING"),
    ("review ref 41", "MAPPA_REVIEW", [("details.meetingRef", "M" * 41)], "details.meetingRef", "TOO_LONG"),
    ("review mappa absent", "MAPPA_REVIEW", [("details.mappa", DROP)], "details.mappa", "MISSING"),
    ("review mappa empty", "MAPPA_REVIEW", [("details.mappa", {})], "details.mappa", "MISSING"),
    (
        "review mappa nulls",
        "MAPPA_REVIEW",
        [("details.mappa", {"category": None, "level": None})],
        "details.mappa",
        "MISSING",
    ),
    ("review level 4", "MAPPA_REVIEW", [("details.mappa.level", "LEVEL_4")], "details.mappa.level", "UNKNOWN_CODE"),
    ("archive reason absent", "RECORD_ARCHIVED", [("details.reason", DROP)], "details.reason", "MISSING"),
    ("archive reason 1001", "RECORD_ARCHIVED", [("details.reason", "r" * 1001)], "details.reason", "TOO_LONG"),
    ("reactivate reason null", "RECORD_REACTIVATED", [("details.reason", None)], "details.reason", "MISSING"),
    ("reactivate details absent", "RECORD_REACTIVATED", [("details", DROP)], "details", "MISSING"),
]


@pytest.mark.parametrize(
    ("message_type", "changes", "field", "reason"), [r[1:] for r in CUSTODY_RULES], ids=[r[0] for r in CUSTODY_RULES]
)
def test_custody_mappa_and_archive_rules(message_type: str, changes: list[Change], field: str, reason: str) -> None:
    assert rejected(spoiled(message_type, *changes)) == (field, reason)


@pytest.mark.parametrize("message_type", ["PRISON_RECEPTION", "PRISON_TRANSFER", "PRISON_DISCHARGE"])
@pytest.mark.parametrize("sender", ["SOJP", "PROBATION", "JSY-SOJP"])
def test_prison_message_not_from_la_moye_is_inconsistent(message_type: str, sender: str) -> None:
    msg = spoiled(message_type, ("header.sender.agency", sender))
    assert rejected(msg) == ("header.sender.agency", "INCONSISTENT")


SHARE = "INTELLIGENCE_SHARE"
GRADING = "details.intelligence.grading"
INTEL_RULES: list[tuple[str, str, list[Change], str, str]] = [
    ("intelligence absent", SHARE, [("details.intelligence", DROP)], "details.intelligence", "MISSING"),
    ("intel id absent", SHARE, [("details.intelligence.intelId", DROP)], "details.intelligence.intelId", "MISSING"),
    (
        "intel id bad",
        SHARE,
        [("details.intelligence.intelId", "9b8a7c6d-5e4f-4a3b-9c2d")],
        "details.intelligence.intelId",
        "BAD_FORMAT",
    ),
    ("text absent", SHARE, [("details.intelligence.text", DROP)], "details.intelligence.text", "MISSING"),
    ("text 4001", SHARE, [("details.intelligence.text", "t" * 4001)], "details.intelligence.text", "TOO_LONG"),
    ("text with tab", SHARE, [("details.intelligence.text", "a\tb")], "details.intelligence.text", "BAD_FORMAT"),
    ("grading absent", SHARE, [(GRADING, DROP)], GRADING, "MISSING"),
    (
        "evaluation canonical",
        SHARE,
        [(f"{GRADING}.sourceEvaluation", "1")],
        f"{GRADING}.sourceEvaluation",
        "UNKNOWN_CODE",
    ),
    ("assessment canonical", SHARE, [(f"{GRADING}.assessment", "A")], f"{GRADING}.assessment", "UNKNOWN_CODE"),
    ("handling absent", SHARE, [(f"{GRADING}.handling", DROP)], f"{GRADING}.handling", "MISSING"),
    ("handling canonical", SHARE, [(f"{GRADING}.handling", "P")], f"{GRADING}.handling", "UNKNOWN_CODE"),
    ("conditions without C", SHARE, [(f"{GRADING}.conditions", "Ask first.")], f"{GRADING}.conditions", "INCONSISTENT"),
    (
        "C without conditions",
        SHARE,
        [(f"{GRADING}.handling", "PERMITTED_WITH_CONDITIONS")],
        f"{GRADING}.conditions",
        "MISSING",
    ),
    (
        "conditions 501",
        SHARE,
        [(f"{GRADING}.handling", "PERMITTED_WITH_CONDITIONS"), (f"{GRADING}.conditions", "c" * 501)],
        f"{GRADING}.conditions",
        "TOO_LONG",
    ),
    (
        "recipients absent",
        SHARE,
        [("details.intelligence.recipients", DROP)],
        "details.intelligence.recipients",
        "MISSING",
    ),
    (
        "recipients empty",
        SHARE,
        [("details.intelligence.recipients", [])],
        "details.intelligence.recipients",
        "MISSING",
    ),
    (
        "recipients string",
        SHARE,
        [("details.intelligence.recipients", "EAW")],
        "details.intelligence.recipients",
        "BAD_FORMAT",
    ),
    (
        "recipient number",
        SHARE,
        [("details.intelligence.recipients", [44])],
        "details.intelligence.recipients",
        "BAD_FORMAT",
    ),
    (
        "recipient blank",
        SHARE,
        [("details.intelligence.recipients", ["EAW", " "])],
        "details.intelligence.recipients",
        "MISSING",
    ),
    (
        "recipient unknown",
        SHARE,
        [("details.intelligence.recipients", ["GSY"])],
        "details.intelligence.recipients",
        "UNKNOWN_CODE",
    ),
    (
        "21 recipients",
        SHARE,
        [("details.intelligence.recipients", ["EAW"] * 21)],
        "details.intelligence.recipients",
        "INCONSISTENT",
    ),
    (
        "consent owner absent",
        "CONSENT_DECISION",
        [("details.intelligence.owner", DROP)],
        "details.intelligence.owner",
        "MISSING",
    ),
    (
        "consent owner unknown",
        "CONSENT_DECISION",
        [("details.intelligence.owner", "NCA")],
        "details.intelligence.owner",
        "UNKNOWN_CODE",
    ),
    ("consent absent", "CONSENT_DECISION", [("details.consent", DROP)], "details.consent", "MISSING"),
    (
        "consent recipient unknown",
        "CONSENT_DECISION",
        [("details.consent.recipient", "EAW-F99")],
        "details.consent.recipient",
        "UNKNOWN_CODE",
    ),
    (
        "consent outcome unknown",
        "CONSENT_DECISION",
        [("details.consent.outcome", "YES")],
        "details.consent.outcome",
        "UNKNOWN_CODE",
    ),
    (
        "consent intel id bad",
        "CONSENT_DECISION",
        [("details.intelligence.intelId", "x")],
        "details.intelligence.intelId",
        "BAD_FORMAT",
    ),
    (
        "withdrawal owner absent",
        "INTELLIGENCE_WITHDRAWAL",
        [("details.intelligence.owner", DROP)],
        "details.intelligence.owner",
        "MISSING",
    ),
    ("withdrawal reason absent", "INTELLIGENCE_WITHDRAWAL", [("details.reason", DROP)], "details.reason", "MISSING"),
    (
        "withdrawal intelligence absent",
        "INTELLIGENCE_WITHDRAWAL",
        [("details.intelligence", DROP)],
        "details.intelligence",
        "MISSING",
    ),
]


@pytest.mark.parametrize(
    ("message_type", "changes", "field", "reason"), [r[1:] for r in INTEL_RULES], ids=[r[0] for r in INTEL_RULES]
)
def test_intelligence_rules(message_type: str, changes: list[Change], field: str, reason: str) -> None:
    assert rejected(spoiled(message_type, *changes)) == (field, reason)


# --- boundaries that pass --------------------------------------------------------------------------------------


def test_dob_of_1_january_1900_is_accepted() -> None:
    event = accepted(spoiled(REG, ("subject.person.dateOfBirth", "01-Jan-1900")))
    assert event["payload"]["date_of_birth"] == date(1900, 1, 1)


def test_dob_on_the_london_date_of_a_message_sent_just_after_midnight_in_summer_is_not_future() -> None:
    msg = spoiled(
        REG,
        ("header.occurred", {"date": "14-Jul-2026", "time": "00:30"}),
        ("subject.person.dateOfBirth", "14-Jul-2026"),
    )
    assert accepted(msg)["payload"]["date_of_birth"] == date(2026, 7, 14)


def test_longest_values_allowed_are_accepted() -> None:
    msg = spoiled(
        REG,
        ("subject.person.name.surname", "L" * 100),
        ("subject.person.aliases", [{"surname": "A", "forenames": "B"}] * 10),
    )
    assert len(accepted(msg)["payload"]["aliases"]) == 10
    assert accepted(spoiled("MAPPA_REVIEW", ("details.meetingRef", "M" * 40)))["payload"]["meeting_id"] == "M" * 40
    assert len(accepted(spoiled("RECORD_ARCHIVED", ("details.reason", "r" * 1000)))["payload"]["reason"]) == 1000
    text = accepted(spoiled(SHARE, ("details.intelligence.text", "t" * 4000)))["payload"]["text"]
    assert len(text) == 4000
    town = accepted(spoiled(ADDR, ("details.address.parish", DROP), ("details.address.town", "T" * 60)))
    assert town["payload"]["address"]["town"] == "T" * 60


def test_names_are_trimmed_and_nfc_normalised_but_otherwise_kept() -> None:
    msg = spoiled(
        REG, ("subject.person.name", {"surname": "  O\u2019Neill-Le Brocq ", "forenames": "The\u0301re\u0300se"})
    )
    payload = accepted(msg)["payload"]
    assert payload["family_name"] == "O\u2019Neill-Le Brocq"
    assert payload["given_names"] == "Thérèse"


def test_blank_address_lines_are_dropped() -> None:
    event = accepted(spoiled(ADDR, ("details.address.lines", ["  ", "12 Great Union Road", ""])))
    assert event["payload"]["address"]["lines"] == ["12 Great Union Road"]
