"""Northern Ireland (Causeway) adapter: the batch file as a whole, hostile XML, duplicates and the samples."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import adapters.northern_ireland as northern_ireland
from adapters.common.batch import Accepted, Deduplicator, Duplicate, Refused, Rejected
from adapters.common.errors import FileRejected, RecordRejected
from adapters.common.run import judge_delivery, judge_files
from adapters.common.xmldoc import MAX_FILE_BYTES
from hub.domain.identity import Resolved, resolve
from tests.unit.adapters.test_northern_ireland_support import (
    DETAILS,
    FILE_NAME,
    HEADER,
    NAMESPACE,
    SAMPLES,
    batch,
    record_xml,
)

VALID = batch(record_xml("Registration"))
BILLION_LAUGHS = (
    b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<EventBatch xmlns="urn:nir:causeway:ppani-exchange:2">"""
    + HEADER.encode()
    + b"""
<Event><EventRef>&lol9;</EventRef></Event></EventBatch>"""
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE EventBatch [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    + VALID.split(b"\n", 1)[1].replace(b"<FamilyName>\xc3\x93 Briain", b"<FamilyName>&xxe;")
)
PLAIN_DOCTYPE = b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE EventBatch>\n' + VALID.split(b"\n", 1)[1]
LATIN_1 = VALID.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"').replace("Ó".encode(), "Ó".encode("latin-1"))


def refusal(data: bytes) -> tuple[str, str]:
    started = time.perf_counter()
    with pytest.raises(FileRejected) as caught:
        northern_ireland.parse(FILE_NAME, data)
    assert time.perf_counter() - started < 1.0
    return caught.value.field, caught.value.reason


@pytest.mark.parametrize(
    ("data", "field", "reason"),
    [
        (BILLION_LAUGHS, "DOCTYPE", "FORBIDDEN_CONSTRUCT"),
        (EXTERNAL_ENTITY, "DOCTYPE", "FORBIDDEN_CONSTRUCT"),
        (PLAIN_DOCTYPE, "DOCTYPE", "FORBIDDEN_CONSTRUCT"),
        (LATIN_1, "encoding", "ENCODING"),
        (VALID.replace(b'encoding="UTF-8"', b'encoding="windows-1252"'), "encoding", "ENCODING"),
        (VALID.replace(b'encoding="UTF-8"', b'encoding="UTF8"'), "encoding", "ENCODING"),
        (b"\xef\xbb\xbf" + VALID.replace(b'encoding="UTF-8"', b"encoding='ISO-8859-1'"), "encoding", "ENCODING"),
        (VALID.decode().encode("utf-16"), "encoding", "ENCODING"),
        (VALID.replace("Ó".encode(), b"\xd3"), "encoding", "ENCODING"),
        (VALID.replace(b"Se\xc3\xa1n", b"Se\xc3n"), "encoding", "ENCODING"),
        (VALID.replace(b"</Registration>", b""), "document", "MALFORMED"),
        (VALID.replace(b"<Sex>MALE", b"<Sex>M&E"), "document", "MALFORMED"),
        (VALID.replace(b"Briain", b"Bri\x01ain"), "document", "MALFORMED"),
        (VALID + b"<EventBatch/>", "document", "MALFORMED"),
        (b"", "document", "MALFORMED"),
        (b"EventBatch", "document", "MALFORMED"),
        (VALID.replace(b"EventBatch", b"Batch"), "EventBatch", "MALFORMED"),
        (VALID.replace(NAMESPACE.encode(), b"urn:nir:causeway:ppani-exchange:1"), "EventBatch", "MALFORMED"),
        (VALID.replace(f' xmlns="{NAMESPACE}"'.encode(), b""), "EventBatch", "MALFORMED"),
        (VALID.replace(HEADER.encode(), b""), "BatchHeader", "MALFORMED"),
        (VALID.replace(HEADER.encode(), HEADER.encode() * 2), "BatchHeader", "MALFORMED"),
        (VALID.replace(b"<BatchId>CW-202612031200</BatchId>", b""), "BatchHeader", "MALFORMED"),
        (
            VALID.replace(b"<CreatedAt>2026-12-03T12:00:00Z</CreatedAt>", b"<CreatedAt> </CreatedAt>"),
            "BatchHeader",
            "MALFORMED",
        ),
    ],
    ids=[
        "billion-laughs",
        "external-entity",
        "doctype-without-entities",
        "declared-latin-1",
        "declared-windows-1252",
        "declared-utf8-alias",
        "declared-latin-1-after-bom",
        "utf-16",
        "latin-1-byte-undeclared",
        "truncated-utf-8-sequence",
        "unclosed-element",
        "bare-ampersand",
        "control-character",
        "two-roots",
        "empty-file",
        "not-xml",
        "wrong-root",
        "wrong-namespace",
        "no-namespace",
        "no-batch-header",
        "two-batch-headers",
        "header-without-batch-id",
        "header-with-empty-created-at",
    ],
)
def test_hostile_or_unreadable_file_is_refused_whole_and_quickly(data: bytes, field: str, reason: str) -> None:
    assert refusal(data) == (field, reason)


