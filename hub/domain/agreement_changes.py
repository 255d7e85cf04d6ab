"""What a new set of sharing agreements changes compared with the set in force: the summary of a load."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields

from hub.domain.agreements import SharingAgreement

_COMPARED = tuple(f.name for f in fields(SharingAgreement) if f.name != "id")


@dataclass(frozen=True, slots=True)
class AgreementChanges:
    """Agreement ids added, changed (with the fields that changed) and removed, each sorted."""

    added: tuple[str, ...] = ()
    changed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    removed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def summary(self) -> str:
        """One line for the load record and the operator, e.g. `added A; changed B (valid_to); removed C`."""
        if self.is_empty:
            return f"no change: the {len(self.unchanged)} agreement(s) in force are the same"
        parts = []
        if self.added:
            parts.append("added " + ", ".join(self.added))
        if self.changed:
            parts.append("changed " + ", ".join(f"{i} ({', '.join(f)})" for i, f in self.changed.items()))
        if self.removed:
            parts.append("removed " + ", ".join(self.removed))
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} unchanged")
        return "; ".join(parts)


def changed_fields(before: SharingAgreement, after: SharingAgreement) -> tuple[str, ...]:
    """The names of the fields that differ between two versions of one agreement."""
    return tuple(name for name in _COMPARED if getattr(before, name) != getattr(after, name))


def compare_agreements(in_force: Iterable[SharingAgreement], new: Iterable[SharingAgreement]) -> AgreementChanges:
    """Compare by id: the order of the file and the order of list entries do not matter."""
    old_by_id = {a.id: a for a in in_force}
    new_by_id = {a.id: a for a in new}
    changed = {
        ident: diff
        for ident in sorted(old_by_id.keys() & new_by_id.keys())
        if (diff := changed_fields(old_by_id[ident], new_by_id[ident]))
    }
    return AgreementChanges(
        added=tuple(sorted(new_by_id.keys() - old_by_id.keys())),
        changed=changed,
        removed=tuple(sorted(old_by_id.keys() - new_by_id.keys())),
        unchanged=tuple(sorted((old_by_id.keys() & new_by_id.keys()) - changed.keys())),
    )
