"""British Transport Police: the BTPX daily extract, pipe-delimited Windows-1252 text (formats/btp.md)."""

from __future__ import annotations

from adapters.btp.extract import data_lines, read_line
from adapters.btp.records import parse_record
from adapters.common.batch import ParsedRecord

JURISDICTION = "BTP"


def parse(name: str, data: bytes) -> list[ParsedRecord]:
    """One extract file's records in order; `FileRejected` when the file cannot be read as a whole."""
    return [parse_record(read_line(number, line)) for number, line in data_lines(data)]
