"""Demo step of prequalification, through its services (the same state table as real use): the
demo employer's first posting has candidates proposed, asked, short-listed and rejected; the demo
candidate has proposals to answer, one under review, one rejected decision to question, and a
short-listed one the interviews step invites. What the services notify is notified."""

from django.db.models import Exists, OuterRef

from maillage.accounts.models import User
from maillage.candidates.models import CandidateProfile
from maillage.core.choices import VerificationStatus
from maillage.core.demo_steps import DemoContext, DemoStage, DemoStep
from maillage.employers.models import Company, JobPosting, PostingStatus
from maillage.matching.models import MatchResult
from maillage.prequalification.models import (
    ApprovalReason,
    Proposal,
    ProposalStatus,
    RejectionReason,
    SharedSection,
)
from maillage.prequalification.services import (
    proposal_approve,
    proposal_consent_answer,
    proposal_propose,
    proposal_reject,
)

S = ProposalStatus
SOME_SECTIONS = [SharedSection.EXPERIENCE, SharedSection.LANGUAGES, SharedSection.SKILLS]


def _walk(
    candidate: CandidateProfile,
    posting: JobPosting,
    status: ProposalStatus,
    *,
    advisor: User,
    shared: list[str] | None = None,
) -> Proposal:
    """Take a new proposal to `status` the way the advisor and the candidate would."""
    proposal = proposal_propose(candidate=candidate, posting=posting)
    if status == S.PROPOSED:
        return proposal
    if status == S.REJECTED:
        return proposal_reject(proposal=proposal, by=advisor, reason=RejectionReason.EXPERIENCE)
    proposal = proposal_approve(
        proposal=proposal, by=advisor, reason=ApprovalReason.MEETS_REQUIREMENTS
    )
    if status == S.CONSENT_REQUESTED:
        return proposal
    return proposal_consent_answer(
        proposal=proposal,
        by=candidate.user,
        accept=True,
        shared_sections=list(SharedSection.values) if shared is None else shared,
    )


def _matched_first(posting: JobPosting, candidates):
    """The candidates the engine matched with the posting first, best score first."""
    matched = MatchResult.objects.filter(posting=posting, candidate=OuterRef("pk"))
    return candidates.annotate(matched=Exists(matched)).order_by("-matched", "pk")


def build_prequalification_demo(context: DemoContext) -> int:
    """Add the path's demo proposals; returns how many were created."""
    advisor = User.objects.get(email=context.advisor_email)
    company = Company.objects.get(members__user__email=context.employer_email)
    posting = company.postings.filter(status=PostingStatus.PUBLISHED).order_by("pk").first()
    demo_candidate = CandidateProfile.objects.select_related("user").get(
        user__email=context.candidate_email
    )
    verified = CandidateProfile.objects.filter(
        verification_status=VerificationStatus.VERIFIED
    ).exclude(pk=demo_candidate.pk)
    if posting is None or verified.count() < 8:
        return 0
    others = list(_matched_first(posting, verified).select_related("user")[:8])

    # The demo employer's posting: someone at every step; the last two short-listed are invited
    # to interviews by the interviews step.
    steps = [S.PROPOSED, S.PROPOSED, S.CONSENT_REQUESTED, S.SHORTLISTED, S.REJECTED]
    for candidate, status in zip(others[:5], steps, strict=True):
        _walk(candidate, posting, status, advisor=advisor, shared=SOME_SECTIONS)
    for candidate in others[5:]:
        _walk(candidate, posting, S.SHORTLISTED, advisor=advisor)

    # The demo candidate: short-listed elsewhere (the interviews step invites them), asked for one
    # posting, waiting for review for another, rejected for a third.
    extra_posting = (
        company.postings.exclude(pk=posting.pk).filter(status=PostingStatus.PUBLISHED).first()
    )
    elsewhere = list(
        JobPosting.objects.filter(status=PostingStatus.PUBLISHED)
        .exclude(company=company)
        .order_by("pk")[:4]
    )
    invited_posting = extra_posting or elsewhere[3]
    _walk(demo_candidate, invited_posting, S.SHORTLISTED, advisor=advisor)
    for other_posting, status in zip(
        elsewhere[:3], [S.CONSENT_REQUESTED, S.PROPOSED, S.REJECTED], strict=True
    ):
        _walk(demo_candidate, other_posting, status, advisor=advisor)
    return 12


DEMO = DemoStep(DemoStage.PATH, build_prequalification_demo)
