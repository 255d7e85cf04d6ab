"""The extract as a whole: size, encoding, lines, header, trailer and record count."""

from __future__ import annotations

import pytest

from adapters import btp
from adapters.common.errors import FileRejected, RecordRejected
from tests.unit.adapters.btp_records import HEADER, extract, record

CRLF = b"\r\n"


def _file_rejection(data: bytes) -> tuple[str, str]:
    with pytest.raises(FileRejected) as caught:
        btp.parse("BTPX_20261203_000412.txt", data)
    return caught.value.field, caught.value.reason


def _lines(*lines: bytes) -> bytes:
    return b"".join(line + CRLF for line in lines)


def _outcomes(data: bytes) -> list[tuple[str, str]]:
    """Each record's locator with its event type, or with `field reason` when rejected."""
    outcomes = []
    for parsed in btp.parse("BTPX_20261203_000412.txt", data):
        result = parsed.result
        what = f"{result.field} {result.reason}" if isinstance(result, RecordRejected) else result["event_type"]
        outcomes.append((parsed.locator, what))
    return outcomes


# --- size and encoding -------------------------------------------------------------------------------------


def test_a_file_over_50_mib_is_refused_whole() -> None:
    assert _file_rejection(b" " * (50 * 1024 * 1024 + 1)) == ("file", "TOO_LARGE")


@pytest.mark.parametrize("byte", [b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"])
def test_an_undefined_windows_1252_byte_rejects_only_its_record(byte: bytes) -> None:
    good = record("61").encode("cp1252")
    bad = record("10", forenames="Ren").encode("cp1252").replace(b"|Ren|", b"|Ren" + byte + b"e|")
    assert _outcomes(_lines(HEADER.encode(), good, bad, good, b"99|3")) == [
        ("line 2", "NominalArchived"),
        ("line 3", "forenames ENCODING"),
        ("line 4", "NominalArchived"),
    ]


def test_an_undefined_byte_in_the_record_type_names_rec_type() -> None:
    line = b"6\x811|BTP26-0031877|20261104|1530|1|2021/0045098N|Ended."
    assert _outcomes(_lines(HEADER.encode(), line, b"99|1")) == [("line 2", "rec_type ENCODING")]


def test_an_undefined_byte_in_the_header_refuses_the_file() -> None:
    assert _file_rejection(_lines(b"00|BTPX|000412|20261203|0215|03\x9d", b"99|0")) == ("header", "ENCODING")


def test_an_undefined_byte_in_the_trailer_refuses_the_file() -> None:
    assert _file_rejection(_lines(HEADER.encode(), b"99|0\x90")) == ("trailer", "ENCODING")


def test_windows_1252_characters_are_decoded_from_their_single_bytes() -> None:
    line = record("10", surname="O’Rourke", forenames="Siân Élise").encode("cp1252")
    assert b"O\x92Rourke" in line
    (parsed,) = btp.parse("f.txt", _lines(HEADER.encode(), line, b"99|1"))
    assert isinstance(parsed.result, dict)
    assert (parsed.result["payload"]["family_name"], parsed.result["payload"]["given_names"]) == (
        "O’Rourke",
        "Siân Élise",
    )


def test_the_euro_sign_is_byte_0x80() -> None:
    line = record("61").encode("cp1252").replace(b"Registration ended.", b"Fined \x8050.")
    (parsed,) = btp.parse("f.txt", _lines(HEADER.encode(), line, b"99|1"))
    assert isinstance(parsed.result, dict)
    assert parsed.result["payload"]["reason"] == "Fined €50."


def test_utf_8_bytes_are_read_as_windows_1252_as_the_spec_says() -> None:
    line = record("10", surname="Clément").encode("utf-8")
    (parsed,) = btp.parse("f.txt", _lines(HEADER.encode(), line, b"99|1"))
    assert isinstance(parsed.result, dict)
    assert parsed.result["payload"]["family_name"] == "ClÃ©ment"


def test_a_control_character_rejects_only_its_field() -> None:
    data = extract(record("61", reason_text="bell\x07"))
    assert _outcomes(data) == [("line 2", "reason_text BAD_FORMAT")]


# --- lines ------------------------------------------------------------------------------------------------


def test_bare_line_feeds_are_accepted() -> None:
    data = extract(record("61"), record("62"), newline="\n")
    assert _outcomes(data) == [("line 2", "NominalArchived"), ("line 3", "NominalReactivated")]


def test_blank_lines_are_skipped_uncounted_but_keep_their_numbers() -> None:
    data = extract("", record("61"), "   ", "", record("62"))
    assert b"99|2\r\n" in data
    assert _outcomes(data) == [("line 3", "NominalArchived"), ("line 6", "NominalReactivated")]


def test_blank_lines_after_the_trailer_are_allowed() -> None:
    data = extract(record("61")) + b"\r\n  \r\n\r\n"
    assert _outcomes(data) == [("line 2", "NominalArchived")]


def test_a_file_without_data_records() -> None:
    assert btp.parse("f.txt", extract()) == []


def test_a_file_without_a_final_line_end() -> None:
    assert _outcomes(extract(record("61")).removesuffix(CRLF)) == [("line 2", "NominalArchived")]


def test_rejected_records_count_in_the_trailer() -> None:
    data = extract(record("61"), "garbage", record("61", marking="3"))
    assert _outcomes(data) == [
        ("line 2", "NominalArchived"),
        ("line 3", "rec_type UNKNOWN_TYPE"),
        ("line 4", "marking CLASSIFICATION_REFUSED"),
    ]


# --- header -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "",
        "00|BTPX|000412|20261203|0215|02",
        "00|BTPX|000412|20261203|0215",
        "00|BTPX|000412|20261203|0215|03|",
        "00|btpx|000412|20261203|0215|03",
        "00|BTPX|412|20261203|0215|03",
        "00|BTPX|000412|2026-12-03|0215|03",
        "00|BTPX|000412|20261232|0215|03",
        "00|BTPX|000412|20261203|2500|03",
        "01|BTPX|000412|20261203|0215|03",
        "\ufeff00|BTPX|000412|20261203|0215|03",
    ],
)
def test_a_malformed_header_refuses_the_file(header: str) -> None:
    data = header.encode("utf-8") + CRLF + _lines(record("61").encode(), b"99|1")
    assert _file_rejection(data) == ("header", "MALFORMED")


