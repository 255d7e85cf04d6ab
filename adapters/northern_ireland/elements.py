"""Reading Causeway's element-centric XML: each container checked against the children it may hold.

Field names are element paths below `Event` (`Registration/Alias/FamilyName`), as the spec writes them.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from adapters.common.codes import code
from adapters.common.errors import reject
from adapters.common.text import free_text, required, text
from adapters.common.timing import parse_date
from adapters.common.xmldoc import local_name, namespace

NAMESPACE = "urn:nir:causeway:ppani-exchange:2"
_XML_SPACE = " \t\r\n"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Child:
    """One child a container may hold: a text element, or a group with its own layout; repeating or not."""

    repeats: bool = False
    layout: Mapping[str, Child] | None = None


Layout = Mapping[str, Child]
LEAF = Child()
LEAVES = Child(repeats=True)


def group(layout: Layout, *, repeats: bool = False) -> Child:
    return Child(repeats=repeats, layout=layout)


def name_of(element: ET.Element) -> str | None:
    """The element's local name when it is in the Causeway namespace, else `None`."""
    tag = element.tag
    if not isinstance(tag, str) or namespace(tag) != NAMESPACE:
        return None
    return local_name(tag)


def display_name(element: ET.Element) -> str:
    """The element's local name, for a field path, whatever its namespace."""
    return local_name(element.tag) if isinstance(element.tag, str) else "?"


def check_no_stray_text(element: ET.Element, path: str) -> None:
    """Everything is an element: text beside child elements is not part of the format."""
    loose = [element.text or ""] + [child.tail or "" for child in element]
    if any(part.strip(_XML_SPACE) for part in loose):
        raise reject(path, "MALFORMED", "text outside any element; every value is in its own element")


def leaf_text(element: ET.Element, path: str) -> str:
    """The raw text of an element that holds a value (no child elements allowed)."""
    child = next(iter(element), None)
    if child is not None:
        raise reject(f"{path}/{display_name(child)}", "MALFORMED", "an unlisted element inside a value")
    return element.text or ""


@dataclass(frozen=True, slots=True)
class Group:
    """A container element read against its layout: raw values and sub-groups by child name."""

    path: str
    values: dict[str, list[str]] = field(default_factory=dict)
    groups: dict[str, list[Group]] = field(default_factory=dict)

    def field(self, name: str) -> str:
        return f"{self.path}/{name}"

    def text(self, name: str, max_len: int | None = None) -> str | None:
        raw = self.values.get(name)
        return text(raw[0], self.field(name), max_len) if raw else None

    def required_text(self, name: str, max_len: int | None = None) -> str:
        return required(self.text(name, max_len), self.field(name))

    def free_text(self, name: str, max_len: int) -> str | None:
        raw = self.values.get(name)
        return free_text(raw[0], self.field(name), max_len) if raw else None

    def required_free_text(self, name: str, max_len: int) -> str:
        return required(self.free_text(name, max_len), self.field(name))

    def texts(self, name: str, max_len: int | None = None) -> list[str]:
        """A repeating value, empty occurrences left out."""
        found = (text(raw, self.field(name), max_len) for raw in self.values.get(name, []))
        return [value for value in found if value is not None]

    def code(self, name: str, mapping: Mapping[str, T]) -> T | None:
        value = self.text(name)
        return None if value is None else code(value, self.field(name), mapping)

    def required_code(self, name: str, mapping: Mapping[str, T]) -> T:
        return code(self.required_text(name), self.field(name), mapping)

    def date(self, name: str) -> dt.date | None:
        value = self.text(name)
        return None if value is None else parse_date(value, self.field(name), "YYYY-MM-DD")

    def required_date(self, name: str) -> dt.date:
        return parse_date(self.required_text(name), self.field(name), "YYYY-MM-DD")

    def group(self, name: str) -> Group | None:
        found = self.groups.get(name)
        return found[0] if found else None

    def required_group(self, name: str) -> Group:
        found = self.group(name)
        if found is None:
            raise reject(self.field(name), "MISSING", "required for this record type")
        return found

    def has(self, name: str) -> bool:
        return name in self.values or name in self.groups


def read_group(element: ET.Element, path: str, layout: Layout) -> Group:
    """Check a container's children against its layout, down to its values; MALFORMED names the culprit."""
    check_no_stray_text(element, path)
    result = Group(path)
    for child in element:
        name = name_of(child)
        child_path = f"{path}/{display_name(child)}"
        spec = layout.get(name) if name is not None else None
        if spec is None or name is None:
            raise reject(child_path, "MALFORMED", f"{display_name(child)} is not part of {path}")
        if not spec.repeats and result.has(name):
            raise reject(child_path, "MALFORMED", "given more than once")
        if spec.layout is None:
            result.values.setdefault(name, []).append(leaf_text(child, child_path))
        else:
            result.groups.setdefault(name, []).append(read_group(child, child_path, spec.layout))
    return result
