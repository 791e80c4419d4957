"""Reasons that agree with each other, name their weight and fit on a phone (issue 13)."""

import pytest
from django.utils import translation

from maillage.matching.explanations import CANDIDATE, TEAM, Vocabulary, sentences
from matchcore.engine import ReasonCode

VOCABULARY = Vocabulary(
    {
        "73300": "Conducteurs/conductrices de camions de transport",
        "72401": "Mécaniciens/mécaniciennes d'équipement lourd",
        "72106": "Soudeurs/soudeuses et opérateurs/opératrices de machines à souder et à braser",
    },
    {"01": "Bas-Saint-Laurent", "10": "Nord-du-Québec"},
)
# Evidence as the engine writes it, for every code that takes some.
EVIDENCE = {
    "not_eligible": {"why": ["admitted_too_long_ago"]},
    "permit_expires_before_start": {"expires_on": "2027-01-01", "start_date": "2027-01-15"},
    "french_below_minimum": {"skill": "written_comprehension", "required": 6, "has": 5},
    "english_below_minimum": {"skill": "written_comprehension", "required": 6, "has": 5},
    "region_not_wanted": {"region": "10"},
    "not_available_by_start": {"available_from": "2027-03-01", "start_date": "2027-01-15"},
    "must_have_missing": {"missing": ["permis de conduire classe 1"]},
    "same_occupation": {"posting_noc": "73300", "candidate_noc": "73300", "via": "experience"},
    "same_minor_group": {"posting_noc": "72401", "candidate_noc": "72106"},
    "same_sub_major_group": {"posting_noc": "72401", "candidate_noc": "72106"},
    "related_occupation": {"posting_noc": "72401", "candidate_noc": "72106"},
    "same_major_group": {"posting_noc": "72401", "candidate_noc": "72106"},
    "other_occupation": {"posting_noc": "72401", "candidate_noc": "73300"},
    "occupation_not_desired": {"posting_noc": "73300", "closeness": "other"},
    "required_skills_covered": {
        "matched": ["ronde de sécurité"],
        "missing": ["arrimage des charges", "conduite hivernale"],
        "count": 1,
        "total": 3,
    },
    "nice_skills_covered": {
        "matched": ["conduite hivernale"],
        "missing": [],
        "count": 1,
        "total": 2,
    },
    "experience_enough": {"years": 5.3, "required": 3},
    "experience_short": {"years": 2.1, "required": 3, "grade": "close"},
    "education_meets": {"level": 2, "required": 2},
    "education_below": {"level": 1, "required": 2},
    "language_margin": {"margin": 2, "skill": "oral_production"},
    "region_wanted": {"region": "01"},
    "ready_to_relocate": {"region": "10"},
    "relocates_with_allowance": {"region": "10"},
    "distance": {"km": 112},
    "salary_meets": {"expected": 25.0, "offered_max": 30.0},
    "salary_below_expectation": {"expected": 35.0, "offered_max": 30.0},
    "similar_texts": {"cosine": 0.62, "value": 0.7},
    "unknown_noc": {"code": "99999", "side": "posting"},
    "unknown_skill": {"labels": ["soudage laser"], "side": "posting"},
    "skill_not_linked": {"labels": ["soudage laser"], "side": "candidate"},
}
# A phone at 360 px shows about 40 characters a line: three lines at most, before the weight.
PHONE_LIMIT = 110


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("audience", [CANDIDATE, TEAM])
def test_every_sentence_fits_three_lines_of_a_phone(language, audience):
    with translation.override(language):
        for code in ReasonCode:
            reason = {"code": str(code), "evidence": EVIDENCE.get(str(code), {})}
            for said in sentences([reason], audience=audience, vocabulary=VOCABULARY):
                assert len(said.text) <= PHONE_LIMIT, said.text


def _welder_for_a_repair_job(cosine: float) -> list[dict]:
    """The welder of issue 13: another occupation, none of the three required skills."""
    return [
        {
            "code": "other_occupation",
            "evidence": {"posting_noc": "72401", "candidate_noc": "72106", "via": "experience"},
            "factor": "occupation",
        },
        {
            "code": "required_skills_covered",
            "evidence": {
                "matched": [],
                "missing": ["moteurs diesel", "systèmes hydrauliques", "diagnostic électronique"],
                "count": 0,
                "total": 3,
            },
            "factor": "required_skills",
        },
        {
            "code": "similar_texts",
            "evidence": {"cosine": cosine, "value": (cosine - 0.2) / 0.6},
            "factor": "semantic",
        },
    ]


BREAKDOWN = {
    "factors": {
        "occupation": {"value": 0.0, "weight": 0.182, "points": 0.0},
        "required_skills": {"value": 0.0, "weight": 0.154, "points": 0.0},
        "semantic": {"value": 0.7, "weight": 0.14, "points": 5.1},
    }
}


def test_another_occupation_without_the_skills_never_reads_as_the_same_work():
    with translation.override("fr"):
        said = sentences(
            _welder_for_a_repair_job(0.62),
            audience=CANDIDATE,
            vocabulary=VOCABULARY,
            breakdown=BREAKDOWN,
        )
    texts = [s.text for s in said]
    assert not any("même travail" in text for text in texts)
    assert texts[2] == (
        "Textes semblables à 70\u00a0%, mais pas la profession ni les compétences. "
        "Compte pour 14\u00a0%."
    )
    assert said[2].tone == "weak"


def test_every_scored_reason_names_its_weight_in_the_score():
    with translation.override("fr"):
        said = sentences(
            _welder_for_a_repair_job(0.62),
            audience=TEAM,
            vocabulary=VOCABULARY,
            breakdown=BREAKDOWN,
        )
    assert [(s.factor, s.weight) for s in said] == [
        ("occupation", 0.182),
        ("required_skills", 0.154),
        ("semantic", 0.14),
    ]
    assert said[0].text.endswith("Compte pour 18\u00a0%.")
    assert said[1].text.endswith("Compte pour 15\u00a0%.")


def test_a_missing_must_have_says_what_is_missing_and_the_cap():
    reasons = [
        {
            "code": "must_have_missing",
            "evidence": {"missing": ["permis classe 1"], "capped": True},
            "factor": "required_skills",
        }
    ]
    with translation.override("fr"):
        capped = sentences(reasons, audience=TEAM, vocabulary=VOCABULARY, breakdown=BREAKDOWN)
        reasons[0]["evidence"] = {"missing": ["permis classe 1"]}
        reasons[0]["is_exclusion"] = True
        excluded = sentences(reasons, audience=TEAM, vocabulary=VOCABULARY, breakdown=BREAKDOWN)
    assert capped[0].text == (
        "Il manque\u00a0: permis classe 1 (exigence essentielle). 2 étoiles au plus."
    )
    assert (excluded[0].text, excluded[0].tone) == (
        "Il manque\u00a0: permis classe 1 (exigence essentielle).",
        "exclusion",
    )


def test_a_shortfall_in_years_says_whether_it_is_close():
    def text(evidence):
        reason = {"code": "experience_short", "evidence": evidence, "factor": "experience"}
        with translation.override("fr"):
            return sentences([reason], audience=TEAM, vocabulary=VOCABULARY)[0].text

    assert text({"years": 2.1, "required": 3, "grade": "close"}) == (
        "2,1 ans dans ce domaine\u00a0: près des 3 demandés."
    )
    assert text({"years": 0.0, "required": 3, "grade": "far"}) == (
        "0 an dans ce domaine\u00a0: loin des 3 demandés."
    )
