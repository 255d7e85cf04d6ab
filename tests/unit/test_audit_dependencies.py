"""The dependency audit script: latest releases are audited, older ones reported unchecked, advisories fail."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import audit_dependencies


def answer(version: str, vulnerabilities: list[dict[str, Any]]) -> io.BytesIO:
    return io.BytesIO(json.dumps({"info": {"version": version}, "vulnerabilities": vulnerabilities}).encode())


def test_a_known_vulnerability_in_the_installed_release_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    advisory = {"id": "GHSA-xxxx", "fixed_in": ["1.1"], "withdrawn": None}
    monkeypatch.setattr(audit_dependencies.urllib.request, "urlopen", lambda url, timeout: answer("1.0", [advisory]))
    assert audit_dependencies.audit("example", "1.0") == ("example", "vulnerable", ["GHSA-xxxx (fixed in 1.1)"])


def test_a_withdrawn_advisory_does_not_count(monkeypatch: pytest.MonkeyPatch) -> None:
    advisory = {"id": "GHSA-yyyy", "fixed_in": [], "withdrawn": "2026-01-01"}
    monkeypatch.setattr(audit_dependencies.urllib.request, "urlopen", lambda url, timeout: answer("1.0", [advisory]))
    assert audit_dependencies.audit("example", "1.0")[1] == "ok"


def test_an_older_installed_release_is_reported_as_unchecked_not_as_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit_dependencies.urllib.request, "urlopen", lambda url, timeout: answer("2.0", []))
    assert audit_dependencies.audit("example", "1.0")[1].startswith("unchecked")
