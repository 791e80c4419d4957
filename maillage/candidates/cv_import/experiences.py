"""Work experiences in a CV's experience section: one per line holding a date range, its title,
employer and place taken from the words around it, its description from the lines below."""

import re

from maillage.candidates.cv_import.dates import RANGE, date_range
from maillage.candidates.cv_import.drafts import (
    MAX_DESCRIPTION_CHARS,
    MAX_TITLE_CHARS,
    ExperienceDraft,
)
from maillage.candidates.cv_import.lines import BULLET, EDGES, EMPTY_BRACKETS, STRONG_SEPARATORS
from maillage.candidates.cv_import.places import place_of
from matchcore.language.folding import fold


def experience_drafts(text: str) -> list[ExperienceDraft]:
    """One draft per line holding a date range; the job's title, employer and place are the
    words around it (the same line, up to two plain lines above, or a plain line below when the
    date stood beside the title); the lines below, until the next job, describe it."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    starts = [i for i, line in enumerate(lines) if date_range(line)]
    drafts = []
    taken_below: set[int] = set()
    for n, i in enumerate(starts):
        start, end, is_current, year_only, _span = date_range(lines[i])
        previous_end = starts[n - 1] + 1 if n else 0
        above = _header_above(lines, i, previous_end, taken_below)
        rest = _without_range(lines[i])
        next_start = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body_start = i + 1
        if len(above) + bool(rest) < 2 and i + 1 < next_start and _is_plain(lines[i + 1]):
            # « Title ……… 2019 – 2021 » then « Employer, City »: the place line is below.
            below = lines[i + 1]
            if place_of(below)[1] or not above:
                above, body_start = [*above, below], i + 2
                taken_below.add(i + 1)
        next_header = (
            len(_header_above(lines, next_start, body_start, set()))
            if next_start < len(lines)
            else 0
        )
        body = lines[body_start : next_start - next_header]
        title, employer, city, country = _job_header([*above, rest] if rest else above)
        description = "\n".join(BULLET.sub("", line).strip() for line in body)
        drafts.append(
            ExperienceDraft(
                title=title[:MAX_TITLE_CHARS],
                employer=employer[:MAX_TITLE_CHARS],
                city=city[:100],
                country=country,
                start=start,
                end=end,
                is_current=is_current,
                is_year_only=year_only,
                description=description[:MAX_DESCRIPTION_CHARS],
                source="\n".join([*above, lines[i], *body]),
            )
        )
    return drafts


def _is_plain(line: str) -> bool:
    """A short line that is no bullet and no sentence: part of a job's header."""
    return not BULLET.match(line) and len(line) <= 120 and not line.rstrip().endswith(".")


def _header_above(lines: list[str], i: int, floor: int, taken: set[int]) -> list[str]:
    above: list[str] = []
    j = i - 1
    while j >= floor and len(above) < 2 and j not in taken and _is_plain(lines[j]):
        if date_range(lines[j]):
            break
        above.insert(0, lines[j])
        j -= 1
    return above


def _without_range(line: str) -> str:
    folded = fold(line)
    match = RANGE.search(folded)
    if not match:
        return line.strip(EDGES)
    if len(folded) == len(line):
        rest = line[: match.start()] + " " + line[match.end() :]
    else:  # fold() changed the length (œ → oe): cut the folded text instead
        rest = folded[: match.start()] + " " + folded[match.end() :]
    rest = EMPTY_BRACKETS.sub(" ", rest)
    rest = re.sub(r"\s*[|·—–]\s*$|^\s*[|·—–]\s*", "", rest.strip())
    return re.sub(r"\s{2,}", " ", rest).strip(EDGES)


def _job_header(parts: list[str]) -> tuple[str, str, str, str]:
    """(title, employer, city, country) from the header lines: segments cut at strong
    separators (— | · @ « chez » "at"); the segment naming a country or a Québec place is the
    place; the first other segment the title, the next the employer."""
    segments = [
        segment.strip(EDGES)
        for part in parts
        for segment in STRONG_SEPARATORS.split(part)
        if segment.strip(EDGES)
    ]
    city = country = ""
    others = []
    for segment in segments:
        if not country:
            found_city, found_country, before = place_of(segment)
            if found_country:
                city, country = found_city, found_country
                if before:
                    others.append(before)
                continue
        others.append(segment)
    title = others[0] if others else ""
    employer = others[1] if len(others) > 1 else ""
    if not employer and "," in title and len(parts) == 1:
        title, employer = (piece.strip(EDGES) for piece in title.split(",", 1))
    return title, employer, city, country
