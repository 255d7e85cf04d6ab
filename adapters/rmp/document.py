"""Reading a REDCAP `Return` document: the hardened parse, the root, and each record's elements."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from adapters.common.errors import FileRejected, reject
from adapters.common.xmldoc import MAX_FILE_BYTES, load_document, local_name, namespace
from adapters.rmp.codes import NAMESPACE

RETURN_ATTRIBUTES = ("returnNo", "generated", "generatedTime")
_UTF8_BOM = b"\xef\xbb\xbf"
_DECLARED_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']+)[\"']")
# Children a record may carry at most once; `Alias` may repeat.
SINGLE_CHILDREN = ("Subject", "Detail", "Address", "Text", "Conditions")
REPEATED_CHILDREN = ("Alias",)


@dataclass(frozen=True, slots=True)
class NativeRecord:
    """One `Record` element, its children sorted by name; structure already checked against the type."""

    element: ET.Element
    singles: dict[str, ET.Element]
    aliases: list[ET.Element]

    def child(self, name: str) -> ET.Element | None:
        return self.singles.get(name)


def read_return(data: bytes) -> Iterator[tuple[str, ET.Element]]:
    """Each child of the `Return` root with its locator, or `FileRejected` when the file is refused whole."""
    if len(data) <= MAX_FILE_BYTES:
        _refuse_other_declared_encoding(data)
    root = load_document(data)
    if local_name(root.tag) != "Return" or namespace(root.tag) != NAMESPACE:
        raise FileRejected("Return", "MALFORMED", f"the root must be Return in namespace {NAMESPACE}")
    for name in RETURN_ATTRIBUTES:
        if not root.get(name, "").strip():
            raise FileRejected(f"@{name}", "MALFORMED", f"the Return element lacks {name}")
    return _children(root)


def _refuse_other_declared_encoding(data: bytes) -> None:
    # load_document looks for the declaration only at the very start, so a UTF-8 byte-order mark in
    # front of `encoding="ISO-8859-1"` would slip past it and expat would decode the file as Latin-1.
    declared = _DECLARED_ENCODING.match(data.removeprefix(_UTF8_BOM))
    if declared and declared[1].decode("ascii", "replace").upper() not in ("UTF-8", "UTF8"):
        raise FileRejected("encoding", "ENCODING", "the file must be UTF-8")


def _children(root: ET.Element) -> Iterator[tuple[str, ET.Element]]:
    counts: dict[str, int] = {}
    for child in root:
        name = local_name(child.tag)
        counts[name] = counts.get(name, 0) + 1
        yield f"/Return/{name}[{counts[name]}]", child


def is_record(element: ET.Element) -> bool:
    return element.tag == f"{{{NAMESPACE}}}Record"


def native_record(element: ET.Element, allowed: frozenset[str], record_type: str) -> NativeRecord:
    """Sort a record's children; an unknown, unexpected or repeated child makes it `MALFORMED`."""
    singles: dict[str, ET.Element] = {}
    aliases: list[ET.Element] = []
    for child in element:
        name = local_name(child.tag)
        if namespace(child.tag) != NAMESPACE or name not in SINGLE_CHILDREN + REPEATED_CHILDREN:
            raise reject(name, "MALFORMED", f"{name} is not an element of a REDCAP record")
        if name not in allowed:
            raise reject(name, "MALFORMED", f"a {record_type} record has no {name} element")
        if len(child):
            nested = local_name(child[0].tag)
            raise reject(nested, "MALFORMED", f"{name} holds text or attributes only, not a {nested} element")
        if name in REPEATED_CHILDREN:
            aliases.append(child)
        elif name in singles:
            raise reject(name, "MALFORMED", f"{name} is given twice")
        else:
            singles[name] = child
    return NativeRecord(element, singles, aliases)
