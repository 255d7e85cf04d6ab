"""The Apache Kafka broker jars, fetched from Maven Central once and cached in `<stack_dir>/kafka/libs`."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

from hub.errors import PrerequisiteMissing, StackError
from hub.log import get_logger
from hub.stack.prerequisites import find_maven

log = get_logger("hub.stack.kafka_jars")

POM = Path(__file__).resolve().parents[2] / "deploy" / "kafka" / "pom.xml"
_STAMP = ".pom.sha256"
_BROKER_JAR = re.compile(r"^kafka_2\.13-(?P<version>[\w.-]+)\.jar$")


def pom_digest(pom: Path = POM) -> str:
    try:
        return hashlib.sha256(pom.read_bytes()).hexdigest()
    except OSError as exc:
        raise PrerequisiteMissing(f"the Kafka broker's Maven file {pom} is missing: restore deploy/kafka/") from exc


def jars_current(libs: Path, pom: Path = POM) -> bool:
    """Whether `libs` holds the jars of exactly this pom (the stamp file records its digest)."""
    stamp = libs / _STAMP
    return stamp.is_file() and stamp.read_text(encoding="ascii").strip() == pom_digest(pom)


def ensure_jars(libs: Path, pom: Path = POM) -> None:
    """Copy the broker's runtime jars into `libs` with Maven unless they are already there."""
    if jars_current(libs, pom):
        return
    maven = find_maven()
    staging = libs.with_name(libs.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    log.info("kafka_jars_fetching", pom=str(pom), into=str(libs))
    command = [
        str(maven), "-q", "-B", "-f", str(pom), "dependency:copy-dependencies",
        "-DincludeScope=runtime", f"-DoutputDirectory={staging}",
    ]  # fmt: skip
    # S603: Maven found on PATH, run with a fixed goal on the project's own pom.
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise StackError(f"Maven could not fetch the Kafka jars ({pom}):\n{(done.stdout + done.stderr)[-2000:]}")
    (staging / _STAMP).write_text(pom_digest(pom) + "\n", encoding="ascii")
    shutil.rmtree(libs, ignore_errors=True)
    staging.rename(libs)
    log.info("kafka_jars_cached", jars=sum(1 for _ in libs.glob("*.jar")))


def broker_version(libs: Path) -> str | None:
    """The Kafka version of the cached broker jar (`kafka_2.13-4.1.1.jar` → `"4.1.1"`)."""
    for jar in libs.glob("kafka_2.13-*.jar"):
        match = _BROKER_JAR.match(jar.name)
        if match is not None:
            return match.group("version")
    return None
