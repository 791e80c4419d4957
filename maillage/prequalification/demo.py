"""Demo step of prequalification, through its services (the same state table as real use).

The queue is filled as the hourly job fills it (the engine's matches above the calibrated
threshold); the demo advisor declines what is outside the person's trades, then on the demo
employer's welding posting short-lists the best, asks one and declines the weakest. The demo
candidate is short-listed for her best match (the interviews step invites her), asked for the next,
and has declined cross-trade proposals she can question. What the services notify is notified."""

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
        .prefetch_related("candidate__desired_occupations", "candidate__experiences")
        .order_by("-score", "pk")
    )


def _decline_other_trades(advisor: User) -> None:
    """The advisor's first pass over the queue: a proposal for a trade the person neither wants
    nor has worked in is declined (the engine scores closeness, the advisor knows the trade)."""
    for proposal in _queue():
        candidate = proposal.candidate
        trades = {noc.pk for noc in candidate.desired_occupations.all()}
        trades |= {e.noc_id for e in candidate.experiences.all() if e.noc_id}
        if proposal.posting.noc_id not in trades:
            proposal_reject(proposal=proposal, by=advisor, reason=RejectionReason.OCCUPATION)


def build_prequalification_demo(context: DemoContext) -> int:
    """Fill the advisors' queue the way the hourly job does (the engine's matches above the
    calibrated threshold), then decide some proposals as an advisor would on a working day;
    returns how many proposals moved on."""
    proposals_refresh_all()
    advisor = User.objects.get(email=context.advisor_email)
    _decline_other_trades(advisor)
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
