"""Sentences for the scored factors: how the occupation, skills, experience, education,
French, place, salary and texts of a profile compare with a posting's."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maillage.core.templatetags.formatting import format_money
from maillage.matching.explanations.vocabulary import (
    CANDIDATE,
    Handler,
    Vocabulary,
    education_label,
    list_label,
    skill_label,
    years_label,
)
from matchcore.engine import DEFAULT_POLICY, ReasonCode


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
    values = {"count": count, "total": total, "missing": list_label(e.get("missing", []))}
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
    values = {"count": count, "total": total, "matched": list_label(e.get("matched", []))}
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
        values = {"years": years_label(years), "required": required}
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
        values = {"level": education_label(e.get("level"))}
        if meets:
            return _("Education: as asked for or higher."), "good"
        return _("Education: %(level)s, below what is asked for.") % values, "weak"

    return handler


def _language_margin(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    margin = int(e.get("margin", 0))
    values = {"margin": margin, "skill": skill_label(e.get("skill"))}
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


def _relocate_with_allowance(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    """She moves only with help, and this posting offers it (its relocation allowance)."""
    values = {"region": v.region(e.get("region"))}
    if who == CANDIDATE:
        return _(
            "You would move to %(region)s: the employer offers a relocation allowance."
        ) % values, "info"
    return _("Would move to %(region)s with the relocation allowance offered.") % values, "info"


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


FACTOR_SENTENCES: dict[str, Handler] = {
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
    ReasonCode.RELOCATES_WITH_ALLOWANCE: _relocate_with_allowance,
    ReasonCode.DISTANCE: _distance,
    ReasonCode.SALARY_MEETS: _salary(True),
    ReasonCode.SALARY_BELOW_EXPECTATION: _salary(False),
    ReasonCode.SIMILAR_TEXTS: _similar,
}
