"""Reading sharing agreements from YAML (shared/AGREEMENTS.md), refusing the whole file if any entry is wrong."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from hub.domain.agreements import ANYONE, SharingAgreement, is_known_coverage
from hub.domain.codes import AGENCIES, HANDLING_CODES, JURISDICTIONS
from hub.errors import HubError

DEFAULT_AGREEMENTS = Path(__file__).resolve().parent.parent / "deploy" / "agreements.yaml"


KNOWN_FIELDS = frozenset(
    {"id", "owners", "recipients", "covers", "handling", "withheld_fields", "valid_from", "valid_to"}
)


class AgreementsInvalid(HubError):
    """The agreements file has errors; none of it is applied."""

    def __init__(self, source: str, problems: list[str]) -> None:
        super().__init__(f"{source}: {len(problems)} problem(s):\n  " + "\n  ".join(problems))
        self.problems = problems


class _Loader(yaml.SafeLoader):
    """Safe YAML in which an impossible date (2026-02-30) stays text, so validation reports it with the rest."""


def _date_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _date_or_text)


def load_agreements(path: Path = DEFAULT_AGREEMENTS) -> tuple[SharingAgreement, ...]:
    """Parse and validate an agreements file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AgreementsInvalid(str(path), [f"cannot read: {exc}"]) from exc
    return parse_agreements(text, str(path))


def parse_agreements(text: str, source: str) -> tuple[SharingAgreement, ...]:
    """Parse and validate the text of an agreements file."""
    try:
        document = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.YAMLError as exc:
        raise AgreementsInvalid(source, [f"cannot read: {exc}"]) from exc
    return agreements_from_document(document, source)


def agreements_from_document(document: Any, source: str) -> tuple[SharingAgreement, ...]:
    """Validate every entry; one bad entry refuses the whole document."""
    entries = document.get("agreements") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise AgreementsInvalid(source, ["expected a mapping with an `agreements` list"])
    problems: list[str] = []
    agreements = []
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        where = f"agreement #{index} ({entry.get('id', 'no id')})" if isinstance(entry, dict) else f"agreement #{index}"
        found = _entry_problems(entry, seen)
        problems += [f"{where}: {p}" for p in found]
        if not found:
            agreements.append(_agreement(entry))
    if problems:
        raise AgreementsInvalid(source, problems)
    return tuple(agreements)


def _entry_problems(entry: Any, seen: set[str]) -> list[str]:
    if not isinstance(entry, dict):
        return ["must be a mapping"]
    problems = []
    if unknown := sorted(str(k) for k in entry if k not in KNOWN_FIELDS):
        problems.append(f"unknown field(s) {', '.join(unknown)}: expected {', '.join(sorted(KNOWN_FIELDS))}")
    ident = entry.get("id")
    if not isinstance(ident, str) or not ident:
        problems.append("`id` is required")
    elif ident in seen:
        problems.append(f"id {ident!r} is used twice")
    else:
        seen.add(ident)
    for name in ("owners", "recipients"):
        problems += [f"`{name}`: {p}" for p in _party_problems(entry.get(name))]
    covers = entry.get("covers")
    if (
        not isinstance(covers, list)
        or not covers
        or not all(isinstance(c, str) and is_known_coverage(c) for c in covers)
    ):
        problems.append("`covers` must list movement, custody, intelligence, minutes or event types")
    handling = entry.get("handling", [])
    if not isinstance(handling, list) or any(h not in HANDLING_CODES for h in handling):
        problems.append("`handling` must list handling codes (P)")
    elif "C" in handling:
        problems.append("handling code C is never pre-authorised: the owner decides each time")
    problems += _date_problems(entry.get("valid_from"), entry.get("valid_to"))
    withheld = entry.get("withheld_fields", [])
    if not isinstance(withheld, list) or not all(isinstance(f, str) for f in withheld):
        problems.append("`withheld_fields` must be a list of payload field names")
    return problems


def _party_problems(parties: Any) -> list[str]:
    if not isinstance(parties, list) or not parties:
        return ["must be a non-empty list"]
    return [
        f"unknown agency or jurisdiction {p!r}"
        for p in parties
        if not (p == ANYONE or p in JURISDICTIONS or p in AGENCIES)
    ]


def _date_problems(valid_from: Any, valid_to: Any) -> list[str]:
    if not isinstance(valid_from, date) or isinstance(valid_from, datetime):
        return ["`valid_from` must be a date (YYYY-MM-DD)"]
    if valid_to is not None and (not isinstance(valid_to, date) or isinstance(valid_to, datetime)):
        return ["`valid_to` must be a date or null"]
    if valid_to is not None and valid_to < valid_from:
        return [f"`valid_to` {valid_to} is before `valid_from` {valid_from}"]
    return []


def _agreement(entry: dict[str, Any]) -> SharingAgreement:
    return SharingAgreement(
        id=entry["id"],
        owners=frozenset(entry["owners"]),
        recipients=frozenset(entry["recipients"]),
        covers=frozenset(entry["covers"]),
        valid_from=entry["valid_from"],
        valid_to=entry.get("valid_to"),
        handling=frozenset(entry.get("handling", [])),
        withheld_fields=frozenset(entry.get("withheld_fields", [])),
    )
