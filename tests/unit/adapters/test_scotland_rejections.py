"""Every rejection rule of the SJX spec: the native field named and the reason code given."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.adapters.test_scotland_support import (
    ABSENT,
    ADDRESS,
    event_of,
    message,
    payload_of,
    rejection_of,
)

ENVELOPE = [
    "schema_version",
    "message_id",
    "message_type",
    "sending_agency",
    "protective_marking",
    "event_timestamp",
    "scro_number",
]
REQUIRED_BY_TYPE = [
    ("nominal.registered", "family_name"),
    ("nominal.registered", "given_names"),
    ("nominal.registered", "date_of_birth"),
    ("nominal.registered", "sex"),
    ("nominal.registered", "mappa_category"),
    ("nominal.registered", "mappa_level"),
    ("nominal.registered", "lead_agency"),
    ("nominal.registered", "custody_status"),
    ("address.notified", "address"),
    ("address.notified", "address_type"),
    ("address.notified", "notified_on"),
    ("address.notified", "effective_from"),
    ("transfer.requested", "transfer_id"),
    ("transfer.requested", "to_agency"),
    ("transfer.requested", "reason"),
    ("transfer.requested", "proposed_move_date"),
    ("transfer.requested", "risk"),
    ("transfer.accepted", "transfer_id"),
    ("transfer.rejected", "transfer_id"),
    ("transfer.rejected", "rejection_reason"),
    ("transfer.rejected", "rejection_text"),
    ("offender.departed", "transfer_id"),
    ("offender.arrived", "transfer_id"),
    ("offender.arrived", "address"),
    ("custody.received", "establishment"),
    ("custody.received", "admission_type"),
    ("custody.transferred", "from_establishment"),
    ("custody.transferred", "to_establishment"),
    ("custody.released", "release_type"),
    ("mappa.changed", "meeting_ref"),
    ("intel.shared", "intel_id"),
    ("intel.shared", "intel_text"),
    ("intel.shared", "grading"),
    ("intel.shared", "recipients"),
    ("intel.consent", "intel_id"),
    ("intel.consent", "intel_owner"),
    ("intel.consent", "consent_recipient"),
    ("intel.consent", "consent"),
    ("intel.withdrawn", "intel_id"),
    ("intel.withdrawn", "intel_owner"),
    ("intel.withdrawn", "reason"),
    ("nominal.archived", "reason"),
    ("nominal.reactivated", "reason"),
]


@pytest.mark.parametrize("field", ENVELOPE)
@pytest.mark.parametrize("absent", [ABSENT, None, "   "], ids=["left-out", "null", "blank"])
def test_a_message_without_an_envelope_field_is_missing_it(field: str, absent: object) -> None:
    assert rejection_of(message("nominal.registered", **{field: absent})) == (field, "MISSING")


@pytest.mark.parametrize(("kind", "field"), REQUIRED_BY_TYPE)
def test_a_message_without_a_field_its_type_requires_is_missing_it(kind: str, field: str) -> None:
    assert rejection_of(message(kind, **{field: ABSENT})) == (field, "MISSING")


@pytest.mark.parametrize("kind", ["custody.received", "custody.transferred", "custody.released"])
def test_custody_message_from_police_scotland_is_inconsistent(kind: str) -> None:
    assert rejection_of(message(kind, sending_agency="SCO-PSOS")) == ("sending_agency", "INCONSISTENT")


@pytest.mark.parametrize("sender", ["EAW-F01", "SCO", "sco-psos", "SCO-CJSW"])
def test_sender_outside_the_two_scottish_agencies_is_unknown(sender: str) -> None:
    assert rejection_of(message(sending_agency=sender)) == ("sending_agency", "UNKNOWN_CODE")


@pytest.mark.parametrize("marking", ["SECRET", "TOP SECRET"])
def test_secret_message_is_refused_whatever_else_is_wrong_with_it(marking: str) -> None:
    bad = message("intel.shared", protective_marking=marking, message_id="not-a-uuid", intel_text=ABSENT)
    assert rejection_of(bad) == ("protective_marking", "CLASSIFICATION_REFUSED")


@pytest.mark.parametrize("marking", ["official", "RESTRICTED", "OFFICIAL SENSITIVE"])
def test_unlisted_marking_is_unknown(marking: str) -> None:
    assert rejection_of(message(protective_marking=marking)) == ("protective_marking", "UNKNOWN_CODE")


@pytest.mark.parametrize(("version", "reason"), [("1.1", "UNKNOWN_CODE"), ("2.0", "UNKNOWN_CODE"), (1.0, "BAD_FORMAT")])
def test_schema_version_other_than_1_0(version: object, reason: str) -> None:
    assert rejection_of(message(schema_version=version)) == ("schema_version", reason)


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("message_id", "0b7e3c1a6a554d2f9a3e2f6f1c9d8e01", "BAD_FORMAT"),
        ("message_id", "{0b7e3c1a-6a55-4d2f-9a3e-2f6f1c9d8e01}", "BAD_FORMAT"),
        ("scro_number", "4512-19", "BAD_FORMAT"),
        ("scro_number", "1234567/19", "BAD_FORMAT"),
        ("scro_number", "4512/2019", "BAD_FORMAT"),
        ("scro_number", "\u0664\u0665\u0661\u0662/\u0661\u0669", "BAD_FORMAT"),
        ("pnc_id", "2019/0123456F", "BAD_FORMAT"),
        ("pnc_id", "19/0123456E", "BAD_FORMAT"),
        ("cro_number", "118833/21D", "BAD_FORMAT"),
        ("cro_number", "118833/2021C", "BAD_FORMAT"),
    ],
)
def test_malformed_identifier_is_bad_format(field: str, value: str, reason: str) -> None:
    assert rejection_of(message(**{field: value})) == (field, reason)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"scro_number": "12/05"}, {"scheme": "SCRO", "value": "000012/05", "agency": None}),
        ({"pnc_id": "2019/123456e"}, {"scheme": "PNC", "value": "2019/0123456E", "agency": None}),
        ({"cro_number": "sf21/118833c"}, {"scheme": "CRO", "value": "118833/21C", "agency": None}),
        ({"cro_number": "118833/21c"}, {"scheme": "CRO", "value": "118833/21C", "agency": None}),
    ],
)
def test_identifiers_are_padded_and_upper_cased(overrides: dict[str, str], expected: dict[str, Any]) -> None:
    assert expected in event_of(message(**overrides))["identifiers"]


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        ("transfer.accepted", "transfer_id", "6d2b9f0e-3c4a-4b8e-a1d2"),
        ("intel.withdrawn", "intel_id", "1e2d3c4b5a6947889a0b1c2d3e4f5a6b"),
    ],
)
def test_malformed_uuid_is_bad_format(kind: str, field: str, value: str) -> None:
    assert rejection_of(message(kind, **{field: value})) == (field, "BAD_FORMAT")


def test_upper_case_uuids_are_written_lower_case() -> None:
    payload = payload_of(message("transfer.accepted", transfer_id="6D2B9F0E-3C4A-4B8E-A1D2-5E6F7A8B9C0D"))
    assert payload["transfer_id"] == "6d2b9f0e-3c4a-4b8e-a1d2-5e6f7a8b9c0d"


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        ("nominal.registered", "sex", "Male"),
        ("nominal.registered", "sex", "m"),
        ("nominal.registered", "custody_status", "CUSTODY"),
        ("nominal.registered", "lead_agency", "SCO-CJSW"),
        ("address.notified", "address_type", "nfa"),
        ("transfer.requested", "to_agency", "NIR-POLICE"),
        ("transfer.rejected", "rejection_reason", "nlc"),
        ("custody.received", "establishment", "bar"),
        ("custody.received", "establishment", "SCO-BAR"),
        ("custody.received", "establishment", "WWI"),
        ("custody.received", "admission_type", "REMAND"),
        ("custody.released", "release_type", "lic"),
        ("intel.consent", "consent", "GRANTED"),
        ("intel.consent", "consent_recipient", "EAW-F02"),
    ],
)
def test_unlisted_code_is_unknown_code(kind: str, field: str, value: str) -> None:
    assert rejection_of(message(kind, **{field: value})) == (field, "UNKNOWN_CODE")


@pytest.mark.parametrize("value", [0, 4, -1, 10**30])
@pytest.mark.parametrize("field", ["mappa_category", "mappa_level"])
def test_mappa_value_outside_1_to_3_is_unknown_code(field: str, value: int) -> None:
    assert rejection_of(message(**{field: value})) == (field, "UNKNOWN_CODE")


@pytest.mark.parametrize("value", ["2", 2.0, True, [2], {"level": 2}])
@pytest.mark.parametrize("field", ["mappa_category", "mappa_level"])
def test_mappa_value_of_another_json_type_is_bad_format(field: str, value: object) -> None:
    assert rejection_of(message(**{field: value})) == (field, "BAD_FORMAT")


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        ("nominal.registered", "family_name", 123),
        ("nominal.registered", "aliases", {"family_name": "X", "given_names": "Y"}),
        ("nominal.registered", "date_of_birth", 19871102),
        ("address.notified", "address", "14 Crown Street, Inverness"),
        ("transfer.requested", "risk", ["high"]),
        ("intel.shared", "recipients", "NIR"),
        ("intel.shared", "grading", "2BC"),
        ("intel.shared", "recipients", ["NIR", 7]),
        ("intel.shared", "recipients", ["NIR", None]),
    ],
)
def test_value_of_the_wrong_json_type_is_bad_format(kind: str, field: str, value: object) -> None:
    assert rejection_of(message(kind, **{field: value})) == (field, "BAD_FORMAT")


@pytest.mark.parametrize(("lead", "reason"), [("NIR-PSNI", "INCONSISTENT"), ("EAW-F01", "INCONSISTENT")])
def test_lead_agency_of_another_jurisdiction_is_inconsistent(lead: str, reason: str) -> None:
    assert rejection_of(message(lead_agency=lead)) == ("lead_agency", reason)


@pytest.mark.parametrize("to_agency", ["SCO-PSOS", "SCO-SPS"])
def test_transfer_request_to_a_scottish_agency_is_inconsistent(to_agency: str) -> None:
    assert rejection_of(message("transfer.requested", to_agency=to_agency)) == ("to_agency", "INCONSISTENT")


@pytest.mark.parametrize("key", ["mappa_category", "mappa_level", "rosh"])
def test_risk_without_one_of_its_parts_is_missing_that_part(key: str) -> None:
    risk: dict[str, Any] = {"mappa_category": 1, "mappa_level": 2, "rosh": "low"}
    del risk[key]
    assert rejection_of(message("transfer.requested", risk=risk)) == (f"risk.{key}", "MISSING")


@pytest.mark.parametrize(
    ("risk", "expected"),
    [
        ({"mappa_category": 1, "mappa_level": 2, "rosh": "HIGH"}, ("risk.rosh", "UNKNOWN_CODE")),
        ({"mappa_category": 1, "mappa_level": 4, "rosh": "high"}, ("risk.mappa_level", "UNKNOWN_CODE")),
        ({"mappa_category": "1", "mappa_level": 2, "rosh": "high"}, ("risk.mappa_category", "BAD_FORMAT")),
    ],
)
def test_bad_risk_part_is_named_by_its_key_path(risk: dict[str, Any], expected: tuple[str, str]) -> None:
    assert rejection_of(message("transfer.requested", risk=risk)) == expected


@pytest.mark.parametrize("key", ["source_evaluation", "intelligence_assessment", "handling_code"])
def test_grading_without_one_of_its_parts_is_missing_that_part(key: str) -> None:
    grading: dict[str, Any] = {"source_evaluation": 1, "intelligence_assessment": "A", "handling_code": "P"}
    del grading[key]
    assert rejection_of(message("intel.shared", grading=grading)) == (f"grading.{key}", "MISSING")


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        ("source_evaluation", 4, "UNKNOWN_CODE"),
        ("source_evaluation", 0, "UNKNOWN_CODE"),
        ("source_evaluation", "2", "BAD_FORMAT"),
        ("intelligence_assessment", "F", "UNKNOWN_CODE"),
        ("intelligence_assessment", "b", "UNKNOWN_CODE"),
        ("handling_code", "4AP", "UNKNOWN_CODE"),
        ("handling_code", "H", "UNKNOWN_CODE"),
    ],
)
def test_bad_grading_part_is_named_by_its_key_path(key: str, value: object, reason: str) -> None:
    grading: dict[str, Any] = {"source_evaluation": 1, "intelligence_assessment": "A", "handling_code": "P"}
    grading[key] = value
    assert rejection_of(message("intel.shared", grading=grading)) == (f"grading.{key}", reason)


def test_handling_code_c_without_conditions_is_missing_them() -> None:
    grading = {"source_evaluation": 2, "intelligence_assessment": "B", "handling_code": "C"}
    assert rejection_of(message("intel.shared", grading=grading)) == ("handling_conditions", "MISSING")


def test_handling_code_p_with_conditions_is_inconsistent() -> None:
    shared = message("intel.shared", handling_conditions="Police use only.")
    assert rejection_of(shared) == ("handling_conditions", "INCONSISTENT")


@pytest.mark.parametrize(
    ("recipients", "reason"),
    [([], "MISSING"), (["NIR"] * 21, "INCONSISTENT"), (["NIR", "XYZ"], "UNKNOWN_CODE"), (["  "], "MISSING")],
)
def test_recipients_are_one_to_twenty_known_codes(recipients: list[str], reason: str) -> None:
    assert rejection_of(message("intel.shared", recipients=recipients)) == ("recipients", reason)


def test_twenty_recipients_are_allowed() -> None:
    assert len(payload_of(message("intel.shared", recipients=["EAW-F01"] * 20))["recipients"]) == 20


@pytest.mark.parametrize(("release_type"), ["LIC", "HDC"])
def test_licence_release_without_an_end_date_is_missing_it(release_type: str) -> None:
    released = message("custody.released", release_type=release_type)
    assert rejection_of(released) == ("licence_end_date", "MISSING")


def test_licence_ending_before_the_release_is_inconsistent() -> None:
    released = message("custody.released", release_type="LIC", licence_end_date="2026-06-13")
    assert rejection_of(released) == ("licence_end_date", "INCONSISTENT")


def test_licence_ending_on_the_release_day_is_accepted() -> None:
    released = message("custody.released", release_type="LIC", licence_end_date="2026-06-14")
    assert str(payload_of(released)["licence_end_date"]) == "2026-06-14"


@pytest.mark.parametrize("release_type", ["EOS", "BAIL"])
def test_licence_end_date_on_a_release_without_licence_is_inconsistent(release_type: str) -> None:
    released = message("custody.released", release_type=release_type, licence_end_date="2027-01-01")
    assert rejection_of(released) == ("licence_end_date", "INCONSISTENT")


def test_custody_transfer_within_one_establishment_is_inconsistent() -> None:
    moved = message("custody.transferred", from_establishment="BAR", to_establishment="BAR")
    assert rejection_of(moved) == ("to_establishment", "INCONSISTENT")


def test_mappa_change_naming_neither_category_nor_level_is_missing() -> None:
    assert rejection_of(message("mappa.changed", mappa_level=ABSENT)) == ("mappa_category", "MISSING")


def test_offender_arrival_without_address_is_missing_it_but_departure_is_not() -> None:
    assert rejection_of(message("offender.arrived", address=ABSENT)) == ("address", "MISSING")
    assert payload_of(message("offender.departed", address=None))["address"] is None


@pytest.mark.parametrize(
    ("kind", "field", "address", "expected"),
    [
        ("address.notified", "address", {"town": "Inverness", "postcode": "IV2 3AD"}, ("address.lines", "MISSING")),
        ("address.notified", "address", {**ADDRESS, "lines": []}, ("address.lines", "MISSING")),
        (
            "address.notified",
            "address",
            {**ADDRESS, "lines": ["a", "b", "c", "d", "e"]},
            ("address.lines", "INCONSISTENT"),
        ),
        ("address.notified", "address", {**ADDRESS, "lines": ["x" * 101]}, ("address.lines", "TOO_LONG")),
        ("address.notified", "address", {**ADDRESS, "lines": ["1\n2"]}, ("address.lines", "BAD_FORMAT")),
        ("address.notified", "address", {**ADDRESS, "lines": "14 Crown Street"}, ("address.lines", "BAD_FORMAT")),
        ("address.notified", "address", {**ADDRESS, "town": None}, ("address.town", "MISSING")),
        ("address.notified", "address", {**ADDRESS, "town": "x" * 61}, ("address.town", "TOO_LONG")),
        ("address.notified", "address", {**ADDRESS, "postcode": None}, ("address.postcode", "MISSING")),
        ("address.notified", "address", {**ADDRESS, "postcode": "IV2"}, ("address.postcode", "BAD_FORMAT")),
        ("address.notified", "address", {**ADDRESS, "postcode": "123 456"}, ("address.postcode", "BAD_FORMAT")),
        ("offender.arrived", "address", {**ADDRESS, "town": " "}, ("address.town", "MISSING")),
        ("custody.released", "release_address", {**ADDRESS, "postcode": None}, ("release_address.postcode", "MISSING")),
    ],
)
def test_address_rules_name_the_key_path(
    kind: str, field: str, address: dict[str, Any], expected: tuple[str, str]
) -> None:
    assert rejection_of(message(kind, **{field: address})) == expected


def test_no_fixed_abode_without_a_town_is_missing_it() -> None:
    nfa = message("address.notified", address_type="no_fixed_abode", address={"lines": []})
    assert rejection_of(nfa) == ("address.town", "MISSING")


@pytest.mark.parametrize(
    ("written", "canonical"), [("eh12ng", "EH1 2NG"), (" ab25  2xb ", "AB25 2XB"), ("G1 1AA", "G1 1AA")]
)
def test_postcodes_are_normalised(written: str, canonical: str) -> None:
    payload = payload_of(message("address.notified", address={**ADDRESS, "postcode": written}))
    assert payload["address"]["postcode"] == canonical


@pytest.mark.parametrize(
    ("aliases", "expected"),
    [
        ([{"family_name": "X", "given_names": "Y"}] * 11, ("aliases", "TOO_LONG")),
        ([{"family_name": "MacDonald"}], ("aliases[0].given_names", "MISSING")),
        ([{"family_name": "A", "given_names": "B"}, {"given_names": "Roddy"}], ("aliases[1].family_name", "MISSING")),
        (["MacDonald"], ("aliases[0]", "BAD_FORMAT")),
        ([{"family_name": "x" * 101, "given_names": "Y"}], ("aliases[0].family_name", "TOO_LONG")),
    ],
)
def test_alias_rules(aliases: list[Any], expected: tuple[str, str]) -> None:
    assert rejection_of(message(aliases=aliases)) == expected


def test_ten_aliases_are_allowed() -> None:
    assert len(payload_of(message(aliases=[{"family_name": "X", "given_names": "Y"}] * 10))["aliases"]) == 10
