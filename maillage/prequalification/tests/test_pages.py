"""The pages of prequalification: what each person sees, and bad input answered in words."""

import html
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.models import ProfileView
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import JobPostingFactory
from maillage.prequalification.models import DecisionLabel, Proposal, ProposalStatus
from maillage.prequalification.tests.factories import ProposalFactory
from maillage.regions.models import ChamberOfCommerce, Municipality

pytestmark = pytest.mark.django_db

HIDDEN_FROM_EMPLOYERS = [
    ProposalStatus.PROPOSED,
    ProposalStatus.REJECTED,
    ProposalStatus.CONSENT_REQUESTED,
    ProposalStatus.DECLINED,
    ProposalStatus.EXPIRED,
    ProposalStatus.ACCEPTED,
    ProposalStatus.WITHDRAWN,
    ProposalStatus.EMPLOYER_DECLINED,
]


def page(response) -> str:
    return html.unescape(response.content.decode())


class TestEmployerShortList:
    @pytest.mark.parametrize("status", HIDDEN_FROM_EMPLOYERS)
    def test_the_employer_never_reaches_a_candidate_not_approved_and_consenting(
        self, client, member, posting, status
    ):
        proposal = ProposalFactory(posting=posting, status=status)
        client.force_login(member.user)
        response = client.get(
            reverse("prequalification:shortlist-candidate", args=[proposal.public_id])
        )
        assert response.status_code == 404
        listing = client.get(
            reverse("prequalification:shortlist-posting", args=[posting.public_id])
        )
        assert proposal.candidate.user.full_name not in page(listing)
        invite = client.get(reverse("interviews:invite", args=[proposal.public_id]))
        assert invite.status_code == 404
        assert not ProfileView.objects.exists()

    def test_the_short_list_shows_consenting_candidates_with_score_and_reasons(
        self, client, member, posting
    ):
        shown = ProposalFactory(
            shortlisted=True, posting=posting, candidate__user__full_name="Carlos Gómez"
        )
        ProposalFactory(asked=True, posting=posting, candidate__user__full_name="Olga Petrov")
        client.force_login(member.user)
        response = client.get(
            reverse("prequalification:shortlist-posting", args=[posting.public_id])
        )
        assert "Carlos Gómez" in page(response)
        assert "Olga Petrov" not in page(response)
        assert "4 étoiles sur 5 (score de 82 sur 100)" in page(response)
        assert "A travaillé dans la profession de l'emploi." in page(response)
        assert reverse("prequalification:shortlist-candidate", args=[shown.public_id]) in page(
            response
        )

    def test_the_candidate_page_shows_only_what_was_shared_and_is_logged(
        self, client, member, posting, candidate
    ):
        proposal = ProposalFactory(
            shortlisted=True,
            posting=posting,
            candidate=candidate,
            shared_sections=["experience"],
        )
        client.force_login(member.user)
        response = client.get(
            reverse("prequalification:shortlist-candidate", args=[proposal.public_id])
        )
        html = page(response)
        assert "Amina Diallo" in html
        assert "Ateliers du Nord" in html  # the experience was shared
        assert candidate.user.email not in html  # contact details were not
        assert candidate.phone not in html
        assert "Soudage-montage" not in html  # nor the education
        # The comparison says "met" for French without showing the level, not shared.
        assert "Français – compréhension orale" in html
        assert "non partagé" in html
        view = ProfileView.objects.get()
        assert (view.viewer, view.subject) == (member.user, candidate.user)
        # In the candidate's language, for her privacy page.
        assert view.what == (
            "Profil partagé pour «\u00a0Soudeur/soudeuse\u00a0»\u00a0: Mon expérience de travail"
        )
        client.get(reverse("prequalification:shortlist-candidate", args=[proposal.public_id]))
        assert ProfileView.objects.count() == 2

    def test_declining_without_a_reason_keeps_the_candidate_and_says_why(
        self, client, member, posting
    ):
        proposal = ProposalFactory(shortlisted=True, posting=posting)
        client.force_login(member.user)
        response = client.post(
            reverse("prequalification:shortlist-decline", args=[proposal.public_id]),
            {"reason": "other", "note": "  "},
        )
        assert response.status_code == 400
        assert "Vous avez choisi «\xa0Autre motif\xa0»\xa0: précisez-le dans le message." in page(
            response
        )
        assert Proposal.objects.get().status == ProposalStatus.SHORTLISTED
        assert not DecisionLabel.objects.exists()

    def test_declining_is_a_label_with_its_reason(self, client, member, posting):
        proposal = ProposalFactory(shortlisted=True, posting=posting)
        client.force_login(member.user)
        response = client.post(
            reverse("prequalification:shortlist-decline", args=[proposal.public_id]),
            {"reason": "language", "note": "Le poste demande un français écrit avancé."},
        )
        assert response["Location"] == reverse(
            "prequalification:shortlist-posting", args=[posting.public_id]
        )
        proposal.refresh_from_db()
        assert (proposal.status, proposal.employer_reason) == (
            ProposalStatus.EMPLOYER_DECLINED,
            "language",
        )
        assert list(DecisionLabel.objects.values_list("label", "source", "reason_code")) == [
            ("employer_declined", "employer", "language")
        ]

    def test_the_short_list_page_costs_a_fixed_number_of_queries(
        self, client, member, posting, django_assert_max_num_queries
    ):
        ProposalFactory.create_batch(12, shortlisted=True, posting=posting)
        client.force_login(member.user)
        url = reverse("prequalification:shortlist-posting", args=[posting.public_id])
        with django_assert_max_num_queries(16):  # the gate reads each section once for all
            client.get(url)


