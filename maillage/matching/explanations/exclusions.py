"""Sentences for the engine's rules: why a candidate is excluded from a posting (eligibility,
permit, languages, region, availability, a missing must-have or a permit of a regulated
occupation)."""

from collections.abc import Callable

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maillage.matching.explanations.vocabulary import (
    CANDIDATE,
    Handler,
    Vocabulary,
    day_label,
    list_label,
    skill_label,
)
from matchcore.engine import ReasonCode


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
    values = {"expires": day_label(e.get("expires_on")), "start": day_label(e.get("start_date"))}
    if who == CANDIDATE:
        return _(
            "Your permit expires on %(expires)s, before the job starts (%(start)s)."
        ) % values, "exclusion"
    return _(
        "Permit expires on %(expires)s, before the job starts (%(start)s)."
    ) % values, "exclusion"


def _french_below(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    values = {
        "skill": skill_label(e.get("skill")),
        "required": e.get("required"),
        "has": e.get("has"),
    }
    if who == CANDIDATE:
        return _(
            "French, %(skill)s: level %(required)s is required, you have %(has)s."
        ) % values, "exclusion"
    return _("French, %(skill)s: level %(required)s required, has %(has)s.") % values, "exclusion"


def _english_below(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    values = {
        "skill": skill_label(e.get("skill")),
        "required": e.get("required"),
        "has": e.get("has"),
    }
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
    values = {
        "available": day_label(e.get("available_from")),
        "start": day_label(e.get("start_date")),
    }
    if who == CANDIDATE:
        return _(
            "You are available from %(available)s; the job starts on %(start)s."
        ) % values, "exclusion"
    return _("Available from %(available)s; the job starts on %(start)s.") % values, "exclusion"


def _must_have(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
    values = {"missing": list_label(e.get("missing", []))}
    if e.get("capped"):
        return _("Missing must-have: %(missing)s. At most 2 stars.") % values, "weak"
    if who == CANDIDATE:
        return _("You are missing a must-have: %(missing)s.") % values, "exclusion"
    return _("Missing must-have: %(missing)s.") % values, "exclusion"


def _capped(text: str, e: dict) -> tuple[str, str]:
    if e.get("capped"):
        return _("%(reason)s At most 2 stars.") % {"reason": text}, "weak"
    return text, "exclusion"


def _permit(candidate_text: Callable[[int], str], team_text: Callable[[], str]) -> Handler:
    """A permit reason's sentence: the permits named, for the candidate or the team."""

    def handle(e: dict, who: str, v: Vocabulary) -> tuple[str, str]:
        permits = e.get("permits", [])
        text = candidate_text(len(permits)) if who == CANDIDATE else team_text()
        return _capped(text % {"permits": v.permits(permits)}, e)

    return handle


_permit_missing = _permit(
    lambda n: ngettext(
        "This job requires: %(permits)s; you do not hold it.",
        "This job requires: %(permits)s; you do not hold them.",
        n,
    ),
    lambda: _("Does not hold the required permit: %(permits)s."),
)
_permit_in_progress = _permit(
    lambda n: ngettext(
        "This job requires: %(permits)s; yours is in progress.",
        "This job requires: %(permits)s; yours are in progress.",
        n,
    ),
    lambda: _("Required permit in progress, not held yet: %(permits)s."),
)
_permit_abroad = _permit(
    lambda n: _(
        "This job requires: %(permits)s; you obtained it abroad, and Québec must recognise "
        "it first."
    ),
    lambda: _("Required permit obtained abroad, not yet recognised in Québec: %(permits)s."),
)


EXCLUSION_SENTENCES: dict[str, Handler] = {
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
    ReasonCode.PERMIT_MISSING: _permit_missing,
    ReasonCode.PERMIT_IN_PROGRESS: _permit_in_progress,
    ReasonCode.PERMIT_OBTAINED_ABROAD: _permit_abroad,
}
