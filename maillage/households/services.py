"""Writes of the households app: invite, answer, end. Each is atomic and checks its rule here,
once; the page and the demo call these."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maillage.candidates.models import CandidateProfile
from maillage.core.mail import mail_send_later
from maillage.households.models import HouseholdLink, HouseholdLinkStatus

# Invitations one person may send in a day: enough to fix a typo, too few to spam anybody.
INVITATIONS_PER_DAY = 5


def _lock(*profiles: CandidateProfile) -> None:
    """Lock the profiles in primary-key order, so two answers never cross."""
    ids = sorted(p.pk for p in profiles)
    list(CandidateProfile.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def _has_household(profile: CandidateProfile) -> bool:
    return HouseholdLink.objects.accepted().involving(profile).exists()


@transaction.atomic
def household_invite(*, inviter: CandidateProfile, email: str) -> HouseholdLink:
    """Invite the person at `email` to link their candidate profile. The inviter learns nothing
    of whether the address has an account: the answer, the page and the e-mail sent are the
    same either way (the e-mail tells its reader how to sign up or sign in to answer)."""
    email = email.strip().lower()
    _lock(inviter)
    if email == inviter.user.email.lower():
        raise ValidationError(_("Enter your partner's address, not yours."), code="self")
    if _has_household(inviter):
        raise ValidationError(
            _("You are already linked to a partner. End that link first."), code="linked"
        )
    if HouseholdLink.objects.pending().filter(inviter=inviter).exists():
        raise ValidationError(
            _("Your invitation is still waiting for an answer. Cancel it to invite someone else."),
            code="pending",
        )
    day_ago = timezone.now() - timedelta(days=1)
    if HouseholdLink.objects.filter(inviter=inviter, created_at__gte=day_ago).count() >= (
        INVITATIONS_PER_DAY
    ):
        raise ValidationError(
            _("You have sent too many invitations today. Try again tomorrow."), code="too_many"
        )
    link = HouseholdLink.objects.create(inviter=inviter, invitee_email=email)
    language = inviter.user.language
    with translation.override(language):
        path = reverse("households:mine")
    transaction.on_commit(
        lambda: mail_send_later(
            to=email,
            template="households/email/invitation",
            context={"invited_by": inviter.user.full_name, "answer_path": path},
            language=language,
        )
    )
    return link


def _invitation_for(link: HouseholdLink, profile: CandidateProfile) -> HouseholdLink:
    link = HouseholdLink.objects.select_for_update().get(pk=link.pk)
    if (
        link.status != HouseholdLinkStatus.PENDING
        or link.invitee_email != profile.user.email.lower()
        or link.inviter_id == profile.pk
    ):
        raise PermissionDenied
    return link


@transaction.atomic
def household_accept(*, link: HouseholdLink, by: CandidateProfile) -> HouseholdLink:
    """The invited candidate agrees: the two profiles are a household from now on."""
    _lock(by, link.inviter)
    link = _invitation_for(link, by)
    if _has_household(by) or _has_household(link.inviter):
        raise ValidationError(
            _("One of you is already linked to a partner. That link must end first."),
            code="linked",
        )
    # An invitation the accepting person had sent themselves is withdrawn.
    HouseholdLink.objects.pending().filter(inviter=by).update(
        status=HouseholdLinkStatus.ENDED, ended_at=timezone.now(), invitee_email=""
    )
    link.partner = by
    link.status = HouseholdLinkStatus.ACCEPTED
    link.answered_at = timezone.now()
    link.invitee_email = ""
    link.save(update_fields=["partner", "status", "answered_at", "invitee_email"])
    return link


@transaction.atomic
def household_decline(*, link: HouseholdLink, by: CandidateProfile) -> HouseholdLink:
    link = _invitation_for(link, by)
    link.status = HouseholdLinkStatus.DECLINED
    link.answered_at = timezone.now()
    link.invitee_email = ""
    link.save(update_fields=["status", "answered_at", "invitee_email"])
    return link


@transaction.atomic
def household_end(*, link: HouseholdLink, by: CandidateProfile) -> HouseholdLink:
    """Either person ends the link (or the inviter cancels a waiting invitation), at any time,
    without the other's agreement."""
    link = HouseholdLink.objects.select_for_update().get(pk=link.pk)
    if by.pk not in (link.inviter_id, link.partner_id) or link.status not in (
        HouseholdLinkStatus.PENDING,
        HouseholdLinkStatus.ACCEPTED,
    ):
        raise PermissionDenied
    link.status = HouseholdLinkStatus.ENDED
    link.ended_at = timezone.now()
    link.invitee_email = ""
    link.save(update_fields=["status", "ended_at", "invitee_email"])
    return link


@transaction.atomic
def household_search_share(
    *, link: HouseholdLink, by: CandidateProfile, share: bool
) -> HouseholdLink:
    """One person of an accepted household says whether the employers who short-list their
    partner may read the work they look for (their own choice only; the other's is theirs).
    Saying yes again keeps the first date; saying no clears it at once."""
    link = HouseholdLink.objects.select_for_update().get(pk=link.pk)
    if link.status != HouseholdLinkStatus.ACCEPTED or by.pk not in (
        link.inviter_id,
        link.partner_id,
    ):
        raise PermissionDenied
    field = "inviter_search_shared_at" if by.pk == link.inviter_id else "partner_search_shared_at"
    if share and getattr(link, field) is None:
        setattr(link, field, timezone.now())
    elif not share:
        setattr(link, field, None)
    link.save(update_fields=[field])
    return link