class TestAdvisorQueue:
    def test_filters_by_region_chamber_and_occupation_and_sorts_by_score(
        self, client, advisor, posting
    ):
        chamber = ChamberOfCommerce.objects.create(
            name="Chambre de commerce de Rimouski-Neigette", region=posting.municipality.region
        )
        posting.company.chamber = chamber
        posting.company.save()
        saguenay = JobPostingFactory(
            title="Mécanicien industriel",
            noc_id="72400",
            municipality=Municipality.objects.get(name="Saguenay"),
        )
        low = ProposalFactory(posting=posting, score=61, candidate__user__full_name="Yao Mensah")
        high = ProposalFactory(posting=posting, score=93, candidate__user__full_name="Mei Chen")
        ProposalFactory(posting=saguenay, score=99, candidate__user__full_name="Ivan Petrov")
        client.force_login(advisor)
        url = reverse("prequalification:queue")

        def names(**params):
            response = client.get(url, params)
            return [p.candidate.user.full_name for p in response.context["page"].object_list]

        assert names() == ["Ivan Petrov", "Mei Chen", "Yao Mensah"]
        assert names(region=posting.municipality.region_id) == ["Mei Chen", "Yao Mensah"]
        assert names(chamber=chamber.pk, sort="score") == ["Yao Mensah", "Mei Chen"]
        assert names(occupation="72400") == ["Ivan Petrov"]
        assert high.pk and low.pk

    def test_the_queue_costs_a_fixed_number_of_queries(
        self, client, advisor, posting, django_assert_max_num_queries
    ):
        ProposalFactory.create_batch(20, posting=posting)
        client.force_login(advisor)
        # (one of them: which of the page's candidates move with a partner, for the badges)
        with django_assert_max_num_queries(11):
            client.get(reverse("prequalification:queue"))

    def test_bulk_rejection_from_the_queue(self, client, advisor, posting):
        first, second = ProposalFactory.create_batch(2, posting=posting)
        client.force_login(advisor)
        response = client.post(
            reverse("prequalification:queue-decide"),
            {
                "proposals": [str(first.public_id), str(second.public_id)],
                "decision": "reject",
                "rejection_reason": "availability",
            },
        )
        assert response.status_code == 302
        assert set(Proposal.objects.values_list("status", flat=True)) == {ProposalStatus.REJECTED}

    def test_a_bulk_decision_without_reason_or_proposal_says_what_is_missing(
        self, client, advisor, posting
    ):
        proposal = ProposalFactory(posting=posting)
        client.force_login(advisor)
        response = client.post(
            reverse("prequalification:queue-decide"),
            {"proposals": [str(proposal.public_id)], "decision": "approve"},
        )
        assert response.status_code == 400
        assert "Choisissez un motif." in page(response)
        assert "checked" in page(response)  # the ticked box stays ticked
        response = client.post(
            reverse("prequalification:queue-decide"),
            {"decision": "reject", "rejection_reason": "location"},
        )
        assert response.status_code == 400
        assert "Cochez au moins une proposition." in page(response)
        assert Proposal.objects.get().status == ProposalStatus.PROPOSED

    def test_the_review_page_shows_every_value_and_is_logged(
        self, client, advisor, posting, candidate
    ):
        proposal = ProposalFactory(posting=posting, candidate=candidate)
        client.force_login(advisor)
        response = client.get(
            reverse("prequalification:proposal-detail", args=[proposal.public_id])
        )
        assert "Amina Diallo" in page(response)
        assert "non partagé" not in page(response)
        assert ProfileView.objects.get().what == (
            "Proposition examinée pour «\u00a0Soudeur/soudeuse\u00a0» (Usinage du Fjord inc.)"
        )

    def test_adding_an_unknown_candidate_keeps_what_was_typed(self, client, advisor, posting):
        client.force_login(advisor)
        response = client.post(
            reverse("prequalification:posting-add-candidate", args=[posting.public_id]),
            {"email": "nobody@example.org", "reason": "known_to_team", "note": "Vue au salon"},
        )
        assert response.status_code == 400
        assert "Aucune personne candidate n'a cette adresse courriel." in page(response)
        assert "nobody@example.org" in page(response)
        assert "Vue au salon" in page(response)
        assert not Proposal.objects.exists()

    def test_the_audit_log_filters_by_candidate(self, client, advisor, member, posting):
        shown = ProposalFactory(shortlisted=True, posting=posting)
        other = CandidateProfileFactory()
        client.force_login(member.user)
        client.get(reverse("prequalification:shortlist-candidate", args=[shown.public_id]))
        ProfileView.objects.create(viewer=advisor, subject=other.user, what="other record")
        client.force_login(advisor)
        response = client.get(
            reverse("prequalification:audit-log"), {"subject": shown.candidate.user.email}
        )
        views = list(response.context["page"].object_list)
        assert [(v.viewer, v.what) for v in views] == [
            (
                member.user,
                (
                    "Profil partagé pour «\u00a0Soudeur/soudeuse\u00a0»\u00a0: "
                    "Mon expérience de travail, Mes niveaux de langue"
                ),
            )
        ]


