"""The adapters by the jurisdiction names the CLI and the ingest endpoint use."""

from __future__ import annotations

import importlib
from typing import Protocol

from adapters.common.batch import ParsedRecord

ADAPTER_MODULES = {
    "scotland": "adapters.scotland",
    "england-wales": "adapters.england_wales",
    "northern-ireland": "adapters.northern_ireland",
    "jersey": "adapters.jersey",
    "btp": "adapters.btp",
    "rmp": "adapters.rmp",
}


class Adapter(Protocol):
    """A partner feed's parser: one delivery (a file or a pushed message) in, its records out."""

    JURISDICTION: str

    def parse(self, name: str, data: bytes) -> list[ParsedRecord]:
        """Parse one delivery; raises `FileRejected` when the whole delivery is refused."""
        ...


def adapter_for(name: str) -> Adapter:
    """The adapter for a jurisdiction name such as `scotland` or `england-wales`."""
    try:
        module_name = ADAPTER_MODULES[name]
    except KeyError:
        raise ValueError(f"unknown jurisdiction {name!r}; expected one of {', '.join(ADAPTER_MODULES)}") from None
    adapter: Adapter = importlib.import_module(module_name)
    return adapter
