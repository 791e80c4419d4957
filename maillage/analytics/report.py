"""Figures as sections a person reads: labelled rows, small counts suppressed outside the program
team. The page, its charts, the CSV and the Excel file are all made from these sections."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from maillage.analytics.figures import Figures

PIPELINE_LABELS = {
    "proposed": gettext_lazy("Proposals"),
    "approved": gettext_lazy("Approved by an advisor"),
    "consented": gettext_lazy("Consents given by candidates"),
    "shortlisted": gettext_lazy("Short-listed"),
    "interviewed": gettext_lazy("Interviews held"),
    "offers": gettext_lazy("Job offers"),
    "hired": gettext_lazy("Hires"),
}


@dataclass(frozen=True)
class Row:
    label: str
    value: int | float | None  # None: suppressed (a small count) or not known
    text: str


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    rows: list[Row]
    chart: str  # "bars", "columns" (over time) or "" (table only)


def count_row(label: str, value: int, *, suppress: bool) -> Row:
    threshold = settings.SMALL_COUNT_THRESHOLD
    if suppress and 0 < value < threshold:
        return Row(label, None, _("fewer than %(n)s") % {"n": threshold})
    return Row(label, value, number_format(value, force_grouping=True))


def share_row(label: str, part: int, whole: int, *, suppress: bool) -> Row:
    threshold = settings.SMALL_COUNT_THRESHOLD
    if not whole or (suppress and (0 < part < threshold or 0 < whole - part < threshold)):
        return Row(label, None, "—" if not whole else _("not shown (small numbers)"))
    share = part / whole
    return Row(
        label,
        round(share * 100, 1),
        number_format(round(share * 100, 1), decimal_pos=1) + "\u00a0%",
    )


def sections(figures: Figures, *, suppress: bool) -> list[Section]:
    result = [
        Section(
            "employers",
            _("Employers"),
            [
                count_row(
                    _("Employers registered"), figures.employers_registered, suppress=suppress
                ),
                count_row(_("Employers verified"), figures.employers_verified, suppress=suppress),
                count_row(
                    _("Took part in at least one activity"),
                    figures.employers_in_activity,
                    suppress=suppress,
                ),
                share_row(
                    _("Share who took part in an activity"),
                    figures.employers_in_activity,
                    figures.employers_registered,
                    suppress=suppress,
                ),
            ],
            "",
        ),
        Section(
            "pipeline",
            _("From proposal to hire"),
            [
                count_row(str(PIPELINE_LABELS[key]), value, suppress=suppress)
                for key, value in figures.pipeline
            ],
            "bars",
        ),
        Section(
            "candidates_by_status",
            _("Candidates by verification status"),
            [
                count_row(label, value, suppress=suppress)
                for label, value in figures.candidates_by_status
            ],
            "bars",
        ),
        Section(
            "candidates_by_region",
            _("Candidates by region where they live"),
            [
                count_row(label or _("Outside Québec or not given"), value, suppress=suppress)
                for label, value in figures.candidates_by_region
            ],
            "bars",
        ),
        Section(
            "retention",
            _("Still employed after the start"),
            [
                share_row(
                    ngettext(
                        "%(months)s months (%(done)s follow-up)",
                        "%(months)s months (%(done)s follow-ups)",
                        done,
                    )
                    % {"months": months, "done": done},
                    employed,
                    done,
                    suppress=suppress,
                )
                for months, employed, done in figures.retention
            ],
            "",
        ),
        Section(
            "placements_by_region",
            _("Hires by region"),
            [
                share_row(
                    label,
                    value,
                    sum(v for _label, v in figures.placements_by_region),
                    suppress=suppress,
                )
                for label, value in figures.placements_by_region
            ],
            "bars",
        ),
    ]
    median = figures.median_days_to_hire
    result.append(
        Section(
            "delay",
            _("Time to hire"),
            [
                Row(
                    _("Median days from registration to hire"),
                    median,
                    "—" if median is None else number_format(median, decimal_pos=0),
                )
            ],
            "",
        )
    )
    for key, title in (
        ("employers", _("Employers registered, by month")),
        ("candidates", _("Candidates registered, by month")),
        ("proposals", _("Proposals, by month")),
        ("hires", _("Hires, by month")),
    ):
        result.append(
            Section(
                f"monthly_{key}",
                title,
                [
                    count_row(
                        date_format(month, "N Y"), value, suppress=suppress
                    )  # « déc. 2026 », not « Déc »
                    for month, value in figures.over_time.get(key, [])
                ],
                "columns",
            )
        )
    return result
