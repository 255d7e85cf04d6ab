"""Dependency audit: every installed distribution checked against PyPI's advisory data (OSV-backed).

pip-audit asks PyPI for each exact version (`/pypi/<name>/<version>/json`); the package index this project's
build machines reach serves only each project's latest release (`/pypi/<name>/json`), which carries the known
vulnerabilities of that release. So: a distribution installed at its latest release is audited; one that is
not is reported as unchecked (pinned ranges keep that list short). Any known vulnerability fails the run.
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata

INDEX = "https://pypi.org/pypi/{name}/json"
OWN = {"visor-transfer-hub"}


def audit(name: str, version: str) -> tuple[str, str, list[str]]:
    """(name, status, advisories) where status is `ok`, `vulnerable` or why it could not be checked."""
    try:
        with urllib.request.urlopen(INDEX.format(name=name), timeout=30) as answer:  # noqa: S310 - fixed https URL
            release = json.load(answer)
    except (urllib.error.URLError, TimeoutError, json.JSONDecodeError) as exc:
        return name, f"unchecked ({exc.__class__.__name__})", []
    latest = release["info"]["version"]
    if latest != version:
        return name, f"unchecked ({version} installed, {latest} is the latest release)", []
    found = [
        f"{v['id']} (fixed in {', '.join(v.get('fixed_in') or ['-'])})"
        for v in release.get("vulnerabilities", [])
        if not v.get("withdrawn")
    ]
    return name, "vulnerable" if found else "ok", found


def main() -> int:
    installed = {d.metadata["Name"].lower(): d.version for d in metadata.distributions()}
    wanted = sorted((n, v) for n, v in installed.items() if n not in OWN)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda item: audit(*item), wanted))
    vulnerable = [r for r in results if r[1] == "vulnerable"]
    unchecked = [r for r in results if r[1].startswith("unchecked")]
    for name, status, advisories in vulnerable + unchecked:
        print(f"{name} {installed[name]}: {status} {'; '.join(advisories)}".rstrip())
    checked = len(results) - len(unchecked)
    print(
        f"dependency audit: {checked} of {len(results)} distributions checked, {len(vulnerable)} vulnerable,"
        f" {len(unchecked)} unchecked"
    )
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
