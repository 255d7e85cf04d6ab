"""Ed25519 signing and verification throughput of hub.signing over encoded events (a measurement, no assertions).

Run from the repository root: .venv/bin/python -m benchmarks.signing_bench [messages]
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime

from benchmarks.codec_bench import sample_events
from hub import codec
from hub.signing import AdapterKey, RegisteredKey, sign, verify


def main(count: int = 20_000) -> None:
    key = AdapterKey.generate("SCO")
    registry = {key.key_id: RegisteredKey(key.key_id, "SCO", key.public_key)}
    values = [codec.encode(e) for e in sample_events()]
    messages = [values[i % len(values)] for i in range(count)]
    now = datetime.now(UTC)

    started = time.perf_counter()
    signed = [(value, *sign(value, key)) for value in messages]
    signing_s = time.perf_counter() - started

    started = time.perf_counter()
    for value, key_id, signature in signed:
        verify(value, key_id, signature, registry, source="SCO", now=now)
    verifying_s = time.perf_counter() - started

    sizes = ", ".join(str(len(v)) for v in values)
    print(f"{count} messages of {sizes} bytes, one core")
    print(f"signed:   {count / signing_s:>10,.0f} signatures/s")
    print(f"verified: {count / verifying_s:>10,.0f} signatures/s (registry lookup, revocation and jurisdiction checks)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
