"""Properties of the RMP adapter: generated valid records always parse; hostile bytes only ever refuse the file."""

from __future__ import annotations

import contextlib
import unicodedata
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from uuid import UUID

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import adapters.rmp as rmp
from adapters.common.batch import ParsedRecord
from adapters.common.errors import FileRejected, RecordRejected
from adapters.common.timing import london_date
from tests.unit.adapters.test_rmp_helpers import VALID, Rec, document

SAMPLES = sorted((Path(__file__).parents[3] / "samples" / "rmp").rglob("*.xml"))
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NAMES = st.text(st.characters(categories=("Lu", "Ll")), min_size=1, max_size=100)
INSTANTS = st.datetimes(datetime(2000, 1, 1), datetime(2035, 12, 31, 23, 59)).map(
    lambda moment: moment.replace(second=0, microsecond=0, tzinfo=UTC)
)
SERVICE_NUMBERS = st.from_regex(r"[0-9]{6}|[0-9]{8}|[A-Z][0-9]{6}[A-Z]?", fullmatch=True)
RECIPIENT_CODES = st.sampled_from(["SCO", "EAW", "NIR", "JSY", "BTP", "RMP", "MCTC", "EAW-F20", "NIR-PSNI", "SCO-SPS"])
# Characters XML 1.0 can carry, escaped or not.
XML_TEXT = st.text(
    st.characters(codec="utf-8").filter(lambda ch: ch in "\t\n\r" or (ord(ch) >= 0x20 and ch not in "\ufffe\uffff")),
    max_size=60,
)


def only_records(records: list[ParsedRecord]) -> None:
    for record in records:
        assert isinstance(record.result, (dict, RecordRejected))


def written_guid(value: UUID, upper: bool, braces: bool) -> str:
    text = str(value).upper() if upper else str(value)
    return "{" + text + "}" if braces else text


@st.composite
def registrations(draw: st.DrawFn) -> tuple[Rec, dict[str, object]]:
    moment = draw(INSTANTS)
    born = draw(st.dates(date(1900, 1, 1), london_date(moment)))
    family, given_names = draw(NAMES), draw(NAMES)
    service = draw(st.sampled_from(["ARMY", "RN", "RM", "RAF"]))
    number = draw(SERVICE_NUMBERS)
    record = Rec(
        "REG",
        {"family": family, "given": given_names, "dob": born.strftime("%Y%m%d"), "sex": draw(st.sampled_from("MFU"))}
        | {"mappaCategory": str(draw(st.integers(1, 3))), "mappaLevel": str(draw(st.integers(1, 3)))}
        | {"leadAgency": draw(st.sampled_from(["RMP", "MCTC"])), "status": draw(st.sampled_from(["COMM", "CUST"]))},
        record={"date": moment.strftime("%Y%m%d"), "time": moment.strftime("%H%MZ")},
        subject={"service": service, "serviceNo": number},
    )
    expected = {
        "occurred_at": moment,
        "family_name": unicodedata.normalize("NFC", family),
        "given_names": unicodedata.normalize("NFC", given_names),
        "date_of_birth": born,
        "service_no": f"{service}/{number}",
    }
    return record, expected


@FAST
@given(registrations())
def test_generated_registration_always_parses_to_its_event(case: tuple[Rec, dict[str, object]]) -> None:
    record, expected = case
    (parsed,) = rmp.parse("x.xml", document(record))
    assert not isinstance(parsed.result, RecordRejected), parsed.result
    event = parsed.result
    assert event["occurred_at"] == expected["occurred_at"]
    assert event["identifiers"][0]["value"] == expected["service_no"]
    for name in ("family_name", "given_names", "date_of_birth"):
        assert event["payload"][name] == expected[name]


