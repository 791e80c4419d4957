"""Extra data for the load test, on top of load_demo_data: match results, so that "my matches"
and short lists read tables of a realistic size. Idempotent; run through manage.py shell."""

import random

from django.db import connection, transaction
from django.utils import timezone

from maillage.candidates.models import CandidateProfile
from maillage.employers.models import JobPosting, PostingStatus
from maillage.matching.models import MatchResult

RESULTS_PER_CANDIDATE = 5
BATCH = 20_000


def add_match_results(seed: int = 7) -> None:
    if MatchResult.objects.exists():
        print(f"match results: {MatchResult.objects.count():,} already there")
        return
    rng = random.Random(seed)
    postings = list(
        JobPosting.objects.filter(status=PostingStatus.PUBLISHED).values_list("pk", flat=True)
    )
    now = timezone.now()
    batch = []
    with transaction.atomic():
        for candidate_id in CandidateProfile.objects.values_list("pk", flat=True).iterator():
            for posting_id in rng.sample(postings, RESULTS_PER_CANDIDATE):
                score = round(rng.uniform(35, 98), 1)
                batch.append(
                    MatchResult(
                        candidate_id=candidate_id,
                        posting_id=posting_id,
                        score=score,
                        stars=max(1, round(score / 20)),
                        breakdown={"occupation": 1.0, "skills": round(rng.random(), 2)},
                        reasons=[{"code": "same_occupation"}],
                        engine_version="loadtest-1",
                        computed_at=now,
                    )
                )
            if len(batch) >= BATCH:
                MatchResult.objects.bulk_create(batch)
                batch = []
        MatchResult.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"match results: {MatchResult.objects.count():,} created")


def add_proposals(seed: int = 11, per_posting: int = 5) -> None:
    """The advisors' queue and the employers' short lists: the best match results of each posting
    become proposals (60 % awaiting review, 20 % short-listed with every section shared, 20 %
    rejected), as prequalification's services would make them."""
    from maillage.prequalification.models import Proposal, ProposalSource, ProposalStatus

    if Proposal.objects.exists():
        print(f"proposals: {Proposal.objects.count():,} already there")
        return
    rng = random.Random(seed)
    now = timezone.now()
    by_posting: dict[int, list[MatchResult]] = {}
    for result in MatchResult.objects.only(
        "candidate_id", "posting_id", "score", "stars", "engine_version"
    ).iterator(chunk_size=20_000):
        by_posting.setdefault(result.posting_id, []).append(result)
    proposals = []
    for posting_id, results in by_posting.items():
        for result in sorted(results, key=lambda r: -r.score)[:per_posting]:
            draw = rng.random()
            status = (
                ProposalStatus.PROPOSED
                if draw < 0.6
                else ProposalStatus.SHORTLISTED
                if draw < 0.8
                else ProposalStatus.REJECTED
            )
            proposals.append(
                Proposal(
                    candidate_id=result.candidate_id,
                    posting_id=posting_id,
                    source=ProposalSource.ENGINE,
                    status=status,
                    score=result.score,
                    stars=result.stars,
                    reasons=[{"code": "same_occupation"}],
                    breakdown={},
                    engine_version=result.engine_version,
                    shortlisted_at=now if status == ProposalStatus.SHORTLISTED else None,
                    decided_at=None if status == ProposalStatus.PROPOSED else now,
                    shared_sections=["contact", "experience", "languages", "skills"]
                    if status == ProposalStatus.SHORTLISTED
                    else [],
                )
            )
    with transaction.atomic():
        Proposal.objects.bulk_create(proposals, batch_size=BATCH)
    print(f"proposals: {len(proposals):,} created")


def add_declarations(seed: int = 13, share: float = 0.4) -> None:
    """Self-declarations for the fairness audit from 40 % of the candidates (random answers, some
    "prefer not to say"), with their consent: the audit then has realistic group sizes."""
    from maillage.accounts.models import ConsentPurpose, PrivacyConsent
    from maillage.fairness.models import ATTRIBUTES, AuditDeclaration

    if AuditDeclaration.objects.exists():
        print(f"declarations: {AuditDeclaration.objects.count():,} already there")
        return
    rng = random.Random(seed)
    declarations, consents = [], []
    for candidate_id, user_id in CandidateProfile.objects.values_list("pk", "user_id").iterator():
        if rng.random() >= share:
            continue
        values = {
            name: ("" if rng.random() < 0.1 else rng.choice(choices.values))
            for name, choices in ATTRIBUTES.items()
        }
        declarations.append(AuditDeclaration(candidate_id=candidate_id, **values))
        consents.append(
            PrivacyConsent(
                user_id=user_id, purpose=ConsentPurpose.FAIRNESS_AUDIT, notice_version="2026-11-01"
            )
        )
    with transaction.atomic():
        AuditDeclaration.objects.bulk_create(declarations, batch_size=BATCH)
        PrivacyConsent.objects.bulk_create(consents, batch_size=BATCH)
    print(f"declarations: {len(declarations):,} created")