def test_a_file_starting_with_a_data_record_has_no_header() -> None:
    assert _file_rejection(_lines(record("61").encode(), b"99|1")) == ("header", "MALFORMED")


def test_an_empty_file_has_no_header() -> None:
    assert _file_rejection(b"") == ("header", "MALFORMED")


# --- trailer and count ------------------------------------------------------------------------------------


def test_a_file_without_a_trailer_is_refused() -> None:
    assert _file_rejection(_lines(HEADER.encode(), record("61").encode())) == ("trailer", "MALFORMED")


def test_a_header_alone_has_no_trailer() -> None:
    assert _file_rejection(_lines(HEADER.encode())) == ("trailer", "MALFORMED")


def test_a_line_after_the_trailer_refuses_the_file() -> None:
    data = _lines(HEADER.encode(), record("61").encode(), b"99|1", record("62").encode())
    assert _file_rejection(data) == ("trailer", "MALFORMED")


def test_a_trailer_followed_by_another_trailer_refuses_the_file() -> None:
    data = _lines(HEADER.encode(), record("61").encode(), b"99|1", b"99|2")
    assert _file_rejection(data) == ("trailer", "MALFORMED")


@pytest.mark.parametrize("trailer", [b"99|", b"99|one", b"99|1|", b"99|-1", b"99", b"99|1 2", b"99|12345678901"])
def test_a_malformed_trailer_refuses_the_file(trailer: bytes) -> None:
    assert _file_rejection(_lines(HEADER.encode(), record("61").encode(), trailer)) == ("trailer", "MALFORMED")


@pytest.mark.parametrize("count", [0, 2, 3, 10])
def test_a_count_mismatch_refuses_the_whole_file(count: int) -> None:
    data = extract(record("61"), count=count)
    assert _file_rejection(data) == ("record_count", "COUNT_MISMATCH")


def test_a_truncated_file_is_caught_by_the_count() -> None:
    data = extract(record("61"), record("62"), record("61", rec_ref="BTP26-0031878"))
    lines = data.split(CRLF)
    spliced = CRLF.join([*lines[:2], *lines[4:]])
    assert _file_rejection(spliced) == ("record_count", "COUNT_MISMATCH")


def test_a_count_with_leading_zeros_is_decimal() -> None:
    assert _outcomes(extract(record("61"), count=1).replace(b"99|1", b"99|0001")) == [("line 2", "NominalArchived")]