@FAST
@given(
    record_type=st.sampled_from(sorted(VALID)),
    moment=INSTANTS,
    ref=st.from_regex(r"RMP[0-9]{2}-[0-9]{6}", fullmatch=True),
    guid=st.uuids(),
    upper=st.booleans(),
    braces=st.booleans(),
)
def test_every_generated_record_type_parses(
    record_type: str, moment: datetime, ref: str, guid: UUID, upper: bool, braces: bool
) -> None:
    record = VALID[record_type].with_record(ref=ref, date=moment.strftime("%Y%m%d"), time=moment.strftime("%H%MZ"))
    if "transferId" in record.detail:
        record = record.with_detail(transferId=written_guid(guid, upper, braces))
    if "intelId" in record.detail:
        record = record.with_detail(intelId=written_guid(guid, upper, braces))
    if record_type == "REG":
        record = record.with_detail(dob="19000101")
    (parsed,) = rmp.parse("x.xml", document(record))
    assert not isinstance(parsed.result, RecordRejected), parsed.result
    assert parsed.key == f"RMP:REDCAP:{ref}"
    assert parsed.result["occurred_at"] == moment
    if record_type.startswith(("CUS-", "TFR-DEP", "TFR-ARR")):
        assert parsed.result["payload"]["date"] == london_date(moment)


@FAST
@given(codes=st.lists(RECIPIENT_CODES, min_size=1, max_size=20), text=st.text(min_size=1, max_size=300))
def test_generated_intelligence_keeps_its_recipients_and_text(codes: list[str], text: str) -> None:
    cleaned = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs", "Zl", "Zp"))
    cleaned = cleaned.replace("\ufffe", "").replace("\uffff", "")
    expected_text = unicodedata.normalize("NFC", cleaned.strip())
    record = VALID["INT-SHR"].with_detail(recipients=" ".join(codes)).with_child("Text", content=cleaned)
    (parsed,) = rmp.parse("x.xml", document(record))
    if not expected_text:
        assert isinstance(parsed.result, RecordRejected)
        return
    assert not isinstance(parsed.result, RecordRejected), parsed.result
    canonical = ["RMP-MCTC" if code == "MCTC" else code for code in codes]
    assert parsed.result["payload"]["recipients"] == canonical
    assert parsed.result["payload"]["text"] == expected_text


@FAST
@given(
    record_type=st.sampled_from(sorted(VALID)),
    part=st.sampled_from(["record", "detail", "subject"]),
    name=st.sampled_from(
        [
            "ref",
            "type",
            "agency",
            "marking",
            "date",
            "time",
            "service",
            "serviceNo",
            "pnc",
            "cro",
            "dob",
            "family",
            "transferId",
            "intelId",
            "recipients",
            "toAgency",
            "establishment",
            "meetingRef",
            "owner",
            "mappaLevel",
        ]
    ),
    value=XML_TEXT,
)
def test_any_attribute_value_gives_an_event_or_a_record_rejection(
    record_type: str, part: str, name: str, value: str
) -> None:
    record = VALID[record_type]
    changed = {"record": record.with_record, "detail": record.with_detail, "subject": record.with_subject}[part]
    records = rmp.parse("x.xml", document(changed(**{name: value})))
    assert len(records) == 1
    only_records(records)


@FAST
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_only_ever_refuse_the_file(data: bytes) -> None:
    with contextlib.suppress(FileRejected):
        only_records(rmp.parse("x.xml", data))


@st.composite
def mutated_samples(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SAMPLES)).read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["flip", "delete", "insert", "repeat"]))
        if action == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=20))
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 80))]
    return bytes(data)


@settings(max_examples=300, deadline=None)
@given(mutated_samples())
def test_mutated_samples_only_ever_refuse_the_file(data: bytes) -> None:
    with contextlib.suppress(FileRejected):
        only_records(rmp.parse("x.xml", data))


@FAST
@given(st.lists(st.sampled_from(sorted(VALID)), max_size=30))
def test_locators_count_records_in_order(types: list[str]) -> None:
    records = rmp.parse("x.xml", document(*(VALID[t] for t in types)))
    assert [r.locator for r in records] == [f"/Return/Record[{i}]" for i in range(1, len(types) + 1)]


def test_duration_of_a_large_return_is_reasonable() -> None:
    started = datetime.now(UTC)
    many = [VALID["INT-SHR"].with_record(ref=f"RMP26-{n:06d}") for n in range(1000)]
    records = rmp.parse("x.xml", document(*many))
    assert len(records) == 1000
    assert datetime.now(UTC) - started < timedelta(seconds=5)
