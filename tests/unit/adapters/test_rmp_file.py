"""Whole-file refusals of a REDCAP return: hostile XML, encodings, root, namespace, required attributes."""

from __future__ import annotations

import time

import pytest

import adapters.rmp as rmp
from adapters.common.errors import FileRejected, RecordRejected
from adapters.common.xmldoc import MAX_FILE_BYTES
from tests.unit.adapters.test_rmp_helpers import NS, VALID, document, parse

GOOD = document(VALID["ARCH"])
RECORD = VALID["ARCH"].xml()

BILLION_LAUGHS = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rmp:Return xmlns:rmp="{NS}" returnNo="R1" generated="20261203" generatedTime="0600Z">
  {RECORD.replace("Discharged.", "&lol9;")}
</rmp:Return>
""".encode()

EXTERNAL_ENTITY = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rmp:Return [<!ENTITY home SYSTEM "file:///etc/passwd">]>
<rmp:Return xmlns:rmp="{NS}" returnNo="R1" generated="20261203" generatedTime="0600Z">
  {RECORD.replace("Discharged.", "&home;")}
</rmp:Return>
""".encode()

EXTERNAL_DTD = GOOD.replace(b"?>\n", b'?>\n<!DOCTYPE rmp:Return SYSTEM "http://example.invalid/redcap.dtd">\n', 1)
PLAIN_DOCTYPE = GOOD.replace(b"?>\n", b"?>\n<!DOCTYPE rmp:Return>\n", 1)
PARAMETER_ENTITY = GOOD.replace(b"?>\n", b'?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>\n', 1)


def refusal(data: bytes) -> tuple[str, str]:
    started = time.monotonic()
    with pytest.raises(FileRejected) as caught:
        rmp.parse("REDCAP_VISOR_20261203.xml", data)
    assert time.monotonic() - started < 1.0
    return caught.value.field, caught.value.reason


@pytest.mark.parametrize(
    "data",
    [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD, PLAIN_DOCTYPE, PARAMETER_ENTITY],
    ids=["billion laughs", "external entity", "external DTD", "DOCTYPE without entities", "parameter entity"],
)
def test_any_doctype_refuses_the_file_quickly_and_fetches_nothing(data: bytes) -> None:
    assert refusal(data) == ("DOCTYPE", "FORBIDDEN_CONSTRUCT")


def test_doctype_after_the_root_element_starts_is_still_refused() -> None:
    data = GOOD.replace(b"</rmp:Return>", b"<!-- <!DOCTYPE x> --></rmp:Return>")
    assert refusal(data) == ("DOCTYPE", "FORBIDDEN_CONSTRUCT")


@pytest.mark.parametrize("encoding", ["ISO-8859-1", "windows-1252", "UTF-16", "US-ASCII"])
def test_other_declared_encoding_refuses_the_file(encoding: str) -> None:
    data = GOOD.replace(b'encoding="UTF-8"', f'encoding="{encoding}"'.encode())
    assert refusal(data) == ("encoding", "ENCODING")


def test_other_declared_encoding_behind_a_byte_order_mark_refuses_the_file() -> None:
    data = b"\xef\xbb\xbf" + GOOD.replace(b'encoding="UTF-8"', b"encoding='ISO-8859-1'")
    assert refusal(data) == ("encoding", "ENCODING")


def test_utf8_with_a_byte_order_mark_is_read() -> None:
    (parsed,) = rmp.parse("x.xml", b"\xef\xbb\xbf" + GOOD)
    assert not isinstance(parsed.result, RecordRejected)


def test_lower_case_utf8_declaration_and_no_declaration_are_read() -> None:
    for data in (GOOD.replace(b"UTF-8", b"utf-8"), GOOD.split(b"\n", 1)[1]):
        (parsed,) = rmp.parse("x.xml", data)
        assert not isinstance(parsed.result, RecordRejected)


