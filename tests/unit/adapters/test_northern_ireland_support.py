"""Building Causeway batches for the Northern Ireland adapter tests: one valid record per type, changed per test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import adapters.northern_ireland as northern_ireland
from adapters.common.errors import RecordRejected

NAMESPACE = "urn:nir:causeway:ppani-exchange:2"
SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "northern_ireland"
FILE_NAME = "CW_PPANI_202612031200.xml"
HEADER = "<BatchHeader><BatchId>CW-202612031200</BatchId><CreatedAt>2026-12-03T12:00:00Z</CreatedAt></BatchHeader>"
TRANSFER_ID = "6d2b9f0e-3c4a-4b8e-a1d2-5e6f7a8b9c0d"
INTEL_ID = "0f9e8d7c-6b5a-4493-8271-605f4e3d2c1b"
PNC = "2015/0311002Y"

# An element's content: raw XML text, a dict of child elements, a list for a repeated element, None to leave out.
Content = str | dict[str, Any] | list[Any] | None

ADDRESS: dict[str, Content] = {"Line": "12 Ormeau Road", "Town": "Belfast", "Postcode": "BT7 1NN"}
CANONICAL_ADDRESS = {"lines": ["12 Ormeau Road"], "town": "Belfast", "postcode": "BT7 1NN", "bfpo": None}
GRADING: dict[str, Content] = {"SourceEvaluation": "1", "IntelligenceAssessment": "C", "HandlingCode": "P"}
RISK: dict[str, Content] = {"OffenderType": "SEXUAL", "RiskCategory": "2", "RoSH": "HIGH"}

DETAILS: dict[str, dict[str, Content]] = {
    "Registration": {
        "FamilyName": "Ó Briain",
        "GivenNames": "Seán",
        "DateOfBirth": "1979-03-17",
        "Sex": "MALE",
        "OffenderType": "SEXUAL",
        "RiskCategory": "2",
        "LeadAgency": "PBNI",
        "Status": "COMMUNITY",
    },
    "AddressNotification": {
        "Address": ADDRESS,
        "AddressType": "HOME",
        "NotifiedOn": "2026-12-01",
        "EffectiveFrom": "2026-11-30",
    },
    "TransferRequest": {
        "TransferId": TRANSFER_ID,
        "ToAgency": "SCO-PSOS",
        "Reason": "Moving to live with his sister in Paisley.",
        "ProposedMoveDate": "2027-01-15",
        "Risk": RISK,
    },
    "TransferDecision": {"TransferId": TRANSFER_ID, "Outcome": "ACCEPTED"},
    "TransferMovement": {"TransferId": TRANSFER_ID, "Direction": "ARRIVED", "Address": ADDRESS},
    "PrisonReception": {"Establishment": "MAG", "ReceptionReason": "REMAND"},
    "PrisonTransfer": {"FromEstablishment": "MAG", "ToEstablishment": "MGL"},
    "PrisonDischarge": {"DischargeType": "DCS_LICENCE", "LicenceEndDate": "2027-07-07"},
    "PpaniReview": {"PanelRef": "LAPPP-NEWRY-2026-044", "RiskCategory": "3"},
    "IntelligenceItem": {
        "IntelId": INTEL_ID,
        "Text": "Drives a blue van.",
        "Grading": GRADING,
        "Recipient": ["SCO", "EAW-HMPPS-PROBATION"],
    },
    "ConsentDecision": {"IntelId": INTEL_ID, "IntelOwner": "PSNI", "Recipient": "SCO", "Decision": "GRANTED"},
    "IntelligenceWithdrawal": {"IntelId": INTEL_ID, "IntelOwner": "PSNI", "Reason": "Not corroborated."},
    "RecordStatus": {"Action": "ARCHIVE", "Reason": "Moved out of the jurisdiction."},
}
PRISON_DETAILS = ("PrisonReception", "PrisonTransfer", "PrisonDischarge")


def element(name: str, content: Content) -> str:
    """`<name>content</name>`; a list repeats the element, a dict nests children, None gives nothing."""
    if content is None:
        return ""
    if isinstance(content, list):
        return "".join(element(name, item) for item in content)
    if isinstance(content, dict):
        content = "".join(element(child, value) for child, value in content.items())
    return f"<{name}>{content}</{name}>"


def detail(name: str, **changes: Any) -> str:
    """The valid `name` detail element, with some children replaced (or removed by None, or added)."""
    return element(name, {**DETAILS[name], **changes})


def header_for(detail_name: str) -> dict[str, Content]:
    agency = "NIPS" if detail_name in PRISON_DETAILS else "PSNI"
    return {
        "EventRef": f"{agency}-2026-004417",
        "OriginatingAgency": agency,
        "SecurityMarking": "OFFICIAL-SENSITIVE",
        "OccurredAt": "2026-12-02T15:10:00",
        "Subject": {"PncId": PNC},
    }


def event_xml(detail_xml: str, detail_name: str = "Registration", **header: Any) -> str:
    """An `Event` holding `detail_xml`, with a valid header for that record type, some header values changed."""
    children = {**header_for(detail_name), **header}
    return "<Event>" + "".join(element(k, v) for k, v in children.items()) + detail_xml + "</Event>"


def record_xml(detail_name: str, /, header: Any = None, **changes: Any) -> str:
    return event_xml(detail(detail_name, **changes), detail_name, **(header or {}))


def batch(*events: str, header: str = HEADER, root_open: str = f'<EventBatch xmlns="{NAMESPACE}">') -> bytes:
    root_close = "</" + root_open[1:].split()[0].rstrip(">") + ">"
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + root_open + header + "".join(events) + root_close
    return text.encode("utf-8")


def parse_one(event: str) -> dict[str, Any] | RecordRejected:
    records = northern_ireland.parse(FILE_NAME, batch(event))
    assert len(records) == 1
    return records[0].result


def accepted(detail_name: str, /, header: Any = None, **changes: Any) -> dict[str, Any]:
    """The event a valid record (with the given changes) becomes; fails the test if it was rejected."""
    result = parse_one(record_xml(detail_name, header, **changes))
    assert isinstance(result, dict), result
    return result


def rejected(detail_name: str, /, header: Any = None, **changes: Any) -> tuple[str, str]:
    """The (field, reason) a record with the given changes is rejected with; fails the test if accepted."""
    result = parse_one(record_xml(detail_name, header, **changes))
    assert isinstance(result, RecordRejected), result
    return result.field, result.reason


def rejection_of(event: str) -> tuple[str, str]:
    result = parse_one(event)
    assert isinstance(result, RecordRejected), result
    return result.field, result.reason
