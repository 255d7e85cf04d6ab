"""The forces' nightly file as records: size, BOM, RFC 4180 fields, header, locators, bytes per record.

The file is decoded once with `surrogateescape`, so a bad byte survives as a lone surrogate and rejects
only the record it falls in (`ENCODING`), as the spec asks, while the fields are still split quickly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from adapters.common.batch import ParsedRecord
from adapters.common.errors import FileRejected, ReasonCode, RecordRejected
from adapters.england_wales.police_records import COLUMNS, KEY_FIELD, parse_record

MAX_FILE_BYTES = 50 * 1024 * 1024
BOM = b"\xef\xbb\xbf"

_QUOTED_REST = re.compile(r'[^"]*(?:""[^"]*)*"')
_UNQUOTED_RUN = re.compile(r'[^"\r\n]*')
_BLANK_RUN = re.compile(r"[\r\n]*\n")
# Fields beyond one too many are counted, not kept: a line of commas must not fill the memory.
_KEPT_FIELDS = len(COLUMNS) + 1


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One record as split from the file: its first physical line, and its fields or what broke them."""

    line: int
    fields: list[str]
    fault: str | None


def parse_file(data: bytes) -> list[ParsedRecord]:
    """Every record of a force file, in order; `FileRejected` when the file cannot be read as a whole."""
    if len(data) > MAX_FILE_BYTES:
        raise FileRejected("file", "TOO_LARGE", f"{len(data)} bytes, at most {MAX_FILE_BYTES}")
    content = data.removeprefix(BOM).decode("utf-8", "surrogateescape")
    records = split_records(content)
    _check_header(next(records, None))
    return [_parse_raw(raw) for raw in records]


def split_records(content: str) -> Iterator[RawRecord]:
    """RFC 4180 records with the physical line each starts on; empty lines are skipped."""
    pos, line, end = 0, 1, len(content)
    while pos < end:
        after_blank = _skip_empty_lines(content, pos) if pos > 0 else pos
        if after_blank > pos:
            line += content.count("\n", pos, after_blank)
            pos = after_blank
            continue
        fields, after, fault = _read_record(content, pos)
        yield RawRecord(line, fields, fault)
        line += content.count("\n", pos, after)
        pos = after


def _skip_empty_lines(content: str, pos: int) -> int:
    """Where the next non-empty line starts; a bare CR is no line end, so it stops the skipping."""
    run = _BLANK_RUN.match(content, pos)
    if run is None:
        return pos
    if "\r" in run.group().replace("\r\n", ""):
        return content.index("\n", pos) + 1 if content.startswith(("\n", "\r\n"), pos) else pos
    return run.end()


def _read_record(content: str, pos: int) -> tuple[list[str], int, str | None]:
    """The fields of the record starting at `pos`, where the next record starts, and any fault found."""
    fields: list[str] = []
    end = len(content)
    while True:
        del fields[_KEPT_FIELDS:]
        if content.startswith('"', pos):
            pos = _read_quoted(content, pos, fields)
            if content.startswith(",", pos):
                pos += 1
                continue
        else:
            run = _UNQUOTED_RUN.match(content, pos)
            assert run is not None  # the pattern matches the empty string
            pieces = run.group().split(",", _KEPT_FIELDS)
            pos = run.end()
            if content.startswith('"', pos) and run.group().endswith(","):
                fields.extend(pieces[:-1])  # the quote opens the next field
                continue
            fields.extend(pieces)
        if pos >= end or (pos == end - 1 and content[pos] == "\r"):
            return fields, end, None
        if content.startswith(("\n", "\r\n"), pos):
            return fields, content.index("\n", pos) + 1, None
        return fields, _next_line(content, pos), _fault_at(content[pos])


def _read_quoted(content: str, pos: int, fields: list[str]) -> int:
    """Append the quoted field opening at `pos` (doubled quotes undone); where it ends."""
    closing = _QUOTED_REST.match(content, pos + 1)
    if closing is None:
        raise FileRejected("record", "MALFORMED", "a quote is left open at the end of the file")
    fields.append(content[pos + 1 : closing.end() - 1].replace('""', '"'))
    return closing.end()


def _next_line(content: str, pos: int) -> int:
    next_break = content.find("\n", pos)
    return len(content) if next_break < 0 else next_break + 1


def _fault_at(char: str) -> str:
    if char == "\r":
        return "a carriage return outside quotes that does not end the line"
    if char == '"':
        return "a quote inside an unquoted field"
    return "text after a closing quote"


def _check_header(header: RawRecord | None) -> None:
    if header is None or header.fault is not None or tuple(header.fields) != COLUMNS:
        raise FileRejected("header", "MALFORMED", f"line 1 must be exactly the {len(COLUMNS)} column names of the spec")


def _parse_raw(raw: RawRecord) -> ParsedRecord:
    locator = f"line {raw.line}"
    fault = _container_fault(raw)
    if fault is not None:
        return ParsedRecord(locator, None, KEY_FIELD, fault)
    key, result = parse_record(raw.fields)
    return ParsedRecord(locator, key, KEY_FIELD, result)


def _container_fault(raw: RawRecord) -> RecordRejected | None:
    """Why the record is not 40 validly encoded fields, if it is not."""
    if not _valid_utf8("".join(raw.fields)):
        bad_field = next(i for i, value in enumerate(raw.fields) if not _valid_utf8(value))
        field = COLUMNS[bad_field] if len(raw.fields) == len(COLUMNS) else "record"
        return _rejection(field, "ENCODING", "invalid UTF-8 in this record")
    if raw.fault is not None:
        return _rejection("record", "MALFORMED", raw.fault)
    if len(raw.fields) != len(COLUMNS):
        count = f"{len(raw.fields)}" if len(raw.fields) < len(COLUMNS) else "more than 40"
        return _rejection("record", "MALFORMED", f"{count} fields, every record has {len(COLUMNS)}")
    return None


@cache
def _rejection(field: str, reason: ReasonCode, message: str) -> RecordRejected:
    """Container faults repeat word for word; each is built once and shared, never raised, to spare memory."""
    return RecordRejected(field, reason, message)


def _valid_utf8(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
