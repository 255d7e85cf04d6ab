"""Render schemas/definitions.py into the checked-in `schemas/current/*.avsc` files.

Run `python -m schemas.generate` after changing definitions.py, then the compatibility gate
(`python -m hub.schema_compat`). A unit test fails when the files and the definitions disagree.
"""

from __future__ import annotations

import json
from pathlib import Path

from schemas.definitions import all_event_schemas

CURRENT_DIR = Path(__file__).parent / "current"


def render_all() -> dict[str, str]:
    """The `.avsc` text of every current schema, keyed by file name."""
    return {
        f"{event_type}.avsc": json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        for event_type, schema in all_event_schemas().items()
    }


def main() -> None:
    """Write every current schema file and remove files of event types that no longer exist."""
    rendered = render_all()
    for stale in set(p.name for p in CURRENT_DIR.glob("*.avsc")) - rendered.keys():
        (CURRENT_DIR / stale).unlink()
    for name, text in rendered.items():
        (CURRENT_DIR / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(rendered)} schemas to {CURRENT_DIR}")


if __name__ == "__main__":
    main()
