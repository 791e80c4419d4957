"""Issue 15, part 4: an employer learns that a short-listed candidate moves with a partner who
also looks for work only when the candidate shared their household for that posting, the partner
said yes on « Notre ménage », and the household still holds; then it reads one line (the
partner's occupation and regions), never who the partner is. The partner's choice: on the page,
their own only, dated, in their data export."""

import html
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.models import ProfileView
from maillage.api.tests.factories import ApiTokenFactory, bearer
from maillage.candidates.tests.factories import CandidateProfileFactory, WorkExperienceFactory
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.households.models import HouseholdLink
from maillage.households.services import (
    household_accept,
    household_end,
    household_invite,
    household_search_share,
)
from maillage.prequalification.models import SharedSection
from maillage.prequalification.selectors import (
    profile_for_comparison,
    shared_profiles_of_posting,
)
from maillage.prequalification.sharing import shared_profile
from maillage.prequalification.tests.factories import ProposalFactory
from maillage.privacy.registry import privacy_modules
from maillage.regions.models import Region
from maillage.taxonomy.models import NocGroup

pytestmark = pytest.mark.django_db

LINE = "Déménage avec un conjoint ou une conjointe qui cherche aussi un emploi"
# Words of the partner an employer must never read (name, e-mail, phone, the trade they left).
PARTNER_TRACES = ("Karim", "karim.diallo@example.org", "418 555-0199", "Préposé au CHSLD")


@pytest.fixture
def household():
    """Amina (short-listed, sharing every section, household included) and Karim, who wants
    care-aide work in Bas-Saint-Laurent or Mauricie; linked, nobody has said yes yet."""
    amina = CandidateProfileFactory(user__full_name="Amina Diallo")
    karim = CandidateProfileFactory(
        user__full_name="Karim Diallo", user__email="karim.diallo@example.org", phone="418 555-0199"
    )
    karim.desired_occupations.add("33102")
    karim.regions_of_interest.set(Region.objects.filter(code__in=["01", "04"]))
    WorkExperienceFactory(candidate=karim, noc_id="33102", title="Préposé au CHSLD")
    link = household_invite(inviter=amina, email=karim.user.email)
    link = household_accept(link=link, by=karim)
    member = CompanyMemberFactory()
    proposal = ProposalFactory(
        candidate=amina,
        posting=JobPostingFactory(company=member.company),
        shortlisted=True,
        shared_sections=list(SharedSection.values),
    )
    return amina, karim, link, member, proposal


def _line_for_employer(proposal) -> str | None:
    shared = shared_profile(
        proposal, profile_for_comparison(proposal.candidate_id), today=timezone.localdate()
    )
    return shared.partner_search.sentence() if shared.partner_search else None


def _employer_pages(client, member, proposal) -> tuple[str, dict]:
    client.force_login(member.user)
    page = client.get(reverse("prequalification:shortlist-candidate", args=[proposal.public_id]))
    token = ApiTokenFactory(user=member.user)
    api = client.get(
        f"/api/v1/employer/postings/{proposal.posting.public_id}/shortlist", **bearer(token)
    )
    assert (page.status_code, api.status_code) == (200, 200)
    return html.unescape(page.content.decode()), api.json()[0]


def test_with_both_consents_the_employer_reads_the_partners_search_and_nothing_else(
    client, household
):
    amina, karim, link, member, proposal = household
    household_search_share(link=link, by=karim, share=True)

    page, entry = _employer_pages(client, member, proposal)
    care_aide = NocGroup.objects.get(code="33102").title_fr
    expected = (
        f"{LINE}\u00a0: {care_aide}\u00a0; régions acceptées\u00a0: Bas-Saint-Laurent, Mauricie."
    )
    assert expected in page
    assert entry["shared"]["household"] == {
        "partner_occupations": [care_aide],
        "partner_regions": ["Bas-Saint-Laurent", "Mauricie"],
        "partner_open_to_all_regions": False,
        "text": expected,
    }
    api_text = json.dumps(entry, ensure_ascii=False)
    for trace in (*PARTNER_TRACES, str(karim.public_id), str(link.public_id)):
        assert trace not in page and trace not in api_text, trace
    # Karim's search is his data: each reading (the page, the API) is in his own audit log.
    read = (
        "Votre recherche d'emploi, lue avec le profil de votre conjoint ou conjointe sur "
        f"la liste restreinte de «\u00a0{proposal.posting.title}\u00a0»"
    )
    views = ProfileView.objects.filter(subject=karim.user).values_list("viewer", "what")
    assert list(views) == [(member.user.pk, read)] * 2


def test_an_english_speaking_employer_reads_the_line_in_english(client, household):
    amina, karim, link, member, proposal = household
    household_search_share(link=link, by=karim, share=True)
    client.force_login(member.user)
    url = reverse("prequalification:shortlist-candidate", args=[proposal.public_id])
    page = html.unescape(client.get(f"/en{url}").content.decode())
    care_aide = NocGroup.objects.get(code="33102").title_en
    assert (
        f"Moves with a partner who is also looking for work: {care_aide}; regions accepted: "
        "Bas-Saint-Laurent, Mauricie." in page
    )


def _candidate_does_not_share_the_household(amina, karim, link, proposal) -> None:
    household_search_share(link=link, by=karim, share=True)
    proposal.shared_sections = [s for s in SharedSection.values if s != SharedSection.HOUSEHOLD]
    proposal.save(update_fields=["shared_sections"])


def _partner_never_said_yes(amina, karim, link, proposal) -> None:
    # The candidate's own yes (about her own search) opens nothing about her partner.
    household_search_share(link=link, by=amina, share=True)


