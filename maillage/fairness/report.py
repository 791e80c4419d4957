"""The audit report as a person reads it: the same table on the page and in the command's file."""

import json
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from maillage.fairness.models import ATTRIBUTES, AuditDeclaration
from maillage.fairness.selectors import STAGE_LABELS, STAGES, AuditReport

ATTRIBUTE_LABELS = {
    name: AuditDeclaration._meta.get_field(name).verbose_name for name in ATTRIBUTES
}


@dataclass(frozen=True)
class Cell:
    text: str
    is_flagged: bool
    is_suppressed: bool


@dataclass(frozen=True)
class Table:
    attribute: str
    label: str
    stages: list[str]
    rows: list[tuple[str, list[Cell]]]


def _percent(value: float) -> str:
    return number_format(round(value * 100, 1), decimal_pos=1) + "\u00a0%"


def _cell(rate, min_count: int) -> Cell:
    if rate.is_suppressed:
        return Cell(_("fewer than %(n)s") % {"n": min_count}, False, True)
    ratio = (
        "—"
        if rate.impact_ratio is None
        else number_format(round(rate.impact_ratio, 2), decimal_pos=2)
    )
    text = _("%(selected)s of %(base)s (%(rate)s), ratio %(ratio)s") % {
        "selected": number_format(rate.selected, force_grouping=True),
        "base": number_format(rate.base, force_grouping=True),
        "rate": _percent(rate.rate),
        "ratio": ratio,
    }
    return Cell(text, rate.is_flagged, False)


def tables(report: AuditReport) -> list[Table]:
    result = []
    for attribute, choices in ATTRIBUTES.items():
        stages = [s for s in report.stages if s.attribute == attribute]
        declared = {g.group for g in stages[0].groups} if stages else set()
        groups = [value for value in choices.values if value in declared]  # in the form's order
        rows = []
        for group in groups:
            cells = [
                _cell(next(g for g in stage.groups if g.group == group), report.min_count)
                for stage in stages
            ]
            rows.append((str(choices(group).label), cells))
        result.append(
            Table(
                attribute,
                str(ATTRIBUTE_LABELS[attribute]),
                [str(STAGE_LABELS[s]) for s in STAGES],
                rows,
            )
        )
    return result


def as_text(report: AuditReport) -> str:
    """Markdown: one table per attribute, flagged cells marked ⚠."""
    lines = [
        "# " + _("Fairness audit of the matching"),
        "",
        _(
            "Generated on %(date)s. %(people)s candidates declared attributes and consent to the audit."
        )
        % {"date": timezone.localtime().strftime("%Y-%m-%d %H:%M"), "people": report.people},
        _(
            "Each cell: people who reached the stage among those who reached the stage before, the "
            "selection rate, and its ratio to the most selected group. ⚠ marks a ratio under 0.8 "
            "(four-fifths rule). Groups under %(n)s people are not shown."
        )
        % {"n": report.min_count},
        "",
    ]
    for table in tables(report):
        lines += [
            f"## {capfirst(table.label)}",
            "",
            "| | " + " | ".join(table.stages) + " |",
            "|---" * (len(table.stages) + 1) + "|",
        ]
        for group, cells in table.rows:
            texts = [("⚠ " if c.is_flagged else "") + c.text for c in cells]
            lines.append(f"| {group} | " + " | ".join(texts) + " |")
        if not table.rows:
            lines.append(_("No declaration yet."))
        lines.append("")
    return "\n".join(lines)


def as_json(report: AuditReport) -> str:
    return json.dumps(
        {
            "people": report.people,
            "min_count": report.min_count,
            "stages": [
                {
                    "attribute": s.attribute,
                    "stage": s.stage,
                    "groups": [g.__dict__ for g in s.groups],
                }
                for s in report.stages
            ],
        },
        indent=2,
    )
