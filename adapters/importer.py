"""`hub adapter import`: a jurisdiction's files through its adapter to its inbound topic, with a summary."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
from aiokafka import AIOKafkaProducer

from adapters.common.batch import Accepted, Deduplicator, Duplicate, Outcome, Refused, Rejected
from adapters.common.output import outcome_line
from adapters.common.run import judge_delivery
from adapters.publishing import AlreadyPublished, Published, PublishOutcome, publish_accepted
from adapters.registry import adapter_for
from consumers.kafka_io import new_producer, start
from hub.kafka_auth import adapter_principal
from hub.settings import Settings
from hub.store.connect import connect

CHUNK = 500


@dataclass
class ImportSummary:
    """What an import did: per record, one of these counts."""

    published: int = 0
    already_published: int = 0
    rejected: int = 0
    duplicates: int = 0
    refused_files: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)

    def count(self, outcome: Outcome | PublishOutcome) -> None:
        if isinstance(outcome, Published | AlreadyPublished):
            self.event_ids.append(outcome.event_id)
        if isinstance(outcome, Published):
            self.published += 1
        elif isinstance(outcome, AlreadyPublished):
            self.already_published += 1
        elif isinstance(outcome, Rejected):
            self.rejected += 1
        elif isinstance(outcome, Duplicate):
            self.duplicates += 1

    def render(self) -> str:
        refused = f", {len(self.refused_files)} file(s) refused" if self.refused_files else ""
        return (
            f"accepted {self.published + self.already_published} ({self.published} published,"
            f" {self.already_published} already published before), rejected {self.rejected},"
            f" duplicates {self.duplicates}{refused}"
        )

    def exit_code(self) -> int:
        return 2 if self.refused_files else 1 if self.rejected else 0


async def import_files(
    jurisdiction: str,
    paths: Sequence[Path],
    *,
    progress: bool = False,
    quiet: bool = False,
    settings: Settings | None = None,
) -> ImportSummary:
    """Import files in order; each record's outcome is printed as a JSON line, the summary returned."""
    settings = settings or Settings()
    adapter = adapter_for(jurisdiction)
    connection = await connect(settings.hub_login())
    # Logged in as this jurisdiction's adapter: the broker refuses it any topic but its own hub.inbound.<SRC>.
    producer = new_producer(settings, adapter_principal(adapter.JURISDICTION))
    await start(producer)
    summary = ImportSummary()
    dedup = Deduplicator()
    try:
        for path in paths:
            outcomes = list(judge_delivery(adapter, path.name, path.read_bytes(), dedup))
            refused = [o for o in outcomes if isinstance(o, Refused)]
            if refused:
                summary.refused_files.append(path.name)
                if not quiet:
                    print(outcome_line(refused[0]))
                continue
            records = [o for o in outcomes if not isinstance(o, Refused)]
            await _publish_file(connection, producer, path.name, records, summary, progress=progress, quiet=quiet)
    finally:
        await producer.stop()
        await connection.close()
    return summary


async def _publish_file(
    connection: asyncpg.Connection,
    producer: AIOKafkaProducer,
    name: str,
    outcomes: list[Outcome],
    summary: ImportSummary,
    *,
    progress: bool,
    quiet: bool,
) -> None:
    for start_at in range(0, len(outcomes), CHUNK):
        chunk: list[Outcome] = outcomes[start_at : start_at + CHUNK]
        accepted = [o for o in chunk if isinstance(o, Accepted)]
        published = iter(await publish_accepted(connection, producer, name, accepted))
        for outcome in chunk:
            final = next(published) if isinstance(outcome, Accepted) else outcome
            summary.count(final)
            if not quiet:
                _report(final)
        if progress:
            done = min(start_at + CHUNK, len(outcomes))
            print(f"\r{name}: {done}/{len(outcomes)} records", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)


def _report(outcome: Outcome | PublishOutcome) -> None:
    if isinstance(outcome, Published):
        published = {"event_id": outcome.event_id, "nominal_id": outcome.nominal_id}
        print(json.dumps({"record": outcome.locator, "published": published}))
    elif isinstance(outcome, AlreadyPublished):
        print(json.dumps({"record": outcome.locator, "already_published": outcome.event_id}))
    else:
        print(outcome_line(outcome))
