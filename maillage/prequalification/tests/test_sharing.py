"""The shared-profile gate: an employer reads only the sections the candidate ticked, on every
page, in the API and in the reasons, and never the salary expectation."""

import html
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from maillage.api.tests.factories import ApiTokenFactory, bearer
from maillage.matching.explanations import TEAM, sentences
from maillage.matching.selectors import reason_vocabulary
from maillage.prequalification.models import SharedSection
from maillage.prequalification.sharing import REASON_SECTIONS, shared_profile
from maillage.prequalification.tests.factories import ProposalFactory
from matchcore.engine import ReasonCode

pytestmark = pytest.mark.django_db

# Reasons as the engine stores them, one per section, with evidence an employer must not read
# unless the section is shared.
LEAKY_REASONS = [
    {"code": "distance", "evidence": {"km": 340}, "factor": "place"},
    {
        "code": "salary_below_expectation",
        "evidence": {"offered_max": 28.0, "expected": 32.0},
        "factor": "salary",
    },
    {"code": "education_meets", "evidence": {"level": 6, "required": 3}, "factor": "education"},
    {"code": "experience_enough", "evidence": {"years": 7.5, "required": 2}},
    {"code": "same_occupation", "evidence": {"posting_noc": "72106", "via": "experience"}},
    {"code": "language_margin", "evidence": {"margin": 3, "skill": "oral_production"}},
    {
        "code": "required_skills_covered",
        "evidence": {"matched": ["soudage MIG"], "missing": [], "count": 1, "total": 1},
    },
]


def said(reason: dict) -> str:
    """What an employer would read for this reason, in French (whatever its wording)."""
    with translation.override("fr"):
        found = sentences(
            [reason], audience=TEAM, vocabulary=reason_vocabulary([ProposalFactory.build()])
        )
    return found[0].text


def page(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def skills_only(member, posting, candidate):
    return ProposalFactory(
        shortlisted=True,
        posting=posting,
        candidate=candidate,
        reasons=LEAKY_REASONS,
        shared_sections=[SharedSection.SKILLS],
    )


def test_every_reason_code_is_assigned_to_a_section_or_kept_from_employers():
    # A new reason code must be classified here before an employer can read it.
    assert set(ReasonCode) <= set(REASON_SECTIONS)


def test_the_reasons_of_unknown_codes_never_reach_an_employer(skills_only, candidate):
    skills_only.reasons = [{"code": "brand_new_code", "evidence": {"km": 12}}]
    shared = shared_profile(skills_only, candidate, today=timezone.localdate())
    assert shared.reasons == []


def test_with_only_skills_shared_the_pages_say_nothing_of_the_other_sections(
    client, member, posting, skills_only
):
    client.force_login(member.user)
    listing = page(
        client.get(reverse("prequalification:shortlist-posting", args=[posting.public_id]))
    )
    detail = page(
        client.get(reverse("prequalification:shortlist-candidate", args=[skills_only.public_id]))
    )
    for text in (listing, detail):
        for reason in LEAKY_REASONS:
            if reason["code"] == "required_skills_covered":
                assert said(reason) in text
            else:
                assert said(reason) not in text
        # As a number of its own: the hex of a link's identifier may hold the digits.
        assert not re.search(r"\b340\b", text)
    assert "Soudage-montage" not in detail  # the education itself
    assert "Ateliers du Nord" not in detail  # the experience itself


def test_with_only_skills_shared_the_api_gives_no_evidence_and_no_other_section(
    client, member, posting, skills_only
):
    token = ApiTokenFactory(user=member.user)
    response = client.get(
        f"/api/v1/employer/postings/{posting.public_id}/shortlist",
        HTTP_ACCEPT_LANGUAGE="fr",
        **bearer(token),
    )
    assert response.status_code == 200
    entry = response.json()[0]
    assert [reason["code"] for reason in entry["reasons"]] == ["required_skills_covered"]
    assert set(entry["shared"]) == {"skills"}
    body = json.dumps(response.json())
    for leak in ('"km"', '"expected"', "340", "32.0", "evidence", "Ateliers du Nord"):
        assert leak not in body
    shown = {row["requirement"] for row in entry["requirements"] if row["candidate"]}
    assert all(label.startswith(("Skill", "Compétence")) for label in shown)


def test_the_salary_expectation_is_never_shown_even_when_everything_is_shared(
    client, member, posting, candidate
):
    proposal = ProposalFactory(
        shortlisted=True,
        posting=posting,
        candidate=candidate,
        reasons=LEAKY_REASONS,
        shared_sections=list(SharedSection.values),
    )
    client.force_login(member.user)
    detail = page(
        client.get(reverse("prequalification:shortlist-candidate", args=[proposal.public_id]))
    )
    assert said(LEAKY_REASONS[0]) in detail  # the distance: shared, so said
    assert said(LEAKY_REASONS[1]) not in detail  # the salary: never
    assert "32,00" not in detail
    token = ApiTokenFactory(user=member.user)
    body = json.dumps(
        client.get(
            f"/api/v1/employer/postings/{posting.public_id}/shortlist", **bearer(token)
        ).json()
    )
    assert "salary" not in body
    assert "32.0" not in body


def test_requirement_values_of_sections_not_shared_are_blank_in_the_gate(skills_only, candidate):
    shared = shared_profile(skills_only, candidate, today=timezone.localdate())
    for row in shared.requirements:
        if row.section != SharedSection.SKILLS:
            assert row.candidate == ""
    assert shared.experiences is None
    assert shared.educations is None
    assert shared.location is None
    assert shared.contact is None
    assert shared.skills is not None
