"""Households: the invitation, the consent, the end of a link, the joint search on the page,
the advisors' badge, and what the partner's data export and deletion do."""

import json
import re

import pytest
from django.core import mail
from django.urls import reverse

from maillage.accounts.models import ProfileView
from maillage.accounts.tests.factories import AdvisorFactory, ManagerFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import JobPostingFactory
from maillage.households.models import HouseholdLink, HouseholdLinkStatus
from maillage.households.services import household_accept, household_invite
from maillage.prequalification.tests.factories import MatchResultFactory, ProposalFactory
from maillage.privacy.registry import privacy_modules
from maillage.regions.models import Municipality

pytestmark = pytest.mark.django_db


def _invite(client, inviter, email, django_capture_on_commit_callbacks):
    client.force_login(inviter.user)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("households:invite"), {"email": email}, follow=True)


def _linked():
    first = CandidateProfileFactory(user__full_name="Amina Diallo")
    second = CandidateProfileFactory(user__full_name="Karim Diallo")
    link = household_invite(inviter=first, email=second.user.email)
    household_accept(link=link, by=second)
    return first, second


def test_an_invitation_says_the_same_whether_or_not_the_address_has_an_account(
    client, django_capture_on_commit_callbacks
):
    partner = CandidateProfileFactory()
    pages = []
    for email in (partner.user.email, "personne@example.org"):
        inviter = CandidateProfileFactory()
        mail.outbox.clear()
        response = _invite(client, inviter, email, django_capture_on_commit_callbacks)
        assert response.status_code == 200
        assert [message.to for message in mail.outbox] == [[email]]
        page = response.content.decode().replace(email, "ADDRESS")
        page = page.replace(inviter.user.full_name, "NAME")
        page = re.sub(r"links/[0-9a-f-]+/", "links/ID/", page)
        pages.append(re.sub(r"(csrfmiddlewaretoken\" value=\"|CSRFToken\": \")[^\"]+", "", page))
    assert "Invitation envoyée" in pages[0]
    assert pages[0] == pages[1]
    assert HouseholdLink.objects.pending().count() == 2


def test_the_invited_candidate_accepts_and_either_one_ends_the_link(
    client, django_capture_on_commit_callbacks
):
    inviter = CandidateProfileFactory(user__full_name="Amina Diallo")
    partner = CandidateProfileFactory(user__full_name="Karim Diallo")
    _invite(client, inviter, partner.user.email.upper(), django_capture_on_commit_callbacks)
    link = HouseholdLink.objects.get()

    client.force_login(partner.user)
    page = client.get(reverse("households:mine")).content.decode()
    assert "Amina Diallo vous invite à relier vos profils" in page
    client.post(reverse("households:answer", args=[link.public_id]), {"decision": "accept"})
    link.refresh_from_db()
    assert (link.status, link.partner, link.invitee_email) == (
        HouseholdLinkStatus.ACCEPTED,
        partner,
        "",
    )
    assert (
        "Vous et Amina Diallo formez un ménage"
        in client.get(reverse("households:mine")).content.decode()
    )

    client.force_login(inviter.user)
    client.post(reverse("households:end", args=[link.public_id]))
    link.refresh_from_db()
    assert link.status == HouseholdLinkStatus.ENDED
    assert "Karim Diallo" not in client.get(reverse("households:mine")).content.decode()


def test_nobody_else_can_answer_an_invitation(client):
    inviter, partner = CandidateProfileFactory(), CandidateProfileFactory()
    link = household_invite(inviter=inviter, email=partner.user.email)
    stranger = CandidateProfileFactory()
    client.force_login(stranger.user)
    response = client.post(
        reverse("households:answer", args=[link.public_id]), {"decision": "accept"}
    )
    assert response.status_code == 404
    link.refresh_from_db()
    assert (link.status, link.partner) == (HouseholdLinkStatus.PENDING, None)


def test_one_household_at_a_time_and_never_oneself(client):
    first, second = _linked()
    client.force_login(first.user)
    response = client.post(reverse("households:invite"), {"email": "autre@example.org"})
    assert response.status_code == 400
    assert "Votre profil est déjà relié à celui d&#x27;une autre personne" in (
        response.content.decode()
    )
    lonely = CandidateProfileFactory()
    client.force_login(lonely.user)
    response = client.post(reverse("households:invite"), {"email": lonely.user.email})
    assert response.status_code == 400
    assert HouseholdLink.objects.count() == 1


