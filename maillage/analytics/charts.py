"""Server-rendered SVG charts (no JavaScript, no CDN): geometry here, markup in
analytics/_chart.html. Every chart is drawn from a Section whose table is shown beside it."""

from dataclasses import dataclass

from maillage.analytics.report import Section

WIDTH = 640
BAR_HEIGHT = 26
LABEL_WIDTH = 300
MAX_COLUMN_WIDTH = 60
COLUMN_AREA_HEIGHT = 180


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    width: float
    height: float
    label: str
    text: str
    text_x: float
    text_y: float


@dataclass(frozen=True)
class Chart:
    kind: str
    width: int
    height: int
    marks: list[Mark]


def chart_for(section: Section) -> Chart | None:
    values = [row.value for row in section.rows if isinstance(row.value, int | float)]
    if not section.chart or not section.rows:
        return None
    top = max(values, default=0) or 1
    if section.chart == "bars":
        marks = []
        for index, row in enumerate(section.rows):
            y = index * BAR_HEIGHT + 4
            length = (
                (WIDTH - LABEL_WIDTH - 80) * (row.value or 0) / top if row.value is not None else 0
            )
            marks.append(
                Mark(
                    LABEL_WIDTH,
                    y,
                    length,
                    BAR_HEIGHT - 8,
                    row.label,
                    row.text,
                    LABEL_WIDTH + length + 6,
                    y + BAR_HEIGHT / 2,
                )
            )
        return Chart("bars", WIDTH, len(section.rows) * BAR_HEIGHT + 8, marks)
    step = min((WIDTH - 20) / len(section.rows), MAX_COLUMN_WIDTH / 0.8)
    marks = []
    for index, row in enumerate(section.rows):
        height = COLUMN_AREA_HEIGHT * (row.value or 0) / top if row.value is not None else 0
        x = 10 + index * step
        marks.append(
            Mark(
                x + step * 0.1,
                10 + COLUMN_AREA_HEIGHT - height,
                step * 0.8,
                height,
                row.label,
                row.text,
                x + step / 2,
                COLUMN_AREA_HEIGHT + 28,
            )
        )
    return Chart("columns", WIDTH, COLUMN_AREA_HEIGHT + 40, marks)
