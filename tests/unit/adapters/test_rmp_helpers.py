"""Building REDCAP returns for the RMP adapter tests: one valid record per type, varied one field at a time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import adapters.rmp as rmp
from adapters.common.batch import ParsedRecord
from adapters.common.errors import RecordRejected

NS = "urn:uk:mod:rmp:redcap:visor-return:1"
TRANSFER_GUID = "{3F2504E0-4F89-41D3-9A0C-0305E82C3301}"
TRANSFER_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
INTEL_GUID = "1D2C3B4A-5F6E-4D7C-8B9A-0F1E2D3C4B5A"
INTEL_ID = "1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a"
ROOT_ATTRIBUTES = {"returnNo": "R2026-0337", "generated": "20261203", "generatedTime": "0600Z"}

Attrs = Mapping[str, str | None]
Child = tuple[str, Attrs, str | None]


def element(name: str, attrs: Attrs, content: str | None = None) -> str:
    written = "".join(f" {key}={quoteattr(value)}" for key, value in attrs.items() if value is not None)
    if content is None:
        return f"<rmp:{name}{written}/>"
    return f"<rmp:{name}{written}>{escape(content)}</rmp:{name}>"


@dataclass(frozen=True)
class Rec:
    """One native record, kept as parts so a test can change exactly one of them."""

    type: str
    detail: Attrs
    children: tuple[Child, ...] = ()
    record: Attrs = field(default_factory=dict)
    subject: Attrs = field(default_factory=lambda: {"service": "ARMY", "serviceNo": "25123456"})

    def with_record(self, **attrs: str | None) -> Rec:
        return replace(self, record={**self.record, **attrs})

    def with_detail(self, **attrs: str | None) -> Rec:
        return replace(self, detail={**self.detail, **attrs})

    def with_subject(self, **attrs: str | None) -> Rec:
        return replace(self, subject={**self.subject, **attrs})

    def with_child(self, name: str, attrs: Attrs | None = None, content: str | None = None) -> Rec:
        """Replace the child of that name (or add it)."""
        kept = tuple(child for child in self.children if child[0] != name)
        return replace(self, children=(*kept, (name, attrs or {}, content)))

    def add_child(self, name: str, attrs: Attrs | None = None, content: str | None = None) -> Rec:
        return replace(self, children=(*self.children, (name, attrs or {}, content)))

    def without(self, name: str) -> Rec:
        return replace(self, children=tuple(child for child in self.children if child[0] != name))

    def xml(self) -> str:
        head = {"ref": "RMP26-000101", "type": self.type, "agency": "RMP", "marking": "OS"}
        head |= {"date": "20261202", "time": "0915Z"}
        inner = [element("Subject", self.subject), element("Detail", self.detail)]
        inner += [element(name, attrs, content) for name, attrs, content in self.children]
        written = "".join(f" {key}={quoteattr(value)}" for key, value in {**head, **self.record}.items() if value)
        return f"<rmp:Record{written}>{''.join(inner)}</rmp:Record>"


UK_ADDRESS = {"line1": "14 Wharf Road", "town": "Colchester", "postcode": "CO2 7TE"}
BFPO_ADDRESS = {"line1": "1st Battalion The Rifles", "line2": "Episkopi Garrison", "bfpo": "BFPO 53"}

VALID: dict[str, Rec] = {
    "REG": Rec(
        "REG",
        {"family": "Prydderch", "given": "Siôn", "dob": "19990214", "sex": "M", "mappaCategory": "2"}
        | {"mappaLevel": "1", "leadAgency": "RMP", "status": "COMM"},
    ),
    "ADDR": Rec(
        "ADDR",
        {"addressType": "PRIVATE", "notifiedOn": "20261201", "effectiveFrom": "20261215"},
        (("Address", UK_ADDRESS, None),),
    ),
    "TFR-REQ": Rec(
        "TFR-REQ",
        {"transferId": TRANSFER_GUID, "toAgency": "EAW-F20", "moveDate": "20270110"}
        | {"mappaCategory": "2", "mappaLevel": "1", "rosh": "M"},
        (("Text", {}, "Discharged from service; moving to Wolverhampton."),),
    ),
    "TFR-ACC": Rec("TFR-ACC", {"transferId": TRANSFER_GUID}),
    "TFR-REJ": Rec("TFR-REJ", {"transferId": TRANSFER_GUID, "reasonCode": "10"}, (("Text", {}, "No link."),)),
    "TFR-DEP": Rec("TFR-DEP", {"transferId": TRANSFER_GUID}),
    "TFR-ARR": Rec("TFR-ARR", {"transferId": TRANSFER_GUID}, (("Address", UK_ADDRESS, None),)),
    "CUS-REC": Rec("CUS-REC", {"establishment": "MCTC", "reason": "SD"}, record={"agency": "MCTC"}),
    "CUS-TFR": Rec("CUS-TFR", {"fromEstablishment": "MCTC", "toEstablishment": "EAW-BXI"}, record={"agency": "MCTC"}),
    "CUS-REL": Rec("CUS-REL", {"releaseType": "EOD"}, record={"agency": "MCTC"}),
    "MAPPA": Rec("MAPPA", {"meetingRef": "RMP-MAPPA-2026-041", "mappaLevel": "2"}),
    "INT-SHR": Rec(
        "INT-SHR",
        {"intelId": INTEL_GUID, "source": "1", "assessment": "B", "handling": "P", "recipients": "SCO"},
        (("Text", {}, "Seen at Cairnryan."),),
    ),
    "INT-CON": Rec("INT-CON", {"intelId": INTEL_GUID, "owner": "RMP", "recipient": "NIR", "decision": "GRANTED"}),
    "INT-WDR": Rec("INT-WDR", {"intelId": INTEL_GUID, "owner": "RMP"}, (("Text", {}, "Source withdrew."),)),
    "ARCH": Rec("ARCH", {}, (("Text", {}, "Discharged."),)),
    "REACT": Rec("REACT", {}, (("Text", {}, "Re-enlisted."),)),
}


def document(*records: Rec | str, root: Mapping[str, str | None] | None = None, prefix: str = "rmp") -> bytes:
    attrs = {**ROOT_ATTRIBUTES, **(root or {})}
    written = "".join(f" {key}={quoteattr(value)}" for key, value in attrs.items() if value is not None)
    body = "\n  ".join(r.xml() if isinstance(r, Rec) else r for r in records)
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n<rmp:Return xmlns:rmp="{NS}"{written}>\n  {body}\n</rmp:Return>\n'
    if prefix != "rmp":
        text = text.replace("xmlns:rmp", f"xmlns:{prefix}" if prefix else "xmlns")
        text = text.replace("<rmp:", f"<{prefix}:" if prefix else "<").replace(
            "</rmp:", f"</{prefix}:" if prefix else "</"
        )
    return text.encode("utf-8")


def parse(*records: Rec | str) -> list[ParsedRecord]:
    return rmp.parse("REDCAP_VISOR_20261203.xml", document(*records))


def event_of(record: Rec) -> dict[str, Any]:
    (parsed,) = parse(record)
    assert not isinstance(parsed.result, RecordRejected), parsed.result
    return parsed.result


def rejection_of(record: Rec | str) -> tuple[str, str]:
    (parsed,) = parse(record)
    assert isinstance(parsed.result, RecordRejected), parsed.result
    return parsed.result.field, parsed.result.reason
