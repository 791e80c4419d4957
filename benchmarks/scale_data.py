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
