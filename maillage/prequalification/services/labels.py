"""Training labels for the engine's ranker, written by the services that record decisions."""

from django.utils import timezone

from maillage.accounts.models import User
from maillage.prequalification.models import (
    LABEL_RELEVANCE,
    DecisionLabel,
    LabelKind,
    LabelSource,
    Proposal,
)


def decision_label_record(
    *,
    proposal: Proposal,
    label: LabelKind,
    source: LabelSource,
    by: User | None,
    reason_code: str = "",
) -> DecisionLabel:
    return DecisionLabel.objects.create(
        candidate_id=proposal.candidate_id,
        posting_id=proposal.posting_id,
        proposal=proposal,
        label=label,
        relevance=LABEL_RELEVANCE[label],
        source=source,
        reason_code=reason_code,
        decided_by=by,
        decided_at=timezone.now(),
        engine_version=proposal.engine_version,
        score=proposal.score,
    )
