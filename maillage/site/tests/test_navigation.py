import pytest
from django.urls import reverse

from maillage.accounts.models import Role
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.core.navigation import ANONYMOUS
from maillage.employers.tests.factories import CompanyMemberFactory
from maillage.site.navigation import menu_entries

# What each role finds in the menu: an app that forgets to register its entries fails here.
EXPECTED = {
    ANONYMOUS: ["regions:region-list", "activities:activity-list"],
    Role.CANDIDATE: [
        "candidates:profile",
        "matching:my-matches",
        "prequalification:mine",
        "interviews:list",
        "households:mine",
        "regions:region-list",
        "activities:activity-list",
        "privacy:center",
    ],
    Role.EMPLOYER: [
        "employers:company",
        "employers:posting-list",
        "prequalification:shortlist",
        "interviews:list",
        "regions:region-list",
        "activities:activity-list",
        "privacy:center",
    ],
    Role.ADVISOR: [
        "site:dashboard",
        "interviews:list",
        "prequalification:queue",
        "candidates:verification-queue",
        "employers:verification-queue",
        "interviews:follow-up-list",
        "prequalification:posting-list",
        "regions:region-list",
        "activities:activity-list",
        "analytics:dashboard",
    ],
    Role.MANAGER: [
        "site:dashboard",
        "interviews:list",
        "prequalification:queue",
        "candidates:verification-queue",
        "employers:verification-queue",
        "interviews:follow-up-list",
        "prequalification:posting-list",
        "regions:region-list",
        "activities:activity-list",
        "analytics:dashboard",
        "fairness:audit",
        "prequalification:program-settings",
    ],
    Role.PARTNER: [
        "site:dashboard",
        "regions:region-list",
        "activities:activity-list",
        "analytics:dashboard",
    ],
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_finds_the_entries_of_its_work(role):
    assert [e.url_name for e in menu_entries() if role in e.roles] == EXPECTED[role]


def test_every_entry_leads_to_a_page_and_has_its_own_place():
    entries = menu_entries()
    assert len({e.position for e in entries}) == len(entries)
    for entry in entries:
        reverse(entry.url_name)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "home"), [(Role.CANDIDATE, "candidates:profile"), (Role.EMPLOYER, "employers:company")]
)
def test_a_candidates_and_an_employers_home_has_one_entry_under_one_name(client, role, home):
    """« Mon espace » led to « Mon profil » (or « Mon entreprise »): one page, one entry."""
    user = CandidateProfileFactory().user if role == Role.CANDIDATE else CompanyMemberFactory().user
    client.force_login(user)
    assert client.get(reverse("site:dashboard"))["Location"] == reverse(home)
    page = client.get(reverse(home)).content.decode()
    assert page.count(f'href="{reverse(home)}"') == 1
    assert "Mon espace" not in page
