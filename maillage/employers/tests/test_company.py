import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from maillage.accounts.models import PrivacyConsent, Role, User
from maillage.accounts.tests.factories import AdvisorFactory, UserFactory
from maillage.core.choices import VerificationStatus
from maillage.employers import services
from maillage.employers.models import Company, CompanyInvitation, CompanyMember, PostingStatus
from maillage.employers.tests.factories import (
    CompanyFactory,
    CompanyMemberFactory,
    JobPostingFactory,
)
from maillage.regions.models import Municipality

pytestmark = pytest.mark.django_db


def signup_data(**company):
    rimouski = Municipality.objects.get(name="Rimouski")
    return {
        "account-full_name": "Julie Côté",
        "account-email": "julie@boulangerie.example.org",
        "account-password1": "un-mot-de-passe-solide-42",
        "account-password2": "un-mot-de-passe-solide-42",
        "account-accepts_privacy_notice": "on",
        "company-legal_name": "Boulangerie du Fjord inc.",
        "company-neq": "1176 786 565",
        "company-municipality": rimouski.pk,
        "company-sector": "31-33",
        "company-size": "5-19",
        **{f"company-{k}": v for k, v in company.items()},
    }


def test_employer_signup_creates_an_unverified_company_with_its_administrator(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("employers:signup"), signup_data())
    assert response.status_code == 302
    company = Company.objects.get()
    assert (company.neq, company.region.code, company.verification_status) == (
        "1176786565",
        "01",
        VerificationStatus.PENDING,
    )
    member = CompanyMember.objects.get()
    assert (member.user.email, member.user.role, member.role) == (
        "julie@boulangerie.example.org",
        Role.EMPLOYER,
        "owner",
    )
    assert PrivacyConsent.objects.filter(user=member.user).exists()
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("company", "field"),
    [({"neq": "12345"}, "neq"), ({"neq": "4412345678"}, "neq"), ({"sector": "99"}, "sector")],
)
def test_invalid_company_is_refused_and_nothing_is_created(client, company, field):
    response = client.post(reverse("employers:signup"), signup_data(**company))
    assert response.status_code == 200
    assert field in response.context["company_form"].errors
    assert response.context["account_form"]["full_name"].value() == "Julie Côté"
    assert not User.objects.exists() and not Company.objects.exists()


def test_company_of_montreal_is_told_the_program_serves_the_regions(client):
    montreal = Municipality.objects.get(name="Montréal")
    response = client.post(reverse("employers:signup"), signup_data(municipality=montreal.pk))
    assert "municipality" in response.context["company_form"].errors
    assert not Company.objects.exists()


def test_duplicate_neq_is_refused(client):
    CompanyFactory(neq="1176786565")
    response = client.post(reverse("employers:signup"), signup_data())
    assert "neq" in response.context["company_form"].errors
    assert Company.objects.count() == 1 and not User.objects.exists()


def test_advisor_verifies_a_company_and_its_members_are_told(
    client, django_capture_on_commit_callbacks
):
    member = CompanyMemberFactory(company__verification_status=VerificationStatus.PENDING)
    client.force_login(AdvisorFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("employers:company-decide", args=[member.company.public_id]),
            {"decision": "verify"},
        )
    member.company.refresh_from_db()
    assert member.company.is_verified
    assert mail.outbox[0].to == [member.user.email]


def test_refusing_a_company_needs_a_reason(client):
    member = CompanyMemberFactory(company__verification_status=VerificationStatus.PENDING)
    client.force_login(AdvisorFactory())
    client.post(
        reverse("employers:company-decide", args=[member.company.public_id]),
        {"decision": "refuse", "note": ""},
    )
    member.company.refresh_from_db()
    assert member.company.verification_status == VerificationStatus.PENDING


def test_an_employer_cannot_verify_its_own_company(client):
    member = CompanyMemberFactory(company__verification_status=VerificationStatus.PENDING)
    client.force_login(member.user)
    response = client.post(
        reverse("employers:company-decide", args=[member.company.public_id]), {"decision": "verify"}
    )
    assert response.status_code == 403
    member.company.refresh_from_db()
    assert member.company.verification_status == VerificationStatus.PENDING


def test_invited_colleague_joins_the_company(client, django_capture_on_commit_callbacks):
    member = CompanyMemberFactory()
    client.force_login(member.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("employers:invitation-send"), {"email": "Marc@Example.org"})
    invitation = CompanyInvitation.objects.get()
    assert invitation.email == "marc@example.org"
    assert str(invitation.token) in mail.outbox[0].body

    client.logout()
    url = reverse("employers:invitation-accept", args=[invitation.token])
    response = client.post(
        url,
        {
            "full_name": "Marc Roy",
            "password1": "un-mot-de-passe-solide-42",
            "password2": "un-mot-de-passe-solide-42",
            "accepts_privacy_notice": "on",
        },
    )
    assert response.status_code == 302
    colleague = CompanyMember.objects.get(user__email="marc@example.org")
    assert (colleague.company, colleague.role, colleague.user.has_confirmed_email) == (
        member.company,
        "member",
        True,
    )
    assert client.get(url).status_code == 404  # an invitation works once


