"""What `hub agreements` prints: the change a load made, or why nothing was recorded; the agreements table."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from hub.agreements_cli import agreement_as_dict, load_report_lines, table
from hub.agreements_store import LoadInfo, LoadReport
from hub.cli import build_parser
from hub.domain.agreement_changes import AgreementChanges
from hub.domain.agreements import SharingAgreement

LOAD = LoadInfo(7, datetime(2026, 7, 1, 9, 30, tzinfo=UTC), "Morag Stewart", "/srv/agreements.yaml", "ab" * 32, "s")


def test_a_recorded_load_lists_what_it_added_changed_and_removed_in_london_time() -> None:
    changes = AgreementChanges(added=("D",), changed={"B": ("valid_to",)}, removed=("C",), unchanged=("A",))
    lines = load_report_lines(LoadReport("/srv/agreements.yaml", "ab" * 32, changes, LOAD, None))
    assert lines[0] == "recorded load #7 of /srv/agreements.yaml, 2026-07-01 10:30 BST by Morag Stewart"
    assert lines[2:] == ["  added    D", "  changed  B (valid_to)", "  removed  C", "  1 unchanged"]


def test_an_identical_file_says_nothing_was_recorded_and_names_the_load_in_force() -> None:
    report = LoadReport("/srv/agreements.yaml", "ab" * 32, AgreementChanges(unchanged=("A", "B")), None, LOAD)
    lines = load_report_lines(report)
    assert lines[0].startswith("nothing recorded: the file matches the agreements in force (load #7,")
    assert "2 agreement(s)" in lines[1]


def test_the_table_aligns_columns_under_the_headings() -> None:
    lines = table([("A",) * 7, ("LONGER-ID",) * 7])
    assert lines[0].startswith("ID         OWNERS")
    assert lines[2].startswith("LONGER-ID  LONGER-ID")


def test_json_gives_dates_as_iso_and_an_open_end_as_null() -> None:
    agreement = SharingAgreement("A", frozenset({"SCO"}), frozenset({"EAW"}), frozenset({"movement"}), date(2026, 1, 1))
    as_dict = agreement_as_dict(agreement, LOAD)
    assert as_dict["valid_from"] == "2026-01-01"
    assert as_dict["valid_to"] is None
    assert as_dict["loaded_by"] == "Morag Stewart"


def test_load_requires_the_person_and_show_rejects_a_malformed_date(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    with pytest.raises(SystemExit):
        parser.parse_args(["agreements", "load", "deploy/agreements.yaml"])
    with pytest.raises(SystemExit):
        parser.parse_args(["agreements", "show", "--at", "2026-13-01"])
    assert "'2026-13-01' is not a date (YYYY-MM-DD)" in capsys.readouterr().err
    assert parser.parse_args(["agreements", "show", "--at", "2026-06-01"]).at == date(2026, 6, 1)
