"""England and Wales: the forces' nightly CSV (`FORCE-RMS`) and HMPPS domain events (`HMPPS-DE`).

Both feeds arrive under the one jurisdiction name `england-wales`, so a delivery is told apart by its
content: an HMPPS notification is a JSON body, a force file is CSV whose header starts `record_type`.
"""

from __future__ import annotations

import re

from adapters.common.batch import ParsedRecord
from adapters.england_wales import hmpps_events, police_csv

JURISDICTION = "EAW"

# A JSON body opens with `{` (or `[`, which is then reported as not one JSON object); a CSV header never does.
_JSON_OPENING = re.compile(rb"\A(?:\xef\xbb\xbf)?[ \t\r\n]*[{\[]")


def parse(name: str, data: bytes) -> list[ParsedRecord]:
    """Parse one delivery: an HMPPS notification (one record, locator `$`) or a force's CSV file."""
    if _JSON_OPENING.match(data):
        return [hmpps_events.parse_notification(data)]
    return police_csv.parse_file(data)
