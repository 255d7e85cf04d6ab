"""Northern Ireland (Causeway) adapter, by property: valid records always become events; nothing else escapes."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import adapters.northern_ireland as northern_ireland
from adapters.common.errors import FileRejected
from tests.unit.adapters.test_northern_ireland_support import (
    FILE_NAME,
    PRISON_DETAILS,
    SAMPLES,
    batch,
    element,
    parse_one,
)

LONDON = ZoneInfo("Europe/London")
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_XML_SAFE = st.characters(exclude_categories=("Cc", "Cs", "Cn"))
_LETTERS = st.characters(categories=("Lu", "Ll", "Lo"))


def _escaped(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return strategy.filter(lambda s: s.strip() != "").map(escape)


NAMES = _escaped(st.text(_LETTERS | st.sampled_from(" '’-"), min_size=1, max_size=100))
FREE_TEXT = _escaped(st.text(_XML_SAFE | st.just("\n"), min_size=1, max_size=300))
UUIDS = st.uuids().map(lambda u: str(u).upper() if u.int % 2 else str(u))
DATES = st.dates(min_value=datetime(1900, 1, 1).date(), max_value=datetime(2026, 1, 1).date()).map(str)
NI_AGENCIES = st.sampled_from(["PSNI", "NIPS", "PBNI", "NIR-PSNI", "NIR-NIPS", "NIR-PBNI"])
OTHER_AGENCIES = st.sampled_from(["SCO-PSOS", "SCO-SPS", "EAW-F01", "EAW-HMPPS-PROBATION", "JSY-SOJP", "RMP-MCTC"])
RECIPIENTS = st.sampled_from(["SCO", "EAW", "NIR", "JSY", "BTP", "RMP", "PSNI", "EAW-F63", "BTP-POLICE"])
LINES = _escaped(st.text(_LETTERS | st.sampled_from(" ,-'0123456789"), min_size=1, max_size=100))
TOWNS = _escaped(st.text(_LETTERS | st.just(" "), min_size=1, max_size=60))
POSTCODES = st.sampled_from(["BT7 1NN", "bt71nn", "BT52 1PE", "EH1 2NG", "SW1A 1AA", " g2 1aa "])
ADDRESSES = st.fixed_dictionaries(
    {"Line": st.lists(LINES, min_size=1, max_size=4), "Town": TOWNS, "Postcode": POSTCODES}
)


def _codes(*values: str) -> st.SearchStrategy[str]:
    return st.sampled_from(values)


OFFENDER_TYPES = _codes("SEXUAL", "VIOLENT", "OTHER_DANGEROUS")
RISK_CATEGORIES = _codes("1", "2", "3")

DETAIL_STRATEGIES: dict[str, st.SearchStrategy[dict[str, Any]]] = {
    "Registration": st.fixed_dictionaries(
        {
            "FamilyName": NAMES,
            "GivenNames": NAMES,
            "Alias": st.lists(st.fixed_dictionaries({"FamilyName": NAMES, "GivenNames": NAMES}), max_size=10),
            "DateOfBirth": DATES,
            "Sex": _codes("MALE", "FEMALE", "UNKNOWN"),
            "OffenderType": OFFENDER_TYPES,
            "RiskCategory": RISK_CATEGORIES,
            "LeadAgency": NI_AGENCIES,
            "Status": _codes("COMMUNITY", "CUSTODY"),
        }
    ),
    "AddressNotification": st.fixed_dictionaries(
        {
            "Address": ADDRESSES,
            "AddressType": _codes("HOME", "TEMPORARY", "NO_FIXED_ABODE"),
            "NotifiedOn": DATES,
            "EffectiveFrom": DATES,
        }
    ),
    "TransferRequest": st.fixed_dictionaries(
        {
            "TransferId": UUIDS,
            "ToAgency": OTHER_AGENCIES,
            "Reason": FREE_TEXT,
            "ProposedMoveDate": DATES,
            "Risk": st.fixed_dictionaries(
                {"OffenderType": OFFENDER_TYPES, "RiskCategory": RISK_CATEGORIES, "RoSH": _codes("LOW", "VERY_HIGH")}
            ),
        }
    ),
    "TransferDecision": st.one_of(
        st.fixed_dictionaries({"TransferId": UUIDS, "Outcome": st.just("ACCEPTED"), "Reason": st.none() | FREE_TEXT}),
        st.fixed_dictionaries(
            {
                "TransferId": UUIDS,
                "Outcome": st.just("REJECTED"),
                "RejectionReason": _codes("NoLocalConnection", "RiskNotManageable", "Other"),
                "Reason": FREE_TEXT,
            }
        ),
    ),
    "TransferMovement": st.one_of(
        st.fixed_dictionaries({"TransferId": UUIDS, "Direction": st.just("ARRIVED"), "Address": ADDRESSES}),
        st.fixed_dictionaries(
            {"TransferId": UUIDS, "Direction": st.just("DEPARTED"), "Address": st.none() | ADDRESSES}
        ),
    ),
    "PrisonReception": st.fixed_dictionaries(
        {
            "Establishment": _codes("MAG", "MGL", "HBW"),
            "ReceptionReason": _codes("REMAND", "SENTENCE", "LICENCE_RECALL", "CROSS_BORDER_TRANSFER"),
        }
    ),
    "PrisonTransfer": st.permutations(["MAG", "MGL", "HBW"]).map(
        lambda p: {"FromEstablishment": p[0], "ToEstablishment": p[1]}
    ),
    "PrisonDischarge": st.one_of(
        st.fixed_dictionaries(
            {"DischargeType": _codes("DCS_LICENCE", "ECS_LICENCE"), "LicenceEndDate": st.just("2031-01-01")}
        ),
        st.fixed_dictionaries(
            {"DischargeType": _codes("SENTENCE_EXPIRY", "BAIL"), "ReleaseAddress": st.none() | ADDRESSES}
        ),
    ),
    "PpaniReview": st.fixed_dictionaries(
        {"PanelRef": _escaped(st.text(_XML_SAFE, min_size=1, max_size=40))},
        optional={"OffenderType": OFFENDER_TYPES, "RiskCategory": RISK_CATEGORIES},
    ).filter(lambda d: len(d) > 1),
    "IntelligenceItem": st.fixed_dictionaries(
        {
            "IntelId": UUIDS,
            "Text": FREE_TEXT,
            "Grading": st.one_of(
                st.fixed_dictionaries({"HandlingCode": st.just("P")}),
                st.fixed_dictionaries({"HandlingCode": st.just("C"), "HandlingConditions": FREE_TEXT}),
            ).flatmap(
                lambda h: st.fixed_dictionaries(
                    {"SourceEvaluation": _codes("1", "2", "3"), "IntelligenceAssessment": _codes("A", "C", "E")}
                ).map(lambda g: {**g, **h})
            ),
            "Recipient": st.lists(RECIPIENTS, min_size=1, max_size=20),
        }
    ),
    "ConsentDecision": st.fixed_dictionaries(
        {
            "IntelId": UUIDS,
            "IntelOwner": NI_AGENCIES | OTHER_AGENCIES,
            "Recipient": RECIPIENTS,
            "Decision": _codes("GRANTED", "REFUSED"),
        }
    ),
    "IntelligenceWithdrawal": st.fixed_dictionaries(
        {"IntelId": UUIDS, "IntelOwner": NI_AGENCIES | OTHER_AGENCIES, "Reason": FREE_TEXT}
    ),
    "RecordStatus": st.fixed_dictionaries({"Action": _codes("ARCHIVE", "REACTIVATE"), "Reason": FREE_TEXT}),
}


def _exists_in_london(moment: datetime) -> bool:
    local = moment.replace(tzinfo=LONDON)
    return local.astimezone(UTC).astimezone(LONDON).replace(tzinfo=None) == moment


@st.composite
def occurred_at(draw: st.DrawFn) -> str:
    moment = draw(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2030, 12, 31)))
    written = moment.strftime("%Y-%m-%dT%H:%M:%S") + draw(st.sampled_from(["", ".5", ".123456"]))
    zone = draw(st.sampled_from(["", "Z", "+01:00", "-03:30"]))
    if zone == "":
        assume(_exists_in_london(moment.replace(microsecond=0)))
    return written + zone


@st.composite
def valid_records(draw: st.DrawFn) -> tuple[str, str]:
    """(event XML, the detail element's name) for a valid record of any type."""
    name = draw(st.sampled_from(sorted(DETAIL_STRATEGIES)))
    agency = "NIPS" if name in PRISON_DETAILS else draw(st.sampled_from(["PSNI", "NIPS", "PBNI"]))
    subject = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "PncId": st.just("2015/0311002Y"),
                "CroNumber": st.just("104527/09Z"),
                "NipsNumber": st.just("041187"),
            },
        ).filter(bool)
    )
    header: dict[str, Any] = {
        "EventRef": f"{agency}-{draw(st.integers(2000, 2099))}-{draw(st.integers(0, 999_999)):06d}",
        "OriginatingAgency": agency,
        "SecurityMarking": draw(st.sampled_from(["OFFICIAL", "OFFICIAL-SENSITIVE"])),
        "OccurredAt": draw(occurred_at()),
        "Subject": subject,
    }
    order = draw(st.permutations(list(header)))
    children = "".join(element(key, header[key]) for key in order)
    return f"<Event>{children}{element(name, draw(DETAIL_STRATEGIES[name]))}</Event>", name


