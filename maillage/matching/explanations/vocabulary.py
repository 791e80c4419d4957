"""What every explanation sentence needs: its audience, its shape, the names of the codes it
cites (NOC titles, regions) and how values are said (levels, dates, years, lists)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils.formats import date_format

from maillage.taxonomy.scales import EducationLevel, LanguageSkill

CANDIDATE = "candidate"
TEAM = "team"
NOC_TITLE_LIMIT = 50  # characters of an occupation's title in a sentence (the code follows)


@dataclass(frozen=True)
class Sentence:
    code: str
    text: str
    tone: str  # "exclusion", "good", "weak", "missing", "info"
    factor: str = ""  # the engine's factor key ("" for rules and notes)
    weight: float | None = None  # the factor's share of the score, 0–1, when known


@dataclass(frozen=True)
class Vocabulary:
    """Names the sentences need: NOC titles, region names and permit names by code."""

    noc_titles: dict[str, str]
    region_names: dict[str, str]
    permit_names: dict[str, str] = field(default_factory=dict)

    def noc(self, code: object) -> str:
        """The title and code, the title cut at a word so the sentence fits on a phone."""
        code = str(code)
        title = self.noc_titles.get(code)
        if title and len(title) > NOC_TITLE_LIMIT:
            title = title[:NOC_TITLE_LIMIT].rsplit(" ", 1)[0].rstrip(" ,/") + "…"
        return f"{title} ({code})" if title else code

    def region(self, code: object) -> str:
        return self.region_names.get(str(code), str(code))

    def permits(self, codes: object) -> str:
        """The permits' names, in a list (the code when the name is unknown)."""
        codes = codes if isinstance(codes, list | tuple) else [codes]
        return ", ".join(self.permit_names.get(str(code), str(code)) for code in codes)


# One reason's evidence, the audience and the vocabulary → (text, tone), or None to say nothing.
Handler = Callable[[dict, str, Vocabulary], tuple[str, str] | None]


def codes_in(results: Iterable) -> tuple[set[str], set[str]]:
    """NOC codes and region codes named in the results' reasons (to fetch their names once)."""
    nocs, regions = set(), set()
    for result in results:
        for reason in result.reasons:
            evidence = reason.get("evidence", {})
            for key in ("posting_noc", "candidate_noc", "code"):
                if key in evidence:
                    nocs.add(str(evidence[key]))
            if "region" in evidence:
                regions.add(str(evidence["region"]))
    return nocs, regions


def permit_codes_in(results: Iterable) -> set[str]:
    """Permit codes named in the results' reasons (to fetch their names only when there are)."""
    return {
        str(code)
        for result in results
        for reason in result.reasons
        for code in reason.get("evidence", {}).get("permits", [])
    }


def skill_label(name: object) -> str:
    """A language skill (« compréhension orale »), or the raw value when unknown."""
    try:
        return str(LanguageSkill(name).label).lower()
    except ValueError:
        return str(name)


def education_label(level: object) -> str:
    try:
        return str(EducationLevel(int(level)).label)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(level)


def day_label(value: object) -> str:
    """An ISO date from the evidence, in the reader's format."""
    try:
        return date_format(date.fromisoformat(str(value)), "DATE_FORMAT")
    except ValueError:
        return str(value)


def list_label(values: object) -> str:
    return ", ".join(str(v) for v in values) if isinstance(values, list | tuple) else str(values)


def years_label(value: object) -> str:
    """Years with a French decimal comma when not whole (« 2,5 »)."""
    number = float(value)  # type: ignore[arg-type]
    return str(int(number)) if number == int(number) else f"{number:.1f}".replace(".", ",")
