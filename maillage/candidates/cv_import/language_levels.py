"""Language lines of a CV: which language (ISO 639-1) and, when a standard test is named with a
result, the level it proposes on the Échelle québécoise.

The Échelle québécoise des niveaux de compétence en français des personnes immigrantes adultes
(MIFI) has the 12 levels of the Niveaux de compétence linguistique canadiens (NCLC, in English
Canadian Language Benchmarks, CLB), level for level; the profile stores these levels.

Conversions (Immigration, Refugees and Citizenship Canada, « Language test equivalency charts »,
https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/standard-requirements/language-requirements/test-equivalency-charts.html):

- NCLC / CLB N, stated: N.
- CELPIP-General: the CELPIP level is the CLB level (the chart lists 4 to 10, level for level;
  CELPIP's levels are calibrated on the CLB).
- IELTS General Training, band per skill → CLB (chart below). A CV usually gives one overall band:
  the proposal is the lowest level that band gives over the four skills (listening asks most).
  IELTS Academic has no chart: nothing is proposed.
- TCF (Canada, Québec, tout public: one score scale), score per skill → NCLC (chart below).
- A result per skill (« TCF Canada : CO 520, CE 480, EE 12, EO 14 », "CELPIP: L 9, R 8, W 8,
  S 9", "IELTS General: L 7.5, R 6.5, W 6.5, S 7"): the lowest level over the four skills, since
  the profile gets one level for all four. Fewer than four skills stated (the others are
  unknown), or a result outside its chart, convert to nothing; a CEFR level or an overall result
  on the same line still does.
- TEF Canada scores per skill are not converted: the TEF changed its score scale on 11 December
  2023 (IRCC publishes a chart for each) and a CV seldom says which scale its scores are on.
- A CEFR level stated with TCF, TEF, DELF or DALF: the first Échelle québécoise level of that
  band (A1 → 1, A2 → 3, B1 → 5, B2 → 7, C1 → 9, C2 → 11), after MIFI's correspondence (stage
  débutant 1–4 = A1–A2, intermédiaire 5–8 = B1–B2, avancé 9–12 = C1–C2; level 7 = B2).

Nothing is proposed without a named test: « Français : courant » or « B2 » alone are shown as
written, for the candidate to place themself.
"""

import re
from dataclasses import dataclass

from matchcore.language.folding import fold

# A conversion chart: CLB level → the minimum result for each skill (reading, writing, listening,
# speaking).
Chart = dict[int, tuple[float, float, float, float]]

# IRCC chart, IELTS General Training: CLB level → minimum band per skill.
IELTS_GENERAL_MINIMUMS: Chart = {
    10: (8.0, 7.5, 8.5, 7.5),
    9: (7.0, 7.0, 8.0, 7.0),
    8: (6.5, 6.5, 7.5, 6.5),
    7: (6.0, 6.0, 6.0, 6.0),
    6: (5.0, 5.5, 5.5, 5.5),
    5: (4.0, 5.0, 5.0, 5.0),
    4: (3.5, 4.0, 4.5, 4.0),
}
# IRCC chart, TCF Canada: CLB level → minimum score per skill (comprehension 0–699, expression
# 0–20).
TCF_MINIMUMS: Chart = {
    10: (549, 16, 549, 16),
    9: (524, 14, 523, 14),
    8: (499, 12, 503, 12),
    7: (453, 10, 458, 10),
    6: (406, 7, 398, 7),
    5: (375, 6, 369, 6),
    4: (342, 4, 331, 4),
}
CEFR_FIRST_LEVEL = {"a1": 1, "a2": 3, "b1": 5, "b2": 7, "c1": 9, "c2": 11}

