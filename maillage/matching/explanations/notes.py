"""Sentences for the notes on missing or unlinked data: what the profile or the posting does not
say, and codes or skills the reference data does not know (the score is lower, not wrong)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maillage.matching.explanations.vocabulary import CANDIDATE, Handler, Vocabulary, list_label
from matchcore.engine import ReasonCode


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
    return text % {"labels": list_label(labels)}, "missing"


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
    return text % {"labels": list_label(labels)}, "info"


def note_sentences() -> dict[str, Handler]:
    """The notes' handlers; the fixed sentences are translated when this is called, so call it
    with the reader's language active."""
    return {
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