def _result(profile, municipality: str, score: float, stars: int, title: str):
    place = Municipality.objects.get(name=municipality)
    posting = JobPostingFactory(title=title, municipality=place, company__municipality=place)
    return MatchResultFactory(candidate=profile, posting=posting, score=score, stars=stars)


def test_the_page_shows_pairs_within_commuting_distance_and_the_regions(client):
    welder, care_aide = _linked()
    _result(welder, "Trois-Rivières", 88, 5, "Soudeur MIG")
    _result(welder, "Sept-Îles", 95, 5, "Soudeur de chantier")
    _result(care_aide, "Shawinigan", 72, 4, "Préposée aux bénéficiaires")
    client.force_login(welder.user)
    page = client.get(reverse("households:mine")).content.decode()
    assert "Soudeur MIG" in page and "Préposée aux bénéficiaires" in page
    # Sept-Îles is 600 km from Shawinigan: no pair, however good the job.
    assert "Soudeur de chantier" not in page
    assert "Mauricie" in page and "1 paire d'emplois" in page


def test_the_advisors_queue_links_each_partner_to_the_others_proposals(client):
    welder, care_aide = _linked()
    ProposalFactory(candidate=welder)
    theirs = ProposalFactory(candidate=care_aide, posting__title="Préposé aux bénéficiaires")
    ProposalFactory()  # someone without a household
    client.force_login(AdvisorFactory())
    page = client.get(reverse("prequalification:queue")).content.decode()
    assert page.count("Ménage avec") == 2
    assert f"?candidate={care_aide.public_id}&amp;status=" in page
    partners_page = client.get(
        reverse("prequalification:queue"), {"candidate": care_aide.public_id, "status": ""}
    ).content.decode()
    assert "1 proposition" in partners_page
    assert str(theirs.public_id) in partners_page


def test_the_export_names_nobody_and_deletion_removes_the_link():
    welder, care_aide = _linked()
    module = next(m.module for m in privacy_modules() if m.section == "households")
    exported = json.dumps(module.export(care_aide.user))
    assert '"status": "accepted"' in exported and '"role": "was_invited"' in exported
    assert "Amina" not in exported and welder.user.email not in exported
    module.erase(welder.user)
    assert not HouseholdLink.objects.exists()


def test_an_employer_of_one_partners_posting_sees_no_trace_of_the_other(client):
    from maillage.api.tests.factories import ApiTokenFactory, bearer
    from maillage.employers.tests.factories import CompanyMemberFactory

    welder, care_aide = _linked()
    care_aide.user.email = "karim.partenaire@example.org"
    care_aide.user.save(update_fields=["email"])
    member = CompanyMemberFactory()
    posting = JobPostingFactory(company=member.company)
    proposal = ProposalFactory(candidate=welder, posting=posting, shortlisted=True)
    client.force_login(member.user)
    pages = [
        reverse("prequalification:shortlist"),
        reverse("prequalification:shortlist-posting", args=[posting.public_id]),
        reverse("prequalification:shortlist-candidate", args=[proposal.public_id]),
        reverse("employers:posting-detail", args=[posting.public_id]),
    ]
    token = ApiTokenFactory(user=member.user)
    api = [f"/api/v1/employer/postings/{posting.public_id}/shortlist", "/api/v1/employer/postings"]
    seen = [client.get(url) for url in pages] + [client.get(url, **bearer(token)) for url in api]
    assert [response.status_code for response in seen] == [200] * len(seen)
    assert "Amina Diallo" in seen[2].content.decode()  # the shortlisted partner, as shared
    for response in seen:
        text = response.content.decode()
        for trace in ("Karim", "partenaire", str(care_aide.public_id), "ménage", "household"):
            assert trace not in text, (response.request["PATH_INFO"], trace)


def test_a_manager_opening_a_household_in_the_admin_is_logged_as_a_view_of_both_partners(client):
    first, second = _linked()
    manager = ManagerFactory()
    client.force_login(manager)
    link = HouseholdLink.objects.get()
    url = reverse("admin:households_householdlink_change", args=[link.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {}).status_code == 403  # managers read, never change, in the admin
    viewed = set(ProfileView.objects.filter(viewer=manager).values_list("subject_id", flat=True))
    assert viewed == {first.user_id, second.user_id}
