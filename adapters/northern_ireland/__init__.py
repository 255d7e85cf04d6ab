"""Northern Ireland: Causeway PPANI exchange batches (namespaced, element-centric XML) to canonical events."""

from __future__ import annotations

from adapters.common.batch import ParsedRecord
from adapters.northern_ireland.document import batch_records, load_batch
from adapters.northern_ireland.record import not_an_event, parse_event

JURISDICTION = "NIR"


def parse(name: str, data: bytes) -> list[ParsedRecord]:
    """One `CW_PPANI_*.xml` batch: one record per `Event`, in order; `FileRejected` refuses the file."""
    root = load_batch(data)
    return [
        parse_event(element, locator) if kind == "Event" else not_an_event(kind, locator)
        for kind, locator, element in batch_records(root)
    ]