@pytest.mark.parametrize(
    "bad_bytes",
    [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80"],
    ids=["ff", "truncated sequence", "encoded surrogate", "overlong slash", "five-byte form"],
)
def test_invalid_utf8_byte_refuses_the_file(bad_bytes: bytes) -> None:
    assert refusal(GOOD.replace(b"Discharged", b"Dis" + bad_bytes + b"charged")) == ("encoding", "ENCODING")


def test_utf16_without_declaration_refuses_the_file() -> None:
    data = GOOD.split(b"\n", 1)[1].decode().encode("utf-16")
    assert refusal(data) == ("encoding", "ENCODING")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not xml at all",
        GOOD.replace(b"</rmp:Return>", b""),
        GOOD.replace(b"</rmp:Record>", b"</rmp:Recrd>"),
        GOOD.replace(b'ref="', b'ref="a" ref="'),
        GOOD.replace(b"Discharged.", b"Discharged &amp"),
        GOOD.replace(b"Discharged.", b"&#1;"),
        GOOD.replace(b"Discharged.", b"&undeclared;"),
        GOOD + b"<rmp:Return/>",
        b"  " + GOOD,
        GOOD.replace(b"<rmp:Subject", b"<zz:Subject").replace(
            b'serviceNo="25123456"/>', b'serviceNo="1"></zz:Subject>'
        ),
    ],
    ids=[
        "empty",
        "not xml",
        "unclosed root",
        "mismatched tag",
        "attribute twice",
        "unterminated reference",
        "control character reference",
        "undeclared entity",
        "two roots",
        "declaration not at start",
        "undeclared prefix",
    ],
)
def test_not_well_formed_refuses_the_file(data: bytes) -> None:
    assert refusal(data) == ("document", "MALFORMED")


@pytest.mark.parametrize(
    "data",
    [
        GOOD.replace(b"rmp:Return", b"rmp:Returns"),
        GOOD.replace(NS.encode(), b"urn:uk:mod:rmp:redcap:visor-return:2"),
        GOOD.replace(b' xmlns:rmp="' + NS.encode() + b'"', b"").replace(b"rmp:", b""),
        GOOD.replace(b"<rmp:Return", b'<rmp:Return xmlns:x="urn:x"').replace(b"rmp:Return", b"x:Return"),
    ],
    ids=["wrong root", "wrong namespace", "no namespace", "root in another namespace"],
)
def test_wrong_root_or_namespace_refuses_the_file(data: bytes) -> None:
    assert refusal(data) == ("Return", "MALFORMED")


@pytest.mark.parametrize("attribute", ["returnNo", "generated", "generatedTime"])
def test_return_lacking_a_required_attribute_is_refused(attribute: str) -> None:
    assert refusal(document(VALID["ARCH"], root={attribute: None})) == (f"@{attribute}", "MALFORMED")


def test_blank_return_number_counts_as_lacking() -> None:
    assert refusal(document(VALID["ARCH"], root={"returnNo": "  "})) == ("@returnNo", "MALFORMED")


def test_file_over_50_mib_is_too_large() -> None:
    with pytest.raises(FileRejected) as caught:
        rmp.parse("x.xml", GOOD + b" " * (MAX_FILE_BYTES + 1 - len(GOOD)))
    assert (caught.value.field, caught.value.reason) == ("file", "TOO_LARGE")


def test_return_without_records_yields_nothing() -> None:
    assert rmp.parse("x.xml", document()) == []


def test_records_keep_their_order_and_a_bad_one_does_not_stop_the_rest() -> None:
    records = parse(VALID["REG"], VALID["ADDR"].with_detail(addressType="X"), VALID["ARCH"])
    assert [r.locator for r in records] == ["/Return/Record[1]", "/Return/Record[2]", "/Return/Record[3]"]
    assert [isinstance(r.result, RecordRejected) for r in records] == [False, True, False]


def test_an_element_other_than_record_is_rejected_on_its_own_locator() -> None:
    records = parse(VALID["REG"], "<rmp:Note>hello</rmp:Note>", VALID["ARCH"])
    assert [r.locator for r in records] == ["/Return/Record[1]", "/Return/Note[1]", "/Return/Record[2]"]
    note = records[1].result
    assert isinstance(note, RecordRejected)
    assert (note.field, note.reason, records[1].key) == ("Note", "MALFORMED", None)


def test_a_record_in_another_namespace_is_rejected() -> None:
    foreign = (
        VALID["ARCH"].xml().replace("<rmp:Record", '<x:Record xmlns:x="urn:x"').replace("</rmp:Record>", "</x:Record>")
    )
    (parsed,) = parse(foreign)
    assert isinstance(parsed.result, RecordRejected)
    assert (parsed.result.field, parsed.result.reason) == ("Record", "MALFORMED")


def test_deeply_nested_markup_in_a_record_is_rejected_not_crashed() -> None:
    nested = "<rmp:b>" * 20000 + "x" + "</rmp:b>" * 20000
    xml = VALID["ARCH"].xml().replace("Discharged.", nested)
    (parsed,) = parse(xml)
    assert isinstance(parsed.result, RecordRejected)
    assert (parsed.result.field, parsed.result.reason) == ("b", "MALFORMED")
