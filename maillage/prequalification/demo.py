"""Demo data of the prequalification path: the demo employer's first posting has candidates at
every step (proposed, asked, short-listed, invited, interview set, hired), and the demo candidate
has proposals of their own to answer, an interview time to choose and a decision to question.

Rows are written directly, like the rest of the demo data, with the states the services would
have produced; nothing is e-mailed.
"""

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone

from maillage.accounts.models import User
from maillage.candidates.models import CandidateProfile
from maillage.core.choices import VerificationStatus
from maillage.core.video_rooms import video_room_name
from maillage.employers.models import JobPosting, PostingStatus
from maillage.interviews.models import (
    FollowUp,
    Interview,
    InterviewEvent,
    InterviewSlot,
    InterviewStatus,
    Outcome,
    Placement,
)
from maillage.matching.models import MatchResult
from maillage.notifications.models import Notification
from maillage.prequalification.models import (
    LABEL_RELEVANCE,
    DecisionLabel,
    LabelKind,
    LabelSource,
    Proposal,
    ProposalSource,
    ProposalStatus,
    SharedSection,
)

S = ProposalStatus
QUEBEC = ZoneInfo(settings.TIME_ZONE)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=QUEBEC)


def _proposal(
    candidate: CandidateProfile,
    posting: JobPosting,
    status: ProposalStatus,
    *,
    advisor: User,
    rng: random.Random,
    now: datetime,
    shared: list[str] | None = None,
) -> Proposal:
    result = MatchResult.objects.filter(candidate=candidate, posting=posting).first()
    skills = [skill.label for skill in posting.skills.all()][:3]
    proposal = Proposal(
        candidate=candidate,
        posting=posting,
        source=ProposalSource.ENGINE,
        status=status,
        score=result.score if result else float(rng.randint(62, 94)),
        stars=result.stars if result else rng.randint(3, 5),
        reasons=result.reasons
        if result
        else [
            {"code": "same_occupation", "evidence": {"noc": posting.noc_id}},
            {"code": "skills_matched", "evidence": {"skills": skills}},
        ],
        engine_version=result.engine_version if result else "demo",
    )
    if status != S.PROPOSED:
        proposal.decided_by = advisor
        proposal.decided_at = now - timedelta(days=6)
        proposal.decision_reason = (
            "insufficient_experience" if status == S.REJECTED else "meets_requirements"
        )
    if status not in {S.PROPOSED, S.REJECTED}:
        proposal.consent_requested_at = now - timedelta(days=6)
        proposal.consent_expires_at = proposal.consent_requested_at + timedelta(
            days=settings.PREQUALIFICATION_CONSENT_DAYS
        )
    if status in {S.SHORTLISTED, S.INVITED}:
        proposal.consent_answered_at = now - timedelta(days=5)
        proposal.shortlisted_at = proposal.consent_answered_at
        proposal.shared_sections = shared if shared is not None else list(SharedSection.values)
    proposal.save()
    labels = []
    if status != S.PROPOSED:
        labels.append(
            LabelKind.ADVISOR_REJECTED if status == S.REJECTED else LabelKind.ADVISOR_APPROVED
        )
    if status == S.INVITED:
        labels.append(LabelKind.EMPLOYER_INVITED)
    for label in labels:
        DecisionLabel.objects.create(
            candidate=candidate,
            posting=posting,
            proposal=proposal,
            label=label,
            relevance=LABEL_RELEVANCE[label],
            source=LabelSource.EMPLOYER
            if label == LabelKind.EMPLOYER_INVITED
            else LabelSource.ADVISOR,
            reason_code=proposal.decision_reason if label != LabelKind.EMPLOYER_INVITED else "",
            decided_by=advisor,
            decided_at=proposal.decided_at,
            engine_version=proposal.engine_version,
            score=proposal.score,
        )
    return proposal


def _slot(posting: JobPosting, starts_at: datetime, by: User) -> InterviewSlot:
    return InterviewSlot.objects.create(
        company=posting.company,
        posting=posting,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=30),
        created_by=by,
    )