def test_file_over_fifty_mebibytes_is_too_large() -> None:
    padding = b" " * (MAX_FILE_BYTES + 1 - len(VALID))
    assert refusal(VALID.replace(b"</EventBatch>", padding + b"</EventBatch>"))[1] == "TOO_LARGE"


def test_a_hundred_thousand_nested_elements_are_refused_record_by_record_without_crashing() -> None:
    nested = b"<Deep>" * 100_000 + b"</Deep>" * 100_000
    records = northern_ireland.parse(FILE_NAME, batch(nested.decode()))
    assert [(r.locator, r.key) for r in records] == [("/EventBatch/Deep[1]", None)]
    assert isinstance(records[0].result, RecordRejected)
    assert (records[0].result.field, records[0].result.reason) == ("Deep", "MALFORMED")


@pytest.mark.parametrize(
    "declaration",
    [
        b'<?xml version="1.0" encoding="UTF-8"?>',
        b"<?xml version='1.0' encoding='utf-8'?>",
        b'<?xml version="1.0"?>',
        b"",
    ],
)
def test_utf_8_declared_in_any_case_or_not_declared_is_read(declaration: bytes) -> None:
    data = declaration + VALID.split(b"\n", 1)[1]
    assert isinstance(northern_ireland.parse(FILE_NAME, data)[0].result, dict)
    assert isinstance(northern_ireland.parse(FILE_NAME, b"\xef\xbb\xbf" + data)[0].result, dict)


def test_any_prefix_for_the_namespace_is_read() -> None:
    prefixed = (
        VALID.replace(b"<", b"<cw:")
        .replace(b"<cw:/", b"</cw:")
        .replace(b"<cw:?xml", b"<?xml")
        .replace(b'xmlns="', b'xmlns:cw="')
    )
    assert isinstance(northern_ireland.parse(FILE_NAME, prefixed)[0].result, dict)


def test_elements_left_outside_the_namespace_under_a_prefixed_root_are_not_read() -> None:
    data = VALID.replace(b"<EventBatch xmlns=", b"<cw:EventBatch xmlns:cw=").replace(
        b"</EventBatch>", b"</cw:EventBatch>"
    )
    assert refusal(data) == ("BatchHeader", "MALFORMED")


def test_batch_without_events_is_valid_and_emits_nothing() -> None:
    assert northern_ireland.parse(FILE_NAME, batch()) == []


def test_batch_header_may_come_after_the_events() -> None:
    data = batch(record_xml("Registration"), header="").replace(b"</EventBatch>", HEADER.encode() + b"</EventBatch>")
    assert isinstance(northern_ireland.parse(FILE_NAME, data)[0].result, dict)


def test_one_record_per_event_in_order_with_locators_and_keys_a_rejection_stops_nothing() -> None:
    records = northern_ireland.parse(
        FILE_NAME,
        batch(
            record_xml("Registration"),
            record_xml("RecordStatus", header={"EventRef": "PSNI-2026-000002", "SecurityMarking": "SECRET"}),
            record_xml("RecordStatus", header={"EventRef": "bad ref"}),
            record_xml("PrisonReception", header={"EventRef": "NIPS-2026-000003"}),
        ),
    )
    assert [(r.locator, r.key, r.key_field) for r in records] == [
        ("/EventBatch/Event[1]", "NIR:CAUSEWAY:PSNI-2026-004417", "EventRef"),
        ("/EventBatch/Event[2]", "NIR:CAUSEWAY:PSNI-2026-000002", "EventRef"),
        ("/EventBatch/Event[3]", None, "EventRef"),
        ("/EventBatch/Event[4]", "NIR:CAUSEWAY:NIPS-2026-000003", "EventRef"),
    ]
    kinds = [r.result["event_type"] if isinstance(r.result, dict) else r.result.reason for r in records]
    assert kinds == ["NominalRegistered", "CLASSIFICATION_REFUSED", "BAD_FORMAT", "CustodyReceived"]


def test_unknown_child_of_the_batch_is_reported_as_a_record_not_skipped() -> None:
    records = northern_ireland.parse(
        FILE_NAME, batch(record_xml("Registration"), "<Trailer><Count>1</Count></Trailer>")
    )
    assert [r.locator for r in records] == ["/EventBatch/Event[1]", "/EventBatch/Trailer[1]"]
    assert isinstance(records[1].result, RecordRejected)
    assert (records[1].result.field, records[1].result.reason) == ("Trailer", "MALFORMED")


# --- the same record twice ----------------------------------------------------------------------------------


def outcomes(*deliveries: bytes) -> list[Accepted | Rejected | Duplicate | Refused]:
    dedup = Deduplicator()
    return [
        outcome
        for number, data in enumerate(deliveries, start=1)
        for outcome in judge_delivery(northern_ireland, f"CW_PPANI_20261203120{number}.xml", data, dedup)
    ]


