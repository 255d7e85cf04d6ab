"""Hardened XML loading for the XML feeds: no DTDs, no entities, nothing external, UTF-8 only."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from adapters.common.errors import FileRejected

MAX_FILE_BYTES = 50 * 1024 * 1024
_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']+)[\"']")
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


def load_document(data: bytes) -> ET.Element:
    """Parse an XML file or refuse it whole: TOO_LARGE, ENCODING, FORBIDDEN_CONSTRUCT or MALFORMED."""
    if len(data) > MAX_FILE_BYTES:
        raise FileRejected("file", "TOO_LARGE", f"{len(data)} bytes, at most {MAX_FILE_BYTES}")
    declared = _DECLARATION.match(data.removeprefix(b"\xef\xbb\xbf"))
    if declared and declared[1].decode("ascii", "replace").upper() != "UTF-8":
        raise FileRejected("encoding", "ENCODING", "the file must be UTF-8")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileRejected("encoding", "ENCODING", f"invalid UTF-8 at byte {exc.start}") from None
    if _DOCTYPE.search(data):
        raise FileRejected("DOCTYPE", "FORBIDDEN_CONSTRUCT", "a DOCTYPE is never accepted")
    try:
        root: ET.Element = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise FileRejected("DOCTYPE", "FORBIDDEN_CONSTRUCT", "DTDs and entity declarations are refused") from None
    except ET.ParseError as exc:
        raise FileRejected("document", "MALFORMED", f"not well-formed XML: {exc}") from None
    return root


def local_name(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rpartition("}")[2]


def namespace(tag: str) -> str:
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""
