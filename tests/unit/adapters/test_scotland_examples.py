"""The spec's four examples, the demo samples and the deliberately bad samples of the SJX feed.

`samples/scotland/*.json` (the demo replays every file there, in name order, so nothing else lives there)
follow four fictional people:
- Ruairidh MacDhòmhnaill (SCRO 004512/19, PNC 2019/0118745J): registered, home address, transfer
  6d2b9f0e-… to PBNI requested and departed, intelligence with handling C, consent granted and refused.
  (The spec's example gives him PNC 2019/0123456E, which the Jersey spec gives Thérèse Le Brocq: the demo
  resolves every feed's samples together, so the Scottish samples use another number.)
- Eilidh Fraser (SCRO 023117/21, PNC 2021/0044187Y, CRO 118833/21C): registered in custody, received at
  HMP Edinburgh, moved to HMP Grampian, released on HDC licence.
- Callum Stewart (SCRO 207711/15, PNC 2015/0207711A): registered, no fixed abode, MAPPA level 2,
  intelligence with handling P later withdrawn, archived and reactivated.
- Dean Whitmore (SCRO 031290/26, PNC 1998/0311562V, CRO 054321/98H): a transfer into Scotland
  ac0736dc-… rejected, a second 4536ae52-… accepted and arrived.
An SJX feed carries only Scotland's side of a transfer: request and departure out, acceptance or
rejection and arrival in. `spec-examples/` holds the spec's examples verbatim; `bad/` every kind of outcome.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from adapters import scotland
from adapters.common.batch import Accepted, Duplicate, Outcome, Refused, Rejected
from adapters.common.events import event_id_for
from adapters.common.run import judge_files
from hub import codec
from tests.unit.adapters.test_scotland_support import outcome

SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "scotland"
EXAMPLES = SAMPLES / "spec-examples"


def _event(name: str) -> dict[str, Any]:
    result = outcome((EXAMPLES / name).read_bytes())
    assert isinstance(result, dict), str(result)
    return result


def _envelope(event: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in event.items() if k not in ("payload", "recorded_at")}


def test_registration_by_police_scotland_keeps_the_gaelic_name_and_maps_every_field() -> None:
    event = _event("nominal-registered-macdhomhnaill.json")
    assert _envelope(event) == {
        "event_id": event_id_for("SCO:SJX:0b7e3c1a-6a55-4d2f-9a3e-2f6f1c9d8e01"),
        "event_type": "NominalRegistered",
        "occurred_at": datetime(2026, 6, 14, 8, 5, tzinfo=UTC),
        "source_jurisdiction": "SCO",
        "source_agency": "SCO-PSOS",
        "source_system": "SJX",
        "nominal_id": None,
        "owner_agency": "SCO-PSOS",
        "classification": "OFFICIAL-SENSITIVE",
        "correlation_id": None,
        "identifiers": [
            {"scheme": "SCRO", "value": "004512/19", "agency": None},
            {"scheme": "PNC", "value": "2019/0123456E", "agency": None},
        ],
    }
    assert event["payload"] == {
        "family_name": "MacDh\u00f2mhnaill",
        "given_names": "Ruairidh",
        "aliases": [{"family_name": "MacDonald", "given_names": "Roddy"}],
        "date_of_birth": date(1987, 11, 2),
        "sex": "M",
        "mappa_category": 1,
        "mappa_level": 2,
        "lead_agency": "SCO-PSOS",
        "status": "COMMUNITY",
    }
    assert event["recorded_at"].tzinfo is not None


def test_reception_at_barlinnie_on_remand_truncates_the_fraction_and_lower_cases_the_key() -> None:
    records = scotland.parse("barlinnie.json", (EXAMPLES / "custody-received-barlinnie.json").read_bytes())
    assert records[0].key == "SCO:SJX:5c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e"
    assert records[0].key_field == "message_id"
    event = _event("custody-received-barlinnie.json")
    assert _envelope(event) == {
        "event_id": event_id_for("SCO:SJX:5c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e"),
        "event_type": "CustodyReceived",
        "occurred_at": datetime(2026, 1, 20, 16, 42, 10, tzinfo=UTC),
        "source_jurisdiction": "SCO",
        "source_agency": "SCO-SPS",
        "source_system": "SJX",
        "nominal_id": None,
        "owner_agency": "SCO-SPS",
        "classification": "OFFICIAL",
        "correlation_id": None,
        "identifiers": [{"scheme": "SCRO", "value": "004512/19", "agency": None}],
    }
    assert event["payload"] == {"establishment": "SCO-BAR", "date": date(2026, 1, 20), "custody_reason": "REMAND"}


def test_transfer_request_to_northern_ireland_names_both_sides_and_correlates_on_the_transfer() -> None:
    event = _event("transfer-requested-to-nir.json")
    assert _envelope(event) == {
        "event_id": event_id_for("SCO:SJX:a3f0c2d4-1111-4e8b-9c2d-7b6a5f4e3d21"),
        "event_type": "TransferRequested",
        "occurred_at": datetime(2026, 9, 1, 10, 0, tzinfo=UTC),
        "source_jurisdiction": "SCO",
        "source_agency": "SCO-PSOS",
        "source_system": "SJX",
        "nominal_id": None,
        "owner_agency": "SCO-PSOS",
        "classification": "OFFICIAL-SENSITIVE",
        "correlation_id": "6d2b9f0e-3c4a-4b8e-a1d2-5e6f7a8b9c0d",
        "identifiers": [{"scheme": "SCRO", "value": "004512/19", "agency": None}],
    }
    assert event["payload"] == {
        "transfer_id": "6d2b9f0e-3c4a-4b8e-a1d2-5e6f7a8b9c0d",
        "from_jurisdiction": "SCO",
        "from_agency": "SCO-PSOS",
        "to_jurisdiction": "NIR",
        "to_agency": "NIR-PBNI",
        "reason": "Moving to live with sister in Newry.",
        "proposed_move_date": date(2026, 10, 1),
        "risk": {"mappa_category": 1, "mappa_level": 2, "rosh": "HIGH"},
    }


def test_intelligence_share_with_conditions_grades_it_and_keeps_the_recipients() -> None:
    event = _event("intel-shared-with-conditions.json")
    assert _envelope(event) == {
        "event_id": event_id_for("SCO:SJX:c9d8e7f6-0a1b-4c2d-8e3f-405162738495"),
        "event_type": "IntelligenceShared",
        "occurred_at": datetime(2026, 11, 30, 22, 15, tzinfo=UTC),
        "source_jurisdiction": "SCO",
        "source_agency": "SCO-PSOS",
        "source_system": "SJX",
        "nominal_id": None,
        "owner_agency": "SCO-PSOS",
        "classification": "OFFICIAL-SENSITIVE",
        "correlation_id": None,
        "identifiers": [{"scheme": "SCRO", "value": "004512/19", "agency": None}],
    }
    assert event["payload"] == {
        "intel_id": "1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b",
        "text": "Seen with a known associate at Inverness station.",
        "source_evaluation": "2",
        "intelligence_assessment": "B",
        "handling_code": "C",
        "handling_conditions": "Not to be disclosed to the subject.",
        "recipients": ["EAW-F01", "NIR"],
    }


def test_every_demo_sample_parses_with_no_rejection_and_covers_every_message_type() -> None:
    paths = sorted(SAMPLES.glob("*.json"))
    outcomes = list(judge_files(scotland, paths))
    assert len(outcomes) == len(paths)
    assert all(isinstance(o, Accepted) for o in outcomes), [o for o in outcomes if not isinstance(o, Accepted)]
    seen = {o.event["event_type"] for o in outcomes if isinstance(o, Accepted)}
    assert len(seen) == 16


def test_demo_transfer_into_scotland_is_accepted_and_arrives_under_one_transfer_id() -> None:
    outcomes = [o for o in judge_files(scotland, sorted(SAMPLES.glob("*.json"))) if isinstance(o, Accepted)]
    dean = {o.event["event_type"]: o.event for o in outcomes if o.locator.endswith("-dean.json")}
    assert dean["TransferAccepted"]["correlation_id"] == dean["OffenderArrived"]["correlation_id"]
    assert dean["OffenderArrived"]["payload"]["transfer_id"] == "4536ae52-b33c-498f-a6b0-224968e12176"


def test_every_sample_event_fits_the_canonical_avro_schema_once_its_nominal_is_resolved() -> None:
    results = [scotland.parse(p.name, p.read_bytes())[0].result for p in sorted(SAMPLES.rglob("*.json"))]
    events = [r for r in results if isinstance(r, dict)]
    assert len(events) == 22 + 4 + 3  # the demo, the spec's examples, the valid messages among the bad ones
    for event in events:
        resolved = {**event, "nominal_id": "11111111-2222-4333-8444-555555555555"}
        assert codec.decode(codec.encode(resolved))["payload"] == event["payload"]


def test_every_spec_example_sample_parses_with_no_rejection() -> None:
    outcomes = list(judge_files(scotland, sorted(EXAMPLES.glob("*.json"))))
    assert len(outcomes) == 4
    assert all(isinstance(o, Accepted) for o in outcomes)


def _summary(outcome: Outcome | Refused) -> tuple[str, str]:
    if isinstance(outcome, Accepted):
        return outcome.locator, "accepted"
    if isinstance(outcome, Duplicate):
        return outcome.locator, f"duplicate_of {outcome.duplicate_of}"
    if isinstance(outcome, Rejected):
        return outcome.locator, f"{outcome.error.field} {outcome.error.reason}"
    return outcome.source, "refused"


def test_bad_samples_have_exactly_the_documented_outcomes() -> None:
    outcomes = list(judge_files(scotland, sorted((SAMPLES / "bad").glob("*.json"))))
    assert [_summary(o) for o in outcomes] == [
        ("01-mappa-changed-dean.json", "accepted"),
        ("02-mappa-changed-dean-replayed.json", "duplicate_of 01-mappa-changed-dean.json"),
        ("03-mappa-changed-dean-conflicting.json", "message_id DUPLICATE_CONFLICT"),
        ("04-custody-received-sent-by-police-scotland.json", "sending_agency INCONSISTENT"),
        ("05-intel-shared-marked-secret.json", "protective_marking CLASSIFICATION_REFUSED"),
        ("06-transfer-requested-risk-with-rosh-twice.json", "risk.rosh MALFORMED"),
        ("07-address-notified-local-time-without-offset.json", "event_timestamp BAD_FORMAT"),
        ("08-transfer-requested-to-scottish-agency.json", "to_agency INCONSISTENT"),
    ]


@pytest.mark.parametrize("name", ["barlinnie.json", "anything-else"])
def test_the_delivery_name_does_not_change_the_event(name: str) -> None:
    data = (EXAMPLES / "custody-received-barlinnie.json").read_bytes()
    first, second = scotland.parse(name, data)[0].result, scotland.parse("other", data)[0].result
    assert isinstance(first, dict)
    assert isinstance(second, dict)
    assert first["event_id"] == second["event_id"]