def build_prequalification_demo(
    *, today: date, candidate_email: str, employer_email: str, advisor_email: str, seed: int
) -> int:
    """Add the path's demo rows; returns how many proposals were created."""
    rng = random.Random(seed)
    now = timezone.now()
    advisor = User.objects.get(email=advisor_email)
    employer = User.objects.select_related("company_membership__company").get(email=employer_email)
    company = employer.company_membership.company
    posting = company.postings.filter(status=PostingStatus.PUBLISHED).order_by("pk").first()
    demo_candidate = CandidateProfile.objects.get(user__email=candidate_email)
    others = list(
        CandidateProfile.objects.filter(verification_status=VerificationStatus.VERIFIED)
        .exclude(pk=demo_candidate.pk)
        .order_by("pk")[:8]
    )
    if posting is None or len(others) < 8:
        return 0
    count = 0

    # The demo employer's posting: someone at every step.
    for candidate, status in zip(
        others[:5],
        [S.PROPOSED, S.PROPOSED, S.CONSENT_REQUESTED, S.SHORTLISTED, S.REJECTED],
        strict=True,
    ):
        _proposal(
            candidate,
            posting,
            status,
            advisor=advisor,
            rng=rng,
            now=now,
            shared=[SharedSection.EXPERIENCE, SharedSection.LANGUAGES, SharedSection.SKILLS],
        )
        count += 1
    _proposal(others[5], posting, S.SHORTLISTED, advisor=advisor, rng=rng, now=now)
    count += 1

    scheduled = _proposal(others[6], posting, S.INVITED, advisor=advisor, rng=rng, now=now)
    slot = _slot(posting, _at(today + timedelta(days=2), 13), employer)
    interview = Interview.objects.create(
        proposal=scheduled,
        status=InterviewStatus.SCHEDULED,
        slot=slot,
        room_name=video_room_name(prefix="maillage-entrevue"),
        scheduled_at=now - timedelta(days=3),
        calendar_sequence=1,
        created_by=employer,
    )
    interview.offered_slots.add(slot)
    InterviewEvent.objects.create(
        interview=interview, kind=InterviewEvent.Kind.INVITED, by=employer
    )
    InterviewEvent.objects.create(
        interview=interview, kind=InterviewEvent.Kind.SLOT_PICKED, by=others[6].user
    )

    hired = _proposal(others[7], posting, S.INVITED, advisor=advisor, rng=rng, now=now)
    held = _slot(posting, _at(today - timedelta(days=45), 10), employer)
    done = Interview.objects.create(
        proposal=hired,
        status=InterviewStatus.COMPLETED,
        slot=held,
        room_name=video_room_name(prefix="maillage-entrevue"),
        scheduled_at=held.starts_at - timedelta(days=4),
        calendar_sequence=1,
        outcome=Outcome.HIRED,
        outcome_recorded_at=held.starts_at + timedelta(hours=3),
        outcome_recorded_by=employer,
        created_by=employer,
    )
    done.offered_slots.add(held)
    DecisionLabel.objects.create(
        candidate=others[7],
        posting=posting,
        proposal=hired,
        label=LabelKind.HIRED,
        relevance=LABEL_RELEVANCE[LabelKind.HIRED],
        source=LabelSource.EMPLOYER,
        decided_by=employer,
        decided_at=done.outcome_recorded_at,
        engine_version=hired.engine_version,
        score=hired.score,
    )
    start = today - timedelta(days=30)
    placement = Placement.objects.create(
        interview=done,
        candidate=others[7],
        posting=posting,
        company=company,
        position=posting.title,
        municipality=posting.municipality,
        region=posting.municipality.region,
        start_date=start,
        created_by=employer,
    )
    for months in (3, 6, 12):
        FollowUp.objects.create(
            placement=placement,
            months=months,
            due_on=start + relativedelta(months=months),
            advisor=advisor,
        )
    count += 2

    # The demo candidate: an interview time to choose with the demo employer, a proposal to
    # answer elsewhere, one under review and one rejected decision they may question.
    extra_posting = (
        company.postings.exclude(pk=posting.pk).filter(status=PostingStatus.PUBLISHED).first()
    )
    invited_posting = (
        extra_posting
        or JobPosting.objects.filter(status=PostingStatus.PUBLISHED)
        .exclude(company=company)
        .order_by("pk")[3]
    )
    inviter = invited_posting.company.members.select_related("user").first().user
    invited = _proposal(
        demo_candidate, invited_posting, S.INVITED, advisor=advisor, rng=rng, now=now
    )
    awaiting = Interview.objects.create(
        proposal=invited,
        status=InterviewStatus.AWAITING_CANDIDATE,
        created_by=inviter,
        message="Au plaisir de vous rencontrer!",
    )
    awaiting.offered_slots.add(
        _slot(invited_posting, _at(today + timedelta(days=4), 10), inviter),
        _slot(invited_posting, _at(today + timedelta(days=5), 15), inviter),
    )
    InterviewEvent.objects.create(interview=awaiting, kind=InterviewEvent.Kind.INVITED, by=inviter)
    elsewhere = list(
        JobPosting.objects.filter(status=PostingStatus.PUBLISHED)
        .exclude(company=company)
        .order_by("pk")[:3]
    )
    asked = _proposal(
        demo_candidate, elsewhere[0], S.CONSENT_REQUESTED, advisor=advisor, rng=rng, now=now
    )
    for other_posting, status in zip(elsewhere[1:], [S.PROPOSED, S.REJECTED], strict=True):
        _proposal(demo_candidate, other_posting, status, advisor=advisor, rng=rng, now=now)
    count += 4

    Notification.objects.bulk_create(
        [
            Notification(
                recipient=demo_candidate.user,
                code="prequalification.consent_requested",
                params={
                    "candidate": demo_candidate.user.full_name,
                    "posting": asked.posting.title,
                    "company": asked.posting.company.legal_name,
                },
                url_name="prequalification:mine-detail",
                url_args=[str(asked.public_id)],
            ),
            Notification(
                recipient=demo_candidate.user,
                code="interviews.invited",
                params={
                    "candidate": demo_candidate.user.full_name,
                    "posting": invited_posting.title,
                    "company": invited_posting.company.legal_name,
                },
                url_name="interviews:detail",
                url_args=[str(awaiting.public_id)],
            ),
            Notification(
                recipient=employer,
                code="prequalification.shortlisted",
                params={"posting": posting.title},
                url_name="prequalification:shortlist-posting",
                url_args=[str(posting.public_id)],
            ),
        ]
    )
    return count
