from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.activities.models import (
    Activity,
    ActivityStatus,
    CandidateRegistration,
    EmployerRegistration,
)
from maillage.candidates.models import CandidateProfile
from maillage.core.mail import mail_send_later
from maillage.employers.models import Company, JobPosting, PostingStatus

Status = CandidateRegistration.Status


def _open_activity(activity: Activity, *, today: date) -> Activity:
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.status != ActivityStatus.OPEN or activity.date < today:
        raise ValidationError(_("Registration for this activity is closed."), code="closed")
    return activity


@transaction.atomic
def employer_register(
    *, activity: Activity, company: Company, postings: list[JobPosting], by: User, today: date
) -> EmployerRegistration:
    """Register the company with the published postings it brings (at least one)."""
    activity = _open_activity(activity, today=today)
    if not company.is_verified:
        raise ValidationError(
            _("Your company must be verified by an advisor before it joins an activity."),
            code="company_not_verified",
        )
    if not postings:
        raise ValidationError(_("Choose at least one posting to bring."), code="no_posting")
    if any(p.company_id != company.pk or p.status != PostingStatus.PUBLISHED for p in postings):
        raise ValidationError(
            _("Only your company's published postings can be brought."), code="bad_posting"
        )
    registration = EmployerRegistration.objects.filter(activity=activity, company=company).first()
    if registration is None:
        if activity.employer_registrations.count() >= activity.employer_capacity:
            raise ValidationError(_("All the places for employers are taken."), code="full")
        registration = EmployerRegistration.objects.create(
            activity=activity, company=company, registered_by=by
        )
    registration.postings.set(postings)
    return registration


@transaction.atomic
def employer_withdraw(*, activity: Activity, company: Company, today: date) -> None:
    activity = _open_activity(activity, today=today)
    EmployerRegistration.objects.filter(activity=activity, company=company).delete()


def _check_candidate(profile: CandidateProfile, *, today: date) -> None:
    if not profile.eligibility(today=today).is_eligible:
        raise ValidationError(
            _("Only candidates whose eligibility an advisor verified can join an activity."),
            code="not_eligible",
        )


def _registered_count(activity: Activity) -> int:
    return activity.candidate_registrations.filter(status=Status.REGISTERED).count()


@transaction.atomic
def candidate_register(
    *, activity: Activity, profile: CandidateProfile, consents: bool, today: date
) -> CandidateRegistration:
    """The candidate registers (or accepts an invitation); they must agree that the employers they
    meet see their name and profile summary."""
    activity = _open_activity(activity, today=today)
    _check_candidate(profile, today=today)
    if not consents:
        raise ValidationError(
            _(
                "To take part, agree that the employers you meet see your name and your profile summary."
            ),
            code="no_consent",
        )
    registration = CandidateRegistration.objects.filter(
        activity=activity, candidate=profile
    ).first()
    if registration is not None and registration.status == Status.REGISTERED:
        return registration
    if _registered_count(activity) >= activity.candidate_capacity:
        raise ValidationError(_("All the places for candidates are taken."), code="full")
    if registration is None:
        registration = CandidateRegistration(activity=activity, candidate=profile)
    registration.status = Status.REGISTERED
    registration.consented_at = timezone.now()
    registration.save()
    return registration


@transaction.atomic
def candidate_withdraw(*, activity: Activity, profile: CandidateProfile, today: date) -> None:
    activity = _open_activity(activity, today=today)
    CandidateRegistration.objects.filter(
        activity=activity, candidate=profile, status=Status.REGISTERED
    ).update(status=Status.WITHDRAWN, updated_at=timezone.now())


@transaction.atomic
def candidate_invite(
    *, activity: Activity, profile: CandidateProfile, by: User, today: date
) -> CandidateRegistration:
    """An advisor invites an eligible candidate (from the short lists); the candidate answers."""
    activity = _open_activity(activity, today=today)
    _check_candidate(profile, today=today)
    registration, created = CandidateRegistration.objects.get_or_create(
        activity=activity,
        candidate=profile,
        defaults={"status": Status.INVITED, "invited_by": by},
    )
    if not created and registration.status in {Status.DECLINED, Status.WITHDRAWN}:
        registration.status = Status.INVITED
        registration.invited_by = by
        registration.save(update_fields=["status", "invited_by", "updated_at"])
        created = True
    if created:
        user = profile.user
        mail_send_later(
            to=user.email,
            template="activities/email/invitation",
            context={
                "full_name": user.full_name,
                "title": activity.title,
                "date": activity.date.isoformat(),
                "public_id": str(activity.public_id),
            },
            language=user.language,
        )
    return registration


@transaction.atomic
def candidate_invitation_answer(
    *, activity: Activity, profile: CandidateProfile, accept: bool, consents: bool, today: date
) -> CandidateRegistration:
    registration = (
        CandidateRegistration.objects.select_for_update()
        .filter(activity=activity, candidate=profile, status=Status.INVITED)
        .first()
    )
    if registration is None:
        raise ValidationError(_("There is no invitation to answer."), code="no_invitation")
    if accept:
        return candidate_register(
            activity=activity, profile=profile, consents=consents, today=today
        )
    registration.status = Status.DECLINED
    registration.save(update_fields=["status", "updated_at"])
    return registration