class TestCandidatePages:
    def test_the_candidate_sees_why_and_their_own_values(self, client, posting, candidate):
        proposal = ProposalFactory(asked=True, posting=posting, candidate=candidate)
        client.force_login(candidate.user)
        response = client.get(reverse("prequalification:mine-detail", args=[proposal.public_id]))
        html = page(response)
        assert "Pourquoi on vous propose ce poste" in html
        # Addressed to the candidate ("vous"), not in the team's words.
        assert "Vous avez la compétence demandée." in html
        assert "Vous avez travaillé dans la profession de l'emploi." in html
        assert "Acceptez-vous de partager votre profil avec cet employeur\xa0?" in html
        assert response.context["rows"][0].candidate == "Soudeur"  # their welding experience

    def test_a_second_consent_answer_is_refused_with_a_message(self, client, posting, candidate):
        proposal = ProposalFactory(asked=True, posting=posting, candidate=candidate)
        client.force_login(candidate.user)
        url = reverse("prequalification:mine-consent", args=[proposal.public_id])
        assert client.post(url, {"decision": "decline", "confirmed": "yes"}).status_code == 302
        response = client.post(url, {"decision": "accept", "shared_sections": ["contact"]})
        assert response.status_code == 400
        assert (
            "Vous avez déjà répondu à cette proposition. Pour cesser le partage, retirez votre consentement."
            in page(response)
        )
        proposal.refresh_from_db()
        assert (proposal.status, proposal.shared_sections) == (ProposalStatus.DECLINED, [])

    def test_declining_asks_for_a_confirmation_before_anything_is_recorded(
        self, client, posting, candidate
    ):
        proposal = ProposalFactory(asked=True, posting=posting, candidate=candidate)
        client.force_login(candidate.user)
        url = reverse("prequalification:mine-consent", args=[proposal.public_id])
        response = client.post(url, {"decision": "decline"})
        assert response.status_code == 200
        assert "Refusez-vous vraiment\u00a0?" in page(response)
        proposal.refresh_from_db()
        assert proposal.status == ProposalStatus.CONSENT_REQUESTED
        assert client.post(url, {"decision": "decline", "confirmed": "yes"}).status_code == 302
        proposal.refresh_from_db()
        assert proposal.status == ProposalStatus.DECLINED

    def test_a_refusal_can_be_undone_for_a_while_then_no_longer(self, client, posting, candidate):
        proposal = ProposalFactory(asked=True, posting=posting, candidate=candidate)
        client.force_login(candidate.user)
        detail = reverse("prequalification:mine-detail", args=[proposal.public_id])
        undo = reverse("prequalification:mine-decline-undo", args=[proposal.public_id])
        client.post(
            reverse("prequalification:mine-consent", args=[proposal.public_id]),
            {"decision": "decline", "confirmed": "yes"},
        )
        assert "Annuler mon refus" in page(client.get(detail))
        response = client.post(undo, follow=True)
        assert "Votre refus est annulé : la proposition attend de nouveau votre réponse." in (
            page(response)
        )
        proposal.refresh_from_db()
        assert (proposal.status, proposal.consent_answered_at) == (
            ProposalStatus.CONSENT_REQUESTED,
            None,
        )
        # Declined again, 31 minutes ago: too late.
        Proposal.objects.filter(pk=proposal.pk).update(
            status=ProposalStatus.DECLINED,
            consent_answered_at=timezone.now() - timedelta(minutes=31),
        )
        assert "Annuler mon refus" not in page(client.get(detail))
        response = client.post(undo, follow=True)
        assert "Votre refus ne peut plus être annulé." in page(response)
        assert Proposal.objects.get().status == ProposalStatus.DECLINED

    def test_a_consent_without_a_choice_is_refused(self, client, posting, candidate):
        proposal = ProposalFactory(asked=True, posting=posting, candidate=candidate)
        client.force_login(candidate.user)
        response = client.post(
            reverse("prequalification:mine-consent", args=[proposal.public_id]),
            {"shared_sections": ["contact"]},
        )
        assert response.status_code == 400
        assert "Choisissez «\xa0J'accepte\xa0» ou «\xa0Je refuse\xa0»." in page(response)
        assert Proposal.objects.get().status == ProposalStatus.CONSENT_REQUESTED

    def test_a_review_request_without_a_message_is_refused(self, client, posting, candidate):
        proposal = ProposalFactory(posting=posting, candidate=candidate, status="rejected")
        client.force_login(candidate.user)
        response = client.post(
            reverse("prequalification:mine-review", args=[proposal.public_id]), {"message": ""}
        )
        assert response.status_code == 400
        assert (
            "Dites à la conseillère ou au conseiller ce que vous voulez faire revoir, et pourquoi."
            in page(response)
        )
        assert not proposal.review_requests.exists()


def test_the_candidates_proposals_cost_a_fixed_number_of_queries(
    client, candidate, django_assert_max_num_queries
):
    ProposalFactory.create_batch(6, candidate=candidate)
    client.force_login(candidate.user)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("prequalification:mine"))
    assert len(response.context["proposals"]) == 6
