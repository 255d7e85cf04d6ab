"""Reading a BTPX extract as a whole: size, lines, header, trailer and count, then each line's fields.

The file is Windows-1252 but is decoded one line at a time, so that a byte the code page leaves
undefined costs only the record it is in (formats/btp.md, "Transport and encoding").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from adapters.common.errors import FileRejected

MAX_FILE_BYTES = 50 * 1024 * 1024
ENCODING = "cp1252"

# Python's cp1252 codec refuses exactly these bytes; surrogateescape keeps them as U+DC81 … U+DC9D.
UNDEFINED_BYTES = frozenset(b"\x81\x8d\x8f\x90\x9d")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")

_HEADER = re.compile(rb"00\|BTPX\|[0-9]{6}\|([0-9]{4})([0-9]{2})([0-9]{2})\|([0-9]{2})([0-9]{2})\|03")
_TRAILER = re.compile(rb"99\|([0-9]{1,9})")
_TRAILER_CODE = b"99"
_PIPE = "|"
# An unescaped pipe ends a field; `\|` and `\\` are literal; a backslash before anything else is a fault.
_TOKEN = re.compile(r"[^\\|]+|\\[\\|]|\\.?|\|", re.DOTALL)


@dataclass(frozen=True, slots=True)
class RawField:
    """One field as sent: unescaped, not yet trimmed; flags the faults only its record type can name."""

    value: str
    bad_byte: bool = False
    bad_escape: bool = False


@dataclass(frozen=True, slots=True)
class RawLine:
    """A data line between header and trailer, by its 1-based physical line number."""

    number: int
    fields: list[RawField]


def _is_blank(line: bytes) -> bool:
    return not line.strip(b" \t\r")


def _has_undefined_byte(line: bytes) -> bool:
    return not UNDEFINED_BYTES.isdisjoint(line)


def _physical_lines(data: bytes) -> list[bytes]:
    """The file's lines without their terminators: CRLF, or a bare LF."""
    return [line.removesuffix(b"\r") for line in data.split(b"\n")]


def _check_header(line: bytes) -> None:
    if _has_undefined_byte(line):
        raise FileRejected("header", "ENCODING", "line 1 holds a byte Windows-1252 does not define")
    match = _HEADER.fullmatch(line)
    if match is None:
        raise FileRejected("header", "MALFORMED", "line 1 must be 00|BTPX|<seq>|<yyyymmdd>|<HHMM>|03")
    year, month, day, hour, minute = (int(part) for part in match.groups())
    try:
        date(year, month, day)
        time(hour, minute)
    except ValueError:
        raise FileRejected("header", "MALFORMED", "the header's creation date or time is impossible") from None


def _is_trailer_like(line: bytes) -> bool:
    return line.split(b"|", 1)[0].strip(b" \t") == _TRAILER_CODE


def _trailer_count(line: bytes) -> int:
    if _is_trailer_like(line) and _has_undefined_byte(line):
        raise FileRejected("trailer", "ENCODING", "the trailer holds a byte Windows-1252 does not define")
    match = _TRAILER.fullmatch(line)
    if match is None:
        raise FileRejected("trailer", "MALFORMED", "the last line must be the trailer 99|<record_count>")
    return int(match[1])


def data_lines(data: bytes) -> list[tuple[int, bytes]]:
    """The numbered data lines of a whole, intact extract; `FileRejected` when it cannot be read as one."""
    if len(data) > MAX_FILE_BYTES:
        raise FileRejected("file", "TOO_LARGE", f"{len(data)} bytes, at most {MAX_FILE_BYTES}")
    lines = _physical_lines(data)
    _check_header(lines[0])
    numbered = [(number, line) for number, line in enumerate(lines, start=1) if not _is_blank(line)]
    if len(numbered) < 2:
        raise FileRejected("trailer", "MALFORMED", "no trailer 99|<record_count> after the header")
    count = _trailer_count(numbered[-1][1])
    body = numbered[1:-1]
    for number, line in body:
        if _is_trailer_like(line):
            raise FileRejected("trailer", "MALFORMED", f"a trailer on line {number} is followed by more lines")
    if count != len(body):
        raise FileRejected(
            "record_count", "COUNT_MISMATCH", f"trailer counts {count} records, the file holds {len(body)}"
        )
    return body


def _split(line: str) -> list[RawField]:
    if "\\" not in line:
        return [_field(value, bad_escape=False) for value in line.split("|")]
    fields: list[RawField] = []
    parts: list[str] = []
    bad_escape = False
    for token in _TOKEN.findall(line):
        if token == _PIPE:
            fields.append(_field("".join(parts), bad_escape))
            parts, bad_escape = [], False
        elif token[0] != "\\":
            parts.append(token)
        elif token in ("\\|", "\\\\"):
            parts.append(token[1])
        else:
            parts.append(token)
            bad_escape = True
    fields.append(_field("".join(parts), bad_escape))
    return fields


def _field(value: str, bad_escape: bool) -> RawField:
    return RawField(value, bad_byte=_ESCAPED_BYTE.search(value) is not None, bad_escape=bad_escape)


def read_line(number: int, line: bytes) -> RawLine:
    """Decode one data line and split it on unescaped pipes."""
    return RawLine(number, _split(line.decode(ENCODING, "surrogateescape")))
