"""Extra data for the load test, on top of `load_demo_data --without-matches`: the engine's match
results, proposals made from them, and self-declarations, so that "my matches", the advisors'
queue and the short lists read tables of a realistic size. Idempotent; run through manage.py
shell."""

import random

from django.db import connection, transaction
from django.utils import timezone

from maillage.candidates.models import CandidateProfile
from maillage.matching.models import MatchResult

BATCH = 20_000
VECTOR_SAMPLE = 35_000


def add_match_results(seed: int = 7, batch: int = 500, postings_per_batch: int = 30) -> None:
    """The engine's real verdicts on a sample of pairs. Every text is embedded first (as saving a
    profile or a posting does), then each batch of candidates is scored for a random draw of
    published postings by the matching app's own `pairs_rematch`: the pairs that pass the hard
    rules are stored with their score, reasons and engine version."""
    from maillage.core.progress import progress
    from maillage.matching import selectors
    from maillage.matching.models import CandidateVector
    from maillage.matching.services import (
        candidate_vectors_refresh,
        pairs_rematch,
        posting_vector_refresh,
    )

    if MatchResult.objects.exists():
        print(f"match results: {MatchResult.objects.count():,} already there")
        return
    today = timezone.localdate()
    # Embedding takes minutes per 100,000 profiles (benchmarks/embedding_speed.py), so only the
    # first VECTOR_SAMPLE candidates (the load test logs in among the first 5,000) get their
    # vector, the others are matched without one (occupation and skills, no semantic factor),
    # as after a bulk import.
    without_vector = list(
        CandidateProfile.objects.filter(match_vector__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)[: max(0, VECTOR_SAMPLE - CandidateVector.objects.count())]
    )
    chunks = [without_vector[i : i + 1_000] for i in range(0, len(without_vector), 1_000)]
    for chunk in progress(chunks, description="Candidate vectors", total=len(chunks)):
        candidate_vectors_refresh(
            profiles=list(selectors.candidates_for_engine(updated_after=None).filter(pk__in=chunk))
        )
    postings = list(selectors.postings_for_engine())
    for posting in progress(postings, description="Posting vectors"):
        posting_vector_refresh(posting=posting)
    posting_ids = [p.pk for p in postings]
    candidate_ids = list(CandidateProfile.objects.order_by("pk").values_list("pk", flat=True))
    rng = random.Random(seed)
    batches = range(0, len(candidate_ids), batch)
    for start in progress(batches, description="Match results", total=len(batches)):
        pairs_rematch(
            candidate_ids=candidate_ids[start : start + batch],
            posting_ids=rng.sample(posting_ids, min(postings_per_batch, len(posting_ids))),
            today=today,
        )
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
    for result in (
        MatchResult.objects.filter(is_excluded=False)
        .only(
            "candidate_id", "posting_id", "score", "stars", "engine_version", "reasons", "breakdown"
        )
        .iterator(chunk_size=20_000)
    ):
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
                    reasons=result.reasons,
                    breakdown=result.breakdown,
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


def dataset_summary() -> dict:
    """What the load test ran against, recorded in its results file (docs/scaling.md cites it):
    row counts and the database's size on disk (PostgreSQL)."""
    from maillage.employers.models import Company, JobPosting, PostingStatus
    from maillage.fairness.models import AuditDeclaration
    from maillage.prequalification.models import Proposal

    summary: dict = {
        "candidates": CandidateProfile.objects.count(),
        "companies": Company.objects.count(),
        "published_postings": JobPosting.objects.filter(status=PostingStatus.PUBLISHED).count(),
        "match_results": MatchResult.objects.count(),
        "postings_with_results": MatchResult.objects.values("posting_id").distinct().count(),
        "proposals": Proposal.objects.count(),
        "audit_declarations": AuditDeclaration.objects.count(),
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            summary["database_mb"] = round(cursor.fetchone()[0] / 2**20)
            cursor.execute(
                "SELECT relname, pg_total_relation_size(relid) FROM pg_stat_user_tables "
                "ORDER BY 2 DESC LIMIT 6"
            )
            summary["largest_tables_mb"] = {name: round(size / 2**20) for name, size in cursor}
    return summary
