"""Dates in a CV: a job's range (« janv. 2019 – présent », « 03/2019 - 2021 », « depuis 2020 »)
read on folded text; a year alone stays a year (a month is never made up)."""

import re
from datetime import date

from matchcore.language.folding import fold

MONTHS = {
    **dict.fromkeys(["janvier", "janv", "jan", "january"], 1),
    **dict.fromkeys(["fevrier", "fevr", "fev", "feb", "february"], 2),
    **dict.fromkeys(["mars", "mar", "march"], 3),
    **dict.fromkeys(["avril", "avr", "apr", "april"], 4),
    **dict.fromkeys(["mai", "may"], 5),
    **dict.fromkeys(["juin", "jun", "june"], 6),
    **dict.fromkeys(["juillet", "juil", "jul", "july"], 7),
    **dict.fromkeys(["aout", "aug", "august"], 8),
    **dict.fromkeys(["septembre", "sept", "sep", "september"], 9),
    **dict.fromkeys(["octobre", "oct", "october"], 10),
    **dict.fromkeys(["novembre", "nov", "november"], 11),
    **dict.fromkeys(["decembre", "dec", "december"], 12),
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
YEAR_TEXT = r"(?:19|20)\d\d"
# On folded text: « janv. 2019 », « 03/2019 », « 2019-03 », « 2019 ».
_DATE = (
    rf"(?:(?:{_MONTH})\.?\s+(?:de\s+)?{YEAR_TEXT}"
    rf"|(?<!\d)(?:0?[1-9]|1[0-2])\s*[/.-]\s*{YEAR_TEXT}"
    rf"|{YEAR_TEXT}\s*[/.-]\s*(?:0[1-9]|1[0-2])(?!\d)"
    rf"|{YEAR_TEXT})(?!\d)"
)
NOW = (
    r"(?:present|aujourd.?hui|a ce jour|ce jour|actuel(?:lement)?|en cours|maintenant"
    r"|current(?:ly)?|now|today|date)"
)
RANGE = re.compile(
    rf"(?:(?:de|du|from)\s+)?(?P<start>{_DATE})\s*(?:-|–|—|a|au|to|until|jusqu.a|jusqu.au|>|→)\s*"
    rf"(?:(?:l.|le\s+)?)(?P<end>{_DATE}|{NOW})"
    rf"|(?:depuis|since|des)\s+(?:(?:le|the)\s+)?(?P<since>{_DATE})",
)
YEAR = re.compile(rf"(?<!\d){YEAR_TEXT}(?!\d)")


def date_range(line: str) -> tuple[date | None, date | None, bool, bool, tuple[int, int]] | None:
    """(start, end, is_current, is_year_only, span in the folded line) of the first date range
    in a line, or None."""
    folded = fold(line)
    match = RANGE.search(folded)
    if not match:
        return None
    if match.group("since"):
        start, year_only = parse_date(match.group("since"))
        return start, None, True, year_only, match.span()
    start, start_year_only = parse_date(match.group("start"))
    end_text = match.group("end")
    if re.fullmatch(NOW, end_text):
        return start, None, True, start_year_only, match.span()
    end, end_year_only = parse_date(end_text)
    if start and end and end < start:
        return None
    return start, end, False, start_year_only or end_year_only, match.span()


def parse_date(text: str) -> tuple[date, bool]:
    """The first day of the month stated (January when only the year is), and whether only the
    year was."""
    text = text.strip()
    year = int(YEAR.search(text).group())
    word = re.match(r"[a-z]+", text)
    if word and word.group() in MONTHS:
        return date(year, MONTHS[word.group()], 1), False
    numbers = [n for n in re.findall(r"\d+", text) if len(n) <= 2]
    if numbers and 1 <= int(numbers[0]) <= 12:
        return date(year, int(numbers[0]), 1), False
    return date(year, 1, 1), True


def month_text(value: date | None, year_only: bool) -> str | None:
    """ "YYYY-MM", or "YYYY" when the CV gave only the year (a month is never made up)."""
    if value is None:
        return None
    return f"{value.year}" if year_only else f"{value.year}-{value.month:02d}"