def _partner_withdrew(amina, karim, link, proposal) -> None:
    household_search_share(link=link, by=karim, share=True)
    household_search_share(link=link, by=karim, share=False)


def _household_ended(amina, karim, link, proposal) -> None:
    household_search_share(link=link, by=karim, share=True)
    household_end(link=link, by=amina)


@pytest.mark.parametrize(
    "missing",
    [
        _candidate_does_not_share_the_household,
        _partner_never_said_yes,
        _partner_withdrew,
        _household_ended,
    ],
)
def test_without_any_one_consent_the_employer_reads_nothing_about_a_partner(
    client, household, missing
):
    amina, karim, link, member, proposal = household
    missing(amina, karim, link, proposal)
    assert _line_for_employer(proposal) is None
    page, entry = _employer_pages(client, member, proposal)
    assert "household" not in entry["shared"]
    assert not ProfileView.objects.filter(subject=karim.user).exists()
    for trace in ("Déménage", "conjoint", "aides-soignants", "régions acceptées", *PARTNER_TRACES):
        assert trace not in page, trace


def test_a_withdrawal_applies_to_the_very_next_page_the_employer_opens(client, household):
    amina, karim, link, member, proposal = household
    household_search_share(link=link, by=karim, share=True)
    assert LINE in _employer_pages(client, member, proposal)[0]
    client.force_login(karim.user)
    client.post(reverse("households:share-search", args=[link.public_id]), {"share": "no"})
    assert LINE not in _employer_pages(client, member, proposal)[0]


def test_the_short_list_reads_the_households_in_a_fixed_number_of_queries(household):
    amina, karim, link, member, proposal = household
    household_search_share(link=link, by=karim, share=True)

    def queries_and_lines() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            shared = shared_profiles_of_posting(proposal.posting, today=timezone.localdate())
        return len(queries), sum(1 for candidate in shared if candidate.partner_search)

    queries_and_lines()  # the first reading fills the process's caches (skill labels)
    one_household = queries_and_lines()
    for _ in range(3):
        first, second = CandidateProfileFactory(), CandidateProfileFactory()
        other = household_accept(
            link=household_invite(inviter=first, email=second.user.email), by=second
        )
        household_search_share(link=other, by=second, share=True)
        ProposalFactory(
            candidate=first,
            posting=proposal.posting,
            shortlisted=True,
            shared_sections=[SharedSection.HOUSEHOLD],
        )
    four_households = queries_and_lines()
    assert (one_household[1], four_households[1]) == (1, 4)
    assert four_households[0] == one_household[0]


def test_the_page_says_what_the_employer_would_read_and_saves_the_persons_choice(client, household):
    amina, karim, link, member, proposal = household
    client.force_login(karim.user)
    page = html.unescape(client.get(reverse("households:mine")).content.decode())
    care_aide = NocGroup.objects.get(code="33102").title_fr
    assert f"«\u00a0{LINE}\u00a0: {care_aide}" in page
    # Off by default.
    assert re.search(r'value="no"[^>]*checked', page)
    assert not re.search(r'value="yes"[^>]*checked', page)

    response = client.post(
        reverse("households:share-search", args=[link.public_id]), {"share": "yes"}, follow=True
    )
    assert "Votre choix est enregistré" in response.content.decode()
    link.refresh_from_db()
    assert link.partner_search_shared_at is not None  # Karim's own choice, dated
    assert link.inviter_search_shared_at is None  # Amina's stays hers
    assert "Oui, depuis le" in response.content.decode()


def test_bad_input_re_renders_the_page_with_a_message_and_changes_nothing(client, household):
    amina, karim, link, member, proposal = household
    client.force_login(karim.user)
    url = reverse("households:share-search", args=[link.public_id])
    for data in ({}, {"share": "peut-être"}):
        response = client.post(url, data)
        assert response.status_code == 400
        assert "Choisissez «\u00a0Oui\u00a0» ou «\u00a0Non\u00a0»." in response.content.decode()
    link.refresh_from_db()
    assert (link.inviter_search_shared_at, link.partner_search_shared_at) == (None, None)


def test_only_a_person_of_the_household_changes_their_choice_others_get_a_404(client, household):
    amina, karim, link, member, proposal = household
    url = reverse("households:share-search", args=[link.public_id])
    stranger = CandidateProfileFactory()
    client.force_login(stranger.user)
    assert client.post(url, {"share": "yes"}).status_code == 404
    # A person of another household cannot reach this one by its address either.
    other_first, other_second = CandidateProfileFactory(), CandidateProfileFactory()
    household_accept(
        link=household_invite(inviter=other_first, email=other_second.user.email),
        by=other_second,
    )
    client.force_login(other_first.user)
    assert client.post(url, {"share": "yes"}).status_code == 404
    # Once the household ends, not even its people can.
    household_end(link=link, by=amina)
    client.force_login(karim.user)
    assert client.post(url, {"share": "yes"}).status_code == 404
    link.refresh_from_db()
    assert (link.inviter_search_shared_at, link.partner_search_shared_at) == (None, None)


def test_the_export_gives_the_persons_own_dated_choice_never_the_partners(household):
    amina, karim, link, member, proposal = household
    household_search_share(link=link, by=karim, share=True)
    module = next(m.module for m in privacy_modules() if m.section == "households")
    link.refresh_from_db()
    [karims] = module.export(karim.user)
    [aminas] = module.export(amina.user)
    assert karims["work_search_shared_with_partners_employers_since"] == (
        link.partner_search_shared_at.isoformat()
    )
    assert aminas["work_search_shared_with_partners_employers_since"] is None
    assert HouseholdLink.objects.count() == 1