LANGUAGE_CODES = {
    "francais": "fr", "french": "fr", "anglais": "en", "english": "en", "espagnol": "es",
    "spanish": "es", "arabe": "ar", "arabic": "ar", "ukrainien": "uk", "ukrainian": "uk",
    "russe": "ru", "russian": "ru", "tagalog": "tl", "filipino": "tl", "creole haitien": "ht",
    "haitian creole": "ht", "creole": "ht", "hindi": "hi", "portugais": "pt", "portuguese": "pt",
    "wolof": "wo", "igbo": "ig", "yoruba": "yo", "swahili": "sw", "persan": "fa", "farsi": "fa",
    "persian": "fa", "dari": "fa", "chinois": "zh", "mandarin": "zh", "chinese": "zh",
    "cantonais": "zh", "cantonese": "zh", "vietnamien": "vi", "vietnamese": "vi",
    "italien": "it", "italian": "it", "allemand": "de", "german": "de", "lingala": "ln",
    "kinyarwanda": "rw", "amharique": "am", "amharic": "am", "tigrinya": "ti", "turc": "tr",
    "turkish": "tr", "roumain": "ro", "romanian": "ro", "polonais": "pl", "polish": "pl",
    "bengali": "bn", "punjabi": "pa", "pendjabi": "pa", "ourdou": "ur", "urdu": "ur",
    "tamoul": "ta", "tamil": "ta", "nepalais": "ne", "nepali": "ne", "coreen": "ko",
    "korean": "ko", "japonais": "ja", "japanese": "ja", "malgache": "mg", "malagasy": "mg",
    "somali": "so", "hebreu": "he", "hebrew": "he", "grec": "el", "greek": "el",
    "neerlandais": "nl", "dutch": "nl", "kirundi": "rn", "fon": "", "bambara": "bm",
    "peul": "ff", "fulani": "ff", "haoussa": "ha", "hausa": "ha",
}  # fmt: skip
_LANGUAGE_NAMES = re.compile(
    r"\b("
    + "|".join(sorted((re.escape(n.strip()) for n in LANGUAGE_CODES), key=len, reverse=True))
    + r")\b"
)
_NCLC = re.compile(r"\b(?:nclc|clb)\s*[:=]?\s*(1[0-2]|[1-9])\b")
_CELPIP = re.compile(r"\bcelpip\b[^0-9]{0,25}\b(1[0-2]|[1-9])\b")
_IELTS = re.compile(r"\bielts\b(?P<between>[^0-9]{0,40})\b(?P<band>[1-9](?:[.,][05])?)\b")
_CEFR = re.compile(r"\b([abc][12])\b")
_CEFR_TESTS = re.compile(r"\b(?:tcf|tef|delf|dalf|tefaq|tcfq)\b")
_SKILL_TESTS = re.compile(r"\b(?P<test>nclc|clb|celpip|ielts|tcf|tef|tefaq|tcfq)\b")
# A skill's name or abbreviation, French or English, then its result ("CO 520", "EE : 12/20",
# "L 8.0", "reading: 7"); the four skills in the order of the charts.
_SKILL_NAMES = (
    r"comprehension (?:de l'|de l )?ecrite|reading|lecture|ce|r",
    r"expression ecrite|writing|ee|w",
    r"comprehension (?:de l'|de l )?orale|listening|ecoute|co|l",
    r"expression orale|speaking|eo|s",
)
_SKILL_RESULTS = [
    re.compile(rf"\b(?:{names})\s*(?:[:=]|-)?\s*(\d{{1,3}}(?:[.,]\d)?)\b(?!\s*[.,]\d)")
    for names in _SKILL_NAMES
]


@dataclass(frozen=True)
class LanguageLine:
    language: str  # ISO 639-1, "" when not recognised
    as_written: str
    proposed_level: int | None  # Échelle québécoise (= NCLC/CLB), only from a named test


def language_lines(lines: list[str]) -> list[LanguageLine]:
    """One entry per language named on each line (« Français, anglais : courants » gives two)."""
    found: list[LanguageLine] = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        folded = fold(line)
        codes = list(
            dict.fromkeys(LANGUAGE_CODES[m.strip()] for m in _LANGUAGE_NAMES.findall(folded))
        )
        codes = [code for code in codes if code] or [""]
        level = proposed_level(line)
        for code in codes:
            found.append(LanguageLine(code, line, level if len(codes) == 1 else None))
    return found


def proposed_level(text: str) -> int | None:
    """The Échelle québécoise level a named test's result converts to, else None. Results per
    skill convert when all four do; otherwise the line is read for an overall result (never one
    of the skills' numbers) or a CEFR level."""
    folded = fold(text)
    if match := _NCLC.search(folded):
        return int(match.group(1))
    results = skill_results(folded)
    test = _SKILL_TESTS.search(folded)
    if test and all(results):
        scores = [float(m.group(1).replace(",", ".")) for m in results if m]
        if (level := per_skill_level(test.group("test"), folded, scores)) is not None:
            return level
    taken = {m.start(1) for m in results if m}
    if (match := _CELPIP.search(folded)) and match.start(1) not in taken:
        return int(match.group(1))
    if (match := _IELTS.search(folded)) and match.start("band") not in taken:
        if "academic" in match.group("between") or "academique" in match.group("between"):
            return None
        return ielts_level(float(match.group("band").replace(",", ".")))
    if _CEFR_TESTS.search(folded) and (match := _CEFR.search(folded)):
        return CEFR_FIRST_LEVEL[match.group(1)]
    return None


def ielts_level(band: float) -> int | None:
    """The lowest CLB level an IELTS General Training band gives over the four skills."""
    levels = [chart_level(IELTS_GENERAL_MINIMUMS, skill, band) for skill in range(4)]
    return None if None in levels else min(levels)


def skill_results(folded: str) -> list[re.Match[str] | None]:
    """The result stated for each skill (reading, writing, listening, speaking), None if not."""
    return [pattern.search(folded) for pattern in _SKILL_RESULTS]


def per_skill_level(test: str, folded: str, scores: list[float]) -> int | None:
    """The lowest level a test's four results give; None when one is outside the chart or the
    test has no chart."""
    if test in {"nclc", "clb", "celpip"}:
        levels = [
            int(score) if score.is_integer() and 1 <= score <= 12 else None for score in scores
        ]
    elif test == "ielts" and "academ" not in folded:
        levels = [chart_level(IELTS_GENERAL_MINIMUMS, skill, s) for skill, s in enumerate(scores)]
    elif test in {"tcf", "tcfq"}:
        levels = [chart_level(TCF_MINIMUMS, skill, s) for skill, s in enumerate(scores)]
    else:  # TEF: two score scales, see the module's docstring; IELTS Academic: no chart
        return None
    return None if None in levels else min(levels)


def chart_level(chart: Chart, skill: int, score: float) -> int | None:
    """The highest level whose minimum for that skill the score reaches, None below the chart."""
    reached = [level for level, minimums in chart.items() if score >= minimums[skill]]
    return max(reached) if reached else None
