"""Properties of the SJX parser: valid messages always become events; no input makes it raise."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters import scotland
from adapters.common.errors import FileRejected, RecordRejected
from adapters.common.identifiers import check_letter
from hub import codec
from hub.domain.codes import AGENCIES, JURISDICTIONS, SPS_ESTABLISHMENTS
from tests.unit.adapters.test_scotland_support import EVENT_TYPES, TYPE_FIELDS, encode, message

LONDON = ZoneInfo("Europe/London")
FOREIGN_AGENCIES = sorted(a for a in AGENCIES if not a.startswith("SCO-"))
RECIPIENTS = sorted(AGENCIES) + list(JURISDICTIONS)
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

names = st.text(
    alphabet=st.characters(categories=["Lu", "Ll"], max_codepoint=0x24F) | st.sampled_from(" '-\u2019"),
    min_size=1,
    max_size=100,
).filter(lambda s: bool(s.strip()))
free = st.text(
    alphabet=st.characters(categories=["L", "N", "P", "Zs"], max_codepoint=0x2FFF) | st.just("\n"),
    min_size=1,
    max_size=300,
).filter(lambda s: bool(s.strip()))
days = st.dates(date(1990, 1, 1), date(2035, 12, 31)).map(date.isoformat)
uuids = st.builds(lambda u, upper: str(u).upper() if upper else str(u), st.uuids(), st.booleans())
postcodes = st.from_regex(r"[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}", fullmatch=True)
lines = st.lists(names.map(lambda s: s[:100]), min_size=1, max_size=4)
addresses = st.fixed_dictionaries({"lines": lines, "town": names.map(lambda s: s[:60]), "postcode": postcodes})
mappa = st.integers(1, 3)


@st.composite
def instants(draw: st.DrawFn) -> tuple[str, datetime]:
    moment = draw(st.datetimes(datetime(2001, 1, 1), datetime(2030, 12, 31)))
    minutes = draw(st.integers(-12 * 4, 14 * 4)) * 15
    zone = timezone(timedelta(minutes=minutes))
    local = moment.replace(tzinfo=zone)
    fraction = draw(st.sampled_from(["", ".5", ".123456789"]))
    suffix = "Z" if minutes == 0 and draw(st.booleans()) else local.strftime("%z")[:3] + ":" + local.strftime("%z")[3:]
    written = local.strftime("%Y-%m-%dT%H:%M:%S") + fraction + suffix
    return written, local.astimezone(UTC).replace(microsecond=0)


@st.composite
def subjects(draw: st.DrawFn) -> dict[str, str]:
    serial, year = draw(st.integers(1, 999_999)), draw(st.integers(0, 99))
    found = {"scro_number": f"{serial}/{year:02d}"}
    if draw(st.booleans()):
        full_year, pnc_serial = draw(st.integers(1950, 2030)), draw(st.integers(0, 9_999_999))
        digits = f"{full_year % 100:02d}{pnc_serial:07d}"
        found["pnc_id"] = f"{full_year}/{pnc_serial:07d}{check_letter(digits)}"
    return found


def _type_fields(kind: str, on: date) -> st.SearchStrategy[dict[str, Any]]:
    licence_end = st.integers(0, 900).map(lambda n: (on + timedelta(days=n)).isoformat())
    grading = st.fixed_dictionaries(
        {
            "source_evaluation": st.integers(1, 3),
            "intelligence_assessment": st.sampled_from("ABCDE"),
            "handling_code": st.sampled_from("PC"),
        }
    )
    builders: dict[str, st.SearchStrategy[dict[str, Any]]] = {
        "nominal.registered": st.fixed_dictionaries(
            {
                "family_name": names,
                "given_names": names,
                "aliases": st.lists(st.fixed_dictionaries({"family_name": names, "given_names": names}), max_size=10),
                "date_of_birth": st.dates(date(1900, 1, 1), on).map(date.isoformat),
                "sex": st.sampled_from(["male", "female", "not_known"]),
                "mappa_category": mappa,
                "mappa_level": mappa,
                "lead_agency": st.sampled_from(["SCO-PSOS", "SCO-SPS"]),
                "custody_status": st.sampled_from(["community", "custody"]),
            }
        ),
        "address.notified": st.one_of(
            st.fixed_dictionaries({"address": addresses, "address_type": st.sampled_from(["home", "temporary"])}),
            st.fixed_dictionaries(
                {
                    "address": st.fixed_dictionaries({"town": names.map(lambda s: s[:60])}),
                    "address_type": st.just("no_fixed_abode"),
                }
            ),
        ).flatmap(lambda d: st.fixed_dictionaries({"notified_on": days, "effective_from": days}).map(lambda e: d | e)),
        "transfer.requested": st.fixed_dictionaries(
            {
                "transfer_id": uuids,
                "to_agency": st.sampled_from(FOREIGN_AGENCIES),
                "reason": free,
                "proposed_move_date": days,
                "risk": st.fixed_dictionaries(
                    {
                        "mappa_category": mappa,
                        "mappa_level": mappa,
                        "rosh": st.sampled_from(["low", "medium", "high", "very_high"]),
                    }
                ),
            }
        ),
        "transfer.accepted": st.fixed_dictionaries({"transfer_id": uuids, "reason": st.none() | free}),
        "transfer.rejected": st.fixed_dictionaries(
            {
                "transfer_id": uuids,
                "rejection_reason": st.sampled_from(["NLC", "ADU", "INF", "RSK", "DUP", "OTH"]),
                "rejection_text": free,
            }
        ),
        "offender.departed": st.fixed_dictionaries({"transfer_id": uuids, "address": st.none() | addresses}),
        "offender.arrived": st.fixed_dictionaries({"transfer_id": uuids, "address": addresses}),
        "custody.received": st.fixed_dictionaries(
            {
                "establishment": st.sampled_from(SPS_ESTABLISHMENTS),
                "admission_type": st.sampled_from(["REM", "SEN", "REC", "TRF"]),
            }
        ),
        "custody.transferred": st.lists(st.sampled_from(SPS_ESTABLISHMENTS), min_size=2, max_size=2, unique=True).map(
            lambda pair: {"from_establishment": pair[0], "to_establishment": pair[1]}
        ),
        "custody.released": st.one_of(
            st.fixed_dictionaries({"release_type": st.sampled_from(["LIC", "HDC"]), "licence_end_date": licence_end}),
            st.fixed_dictionaries({"release_type": st.sampled_from(["EOS", "BAIL"])}),
        ).flatmap(lambda d: st.fixed_dictionaries({"release_address": st.none() | addresses}).map(lambda e: d | e)),
        "mappa.changed": st.fixed_dictionaries(
            {"mappa_category": st.none() | mappa, "mappa_level": mappa, "meeting_ref": names.map(lambda s: s[:40])}
        ),
        "intel.shared": grading.flatmap(
            lambda g: st.fixed_dictionaries(
                {
                    "intel_id": uuids,
                    "intel_text": free,
                    "grading": st.just(g),
                    "handling_conditions": free if g["handling_code"] == "C" else st.none(),
                    "recipients": st.lists(st.sampled_from(RECIPIENTS), min_size=1, max_size=20),
                }
            )
        ),
        "intel.consent": st.fixed_dictionaries(
            {
                "intel_id": uuids,
                "intel_owner": st.sampled_from(sorted(AGENCIES)),
                "consent_recipient": st.sampled_from(RECIPIENTS),
                "consent": st.sampled_from(["granted", "refused"]),
            }
        ),
        "intel.withdrawn": st.fixed_dictionaries(
            {"intel_id": uuids, "intel_owner": st.sampled_from(sorted(AGENCIES)), "reason": free}
        ),
        "nominal.archived": st.fixed_dictionaries({"reason": free}),
        "nominal.reactivated": st.fixed_dictionaries({"reason": free}),
    }
    return builders[kind]


@st.composite
def valid_messages(draw: st.DrawFn) -> tuple[dict[str, Any], datetime]:
    kind = draw(st.sampled_from(sorted(TYPE_FIELDS)))
    written, instant = draw(instants())
    values = message(kind)
    for key in TYPE_FIELDS[kind]:
        del values[key]
    values |= draw(subjects())
    values |= draw(_type_fields(kind, instant.astimezone(LONDON).date()))
    values["event_timestamp"] = written
    values["message_id"] = draw(uuids)
    values["protective_marking"] = draw(st.sampled_from(["OFFICIAL", "OFFICIAL-SENSITIVE"]))
    if not kind.startswith("custody."):
        values["sending_agency"] = draw(st.sampled_from(["SCO-PSOS", "SCO-SPS"]))
    return values, instant


@FAST
@given(valid_messages())
def test_generated_valid_message_always_becomes_its_event(case: tuple[dict[str, Any], datetime]) -> None:
    values, instant = case
    (record,) = scotland.parse("m", encode(values))
    assert not isinstance(record.result, RecordRejected), (str(record.result), values)
    assert record.result["event_type"] == EVENT_TYPES[values["message_type"]]
    assert record.result["occurred_at"] == instant
    assert record.key == f"SCO:SJX:{values['message_id'].lower()}"
    resolved = {**record.result, "nominal_id": "11111111-2222-4333-8444-555555555555"}
    assert codec.decode(codec.encode(resolved))["payload"] == record.result["payload"]


def _parse_never_raises(data: bytes) -> None:
    try:
        records = scotland.parse("m", data)
    except FileRejected:
        return
    assert len(records) == 1
    assert isinstance(records[0].result, (dict, RecordRejected))


@FAST
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    _parse_never_raises(data)


@FAST
@given(
    valid_messages(), st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255), st.integers(0, 2)), max_size=6)
)
def test_valid_message_with_damaged_bytes_never_raises(
    case: tuple[dict[str, Any], datetime], edits: list[tuple[int, int, int]]
) -> None:
    data = bytearray(encode(case[0]))
    for position, byte, action in edits:
        at = position % (len(data) + 1)
        if action == 0:
            data[at:at] = bytes([byte])
        elif action == 1:
            del data[at : at + 1]
        else:
            data[at : at + 1] = bytes([byte])
    _parse_never_raises(bytes(data))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=20,
)


@FAST
@given(valid_messages(), st.data())
def test_valid_message_with_any_value_swapped_or_removed_never_raises(
    case: tuple[dict[str, Any], datetime], data: st.DataObject
) -> None:
    values = dict(case[0])
    key = data.draw(st.sampled_from(sorted(values)))
    if data.draw(st.booleans()):
        values[key] = data.draw(json_values)
    else:
        del values[key]
    _parse_never_raises(json.dumps(values).encode())
