"""Scotland: the Scottish Justice Exchange (SJX) feed, one JSON message per request (formats/scotland.md)."""

from __future__ import annotations

from adapters.common.batch import ParsedRecord
from adapters.scotland.messages import parse_message

JURISDICTION = "SCO"


def parse(name: str, data: bytes) -> list[ParsedRecord]:
    """One pushed message is one record, located `$`; nothing here refuses a delivery as a whole."""
    del name  # a pushed message is judged by its content alone
    return [parse_message(data)]
