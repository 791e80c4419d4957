"""The demo's relocation story: the demo employer's last posting offers no relocation allowance,
and six people elsewhere would move only with one; ticking the allowance lets them in."""

import pytest
from django.utils import translation

from maillage.candidates.models import CandidateProfile, Relocation
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.core.demo_steps import DemoContext
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.matching import doors
from maillage.matching.demo import build_relocation_story
from maillage.matching.tests.conftest import TODAY
from maillage.regions.models import Municipality, Region

CONTEXT = DemoContext(
    today=TODAY,
    seed=2026,
    candidate_email="candidat@example.org",
    employer_email="employeur@example.org",
    advisor_email="conseillere@example.org",
)


def _person(town: str, region: str, answer: str, **fields) -> CandidateProfile:
    profile = CandidateProfileFactory(
        municipality=Municipality.objects.get(name=town),
        relocation=answer,
        is_open_to_all_regions=False,
        available_from=TODAY,
        **fields,
    )
    profile.regions_of_interest.set([Region.objects.get(code=region)])
    return profile


@pytest.fixture
def demo(db):
    member = CompanyMemberFactory(user__email=CONTEXT.employer_email)
    town = Municipality.objects.get(name="Rimouski")
    for offers in (True, True):
        JobPostingFactory(
            company=member.company,
            created_by=member.user,
            municipality=town,
            offers_relocation_allowance=offers,
            min_french_oral_comprehension=None,
            min_french_oral_production=None,
        )
    _person("Saguenay", "02", Relocation.WITH_AID)  # said so already: counts among the six
    for _ in range(7):
        _person("Saguenay", "02", Relocation.YES)
    _person("Saguenay", "02", Relocation.YES, user__email=CONTEXT.candidate_email)  # left alone
    _person("Rimouski", "01", Relocation.YES)  # lives there: the allowance changes nothing
    return member.company.postings.order_by("pk").last()


def test_the_demo_employer_reads_what_an_allowance_adds_and_ticking_it_lets_them_in(demo):
    doors.columns_reset()
    assert build_relocation_story(CONTEXT) == 6
    demo.refresh_from_db()
    assert not demo.offers_relocation_allowance
    answers = CandidateProfile.objects.filter(relocation=Relocation.WITH_AID)
    assert answers.count() == 6
    assert not answers.filter(user__email=CONTEXT.candidate_email).exists()
    with translation.override("fr"):
        pool = doors.posting_pool(demo, today=TODAY)
        rows = {w.sentence: w.added for w in pool.widenings}
        assert rows["Offrir une aide à la relocalisation"] == "+6 personnes prêtes à déménager"
        # Two who still say yes, the demo candidate and the one of Rimouski; then the six too.
        assert pool.admissible == "moins de 5"
        demo.offers_relocation_allowance = True  # the posting form's checkbox
        demo.save()
        assert doors.posting_pool(demo, today=TODAY).admissible == str(4 + 6)
