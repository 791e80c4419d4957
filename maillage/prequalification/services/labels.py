"""Training labels for the engine's ranker, written by the services that record decisions, and
read back here to retrain it (prequalification feeds the ranker; matching does not read labels)."""

from django.utils import timezone

from maillage.accounts.models import User
from maillage.matching.models import RankerModel
from maillage.matching.services import DecisionExample, ranker_train
from maillage.prequalification.models import (
    LABEL_RELEVANCE,
    DecisionLabel,
    LabelKind,
    LabelSource,
    Proposal,
)
from matchcore.engine import TrainingReport


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


def ranker_retrain(*, seed: int | None = None) -> tuple[RankerModel | None, TrainingReport]:
    """Retrain the engine's ranker on the latest decision of every pair (labels are append-only:
    the latest counts), with the breakdown the person saw when the proposal was made."""
    latest: dict[tuple[int, int], DecisionLabel] = {}
    for label in DecisionLabel.objects.select_related("proposal").order_by("decided_at", "pk"):
        latest[(label.posting_id, label.candidate_id)] = label
    examples = [
        DecisionExample(
            posting_id=posting_id,
            candidate_id=candidate_id,
            relevance=label.relevance,
            seen_breakdown=label.proposal.breakdown if label.proposal is not None else None,
        )
        for (posting_id, candidate_id), label in latest.items()
    ]
    return ranker_train(examples, seed=seed)
