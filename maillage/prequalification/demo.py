"""Demo step of prequalification, through its services (the same state table as real use): the
demo employer's first posting has candidates proposed, asked, short-listed and rejected; the demo
candidate has proposals to answer, one under review, one rejected decision to question, and a
short-listed one the interviews step invites. What the services notify is notified."""

from maillage.accounts.models import User
from maillage.core.demo_steps import DemoContext, DemoStage, DemoStep
from maillage.employers.models import Company, PostingStatus
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
    proposal_reject,
    proposals_refresh_all,
)

S = ProposalStatus
SOME_SECTIONS = [SharedSection.EXPERIENCE, SharedSection.LANGUAGES, SharedSection.SKILLS]


def _walk(proposal: Proposal, status: ProposalStatus, *, advisor: User, shared=None) -> Proposal:
    """Take a proposal from the queue to `status` the way the advisor and the candidate would."""
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
        by=proposal.candidate.user,
        accept=True,
        shared_sections=list(SharedSection.values) if shared is None else shared,
    )


def _queue(**filters) -> list[Proposal]:
    """Proposals waiting for an advisor, best score first (as the advisors' queue shows them)."""
    return list(
        Proposal.objects.filter(status=S.PROPOSED, **filters)
        .select_related("candidate__user", "posting")
        .order_by("-score", "pk")
    )


def build_prequalification_demo(context: DemoContext) -> int:
    """Fill the advisors' queue the way the hourly job does (the engine's matches above the
    calibrated threshold), then decide some proposals as an advisor would on a working day;
    returns how many proposals moved on."""
    proposals_refresh_all()
    advisor = User.objects.get(email=context.advisor_email)
    company = Company.objects.get(members__user__email=context.employer_email)
    posting = company.postings.filter(status=PostingStatus.PUBLISHED).order_by("pk").first()
    demo_user = User.objects.get(email=context.candidate_email)
    moved = 0

    # The demo employer's first posting: the best candidates short-listed (the interviews step
    # invites the last two), one asked, one left to review; a weaker one declined.
    queue = [p for p in _queue(posting=posting) if p.candidate.user_id != demo_user.pk]
    plan = [S.SHORTLISTED, S.SHORTLISTED, S.SHORTLISTED, S.CONSENT_REQUESTED]
    for proposal, status in zip(queue, plan, strict=False):
        _walk(proposal, status, advisor=advisor, shared=None if moved else SOME_SECTIONS)
        moved += 1
    if len(queue) > len(plan):
        _walk(queue[-1], S.REJECTED, advisor=advisor)
        moved += 1

    # The demo candidate: short-listed for her best match (the interviews step invites her),
    # asked for the next one, the others left for the advisors to review.
    mine = _queue(candidate__user=demo_user)
    for proposal, status in zip(mine, [S.SHORTLISTED, S.CONSENT_REQUESTED], strict=False):
        _walk(proposal, status, advisor=advisor)
        moved += 1
    return moved


DEMO = DemoStep(DemoStage.PATH, build_prequalification_demo)