EVENT_TYPES = {
    "Registration": {"NominalRegistered"},
    "AddressNotification": {"AddressNotified"},
    "TransferRequest": {"TransferRequested"},
    "TransferDecision": {"TransferAccepted", "TransferRejected"},
    "TransferMovement": {"OffenderArrived", "OffenderDeparted"},
    "PrisonReception": {"CustodyReceived"},
    "PrisonTransfer": {"CustodyTransferred"},
    "PrisonDischarge": {"CustodyReleased"},
    "PpaniReview": {"MappaLevelChanged"},
    "IntelligenceItem": {"IntelligenceShared"},
    "ConsentDecision": {"IntelligenceConsentDecided"},
    "IntelligenceWithdrawal": {"IntelligenceWithdrawn"},
    "RecordStatus": {"NominalArchived", "NominalReactivated"},
}


@FAST
@given(valid_records())
def test_a_generated_valid_record_always_parses_to_an_event(record: tuple[str, str]) -> None:
    xml, name = record
    event = parse_one(xml)
    assert isinstance(event, dict), event
    assert event["event_type"] in EVENT_TYPES[name]
    assert event["occurred_at"].tzinfo is not None
    assert event["occurred_at"].microsecond == 0
    assert event["occurred_at"] <= datetime(2031, 1, 1, tzinfo=UTC) + timedelta(days=1)