ACCEPT = {
    "full_name": "Marc Roy",
    "password1": "un-mot-de-passe-solide-42",
    "password2": "un-mot-de-passe-solide-42",
    "accepts_privacy_notice": "on",
}


def test_inviting_an_address_with_an_account_looks_the_same_and_tells_its_owner(
    client, django_capture_on_commit_callbacks
):
    member = CompanyMemberFactory(company__legal_name="Boulangerie du Fjord inc.")
    existing = UserFactory(email="marc@example.org")
    client.force_login(member.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("employers:invitation-send"), {"email": "Marc@example.org"}, follow=True
        )

    # The inviter sees what any invitation shows: nobody learns who has an account.
    assert "L'invitation est envoyée." in response.content.decode().replace("&#x27;", "'")
    assert CompanyInvitation.objects.filter(email="marc@example.org").exists()
    # The owner gets an explanation, not a link that cannot work.
    assert [message.to for message in mail.outbox] == [[existing.email]]
    assert "Boulangerie du Fjord inc." in mail.outbox[0].body
    assert "/employers/invitations/" not in mail.outbox[0].body

    # Following the invitation anyway explains, without a server error or a second account.
    client.logout()
    invitation = CompanyInvitation.objects.get()
    response = client.post(reverse("employers:invitation-accept", args=[invitation.token]), ACCEPT)
    assert response.status_code == 400
    assert "appartient à une seule entreprise" in response.content.decode()
    assert User.objects.filter(email="marc@example.org").count() == 1


def test_accepting_a_second_companys_invitation_explains_instead_of_failing(
    client, django_capture_on_commit_callbacks
):
    first, second = CompanyMemberFactory(), CompanyMemberFactory()
    with django_capture_on_commit_callbacks(execute=True):
        for member in (first, second):
            client.force_login(member.user)
            client.post(reverse("employers:invitation-send"), {"email": "marc@example.org"})
    client.logout()
    invitations = list(CompanyInvitation.objects.order_by("pk"))

    url = reverse("employers:invitation-accept", args=[invitations[0].token])
    assert client.post(url, ACCEPT).status_code == 302
    response = client.post(
        reverse("employers:invitation-accept", args=[invitations[1].token]), ACCEPT
    )

    assert response.status_code == 400
    assert "appartient à une seule entreprise" in response.content.decode()
    assert CompanyMember.objects.filter(user__email="marc@example.org").count() == 1


def test_employer_signup_with_a_taken_address_answers_the_same_and_creates_nothing(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="julie@boulangerie.example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("employers:signup"), signup_data())

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:email-confirmation-sent")
    assert User.objects.count() == 1 and not Company.objects.exists()
    assert [message.to for message in mail.outbox] == [["julie@boulangerie.example.org"]]
    assert "Vous avez déjà un compte Maillage" in mail.outbox[0].subject


def company_edit_data(company, **changes):
    data = {
        "legal_name": company.legal_name,
        "neq": company.neq,
        "municipality": company.municipality_id,
        "sector": company.sector,
        "size": company.size,
        "chamber": "",
        "website": "",
        "description": company.description,
    }
    return {**data, **changes}


def test_changing_the_neq_asks_first_and_says_what_follows(client):
    member = CompanyMemberFactory()
    company = member.company
    JobPostingFactory(company=company)
    client.force_login(member.user)
    url = reverse("employers:company-edit")

    response = client.post(url, company_edit_data(company, neq="2212345678"))
    assert response.status_code == 200
    assert response.context["confirmation"] == (
        "Changer le NEQ ou le nom légal renvoie l'entreprise en vérification\u00a0: une "
        "conseillère ou un conseiller la vérifie de nouveau avant que vous puissiez créer ou publier des "
        "offres. Votre offre publiée reste en ligne entre-temps."
    )
    company.refresh_from_db()
    assert (company.neq, company.is_verified) == (company.neq, True)
    assert company.neq != "2212345678"

    response = client.post(
        url, company_edit_data(company, neq="2212345678", confirm_identity_change="1")
    )
    assert response["Location"] == reverse("employers:company")
    company.refresh_from_db()
    assert (company.neq, company.verification_status) == (
        "2212345678",
        VerificationStatus.PENDING,
    )
    assert company.postings.get().status == PostingStatus.PUBLISHED


def test_other_changes_of_the_company_save_without_a_question(client):
    member = CompanyMemberFactory()
    client.force_login(member.user)
    response = client.post(
        reverse("employers:company-edit"),
        company_edit_data(member.company, description="Ateliers d'usinage à Rimouski."),
    )
    assert response["Location"] == reverse("employers:company")
    member.company.refresh_from_db()
    assert member.company.description == "Ateliers d'usinage à Rimouski."
    assert member.company.is_verified


def test_the_service_refuses_an_unconfirmed_change_of_identity_and_changes_nothing():
    company = CompanyMemberFactory().company
    with pytest.raises(ValidationError):
        services.company_update(company=company, changes={"legal_name": "Autre nom inc."})
    company.refresh_from_db()
    assert company.legal_name.startswith("Usinage du Fjord") and company.is_verified