def test_same_event_ref_same_content_in_one_batch_is_a_duplicate() -> None:
    first, second = outcomes(batch(record_xml("Registration"), record_xml("Registration")))
    assert isinstance(first, Accepted)
    assert second == Duplicate("/EventBatch/Event[2]", "/EventBatch/Event[1]")


def test_same_event_ref_different_content_is_a_duplicate_conflict_naming_event_ref() -> None:
    changed = record_xml("Registration", Status="CUSTODY")
    first, second = outcomes(batch(record_xml("Registration"), changed))
    assert isinstance(first, Accepted)
    assert isinstance(second, Rejected)
    assert (second.error.field, second.error.reason) == ("EventRef", "DUPLICATE_CONFLICT")


def test_the_same_batch_delivered_again_is_all_duplicates_of_the_first_delivery() -> None:
    data = batch(record_xml("Registration"), record_xml("RecordStatus", header={"EventRef": "PSNI-2026-000002"}))
    later = outcomes(data, data)[2:]
    assert later == [
        Duplicate("/EventBatch/Event[1]", "CW_PPANI_202612031201.xml /EventBatch/Event[1]"),
        Duplicate("/EventBatch/Event[2]", "CW_PPANI_202612031201.xml /EventBatch/Event[2]"),
    ]


def test_reordered_children_of_a_replayed_record_are_still_the_same_record() -> None:
    subject = {"NipsNumber": "041187", "PncId": "2015/0311002Y"}
    swapped = {"PncId": "2015/0311002Y", "NipsNumber": "041187"}
    first = record_xml("PrisonReception", header={"Subject": subject})
    again = record_xml("PrisonReception", header={"Subject": swapped})
    assert isinstance(outcomes(batch(first), batch(again))[1], Duplicate)


# --- samples ------------------------------------------------------------------------------------------------


def sample_files() -> list[Path]:
    return sorted(SAMPLES.glob("*.xml"))


def test_every_sample_parses_with_no_rejection_or_duplicate() -> None:
    results = list(judge_files(northern_ireland, sample_files()))
    assert results
    assert all(isinstance(result, Accepted) for result in results), results


def test_the_samples_cover_every_record_type_and_every_event_type() -> None:
    texts = "".join(path.read_text(encoding="utf-8") for path in sample_files())
    assert all(f"{name}>" in texts for name in DETAILS)
    events = [r for r in judge_files(northern_ireland, sample_files()) if isinstance(r, Accepted)]
    assert {e.event["event_type"] for e in events} == {
        "NominalRegistered",
        "AddressNotified",
        "TransferRequested",
        "TransferAccepted",
        "TransferRejected",
        "OffenderDeparted",
        "OffenderArrived",
        "CustodyReceived",
        "CustodyTransferred",
        "CustodyReleased",
        "MappaLevelChanged",
        "NominalArchived",
        "NominalReactivated",
        "IntelligenceShared",
        "IntelligenceConsentDecided",
        "IntelligenceWithdrawn",
    }
    handling = {e.event["payload"]["handling_code"] for e in events if e.event["event_type"] == "IntelligenceShared"}
    assert handling == {"P", "C"}


def test_every_sample_subject_is_registered_before_its_other_events_so_the_demo_resolves_them() -> None:
    known: dict[tuple[str, str, str], str] = {}
    for outcome in judge_files(northern_ireland, sample_files()):
        assert isinstance(outcome, Accepted)
        resolution = resolve(outcome.event, known)
        assert isinstance(resolution, Resolved), (outcome.locator, resolution)
        known.update(dict.fromkeys(resolution.new_links, resolution.nominal_id))


def test_the_bad_sample_has_exactly_its_intended_outcomes() -> None:
    path = SAMPLES / "bad" / "CW_PPANI_202612050600.xml"
    summary = []
    for outcome in judge_files(northern_ireland, [path]):
        if isinstance(outcome, Accepted):
            summary.append((outcome.locator, outcome.event["event_type"]))
        elif isinstance(outcome, Rejected):
            summary.append((outcome.locator, f"{outcome.error.field} {outcome.error.reason}"))
        elif isinstance(outcome, Duplicate):
            summary.append((outcome.locator, f"duplicate of {outcome.duplicate_of}"))
    assert summary == [
        ("/EventBatch/Event[1]", "SecurityMarking CLASSIFICATION_REFUSED"),
        ("/EventBatch/Event[2]", "AddressNotified"),
        ("/EventBatch/Event[3]", "OccurredAt NONEXISTENT_LOCAL_TIME"),
        ("/EventBatch/Event[4]", "OriginatingAgency INCONSISTENT"),
        ("/EventBatch/Event[5]", "CourtAppearance UNKNOWN_TYPE"),
        ("/EventBatch/Event[6]", "Registration/Nickname MALFORMED"),
        ("/EventBatch/Event[7]", "Registration/DateOfBirth FUTURE_DATE"),
        ("/EventBatch/Event[8]", "NominalReactivated"),
        ("/EventBatch/Event[9]", "duplicate of /EventBatch/Event[2]"),
        ("/EventBatch/Event[10]", "EventRef DUPLICATE_CONFLICT"),
    ]
