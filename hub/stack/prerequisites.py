"""Finding the programs the stack runs (Java, Maven, the PostgreSQL server) or saying what to install."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from hub.errors import PrerequisiteMissing

MIN_JAVA = 17
_PG_SEARCH_GLOB = "/usr/lib/postgresql/*/bin"
_PG_PROGRAMS = ("initdb", "pg_ctl", "postgres")


def find_program(name: str, install_hint: str, search_path: str | None = None) -> Path:
    """The absolute path of `name` on PATH, or PrerequisiteMissing saying what to install."""
    found = shutil.which(name, path=search_path)
    if found is None:
        raise PrerequisiteMissing(missing_message(name, install_hint))
    return Path(found)


def missing_message(name: str, install_hint: str) -> str:
    """The one-line error for a program that is not installed."""
    return f"`{name}` was not found on PATH: {install_hint}"


def find_java() -> Path:
    """A Java 17+ runtime: `$JAVA_HOME/bin/java`, else `java` on PATH (Kafka 4.x brokers need 17+)."""
    hint = f"install a Java {MIN_JAVA}+ runtime (e.g. `apt-get install openjdk-17-jre-headless`) or set JAVA_HOME"
    java_home = os.environ.get("JAVA_HOME")
    java = Path(java_home) / "bin" / "java" if java_home else find_program("java", hint)
    if not java.exists():
        raise PrerequisiteMissing(f"JAVA_HOME points to {java_home} but {java} does not exist: {hint}")
    version = java_major_version(_java_version_banner(java))
    if version is not None and version < MIN_JAVA:
        raise PrerequisiteMissing(f"{java} is Java {version}; the Kafka 4.x broker needs {hint}")
    return java


def _java_version_banner(java: Path) -> str:
    # S603: runs the Java binary found above with a fixed argument.
    done = subprocess.run([str(java), "-version"], capture_output=True, text=True, check=False)  # noqa: S603
    return done.stderr + done.stdout


def java_major_version(banner: str) -> int | None:
    """The major version in `java -version` output: `"17.0.15"` → 17, `"1.8.0_392"` → 8."""
    match = re.search(r'version "(\d+)(?:\.(\d+))?', banner)
    if match is None:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def find_maven() -> Path:
    return find_program("mvn", "install Apache Maven (e.g. `apt-get install maven`) to fetch the Kafka broker jars")


def find_pg_bindir(configured: Path | None) -> Path:
    """The PostgreSQL server binaries: HUB_PG_BINDIR, `pg_config --bindir`, the newest Debian version, PATH."""
    for candidate in _pg_candidates(configured):
        if all((candidate / program).is_file() for program in _PG_PROGRAMS):
            return candidate
    raise PrerequisiteMissing(
        "the PostgreSQL server programs (initdb, pg_ctl, postgres) were not found in HUB_PG_BINDIR, "
        "`pg_config --bindir`, /usr/lib/postgresql/*/bin or PATH: install them "
        "(e.g. `apt-get install postgresql-15`) or set HUB_PG_BINDIR"
    )


def _pg_candidates(configured: Path | None) -> list[Path]:
    candidates = [configured] if configured is not None else []
    pg_config = shutil.which("pg_config")
    if pg_config is not None:
        # S603: runs pg_config found on PATH with a fixed argument.
        done = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)  # noqa: S603
        if done.returncode == 0:
            candidates.append(Path(done.stdout.strip()))
    debian = sorted(Path("/").glob(_PG_SEARCH_GLOB.lstrip("/")), key=_version_key, reverse=True)
    candidates.extend(debian)
    initdb = shutil.which("initdb")
    if initdb is not None:
        candidates.append(Path(initdb).parent)
    return candidates


def _version_key(bindir: Path) -> tuple[int, ...]:
    digits = re.findall(r"\d+", bindir.parent.name)
    return tuple(int(d) for d in digits)
