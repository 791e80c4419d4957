"""The audit's data: for each verified candidate who declared attributes and still consents, the
groups declared and the furthest stage reached in the pipeline."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import ConsentPurpose
from maillage.core.choices import VerificationStatus
from maillage.fairness.models import ATTRIBUTES, AuditDeclaration
from maillage.interviews.models import Interview, InterviewStatus, Placement
from maillage.prequalification.models import Proposal, ProposalStatus
from matchcore.fairness import AuditRecord, StageAudit, audit

STAGES = ["proposed", "approved", "shortlisted", "interviewed", "hired"]
STAGE_LABELS = {
    "proposed": _("Proposed by the engine or an advisor"),
    "approved": _("Approved by an advisor"),
    "shortlisted": _("On an employer's short list"),
    "interviewed": _("Interviewed"),
    "hired": _("Hired"),
}


def _stage_sets() -> list[set[int]]:
    proposals = Proposal.objects.all()
    return [
        set(proposals.values_list("candidate_id", flat=True)),
        set(
            proposals.exclude(
                status__in=[ProposalStatus.PROPOSED, ProposalStatus.REJECTED]
            ).values_list("candidate_id", flat=True)
        ),
        set(proposals.filter(shortlisted_at__isnull=False).values_list("candidate_id", flat=True)),
        set(
            Interview.objects.filter(status=InterviewStatus.COMPLETED)
            .exclude(outcome="no_show")
            .values_list("proposal__candidate_id", flat=True)
        ),
        set(Placement.objects.values_list("candidate_id", flat=True)),
    ]


def audit_records() -> list[AuditRecord]:
    declarations = AuditDeclaration.objects.filter(
        candidate__verification_status=VerificationStatus.VERIFIED,
        candidate__user__consents__purpose=ConsentPurpose.FAIRNESS_AUDIT,
        candidate__user__consents__withdrawn_at__isnull=True,
    ).distinct()
    stage_sets = _stage_sets()
    records = []
    for declaration in declarations.iterator():
        reached = max(
            (i for i, ids in enumerate(stage_sets) if declaration.candidate_id in ids), default=-1
        )
        records.append(
            AuditRecord(
                groups={name: getattr(declaration, name) or None for name in ATTRIBUTES},
                stage_reached=reached,
            )
        )
    return records


@dataclass(frozen=True)
class AuditReport:
    people: int
    min_count: int
    stages: list[StageAudit]


def audit_report() -> AuditReport:
    records = audit_records()
    minimum = settings.SMALL_COUNT_THRESHOLD
    return AuditReport(
        people=len(records),
        min_count=minimum,
        stages=audit(records, attributes=list(ATTRIBUTES), stages=STAGES, min_count=minimum),
    )
