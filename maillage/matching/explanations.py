"""Reason codes → whole sentences, in the reader's language, for the candidate ("you") or for
the program team ("the candidate"). The engine stores codes and evidence; only this module turns
them into words, so changing a sentence never changes a score."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from maillage.core.templatetags.formatting import format_money
from maillage.taxonomy.scales import EducationLevel, LanguageSkill
from matchcore.engine import DEFAULT_POLICY, ReasonCode

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
    """Names the sentences need: NOC titles by code and region names by code."""

    noc_titles: dict[str, str]
    region_names: dict[str, str]

    def noc(self, code: object) -> str:
        """The title and code, the title cut at a word so the sentence fits on a phone."""
        code = str(code)
        title = self.noc_titles.get(code)
        if title and len(title) > NOC_TITLE_LIMIT:
            title = title[:NOC_TITLE_LIMIT].rsplit(" ", 1)[0].rstrip(" ,/") + "…"
        return f"{title} ({code})" if title else code

    def region(self, code: object) -> str:
        return self.region_names.get(str(code), str(code))


def _skill(name: object) -> str:
    try:
        return str(LanguageSkill(name).label).lower()
    except ValueError:
        return str(name)


def _education(level: object) -> str:
    try:
        return str(EducationLevel(int(level)).label)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(level)


def _day(value: object) -> str:
    from datetime import date

    try:
        return date_format(date.fromisoformat(str(value)), "DATE_FORMAT")
    except ValueError:
        return str(value)


def _labels(values: object) -> str:
    return ", ".join(str(v) for v in values) if isinstance(values, list | tuple) else str(values)


def _years(value: object) -> str:
    number = float(value)  # type: ignore[arg-type]
    return str(int(number)) if number == int(number) else f"{number:.1f}".replace(".", ",")


Handler = Callable[[dict, str, Vocabulary], tuple[str, str] | None]


def _not_eligible(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    if "admitted_too_long_ago" in e.get("why", []):
        text = (
            _("You were admitted to Québec more than five years ago.")
            if who == CANDIDATE
            else _("Admitted to Québec more than five years ago.")
        )
    elif who == CANDIDATE:
        text = _("Your eligibility to the program could not be confirmed (status or permit).")
    else:
        text = _("Not eligible to the program (status or permit).")
    return text, "exclusion"


def _incomplete(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    if who == CANDIDATE:
        return _(
            "Your eligibility is incomplete: date of admission, status or permit expiry."
        ), "exclusion"
    return _(
        "Eligibility incomplete: date of admission, status or permit expiry missing."
    ), "exclusion"


def _not_verified(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    if who == CANDIDATE:
        return _("An advisor has not verified your eligibility yet."), "exclusion"
    return _("Eligibility not verified by an advisor yet."), "exclusion"


def _employer_specific(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    if who == CANDIDATE:
        return _("This employer does not accept an employer-specific work permit."), "exclusion"
    return _(
        "Holds an employer-specific work permit, which this posting does not accept."
    ), "exclusion"


def _permit_before_start(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    values = {"expires": _day(e.get("expires_on")), "start": _day(e.get("start_date"))}
    if who == CANDIDATE:
        return _(
            "Your permit expires on %(expires)s, before the job starts (%(start)s)."
        ) % values, "exclusion"
    return _(
        "Permit expires on %(expires)s, before the job starts (%(start)s)."
    ) % values, "exclusion"


def _french_below(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    values = {"skill": _skill(e.get("skill")), "required": e.get("required"), "has": e.get("has")}
    if who == CANDIDATE:
        return _(
            "French, %(skill)s: level %(required)s is required, you have %(has)s."
        ) % values, "exclusion"
    return _("French, %(skill)s: level %(required)s required, has %(has)s.") % values, "exclusion"


def _english_below(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    values = {"skill": _skill(e.get("skill")), "required": e.get("required"), "has": e.get("has")}
    if who == CANDIDATE:
        return _(
            "English, %(skill)s: level %(required)s is required, you have %(has)s."
        ) % values, "exclusion"
    return _("English, %(skill)s: level %(required)s required, has %(has)s.") % values, "exclusion"


def _region_not_wanted(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    values = {"region": v.region(e.get("region"))}
    if who == CANDIDATE:
        return _("The job is in %(region)s, a region you did not choose.") % values, "exclusion"
    return _(
        "The job is in %(region)s, a region the candidate did not choose."
    ) % values, "exclusion"


def _not_available(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    values = {"available": _day(e.get("available_from")), "start": _day(e.get("start_date"))}
    if who == CANDIDATE:
        return _(
            "You are available from %(available)s; the job starts on %(start)s."
        ) % values, "exclusion"
    return _("Available from %(available)s; the job starts on %(start)s.") % values, "exclusion"


def _same_occupation(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    # The job's occupation is on the page: the sentence does not repeat its long title.
    if e.get("via") == "desired":
        if who == CANDIDATE:
            return _("You are looking for the job's occupation."), "good"
        return _("Is looking for the job's occupation."), "good"
    if who == CANDIDATE:
        return _("You have worked in the job's occupation."), "good"
    return _("Has worked in the job's occupation."), "good"


def _close_occupation(level: str) -> Handler:
    def handler(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
        values = {"candidate": v.noc(e.get("candidate_noc"))}
        if level == "minor":
            text = _("%(candidate)s: same group as the job.")
        elif level == "related":
            text = _("%(candidate)s: many skills in common with the job.")
        elif level == "other":
            return _("No occupation of the profile is close to the job's."), "weak"
        else:
            text = _("%(candidate)s: same field as the job.")
        return text % values, "good" if level in {"minor", "related"} else "info"

    return handler


def _desired(e: dict, who: str, v: Vocabulary) -> tuple[str, str] | None:
    return None  # already said by the occupation sentence


def _not_desired(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    if who == CANDIDATE:
        return _("This is not one of the occupations you are looking for."), "weak"
    return _("Not one of the occupations the candidate is looking for."), "weak"


def _required_skills(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    count, total = int(e.get("count", 0)), int(e.get("total", 0))
    values = {"count": count, "total": total, "missing": _labels(e.get("missing", []))}
    if count == total:
        if who == CANDIDATE:
            text = ngettext(
                "You have the skill asked for.", "You have all %(total)s skills asked for.", total
            )
        else:
            text = ngettext(
                "Has the skill asked for.", "Has all %(total)s skills asked for.", total
            )
        return text % values, "good"
    if who == CANDIDATE:
        text = ngettext(
            "You have %(count)s of the %(total)s skill asked for; missing: %(missing)s.",
            "You have %(count)s of the %(total)s skills asked for; missing: %(missing)s.",
            total,
        )
    else:
        text = ngettext(
            "Has %(count)s of the %(total)s skill asked for; missing: %(missing)s.",
            "Has %(count)s of the %(total)s skills asked for; missing: %(missing)s.",
            total,
        )
    return text % values, "good" if count * 2 >= total else "weak"


def _nice_skills(e: dict, who: str, v: Vocabulary) -> tuple[str, str] | None:
    count, total = int(e.get("count", 0)), int(e.get("total", 0))
    if count == 0:
        return None
    values = {"count": count, "total": total, "matched": _labels(e.get("matched", []))}
    if who == CANDIDATE:
        text = ngettext(
            "You also have %(count)s of the %(total)s asset listed: %(matched)s.",
            "You also have %(count)s of the %(total)s assets listed: %(matched)s.",
            total,
        )
    else:
        text = ngettext(
            "Also has %(count)s of the %(total)s asset listed: %(matched)s.",
            "Also has %(count)s of the %(total)s assets listed: %(matched)s.",
            total,
        )
    return text % values, "good"


def _experience(enough: bool) -> Handler:
    def handler(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
        years = float(e.get("years", 0))
        required = int(e.get("required", 0))
        values = {"years": _years(years), "required": required}
        plural = max(1, int(years))
        if required == 0:
            if who == CANDIDATE:
                text = ngettext(
                    "You have %(years)s year in this field.",
                    "You have %(years)s years in this field.",
                    plural,
                )
            else:
                text = ngettext(
                    "%(years)s year in this field.", "%(years)s years in this field.", plural
                )
            return text % values, "good" if years > 0 else "info"
        if enough:
            text = ngettext(
                "%(years)s year in this field; %(required)s asked for.",
                "%(years)s years in this field; %(required)s asked for.",
                plural,
            )
            return text % values, "good"
        if e.get("grade") == "close":
            text = ngettext(
                "%(years)s year in this field: close to the %(required)s asked for.",
                "%(years)s years in this field: close to the %(required)s asked for.",
                plural,
            )
            return text % values, "info"
        text = ngettext(
            "%(years)s year in this field: far from the %(required)s asked for.",
            "%(years)s years in this field: far from the %(required)s asked for.",
            plural,
        )
        return text % values, "weak"

    return handler


def _education_meets(meets: bool) -> Handler:
    def handler(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
        values = {"level": _education(e.get("level"))}
        if meets:
            return _("Education: as asked for or higher."), "good"
        return _("Education: %(level)s, below what is asked for.") % values, "weak"

    return handler


def _language_margin(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    margin = int(e.get("margin", 0))
    values = {"margin": margin, "skill": _skill(e.get("skill"))}
    if margin <= 0:
        return _("French: exactly the minimum level asked for (%(skill)s).") % values, "info"
    text = ngettext(
        "French: at least %(margin)s level above every minimum asked for.",
        "French: at least %(margin)s levels above every minimum asked for.",
        margin,
    )
    return text % values, "good"


def _region_wanted(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    values = {"region": v.region(e.get("region"))}
    if who == CANDIDATE:
        return _("The job is in %(region)s, a region you chose.") % values, "good"
    return _("The job is in %(region)s, a region the candidate chose.") % values, "good"


def _open_all(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    if who == CANDIDATE:
        return _("You are open to every region."), "info"
    return _("Open to every region."), "info"


def _relocate(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    values = {"region": v.region(e.get("region"))}
    if who == CANDIDATE:
        return _("You are ready to move to %(region)s.") % values, "info"
    return _("Ready to move to %(region)s.") % values, "info"


def _distance(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    values = {"km": e.get("km")}
    if who == CANDIDATE:
        return _("The job is %(km)s km from where you live.") % values, "info"
    return _("Lives %(km)s km from the job.") % values, "info"


def _salary(meets: bool) -> Handler:
    def handler(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
        values = {
            "offered": format_money(e.get("offered_max")),
            "expected": format_money(e.get("expected")),
        }
        if meets:
            if who == CANDIDATE:
                return _(
                    "Up to %(offered)s an hour: meets your expectation (%(expected)s)."
                ) % values, "good"
            return _(
                "Up to %(offered)s an hour: meets the expectation (%(expected)s)."
            ) % values, "good"
        if who == CANDIDATE:
            return _(
                "Up to %(offered)s an hour: below your expectation (%(expected)s)."
            ) % values, "weak"
        return _(
            "Up to %(offered)s an hour: below the expectation (%(expected)s)."
        ) % values, "weak"

    return handler


def _similar(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    """How much the texts are alike, in the factor's own measure; never "the same work" when
    the occupation or the skills say otherwise (`unrelated`, set by `sentences`)."""
    value = e.get("value")
    if value is None:  # stored before the value was kept: the default policy's scale
        span = DEFAULT_POLICY.semantic_ceiling - DEFAULT_POLICY.semantic_floor
        value = (float(e.get("cosine", 0)) - DEFAULT_POLICY.semantic_floor) / span
    values = {"share": round(100 * min(1.0, max(0.0, float(value))))}
    if e.get("unrelated"):
        return _("Texts %(share)s %% alike, but not the occupation or the skills.") % values, "weak"
    tone = "good" if values["share"] >= 50 else "info" if values["share"] >= 20 else "weak"
    return _("The profile's and the posting's texts: %(share)s %% alike.") % values, tone


def _must_have(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    values = {"missing": _labels(e.get("missing", []))}
    if e.get("capped"):
        return _("Missing must-have: %(missing)s. At most 2 stars.") % values, "weak"
    if who == CANDIDATE:
        return _("You are missing a must-have: %(missing)s.") % values, "exclusion"
    return _("Missing must-have: %(missing)s.") % values, "exclusion"


def _fixed(candidate_text: str, team_text: str, tone: str = "missing") -> Handler:
    def handler(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
        return (candidate_text if who == CANDIDATE else team_text), tone

    return handler


def _unknown_noc(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    return _("Code %(code)s is not in the NOC 2021: compared by its digits.") % {
        "code": e.get("code")
    }, "missing"


def _unknown_skill(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    labels = e.get("labels", [])
    text = ngettext(
        "Skill not found in ESCO, compared by its name: %(labels)s.",
        "Skills not found in ESCO, compared by their names: %(labels)s.",
        len(labels),
    )
    return text % {"labels": _labels(labels)}, "missing"


def _not_linked(e: dict, who: str, v: Vocabulary) -> tuple[str, str] | None:
    labels = e.get("labels", [])
    if e.get("side") == "posting":
        if who == CANDIDATE:
            return None
        text = ngettext(
            "Skill of the posting not linked to ESCO yet, compared by its name: %(labels)s.",
            "Skills of the posting not linked to ESCO yet, compared by their names: %(labels)s.",
            len(labels),
        )
    else:
        text = ngettext(
            "Skill of the profile not linked to ESCO yet, compared by its name: %(labels)s.",
            "Skills of the profile not linked to ESCO yet, compared by their names: %(labels)s.",
            len(labels),
        )
    return text % {"labels": _labels(labels)}, "info"


@lru_cache(maxsize=8)
def _handlers(language: str | None) -> dict[str, Handler]:
    """The handlers, built once per language: the fixed sentences below are translated when the
    table is built (building it for every reason cost ~1 ms, 50 ms on a queue page)."""
    return {
        ReasonCode.NOT_ELIGIBLE: _not_eligible,
        ReasonCode.ELIGIBILITY_INCOMPLETE: _incomplete,
        ReasonCode.NOT_VERIFIED: _not_verified,
        ReasonCode.EMPLOYER_SPECIFIC_PERMIT_NOT_ACCEPTED: _employer_specific,
        ReasonCode.PERMIT_EXPIRES_BEFORE_START: _permit_before_start,
        ReasonCode.FRENCH_BELOW_MINIMUM: _french_below,
        ReasonCode.ENGLISH_BELOW_MINIMUM: _english_below,
        ReasonCode.REGION_NOT_WANTED: _region_not_wanted,
        ReasonCode.NOT_AVAILABLE_BY_START: _not_available,
        ReasonCode.MUST_HAVE_MISSING: _must_have,
        ReasonCode.SAME_OCCUPATION: _same_occupation,
        ReasonCode.SAME_MINOR_GROUP: _close_occupation("minor"),
        ReasonCode.SAME_SUB_MAJOR_GROUP: _close_occupation("sub_major"),
        ReasonCode.RELATED_OCCUPATION: _close_occupation("related"),
        ReasonCode.SAME_MAJOR_GROUP: _close_occupation("major"),
        ReasonCode.OTHER_OCCUPATION: _close_occupation("other"),
        ReasonCode.DESIRED_OCCUPATION: _desired,
        ReasonCode.OCCUPATION_NOT_DESIRED: _not_desired,
        ReasonCode.REQUIRED_SKILLS_COVERED: _required_skills,
        ReasonCode.NICE_SKILLS_COVERED: _nice_skills,
        ReasonCode.EXPERIENCE_ENOUGH: _experience(True),
        ReasonCode.EXPERIENCE_SHORT: _experience(False),
        ReasonCode.EDUCATION_MEETS: _education_meets(True),
        ReasonCode.EDUCATION_BELOW: _education_meets(False),
        ReasonCode.LANGUAGE_MARGIN: _language_margin,
        ReasonCode.REGION_WANTED: _region_wanted,
        ReasonCode.OPEN_TO_ALL_REGIONS: _open_all,
        ReasonCode.READY_TO_RELOCATE: _relocate,
        ReasonCode.DISTANCE: _distance,
        ReasonCode.SALARY_MEETS: _salary(True),
        ReasonCode.SALARY_BELOW_EXPECTATION: _salary(False),
        ReasonCode.SIMILAR_TEXTS: _similar,
        ReasonCode.OCCUPATION_MISSING: _fixed(
            _("Add your experience or the occupations you are looking for."),
            _("No occupation in the profile."),
        ),
        ReasonCode.POSTING_OCCUPATION_MISSING: _fixed(
            _("The posting has no occupation code."), _("The posting has no occupation code.")
        ),
        ReasonCode.UNKNOWN_NOC: _unknown_noc,
        ReasonCode.UNKNOWN_SKILL: _unknown_skill,
        ReasonCode.SKILL_NOT_LINKED: _not_linked,
        ReasonCode.SKILLS_MISSING: _fixed(
            _("Add your skills: the ones the job asks for are compared with them."),
            _("No skill in the profile."),
        ),
        ReasonCode.POSTING_SKILLS_MISSING: _fixed(
            _("The posting lists no skills."), _("The posting lists no skills.")
        ),
        ReasonCode.EDUCATION_MISSING: _fixed(
            _("Add your education: the job's requirement is compared with it."),
            _("No education in the profile."),
        ),
        ReasonCode.FRENCH_LEVEL_MISSING: _fixed(
            _("Add your French levels: the job asks for a minimum."),
            _("French levels not given."),
        ),
        ReasonCode.ENGLISH_LEVEL_MISSING: _fixed(
            _("Add your English levels: the job asks for a minimum."),
            _("English levels not given."),
        ),
        ReasonCode.LOCATION_MISSING: _fixed(
            _("Add your municipality to see how far the job is."),
            _("Municipality not given: distance unknown."),
        ),
        ReasonCode.REGIONS_MISSING: _fixed(
            _("Choose the regions that interest you."), _("No region chosen.")
        ),
        ReasonCode.SALARY_MISSING: _fixed(
            _("Add your salary expectation to compare it with the offer."),
            _("No salary expectation given."),
        ),
        ReasonCode.TEXT_MISSING: _fixed(
            _("Describe your work in your profile: the posting's text is compared with it."),
            _("No text to compare with the posting."),
        ),
        ReasonCode.AVAILABILITY_MISSING: _fixed(
            _("Add the date from which you are available."), _("Availability not given.")
        ),
    }


def sentences(
    reasons: Iterable[dict],
    *,
    audience: str,
    vocabulary: Vocabulary,
    breakdown: dict | None = None,
) -> list[Sentence]:
    """Sentences for stored reasons (as MatchResult.reasons holds them), in their order. With
    the result's `breakdown`, each sentence of a scored factor says its weight in the score
    (« compte pour 22 % »). An unknown code is said as such rather than dropped."""
    handlers = _handlers(get_language())
    reasons = list(reasons)
    weights = factor_weights(breakdown)
    unrelated = _occupation_and_skills_differ(reasons)
    out = []
    for reason in reasons:
        code = str(reason.get("code", ""))
        handler = handlers.get(code)
        if handler is None:
            out.append(Sentence(code, _("Other reason: %(code)s.") % {"code": code}, "info"))
            continue
        evidence = dict(reason.get("evidence", {}))
        if code == ReasonCode.SIMILAR_TEXTS and unrelated:
            evidence["unrelated"] = True
        said = handler(evidence, audience, vocabulary)
        if said is None:
            continue
        factor = str(reason.get("factor") or "")
        weight = weights.get(factor) if not reason.get("is_exclusion") else None
        text = said[0]
        if weight is not None and code != ReasonCode.MUST_HAVE_MISSING:
            text = _("%(sentence)s Counts for %(weight)s %%.") % {
                "sentence": text,
                "weight": round(100 * weight),
            }
        out.append(Sentence(code, text, said[1], factor, weight))
    return out


def factor_weights(breakdown: dict | None) -> dict[str, float]:
    """Each factor's share of the score (0–1) from a stored breakdown; none for factors that
    did not apply or weigh nothing."""
    factors = (breakdown or {}).get("factors", {})
    return {
        str(name): float(part["weight"])
        for name, part in factors.items()
        if isinstance(part, dict) and part.get("weight")
    }


def _occupation_and_skills_differ(reasons: list[dict]) -> bool:
    """Another occupation, or none of the required skills: similar wording proves little."""
    for reason in reasons:
        code = reason.get("code")
        if code == ReasonCode.OTHER_OCCUPATION:
            return True
        if code == ReasonCode.REQUIRED_SKILLS_COVERED:
            evidence = reason.get("evidence", {})
            if int(evidence.get("total", 0)) and not int(evidence.get("count", 0)):
                return True
    return False


def factor_label(name: str) -> str:
    labels = {
        "occupation": _("Occupation"),
        "required_skills": _("Required skills"),
        "nice_skills": _("Assets"),
        "experience": _("Experience in the field"),
        "education": _("Education"),
        "language": _("French above the minimum"),
        "semantic": _("Texts about the same work"),
        "desired_occupation": _("Occupation the candidate wants"),
        "place": _("Region and distance"),
        "salary": _("Salary"),
    }
    return labels.get(name, name)


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
