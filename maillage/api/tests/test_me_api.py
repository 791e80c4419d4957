"""A candidate's own profile and matches through the API."""

import pytest
from django.utils import timezone

from maillage.accounts.tests.factories import UserFactory
from maillage.api.tests.factories import ApiTokenFactory, bearer
from maillage.candidates.models import Relocation
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.models import PostingStatus
from maillage.employers.tests.factories import JobPostingFactory
from maillage.matching.models import MatchResult

pytestmark = pytest.mark.django_db


def _match(candidate, posting, score, **extra):
    return MatchResult.objects.create(
        candidate=candidate,
        posting=posting,
        score=score,
        stars=max(1, round(score / 20)),
        breakdown={"occupation": 1.0},
        reasons=[{"code": "same_occupation"}],
        engine_version="rules-1",
        computed_at=timezone.now(),
        **extra,
    )


def test_a_candidate_reads_their_profile(client):
    profile = CandidateProfileFactory(user__full_name="Amina Diallo", phone="418-555-0199")
    response = client.get("/api/v1/me/profile", **bearer(ApiTokenFactory(user=profile.user)))
    body = response.json()
    assert response.status_code == 200
    assert (body["full_name"], body["phone"], body["municipality"]["name"]) == (
        "Amina Diallo",
        "418-555-0199",
        "Rimouski",
    )
    assert body["french"]["oral_comprehension"] == 8


@pytest.mark.parametrize(
    ("answer", "ready", "relocation"),
    [
        (Relocation.YES, True, "yes"),
        (Relocation.WITH_AID, True, "with_aid"),
        (Relocation.NO, False, "no"),
        ("", None, None),
    ],
)
def test_the_relocation_answer_keeps_its_yes_or_no_for_older_clients(
    client, answer, ready, relocation
):
    profile = CandidateProfileFactory(relocation=answer)
    body = client.get("/api/v1/me/profile", **bearer(ApiTokenFactory(user=profile.user))).json()
    assert (body["is_ready_to_relocate"], body["relocation"]) == (ready, relocation)


def test_matches_best_first_without_exclusions_or_closed_postings(
    client, django_assert_num_queries
):
    profile = CandidateProfileFactory()
    token = ApiTokenFactory(user=profile.user)
    _match(profile, JobPostingFactory(title="Moyen"), 60)
    _match(profile, JobPostingFactory(title="Meilleur"), 91)
    _match(profile, JobPostingFactory(title="Exclu"), 95, is_excluded=True)
    _match(profile, JobPostingFactory(title="Fermé", status=PostingStatus.CLOSED), 99)
    _match(CandidateProfileFactory(), JobPostingFactory(title="Pas à moi"), 80)
    client.get("/api/v1/me", **bearer(token))

    with django_assert_num_queries(5):  # token+user, profile, count, page, skills
        response = client.get("/api/v1/me/matches", **bearer(token))

    items = response.json()["items"]
    assert [(i["posting"]["title"], i["score"], i["engine_version"]) for i in items] == [
        ("Meilleur", 91.0, "rules-1"),
        ("Moyen", 60.0, "rules-1"),
    ]


def test_an_employer_has_no_candidate_profile(client):
    token = ApiTokenFactory(user=UserFactory(role="employer"))
    response = client.get("/api/v1/me/matches", **bearer(token))
    assert response.status_code == 403
    assert response.json()["code"] == "not_candidate"