_VALUE = re.compile(r">([^<>]*)<")


@FAST
@given(valid_records(), st.data())
def test_any_value_replaced_by_any_text_gives_one_event_or_one_rejection(
    record: tuple[str, str], data: st.DataObject
) -> None:
    xml, _ = record
    values = list(_VALUE.finditer(xml))
    target = values[data.draw(st.integers(0, len(values) - 1))]
    replacement = data.draw(st.text(_XML_SAFE | st.sampled_from("\n\t\r"), max_size=120).map(escape))
    mutated = xml[: target.start(1)] + replacement + xml[target.end(1) :]
    records = northern_ireland.parse(FILE_NAME, batch(mutated))
    assert len(records) == 1


def _parse_or_refuse(data: bytes) -> None:
    try:
        records = northern_ireland.parse(FILE_NAME, data)
    except FileRejected:
        return
    assert isinstance(records, list)


@FAST
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise_anything_but_file_rejected(data: bytes) -> None:
    _parse_or_refuse(data)


SAMPLE_BYTES = [path.read_bytes() for path in sorted(SAMPLES.glob("*.xml"))]


@FAST
@given(
    st.sampled_from(SAMPLE_BYTES),
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 8), st.binary(max_size=8)), min_size=1, max_size=5),
)
def test_mutated_samples_never_raise_anything_but_file_rejected(
    sample: bytes, edits: list[tuple[int, int, bytes]]
) -> None:
    data = bytearray(sample)
    for position, length, replacement in edits:
        at = position % (len(data) + 1)
        data[at : at + length] = replacement
    _parse_or_refuse(bytes(data))
