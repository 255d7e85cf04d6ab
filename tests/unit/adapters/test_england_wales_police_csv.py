"""Police nightly CSV (FORCE-RMS) as a file: BOM, line ends, RFC 4180 quoting, header, locators, bad bytes."""

from __future__ import annotations

import pytest

from adapters import england_wales
from adapters.common.batch import ParsedRecord
from adapters.common.errors import FileRejected, RecordRejected
from tests.unit.adapters.england_wales_builders import HEADER, csv_file, csv_line, record

ARC = csv_line(record("ARC", record_ref="R-1"))
REA = csv_line(record("REA", record_ref="R-2"))


def parse(data: bytes) -> list[ParsedRecord]:
    return england_wales.parse("VISOR_01_20261202.csv", data)


def outcomes(data: bytes) -> list[tuple[str, str]]:
    """Each record's locator and its event type, or `field REASON` when rejected."""
    return [
        (
            r.locator,
            f"{r.result.field} {r.result.reason}" if isinstance(r.result, RecordRejected) else r.result["event_type"],
        )
        for r in parse(data)
    ]


def refusal(data: bytes) -> tuple[str, str]:
    with pytest.raises(FileRejected) as caught:
        parse(data)
    return caught.value.field, caught.value.reason


def test_crlf_file_with_a_leading_bom_parses() -> None:
    assert outcomes(b"\xef\xbb\xbf" + csv_file(ARC, REA)) == [
        ("line 2", "NominalArchived"),
        ("line 3", "NominalReactivated"),
    ]


def test_bare_lf_and_a_missing_last_line_break_are_accepted() -> None:
    assert outcomes(csv_file(ARC, REA, newline="\n")) == outcomes(csv_file(ARC, REA).removesuffix(b"\r\n"))
    assert len(outcomes(csv_file(ARC, REA, newline="\n").removesuffix(b"\n"))) == 2


def test_a_header_alone_is_a_file_without_records() -> None:
    assert parse(HEADER.encode()) == []
    assert parse(csv_file()) == []


def test_empty_lines_are_skipped_and_later_records_keep_their_physical_line() -> None:
    data = csv_file("", ARC, "", "", REA, "")

    assert outcomes(data) == [("line 3", "NominalArchived"), ("line 6", "NominalReactivated")]


def test_a_record_spanning_lines_is_located_where_it_starts() -> None:
    spanning = csv_line(record("ARC", record_ref="R-3", reason_text="one\r\ntwo\r\nthree"))
    data = csv_file(ARC, spanning, REA)

    records = parse(data)

    assert [r.locator for r in records] == ["line 2", "line 3", "line 6"]
    assert isinstance(records[1].result, dict)
    assert records[1].result["payload"]["reason"] == "one\ntwo\nthree"


def test_doubled_quotes_and_commas_inside_quotes_are_data() -> None:
    row = record("ARC", reason_text='He said "no", then left.')
    line = csv_line(row)
    assert '"He said ""no"", then left."' in line

    (parsed,) = parse(csv_file(line))

    assert isinstance(parsed.result, dict)
    assert parsed.result["payload"]["reason"] == 'He said "no", then left.'


def test_a_quoted_line_break_in_a_one_line_field_is_bad_format() -> None:
    line = csv_line(record("REG", family_name="Okonkwo\r\nSmith"))

    assert outcomes(csv_file(line)) == [("line 2", "family_name BAD_FORMAT")]


def test_a_quote_left_open_at_end_of_file_rejects_the_whole_file() -> None:
    assert refusal(csv_file(ARC) + b'ARC,R-9,01,14/06/2026,09:30,OS,2011/0482913X,,"open') == ("record", "MALFORMED")
    assert refusal(csv_file(ARC, ARC.replace(",,", ',"', 1))) == ("record", "MALFORMED")


@pytest.mark.parametrize(
    "header",
    [
        "",
        HEADER.upper(),
        HEADER.replace("record_ref,force_code", "force_code,record_ref"),
        HEADER + ",extra",
        HEADER.rsplit(",", 1)[0],
        HEADER.replace("marking", "marking "),
        HEADER.replace(",", ";"),
        HEADER.replace("marking", '"mark"ing'),
    ],
)
def test_a_wrong_header_rejects_the_whole_file(header: str) -> None:
    assert refusal((header + "\r\n" + ARC + "\r\n").encode()) == ("header", "MALFORMED")


def test_an_empty_file_or_one_starting_with_an_empty_line_has_no_header() -> None:
    assert refusal(b"") == ("header", "MALFORMED")
    assert refusal(b"\xef\xbb\xbf") == ("header", "MALFORMED")
    assert refusal(b"\r\n" + csv_file(ARC)) == ("header", "MALFORMED")


def test_a_bad_byte_in_the_header_rejects_the_file() -> None:
    assert refusal(csv_file(ARC).replace(b"marking", b"mark\xffing", 1)) == ("header", "MALFORMED")


def test_a_bad_byte_rejects_only_the_record_it_is_in() -> None:
    bad = csv_line(record("REG", record_ref="R-5", family_name="Fr@ser")).encode().replace(b"@", b"\xc3\x28")
    data = csv_file(ARC) + bad + b"\r\n" + REA.encode() + b"\r\n"

    assert outcomes(data) == [
        ("line 2", "NominalArchived"),
        ("line 3", "family_name ENCODING"),
        ("line 4", "NominalReactivated"),
    ]


def test_a_bad_byte_in_a_record_of_the_wrong_width_names_the_record() -> None:
    data = csv_file(ARC) + b"ARC,R-6,\xff\r\n"

    assert outcomes(data)[1] == ("line 3", "record ENCODING")


def test_an_overlong_utf8_sequence_and_an_encoded_surrogate_are_bad_bytes() -> None:
    for bad in (b"\xc0\xaf", b"\xed\xa0\x80"):
        line = csv_line(record("ARC", reason_text="x@y")).encode().replace(b"@", bad)
        assert outcomes(csv_file() + line) == [("line 2", "reason_text ENCODING")]


@pytest.mark.parametrize("width", [1, 39, 41])
def test_a_record_without_exactly_forty_fields_is_malformed(width: int) -> None:
    fields = ARC.split(",")
    line = ",".join((fields + [""] * 2)[:width])

    assert outcomes(csv_file(line, REA)) == [("line 2", "record MALFORMED"), ("line 3", "NominalReactivated")]


@pytest.mark.parametrize(
    "line",
    [
        ARC.replace("Registration period ended.", 'Registration "period" ended.'),
        ARC.replace("Registration period ended.", '"Registration" period ended.'),
        ARC.replace("Registration period ended.", "Registration\rperiod ended."),
    ],
)
def test_a_quote_inside_an_unquoted_field_or_a_stray_carriage_return_is_malformed(line: str) -> None:
    assert outcomes(csv_file(line, REA)) == [("line 2", "record MALFORMED"), ("line 3", "NominalReactivated")]


def test_a_file_over_50_mib_is_refused_whole() -> None:
    data = csv_file(ARC) + b" " * (50 * 1024 * 1024)

    assert refusal(data) == ("file", "TOO_LARGE")


def test_a_record_with_only_whitespace_is_not_an_empty_line() -> None:
    assert outcomes(csv_file("  ", REA)) == [("line 2", "record MALFORMED"), ("line 3", "NominalReactivated")]
