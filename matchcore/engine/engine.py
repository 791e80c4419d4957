"""The engine's face: candidates for a posting, postings for a candidate.

Candidates for a posting: the hard rules as masks over every candidate, then candidate generation
(the nearest texts under the mask, plus everyone who practised or wants the posting's unit
group), then the full score of that shortlist, best first. Postings for a candidate: postings
are few, so every one is scored; excluded pairs come last, with their reasons.
"""

import gc
from collections.abc import Callable, Sequence
from datetime import date

import numpy as np

from matchcore.engine.contracts import CandidateRecord, MatchResult, PostingRecord, Taxonomy
from matchcore.engine.factors import PostingFeatures, candidate_skill_keys
from matchcore.engine.feature_columns import FactorColumns
from matchcore.engine.index import SearchPlan, VectorIndex
from matchcore.engine.policy import DEFAULT_POLICY, Policy
from matchcore.engine.ranker import Ranker
from matchcore.engine.scoring import cap_scores, policy_scores, score_pair
from matchcore.engine.store import CandidateStore

# From this many candidates, a built engine is taken out of the garbage collector's reach.
LONG_LIVED_CANDIDATES = 100_000

# For a candidate without text, the index holds a zero vector: it is found through its
# occupation, never through text similarity.


def rank_key(result: MatchResult) -> tuple[bool, float, str]:
    return (result.is_excluded, -round(result.score, 6), str(result.candidate_id))


