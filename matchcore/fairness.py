"""Adverse-impact audit of a selection pipeline (pure Python; no Django).

Each person is a record of self-declared groups (one value per attribute, or None when not
declared) and the furthest stage of the pipeline they reached. For every attribute and stage the
audit computes, per group, the selection rate at that stage (people who reached it among those
who reached the stage before; the first stage's base is everyone in the audit) and the impact
ratio against the group with the highest rate. A ratio under 0.8 is flagged (the four-fifths
rule of the U.S. Uniform Guidelines, used here as a screening threshold, not a verdict). Groups
whose base is under `min_count` are suppressed: their counts and rates are not reported and they
are not used as the reference.
"""

from collections.abc import Sequence
from dataclasses import dataclass

FOUR_FIFTHS = 0.8


@dataclass(frozen=True)
class AuditRecord:
    groups: dict[str, str | None]  # attribute -> declared group (None: not declared)
    stage_reached: int  # -1: none; otherwise the index in `stages` of the furthest stage reached


@dataclass(frozen=True)
class GroupRate:
    group: str
    base: int | None  # None when suppressed
    selected: int | None
    rate: float | None
    impact_ratio: float | None
    is_flagged: bool
    is_suppressed: bool
    is_reference: bool


@dataclass(frozen=True)
class StageAudit:
    attribute: str
    stage: str
    groups: tuple[GroupRate, ...]

    @property
    def flagged(self) -> tuple[GroupRate, ...]:
        return tuple(g for g in self.groups if g.is_flagged)


def audit(
    records: Sequence[AuditRecord],
    *,
    attributes: Sequence[str],
    stages: Sequence[str],
    min_count: int = 5,
    threshold: float = FOUR_FIFTHS,
) -> list[StageAudit]:
    results = []
    for attribute in attributes:
        groups = sorted({r.groups.get(attribute) for r in records} - {None})
        for index, stage in enumerate(stages):
            counts = {}
            for group in groups:
                members = [r for r in records if r.groups.get(attribute) == group]
                base = (
                    sum(1 for r in members if r.stage_reached >= index - 1)
                    if index
                    else len(members)
                )
                selected = sum(1 for r in members if r.stage_reached >= index)
                counts[group] = (base, selected)
            visible = {g: (b, s) for g, (b, s) in counts.items() if b >= min_count}
            rates = {g: s / b for g, (b, s) in visible.items() if b}
            best = max(rates.values(), default=0.0)
            rows = []
            for group in groups:
                base, selected = counts[group]
                if group not in visible:
                    rows.append(GroupRate(group, None, None, None, None, False, True, False))
                    continue
                rate = rates.get(group, 0.0)
                ratio = rate / best if best else None
                rows.append(
                    GroupRate(
                        group=group,
                        base=base,
                        selected=selected,
                        rate=rate,
                        impact_ratio=ratio,
                        is_flagged=ratio is not None and ratio < threshold,
                        is_suppressed=False,
                        is_reference=best > 0 and rate == best,
                    )
                )
            results.append(StageAudit(attribute, stage, tuple(rows)))
    return results
