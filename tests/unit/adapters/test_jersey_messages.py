"""Every JPRS message type, and every code list, mapped to its canonical event."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from adapters.jersey import vocabulary
from adapters.jersey.messages import BUILDERS
from tests.unit.adapters.test_jersey_fixtures import INTEL_ID, TRANSFER_ID, accepted, drop, message, put

EXPECTED_TYPES = {
    "NOMINAL_REGISTRATION": "NominalRegistered",
    "ADDRESS_NOTIFICATION": "AddressNotified",
    "TRANSFER_REQUEST": "TransferRequested",
    "TRANSFER_DECISION": "TransferAccepted",
    "TRANSFER_MOVEMENT": "OffenderDeparted",
    "PRISON_RECEPTION": "CustodyReceived",
    "PRISON_TRANSFER": "CustodyTransferred",
    "PRISON_DISCHARGE": "CustodyReleased",
    "MAPPA_REVIEW": "MappaLevelChanged",
    "INTELLIGENCE_SHARE": "IntelligenceShared",
    "CONSENT_DECISION": "IntelligenceConsentDecided",
    "INTELLIGENCE_WITHDRAWAL": "IntelligenceWithdrawn",
    "RECORD_ARCHIVED": "NominalArchived",
    "RECORD_REACTIVATED": "NominalReactivated",
}
JERSEY_ADDRESS = {"lines": ["12 Great Union Road"], "town": "St Helier", "postcode": "JE2 3YB", "bfpo": None}


def test_every_message_type_of_the_spec_has_a_builder() -> None:
    assert set(BUILDERS) == set(EXPECTED_TYPES)


@pytest.mark.parametrize(("message_type", "event_type"), EXPECTED_TYPES.items())
def test_each_message_type_becomes_its_event_type(message_type: str, event_type: str) -> None:
    event = accepted(message(message_type))
    assert event["event_type"] == event_type
    assert event["occurred_at"] == datetime(2026, 12, 3, 14, 5, tzinfo=UTC)
    assert event["source_system"] == "JPRS"
    assert event["source_jurisdiction"] == "JSY"
    assert event["nominal_id"] is None
    assert event["identifiers"] == [{"scheme": "LOCAL", "value": "JP/2021/000872", "agency": "JSY-SOJP"}]


def payload_of(message_type: str, *changes: tuple[str, Any]) -> dict[str, Any]:
    msg = message(message_type)
    for path, value in changes:
        put(msg, path, value)
    payload: dict[str, Any] = accepted(msg)["payload"]
    return payload


def test_registration_with_aliases_keeps_them_in_order() -> None:
    aliases = [{"surname": "Renouf", "forenames": "Danny"}, {"surname": "Le Cornu", "forenames": " Daniel "}]
    payload = payload_of("NOMINAL_REGISTRATION", ("subject.person.aliases", aliases))
    assert payload == {
        "family_name": "Renouf",
        "given_names": "Daniel Pierre",
        "aliases": [
            {"family_name": "Renouf", "given_names": "Danny"},
            {"family_name": "Le Cornu", "given_names": "Daniel"},
        ],
        "date_of_birth": date(1991, 8, 21),
        "sex": "M",
        "mappa_category": 1,
        "mappa_level": 2,
        "lead_agency": "JSY-PROBATION",
        "status": "COMMUNITY",
    }


def test_registration_without_aliases_key_has_an_empty_alias_list() -> None:
    msg = drop(message("NOMINAL_REGISTRATION"), "subject.person.aliases")
    assert accepted(msg)["payload"]["aliases"] == []


def test_address_notification_payload() -> None:
    assert payload_of("ADDRESS_NOTIFICATION") == {
        "address": JERSEY_ADDRESS,
        "address_type": "TEMPORARY",
        "notified_on": date(2026, 11, 1),
        "effective_from": date(2026, 11, 2),
    }


def test_no_fixed_abode_in_a_parish_needs_no_lines_and_no_postcode() -> None:
    payload = payload_of(
        "ADDRESS_NOTIFICATION",
        ("details.addressType", "NO_FIXED_ABODE"),
        ("details.address", {"lines": [], "parish": "Trinity"}),
    )
    assert payload["address"] == {"lines": [], "town": "Trinity", "postcode": None, "bfpo": None}
    assert payload["address_type"] == "NFA"


def test_address_outside_jersey_uses_town_and_any_uk_postcode() -> None:
    address = {"lines": ["Flat 2", "41 Bernard Street"], "town": "Southampton", "postcode": "so143ah"}
    payload = payload_of("ADDRESS_NOTIFICATION", ("details.address", address))
    assert payload["address"] == {
        "lines": ["Flat 2", "41 Bernard Street"],
        "town": "Southampton",
        "postcode": "SO14 3AH",
        "bfpo": None,
    }


def test_transfer_request_from_probation_to_hampshire() -> None:
    event = accepted(message("TRANSFER_REQUEST"))
    assert event["correlation_id"] == TRANSFER_ID
    assert event["payload"] == {
        "transfer_id": TRANSFER_ID,
        "from_jurisdiction": "JSY",
        "from_agency": "JSY-PROBATION",
        "to_jurisdiction": "EAW",
        "to_agency": "EAW-F44",
        "reason": "Employment offered in Southampton.",
        "proposed_move_date": date(2026, 12, 1),
        "risk": {"mappa_category": 1, "mappa_level": 3, "rosh": "HIGH"},
    }


def test_transfer_id_in_upper_case_is_written_lower_case() -> None:
    event = accepted(put(message("TRANSFER_DECISION"), "details.transfer.transferId", TRANSFER_ID.upper()))
    assert event["payload"]["transfer_id"] == TRANSFER_ID
    assert event["correlation_id"] == TRANSFER_ID


def test_accepted_transfer_with_and_without_a_reason() -> None:
    assert payload_of("TRANSFER_DECISION") == {
        "transfer_id": TRANSFER_ID,
        "decided_by": "JSY-PROBATION",
        "reason": None,
    }
    with_reason = payload_of("TRANSFER_DECISION", ("details.decision.reasonText", "Address\r\nconfirmed."))
    assert with_reason["reason"] == "Address\nconfirmed."


def test_rejected_transfer_carries_code_and_text() -> None:
    decision = {"outcome": "REJECTED", "reasonCode": "RISK", "reasonText": "Risk cannot be managed locally."}
    event = accepted(put(message("TRANSFER_DECISION"), "details.decision", decision))
    assert event["event_type"] == "TransferRejected"
    assert event["correlation_id"] == TRANSFER_ID
    assert event["payload"] == {
        "transfer_id": TRANSFER_ID,
        "decided_by": "JSY-PROBATION",
        "rejection_code": "RISK_NOT_MANAGEABLE",
        "rejection_text": "Risk cannot be managed locally.",
    }


def test_departure_without_address_and_arrival_with_one() -> None:
    departed = accepted(message("TRANSFER_MOVEMENT"))
    assert departed["payload"] == {"transfer_id": TRANSFER_ID, "date": date(2026, 12, 3), "address": None}
    assert departed["correlation_id"] == TRANSFER_ID
    arrival = {
        "direction": "ARRIVED",
        "address": {"lines": ["12 Great Union Road"], "parish": "St Helier", "postcode": "JE2 3YB"},
    }
    arrived = accepted(put(message("TRANSFER_MOVEMENT"), "details.movement", arrival))
    assert arrived["event_type"] == "OffenderArrived"
    assert arrived["payload"] == {"transfer_id": TRANSFER_ID, "date": date(2026, 12, 3), "address": JERSEY_ADDRESS}


def test_movement_date_is_the_london_date_of_a_late_evening_summer_movement() -> None:
    msg = put(message("TRANSFER_MOVEMENT"), "header.occurred", {"date": "14-Jul-2026", "time": "00:30"})
    assert accepted(msg)["payload"]["date"] == date(2026, 7, 14)


def test_prison_reception_transfer_and_discharge_payloads() -> None:
    assert payload_of("PRISON_RECEPTION") == {
        "establishment": "JSY-LMY",
        "date": date(2026, 12, 3),
        "custody_reason": "SENTENCED",
    }
    assert payload_of("PRISON_TRANSFER") == {
        "from_establishment": "JSY-LMY-YOI",
        "to_establishment": "JSY-LMY",
        "date": date(2026, 12, 3),
    }
    assert payload_of("PRISON_DISCHARGE") == {
        "date": date(2026, 12, 3),
        "release_type": "END_OF_SENTENCE",
        "licence_end_date": None,
        "release_address": None,
    }


def test_release_on_licence_may_end_on_the_day_of_release() -> None:
    custody = {"releaseType": "ON_LICENCE", "licenceEndDate": "03-Dec-2026"}
    assert payload_of("PRISON_DISCHARGE", ("details.custody", custody))["licence_end_date"] == date(2026, 12, 3)


def test_prison_messages_accept_the_canonical_la_moye_code() -> None:
    event = accepted(put(message("PRISON_RECEPTION"), "header.sender.agency", "JSY-LAMOYE"))
    assert event["source_agency"] == "JSY-LAMOYE"


@pytest.mark.parametrize(
    ("mappa", "category", "level"),
    [
        ({"level": "MAPPP"}, None, 3),
        ({"category": "OTHER_DANGEROUS"}, 3, None),
        ({"category": "SEX_OFFENDER", "level": "MULTI_AGENCY"}, 1, 2),
    ],
)
def test_mappa_review_gives_category_level_or_both(
    mappa: dict[str, str], category: int | None, level: int | None
) -> None:
    assert payload_of("MAPPA_REVIEW", ("details.mappa", mappa)) == {
        "mappa_category": category,
        "mappa_level": level,
        "meeting_id": "MAPPA-JSY-2026-118",
    }


def test_intelligence_share_permitted() -> None:
    assert payload_of("INTELLIGENCE_SHARE") == {
        "intel_id": INTEL_ID,
        "text": "Seen near the ferry terminal.",
        "source_evaluation": "1",
        "intelligence_assessment": "A",
        "handling_code": "P",
        "handling_conditions": None,
        "recipients": ["EAW-F44"],
    }


def test_intelligence_share_with_conditions_and_every_kind_of_recipient() -> None:
    grading = {
        "sourceEvaluation": "NOT_RELIABLE",
        "assessment": "SUSPECTED_FALSE",
        "handling": "PERMITTED_WITH_CONDITIONS",
        "conditions": "Not to be disclosed\nto the subject.",
    }
    payload = payload_of(
        "INTELLIGENCE_SHARE",
        ("details.intelligence.grading", grading),
        ("details.intelligence.recipients", ["LA_MOYE", "NIR-PSNI", "SCO"]),
    )
    assert payload["handling_code"] == "C"
    assert payload["handling_conditions"] == "Not to be disclosed\nto the subject."
    assert (payload["source_evaluation"], payload["intelligence_assessment"]) == ("3", "E")
    assert payload["recipients"] == ["JSY-LAMOYE", "NIR-PSNI", "SCO"]


def test_twenty_recipients_are_allowed() -> None:
    recipients = ["SCO", "EAW", "NIR", "BTP", "RMP", "JSY"] + [f"EAW-F{n}" for n in ("01", "03", "04", "05", "06")] * 2
    recipients += ["SCO-PSOS", "SCO-SPS", "NIR-PBNI", "BTP-POLICE"]
    assert len(recipients) == 20
    assert payload_of("INTELLIGENCE_SHARE", ("details.intelligence.recipients", recipients))["recipients"] == recipients


def test_consent_decided_for_an_item_owned_elsewhere_is_emitted_with_that_owner() -> None:
    msg = put(message("CONSENT_DECISION"), "details.intelligence.owner", "EAW-F44")
    put(msg, "details.consent", {"recipient": "PROBATION", "outcome": "REFUSED"})
    event = accepted(msg)
    assert event["owner_agency"] == "EAW-F44"
    assert event["source_agency"] == "JSY-PROBATION"
    assert event["payload"] == {
        "intel_id": INTEL_ID,
        "recipient": "JSY-PROBATION",
        "decision": "REFUSED",
        "decided_by": "JSY-PROBATION",
    }


def test_withdrawal_is_owned_by_the_named_owner() -> None:
    event = accepted(message("INTELLIGENCE_WITHDRAWAL"))
    assert event["owner_agency"] == "JSY-SOJP"
    assert event["source_agency"] == "JSY-PROBATION"
    assert event["payload"] == {"intel_id": INTEL_ID, "reason": "Shown false."}


def test_archive_and_reactivation_carry_the_reason() -> None:
    assert payload_of("RECORD_ARCHIVED") == {"reason": "No longer managed."}
    assert payload_of("RECORD_REACTIVATED") == {"reason": "Re-arrested."}


def test_unlisted_keys_are_ignored() -> None:
    msg = put(message("RECORD_ARCHIVED"), "details.extra", {"anything": [1, 2, {"x": None}]})
    put(msg, "header.sender.userId", 4471)
    assert accepted(msg)["payload"] == {"reason": "No longer managed."}


# --- every code list -------------------------------------------------------------------------------------------


def one_code(message_type: str, path: str, native: str, canonical_path: tuple[str, ...]) -> Any:
    value: Any = accepted(put(message(message_type), path, native))
    for key in canonical_path:
        value = value[key]
    return value


@pytest.mark.parametrize(
    ("native", "canonical"), [("OFFICIAL", "OFFICIAL"), ("OFFICIAL_SENSITIVE", "OFFICIAL-SENSITIVE")]
)
def test_classification_codes_that_pass(native: str, canonical: str) -> None:
    assert one_code("RECORD_ARCHIVED", "header.classification", native, ("classification",)) == canonical


@pytest.mark.parametrize(("native", "canonical"), [*vocabulary.JERSEY_AGENCIES.items(), ("JSY-SOJP", "JSY-SOJP")])
def test_sender_agency_codes(native: str, canonical: str) -> None:
    event = accepted(put(message("RECORD_ARCHIVED"), "header.sender.agency", native))
    assert (event["source_agency"], event["owner_agency"]) == (canonical, canonical)


@pytest.mark.parametrize(
    ("native", "canonical"), [*vocabulary.JERSEY_AGENCIES.items(), ("JSY-PROBATION", "JSY-PROBATION")]
)
def test_lead_agency_codes(native: str, canonical: str) -> None:
    assert one_code("NOMINAL_REGISTRATION", "details.leadAgency", native, ("payload", "lead_agency")) == canonical


@pytest.mark.parametrize(("native", "canonical"), vocabulary.SEXES.items())
def test_gender_codes(native: str, canonical: str) -> None:
    assert one_code("NOMINAL_REGISTRATION", "subject.person.gender", native, ("payload", "sex")) == canonical


@pytest.mark.parametrize(("native", "canonical"), vocabulary.MAPPA_CATEGORIES.items())
def test_mappa_category_codes(native: str, canonical: int) -> None:
    path = ("payload", "mappa_category")
    assert one_code("NOMINAL_REGISTRATION", "details.mappa.category", native, path) == canonical
    risk = ("payload", "risk", "mappa_category")
    assert one_code("TRANSFER_REQUEST", "details.transfer.risk.mappa.category", native, risk) == canonical


@pytest.mark.parametrize(("native", "canonical"), vocabulary.MAPPA_LEVELS.items())
def test_mappa_level_codes(native: str, canonical: int) -> None:
    assert one_code("NOMINAL_REGISTRATION", "details.mappa.level", native, ("payload", "mappa_level")) == canonical
    assert one_code("MAPPA_REVIEW", "details.mappa.level", native, ("payload", "mappa_level")) == canonical


@pytest.mark.parametrize(("native", "canonical"), vocabulary.STATUSES.items())
def test_status_codes(native: str, canonical: str) -> None:
    assert one_code("NOMINAL_REGISTRATION", "details.status", native, ("payload", "status")) == canonical


@pytest.mark.parametrize("parish", vocabulary.PARISHES)
def test_every_parish_is_the_town(parish: str) -> None:
    assert one_code("ADDRESS_NOTIFICATION", "details.address.parish", parish, ("payload", "address", "town")) == parish


@pytest.mark.parametrize(("native", "canonical"), vocabulary.ADDRESS_TYPES.items())
def test_address_type_codes(native: str, canonical: str) -> None:
    assert one_code("ADDRESS_NOTIFICATION", "details.addressType", native, ("payload", "address_type")) == canonical


@pytest.mark.parametrize(("native", "canonical"), vocabulary.ROSH.items())
def test_rosh_codes(native: str, canonical: str) -> None:
    assert one_code("TRANSFER_REQUEST", "details.transfer.risk.rosh", native, ("payload", "risk", "rosh")) == canonical


@pytest.mark.parametrize(("native", "canonical"), vocabulary.REJECTION_CODES.items())
def test_rejection_reason_codes(native: str, canonical: str) -> None:
    decision = {"outcome": "REJECTED", "reasonCode": native, "reasonText": "See attached."}
    event = accepted(put(message("TRANSFER_DECISION"), "details.decision", decision))
    assert event["payload"]["rejection_code"] == canonical


@pytest.mark.parametrize(("native", "canonical"), vocabulary.ESTABLISHMENTS.items())
def test_establishment_codes(native: str, canonical: str) -> None:
    path = ("payload", "establishment")
    assert one_code("PRISON_RECEPTION", "details.custody.establishment", native, path) == canonical


@pytest.mark.parametrize(("native", "canonical"), vocabulary.RECEPTION_TYPES.items())
def test_reception_type_codes(native: str, canonical: str) -> None:
    path = ("payload", "custody_reason")
    assert one_code("PRISON_RECEPTION", "details.custody.receptionType", native, path) == canonical


@pytest.mark.parametrize(("native", "canonical"), vocabulary.RELEASE_TYPES.items())
def test_release_type_codes(native: str, canonical: str) -> None:
    custody: dict[str, str] = {"releaseType": native}
    if native == "ON_LICENCE":
        custody["licenceEndDate"] = "01-Jan-2028"
    assert payload_of("PRISON_DISCHARGE", ("details.custody", custody))["release_type"] == canonical


@pytest.mark.parametrize(("native", "canonical"), vocabulary.SOURCE_EVALUATIONS.items())
def test_source_evaluation_codes(native: str, canonical: str) -> None:
    path = ("payload", "source_evaluation")
    assert one_code("INTELLIGENCE_SHARE", "details.intelligence.grading.sourceEvaluation", native, path) == canonical


@pytest.mark.parametrize(("native", "canonical"), vocabulary.ASSESSMENTS.items())
def test_assessment_codes(native: str, canonical: str) -> None:
    path = ("payload", "intelligence_assessment")
    assert one_code("INTELLIGENCE_SHARE", "details.intelligence.grading.assessment", native, path) == canonical


@pytest.mark.parametrize(("native", "canonical"), vocabulary.CONSENT_OUTCOMES.items())
def test_consent_outcome_codes(native: str, canonical: str) -> None:
    assert one_code("CONSENT_DECISION", "details.consent.outcome", native, ("payload", "decision")) == canonical


@pytest.mark.parametrize("owner", ["SOJP", "PROBATION", "LA_MOYE", "SCO-PSOS", "EAW-HMPPS-PRISON", "RMP-MCTC"])
def test_intelligence_owner_codes(owner: str) -> None:
    canonical = vocabulary.JERSEY_AGENCIES.get(owner, owner)
    assert one_code("INTELLIGENCE_WITHDRAWAL", "details.intelligence.owner", owner, ("owner_agency",)) == canonical
