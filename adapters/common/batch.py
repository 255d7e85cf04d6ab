"""A delivery's records and their outcomes: accepted, rejected, or a repeat of one already seen."""

from __future__ import annotations

from dataclasses import dataclass

from adapters.common.errors import FileRejected, RecordRejected
from adapters.common.events import CanonicalEvent, same_event


@dataclass(frozen=True, slots=True)
class ParsedRecord:
    """What a parser made of one native record: an event, or the reason it could not."""

    locator: str
    key: str | None
    key_field: str
    result: CanonicalEvent | RecordRejected

    def __post_init__(self) -> None:
        if isinstance(self.result, RecordRejected):
            # a kept traceback keeps every frame of the parser alive: ~1.4 KB per rejected record
            self.result.__traceback__ = None


@dataclass(frozen=True, slots=True)
class Accepted:
    locator: str
    event: CanonicalEvent


@dataclass(frozen=True, slots=True)
class Rejected:
    locator: str
    error: RecordRejected


@dataclass(frozen=True, slots=True)
class Duplicate:
    locator: str
    duplicate_of: str


@dataclass(frozen=True, slots=True)
class Refused:
    """The whole file is refused."""

    source: str
    error: FileRejected


Outcome = Accepted | Rejected | Duplicate


class Deduplicator:
    """Remembers each idempotency key's first event, across the deliveries given to one adapter run."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[str, str, CanonicalEvent]] = {}

    def judge(self, record: ParsedRecord, delivery: str) -> Outcome:
        """Accept a first sighting, report a repeat, reject a conflicting reuse of a key.

        An earlier record is cited by its locator within the same delivery, by `<delivery> <locator>` from
        another one, and by the delivery's name alone when the delivery was a single message.
        """
        if isinstance(record.result, RecordRejected):
            return Rejected(record.locator, record.result)
        if record.key is None:
            return Accepted(record.locator, record.result)
        earlier = self._seen.get(record.key)
        if earlier is None:
            self._seen[record.key] = (delivery, record.locator, record.result)
            return Accepted(record.locator, record.result)
        earlier_delivery, earlier_locator, earlier_event = earlier
        earlier_origin = (
            earlier_locator
            if earlier_delivery in (delivery, earlier_locator)
            else f"{earlier_delivery} {earlier_locator}"
        )
        if same_event(earlier_event, record.result):
            return Duplicate(record.locator, earlier_origin)
        return Rejected(
            record.locator,
            RecordRejected(record.key_field, "DUPLICATE_CONFLICT", f"same key as {earlier_origin}, different content"),
        )
