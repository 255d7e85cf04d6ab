"""The Causeway batch file as a whole: encoding, hardened parse, root, namespace and `BatchHeader`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from adapters.common.errors import FileRejected
from adapters.common.xmldoc import load_document, namespace
from adapters.northern_ireland.elements import NAMESPACE, display_name, name_of

ROOT = "EventBatch"
_BOM = b"\xef\xbb\xbf"
_DECLARED_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")


def load_batch(data: bytes) -> ET.Element:
    """The `EventBatch` root of a well-formed, UTF-8, DTD-free document in the Causeway namespace."""
    _check_declared_encoding(data)
    root = load_document(data)
    if name_of(root) != ROOT:
        raise FileRejected(ROOT, "MALFORMED", f"the root must be EventBatch in namespace {NAMESPACE}")
    _check_batch_header(root)
    return root


def _check_declared_encoding(data: bytes) -> None:
    """Only `UTF-8` may be declared (any case), not an alias such as `UTF8`.

    `load_document` lets `UTF8` through, and expat then fails on the first non-ASCII byte (`MALFORMED`);
    the spec makes any declaration other than UTF-8 `ENCODING`.
    """
    head = data.removeprefix(_BOM)
    declared = _DECLARED_ENCODING.match(head)
    if declared and declared[1].decode("ascii", "replace").upper() != "UTF-8":
        raise FileRejected("encoding", "ENCODING", "the file must be UTF-8 and declare no other encoding")


def _check_batch_header(root: ET.Element) -> None:
    headers = [child for child in root if name_of(child) == "BatchHeader"]
    if len(headers) != 1:
        raise FileRejected("BatchHeader", "MALFORMED", "a batch has exactly one BatchHeader")
    present = {name_of(child) for child in headers[0] if (child.text or "").strip() and not len(child)}
    if not {"BatchId", "CreatedAt"} <= present:
        raise FileRejected("BatchHeader", "MALFORMED", "the BatchHeader needs a BatchId and a CreatedAt")


def batch_records(root: ET.Element) -> Iterator[tuple[str, str, ET.Element]]:
    """Each child of the root but the header, as (local name, locator, element); numbered per name from 1."""
    counts: dict[str, int] = {}
    for child in root:
        if name_of(child) == "BatchHeader":
            continue
        name = display_name(child) if name_of(child) else f"{{{namespace(child.tag)}}}{display_name(child)}"
        counts[name] = counts.get(name, 0) + 1
        yield name, f"/{ROOT}/{display_name(child)}[{counts[name]}]", child
