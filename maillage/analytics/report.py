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


def hidden_cells(values: list[int], *, threshold: int) -> set[int]:
    """Which counts of a line that adds up to a shown total (months of a year, regions of a
    program, the employers who took part and those who did not) to hide: each small count
    (0 < n < threshold), then, while the hidden ones could be recovered by subtracting the shown
    ones from the total (a single hidden count, or hidden counts adding up to a small number),
    the smallest shown count (complementary suppression)."""
    hidden = {i for i, value in enumerate(values) if 0 < value < threshold}
    if not hidden:
        return hidden
    shown = sorted((value, i) for i, value in enumerate(values) if i not in hidden and value)
    while shown and (len(hidden) < 2 or sum(values[i] for i in hidden) < threshold):
        hidden.add(shown.pop(0)[1])
    return hidden


def _hidden(values: list[int], *, suppress: bool) -> set[int]:
    return hidden_cells(values, threshold=settings.SMALL_COUNT_THRESHOLD) if suppress else set()


def count_row(label: str, value: int, *, suppress: bool, hide: bool = False) -> Row:
    threshold = settings.SMALL_COUNT_THRESHOLD
    if suppress and 0 < value < threshold:
        return Row(label, None, _("fewer than %(n)s") % {"n": threshold})
    if suppress and hide:
        return Row(label, None, _("not shown (small numbers)"))
    return Row(label, value, number_format(value, force_grouping=True))


def count_rows(line: list[tuple[str, int]], *, suppress: bool) -> list[Row]:
    """The rows of a line of counts that adds up to a total, suppressed together."""
    hidden = _hidden([value for _label, value in line], suppress=suppress)
    return [
        count_row(label, value, suppress=suppress, hide=i in hidden)
        for i, (label, value) in enumerate(line)
    ]


def share_row(label: str, part: int, whole: int, *, suppress: bool, hide: bool = False) -> Row:
    threshold = settings.SMALL_COUNT_THRESHOLD
    small = 0 < part < threshold or 0 < whole - part < threshold
    if not whole or (suppress and (small or hide)):
        return Row(label, None, "—" if not whole else _("not shown (small numbers)"))
    share = part / whole
    return Row(
        label,
        round(share * 100, 1),
        number_format(round(share * 100, 1), decimal_pos=1) + "\u00a0%",
    )


def sections(figures: Figures, *, suppress: bool) -> list[Section]:
    # Who took part and who did not add up to the verified employers: hidden together.
    took_part = figures.participation.employers_who_took_part
    verified = figures.participation.verified_employers
    took_part_hidden = 0 in _hidden([took_part, verified - took_part], suppress=suppress)
    hires_by_region = figures.placements_by_region
    hires_hidden = _hidden([value for _label, value in hires_by_region], suppress=suppress)
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
                    took_part,
                    suppress=suppress,
                    hide=took_part_hidden,
                ),
                share_row(
                    _("Share of the verified employers who took part in an activity"),
                    took_part,
                    verified,
                    suppress=suppress,
                    hide=took_part_hidden,
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
            count_rows(figures.candidates_by_status, suppress=suppress),
            "bars",
        ),
        Section(
            "candidates_by_region",
            _("Candidates by region where they live"),
            count_rows(
                [
                    (label or _("Outside Québec or not given"), value)
                    for label, value in figures.candidates_by_region
                ],
                suppress=suppress,
            ),
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
                    sum(v for _label, v in hires_by_region),
                    suppress=suppress,
                    hide=i in hires_hidden,
                )
                for i, (label, value) in enumerate(hires_by_region)
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
                count_rows(
                    [
                        # « déc. 2026 », not « Déc »
                        (date_format(month, "N Y"), value)
                        for month, value in figures.over_time.get(key, [])
                    ],
                    suppress=suppress,
                ),
                "columns",
            )
        )
    return result