class MatchingEngine:
    def __init__(
        self,
        *,
        dims: int,
        taxonomy: Taxonomy | None = None,
        policy: Policy = DEFAULT_POLICY,
        ranker: Ranker | None = None,
        index: VectorIndex | None = None,
        fetch: Callable[[Sequence[int | str]], Sequence[CandidateRecord]] | None = None,
    ):
        self.taxonomy = taxonomy or Taxonomy()
        self.policy = policy
        self.ranker = ranker
        self.store = CandidateStore(policy=policy)
        self.columns = FactorColumns()  # the factors' inputs, row for row with the store
        self.index = index or VectorIndex(dims)
        # Records kept in memory unless a `fetch` loads them by id (a database, a generator).
        self._records: dict[int | str, CandidateRecord] = {}
        self._fetch = fetch
        self._eligible: tuple[date, int, np.ndarray] | None = None

    @property
    def version(self) -> str:
        return self.ranker.version if self.ranker is not None else self.policy.version

    # --- keeping the candidates ---
    def upsert(self, records: Sequence[CandidateRecord], vectors: np.ndarray | None = None) -> None:
        """Add or replace candidates. `vectors` (one row each) defaults to the records' own."""
        if not records:
            return
        if vectors is None:
            vectors = np.stack(
                [
                    r.vector if r.vector is not None else np.zeros(self._input_dims(), np.float32)
                    for r in records
                ]
            )
        rows = self.store.add(list(records))
        self.columns.add(list(records))
        self.index.add(rows, vectors)
        self._eligible = None
        if self._fetch is None:
            for record in records:
                self._records[record.id] = record

    def _input_dims(self) -> int:
        reducer = self.index.reducer
        return self.index.dims if reducer is None else reducer.components.shape[1]

    def remove(self, candidate_id: int | str) -> None:
        self.store.remove(candidate_id)
        self._records.pop(candidate_id, None)
        self._eligible = None

    def build(self, *, seed: int, threads: int = 2) -> None:
        """Build the vector index over the candidates loaded. A large engine lives as long as
        its process: every object alive then is frozen (gc.freeze), since the collector's first
        full passes over a million candidates' objects stalled the next queries by 80–130 ms
        each (4 of the first 100 queries at 1,000,000 candidates: benchmarks/matching_speed)."""
        self.index.build(seed=seed, threads=threads)
        if self.store.size >= LONG_LIVED_CANDIDATES:
            gc.freeze()

    def refresh_if_needed(self, *, seed: int) -> bool:
        dead = int(self.store.size - np.count_nonzero(self.store.alive))
        if self.index.needs_rebuild(dead):
            self.build(seed=seed)
            return True
        return False

    def records(self, ids: Sequence[int | str]) -> list[CandidateRecord]:
        if self._fetch is not None:
            return list(self._fetch(ids))
        return [self._records[i] for i in ids]

    def eligible(self, *, today: date) -> np.ndarray:
        """The eligibility mask of `today`, kept until the candidates or the day change."""
        if self._eligible is None or self._eligible[0] != today:
            self._eligible = (today, self.store.size, self.store.eligible(today=today))
        return self._eligible[2]

    # --- posting → candidates ---
    def retrieve(
        self,
        posting: PostingRecord,
        *,
        today: date,
        shortlist: int,
        region_wanted_only: bool = False,
    ) -> tuple[np.ndarray, SearchPlan]:
        """Rows of the shortlist, all admissible: the nearest texts, then those who practised or
        want the posting's unit group, then those holding most of its skills."""
        mask = self.store.admissible(
            posting,
            today=today,
            base=self.eligible(today=today),
            region_wanted_only=region_wanted_only,
        )
        rows = np.empty(0, dtype=np.int64)
        plan = SearchPlan("none", int(np.count_nonzero(mask)))
        if posting.vector is not None and plan.passing:
            rows, _sims, plan = self.index.search(posting.vector, mask, shortlist)
        if posting.noc and posting.noc in self.store.by_noc:
            same = np.frombuffer(self.store.by_noc[posting.noc], dtype=np.int64)
            same = same[mask[same]]
            if len(same) > shortlist and posting.vector is not None:
                query = self.index.project(np.asarray(posting.vector)[None, :])[0]
                sims = self.index.vectors[same] @ query
                same = same[np.lexsort((same, -sims))[:shortlist]]
            rows = np.union1d(rows, same[:shortlist])
        if posting.required_skills or posting.nice_skills:
            rows = np.union1d(rows, self.store.sharing_skills(posting, mask, shortlist))
        return rows, plan

    def candidates_for_posting(
        self,
        posting: PostingRecord,
        *,
        today: date,
        k: int = 50,
        shortlist: int = 300,
        region_wanted_only: bool = False,
    ) -> list[MatchResult]:
        """The k best admissible candidates, fully scored and explained, best first.

        Two stages: the factor values of the whole shortlist (without their reasons, from the
        columns) are scored at once (vectorised policy or the learned ranker), then only the best
        k are explained in full (same score)."""
        rows, _plan = self.retrieve(
            posting, today=today, shortlist=shortlist, region_wanted_only=region_wanted_only
        )
        ids = [self.store.ids[row] for row in rows.tolist()]
        if not ids:
            return []
        records = self.records(ids)
        features = self.columns.features(
            rows,
            posting,
            [record.vector for record in records],
            taxonomy=self.taxonomy,
            policy=self.policy,
        )
        if self.ranker is not None:
            scores = self.ranker.scores(features)
        else:
            applies = PostingFeatures(posting, taxonomy=self.taxonomy, policy=self.policy).applies
            scores = policy_scores(features, applies, self.policy)
        scores = cap_scores(scores, records, posting, self.policy)
        # best first to the rounding results are ordered by, then by id (ids are unique)
        order = [
            i
            for *_key, i in sorted(
                zip(
                    [-round(x, 6) for x in scores.tolist()],
                    map(str, ids),
                    range(len(ids)),
                    strict=True,
                )
            )
        ]

        def explained(chosen: list[int]) -> list[MatchResult]:
            results = [
                score_pair(
                    records[i],
                    posting,
                    today=today,
                    taxonomy=self.taxonomy,
                    policy=self.policy,
                    ranker=self.ranker,
                )
                for i in chosen
            ]
            return [r for r in results if not r.is_excluded]

        # Only the best k are explained (a sixth of the pairs, most of the time), plus those tied
        # with the k-th to the rounding the order uses, plus one for each excluded pair.
        cut = min(k, len(order))
        if cut:
            floor = round(float(scores[order[cut - 1]]), 6) - 1e-6
            while cut < len(order) and scores[order[cut]] >= floor:
                cut += 1
        kept = explained(order[:cut])
        while len(kept) < k and cut < len(order):
            more = order[cut : cut + k - len(kept)]
            cut += len(more)
            kept += explained(more)
        return sorted(kept, key=rank_key)[:k]

    def score_pairs(
        self, candidates: Sequence[CandidateRecord], posting: PostingRecord, *, today: date
    ) -> list[MatchResult]:
        """Full verdicts (excluded pairs included) for given candidates of one posting."""
        return [
            score_pair(
                candidate,
                posting,
                today=today,
                taxonomy=self.taxonomy,
                policy=self.policy,
                ranker=self.ranker,
            )
            for candidate in candidates
        ]

    # --- candidate → postings ---
    def postings_for_candidate(
        self, candidate: CandidateRecord, postings: Sequence[PostingRecord], *, today: date
    ) -> list[MatchResult]:
        """Every posting scored for this candidate: admissible ones first, best first."""
        have = candidate_skill_keys(candidate)
        results = [
            score_pair(
                candidate,
                posting,
                today=today,
                taxonomy=self.taxonomy,
                policy=self.policy,
                ranker=self.ranker,
                have=have,
            )
            for posting in postings
        ]
        return sorted(results, key=lambda r: (r.is_excluded, -round(r.score, 6), str(r.posting_id)))
