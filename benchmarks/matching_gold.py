"""The matching engine on the gold set (data/matching_gold): 40 postings × 60 newcomer profiles
written as people type them, every pair graded 0–3 by the rubric of docs/matching.md.

The records are built by the platform's own code, from the text: each profile and posting is
saved in the database inside a transaction that is rolled back at the end; a job title gets the
NOC unit group the occupation picker suggests first (`taxonomy.selectors.noc_suggestions`, the
real title normaliser), a typed skill the ESCO skill the skill linker finds for it
(`SkillExtractor.normalize`), the text vectors come from `matching.services.vectors` and the
records from `matching.records` (`candidate_record`, `posting_record`, `taxonomy`), exactly as a
rematch builds them.

Both directions are measured on the held-out postings (split declared in the data):
- candidates for a posting (the advisors' list): the posting's 60 candidates ranked;
- postings for a candidate (the candidate's "Mes jumelages"): the held-out postings ranked;
- reciprocal: an approved pair (grade ≥ 2) found by both sides, i.e. the candidate in the
  posting's top 10 and the posting in the candidate's top 5, and the mean of 1 / (the worse of
  its two ranks).
An engine's ranking is the list it shows (admissible pairs, best first) followed by the pairs it
excludes (best first), as the candidate's page shows them; the approved pairs it excludes are
also counted apart, with the rule that excluded them.

Run: python -m benchmarks.matching_gold (the gold set alone) or, with the other evaluation,
python -m benchmarks.matching_quality (`make bench-matching`). Needs the reference data loaded.
"""

import argparse
import hashlib
import json
import math
import os
import pickle
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np

GOLD_DIR = Path(__file__).resolve().parent.parent / "data" / "matching_gold"
TODAY = date(2026, 11, 26)
GRADES = (0, 1, 2, 3)
APPROVED = 2  # an advisor approves from this grade up
POSTING_TOP, CANDIDATE_TOP = 10, 5  # what each side looks at first (reciprocal measure)
SKILL_LINK_MIN = 0.6  # a typed skill is linked to its best ESCO match from this score up
SPLITS = ("tune", "held_out")
RECORDS_VERSION = 2  # bump when build_records changes: cached records are rebuilt


@dataclass
class GoldSet:
    postings: list[dict]
    candidates: list[dict]
    grades: np.ndarray  # postings × candidates, 0–3

    @property
    def posting_ids(self) -> list[str]:
        return [p["id"] for p in self.postings]

    @property
    def candidate_ids(self) -> list[str]:
        return [c["id"] for c in self.candidates]

    def split(self, name: str) -> list[int]:
        return [i for i, p in enumerate(self.postings) if p["split"] == name]

    def subset(self, posting_ids: list[str], candidate_ids: list[str]) -> "GoldSet":
        """A slice of the set (for tests), grades kept."""
        rows = [self.posting_ids.index(i) for i in posting_ids]
        columns = [self.candidate_ids.index(i) for i in candidate_ids]
        return GoldSet(
            [self.postings[i] for i in rows],
            [self.candidates[i] for i in columns],
            self.grades[np.ix_(rows, columns)],
        )


def load_gold(directory: Path = GOLD_DIR) -> GoldSet:
    """The gold set, checked: unique ids, every posting's split declared, every pair graded 0–3."""
    postings = tomllib.loads((directory / "postings.toml").read_text())["posting"]
    candidates = tomllib.loads((directory / "candidates.toml").read_text())["candidate"]
    table = tomllib.loads((directory / "grades.toml").read_text())["grades"]
    for kind, rows in (("posting", postings), ("candidate", candidates)):
        ids = [row["id"] for row in rows]
        if len(set(ids)) != len(ids):
            raise ValueError(f"Duplicate {kind} ids in the gold set")
    undeclared = [p["id"] for p in postings if p.get("split") not in SPLITS]
    if undeclared:
        raise ValueError(f"Postings without a split ({' or '.join(SPLITS)}): {undeclared}")
    if set(table) != {p["id"] for p in postings}:
        raise ValueError("grades.toml must have exactly one line per posting")
    grades = np.zeros((len(postings), len(candidates)), dtype=np.int8)
    for i, posting in enumerate(postings):
        digits = table[posting["id"]].replace(" ", "")
        if len(digits) != len(candidates) or any(d not in "0123" for d in digits):
            raise ValueError(
                f"{posting['id']}: {len(candidates)} grades 0–3 expected, got {digits!r}"
            )
        grades[i] = [int(d) for d in digits]
    return GoldSet(postings, candidates, grades)


# --- metrics -------------------------------------------------------------------------------


def ranking_metrics(ranked: list[int], grades: np.ndarray, *, top: int) -> dict[str, float]:
    """NDCG@10 (gains 2^g − 1), recall@`top` and recall@50 of the approved items (grade ≥ 2),
    MRR of the first approved item. `ranked`: item indexes, best first."""
    gains = [2 ** int(grades[i]) - 1 for i in ranked[:10]]
    dcg = sum(g / math.log2(r + 2) for r, g in enumerate(gains))
    ideal = sorted((2 ** int(g) - 1 for g in grades), reverse=True)[:10]
    idcg = sum(g / math.log2(r + 2) for r, g in enumerate(ideal))
    relevant = set(np.flatnonzero(grades >= APPROVED).tolist())
    return {
        "ndcg_at_10": dcg / idcg if idcg else 0.0,
        f"recall_at_{top}": len(relevant & set(ranked[:top])) / len(relevant),
        "recall_at_50": len(relevant & set(ranked[:50])) / len(relevant),
        "mrr": next((1 / (r + 1) for r, i in enumerate(ranked) if i in relevant), 0.0),
    }


def mean_metrics(rows: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(float(np.mean([row[key] for row in rows])), 4) for key in rows[0]}


@dataclass
class Rankings:
    """One method's rankings on a set of postings: each posting's candidates and each candidate's
    postings (indexes into the gold set), best first."""

    by_posting: dict[int, list[int]] = field(default_factory=dict)
    by_candidate: dict[int, list[int]] = field(default_factory=dict)


def evaluate_rankings(gold: GoldSet, rankings: Rankings, postings: list[int]) -> dict:
    """Both directions and the reciprocal measure, on the given postings only."""
    grades = gold.grades
    forward = [
        ranking_metrics(rankings.by_posting[p], grades[p], top=POSTING_TOP)
        for p in postings
        if (grades[p] >= APPROVED).any()
    ]
    backward = []
    for c in range(grades.shape[1]):
        column = grades[postings, c]
        if (column >= APPROVED).any():
            order = [postings.index(p) for p in rankings.by_candidate[c] if p in postings]
            backward.append(ranking_metrics(order, column, top=CANDIDATE_TOP))
    pairs = [(p, c) for p in postings for c in np.flatnonzero(grades[p] >= APPROVED).tolist()]
    mutual, both = [], []
    for p, c in pairs:
        rank_p = rankings.by_posting[p].index(c) + 1
        rank_c = [q for q in rankings.by_candidate[c] if q in postings].index(p) + 1
        mutual.append(rank_p <= POSTING_TOP and rank_c <= CANDIDATE_TOP)
        both.append(1 / max(rank_p, rank_c))
    return {
        "posting_to_candidates": {**mean_metrics(forward), "postings": len(forward)},
        "candidate_to_postings": {**mean_metrics(backward), "candidates": len(backward)},
        "reciprocal": {
            "mutual_recall": round(float(np.mean(mutual)), 4),
            "mrr": round(float(np.mean(both)), 4),
            "approved_pairs": len(pairs),
        },
    }


def _best_first(scores: np.ndarray) -> list[int]:
    return np.lexsort((np.arange(len(scores)), -scores)).tolist()


def matrix_rankings(scores: np.ndarray) -> Rankings:
    """Rankings from a postings × candidates score matrix (the baselines)."""
    return Rankings(
        by_posting={p: _best_first(scores[p]) for p in range(scores.shape[0])},
        by_candidate={c: _best_first(scores[:, c]) for c in range(scores.shape[1])},
    )


# --- records, built by the platform's code --------------------------------------------------


@dataclass
class GoldRecords:
    postings: list  # matchcore PostingRecord, in gold order
    candidates: list  # matchcore CandidateRecord, in gold order
    posting_texts: list[str]
    candidate_texts: list[str]
    taxonomy: object
    linking: dict[str, object]  # what the normaliser and the skill linker did


def _month(value: str) -> date:
    year, month = value.split("-")
    return date(int(year), int(month), 15)


def build_records(gold: GoldSet, *, today: date = TODAY) -> GoldRecords:
    """Save the gold profiles and postings as a person would through the forms, build the
    engine's records with maillage.matching.records, then roll everything back."""
    from django.db import transaction

    records: list[GoldRecords] = []
    with transaction.atomic():
        records.append(_build_in_transaction(gold, today))
        transaction.set_rollback(True)
    return records[0]


def _build_in_transaction(gold: GoldSet, today: date) -> GoldRecords:
    from maillage.accounts.models import Role, User
    from maillage.candidates.models import (
        CandidateProfile,
        CandidateSkill,
        Education,
        Relocation,
        WorkExperience,
    )
    from maillage.core.choices import SalaryPeriod, VerificationStatus
    from maillage.employers.models import (
        Company,
        CompanySize,
        JobPosting,
        PostingSkill,
        PostingStatus,
        Sector,
    )
    from maillage.employers.requirements import requirements_sorted
    from maillage.matching import records as platform
    from maillage.matching import selectors
    from maillage.matching.services.vectors import (
        candidate_vectors_refresh,
        posting_vector_refresh,
    )
    from maillage.regions.models import Municipality, Region
    from maillage.taxonomy.language import language_tools
    from maillage.taxonomy.selectors import noc_suggestions

    regions = {r.name: r for r in Region.objects.all()}
    towns: dict[str, Municipality] = {}

    def town(name: str) -> Municipality | None:
        if not name:
            return None
        if name not in towns:
            found = (
                Municipality.objects.filter(name=name)
                .select_related("region")
                .order_by("-population")
                .first()
            )
            if found is None:
                raise ValueError(f"Unknown town in the gold set: {name}")
            towns[name] = found
        return towns[name]

    titles_found = titles_total = 0

    def noc_of(title: str) -> str | None:
        """The occupation picker's first suggestion, which the person confirms."""
        nonlocal titles_found, titles_total
        suggestions = noc_suggestions(title, limit=1)
        titles_total += 1
        titles_found += bool(suggestions)
        return suggestions[0].code if suggestions else None

    extractor = language_tools().skills
    linked = Counter()

    def uri_of(label: str) -> str:
        best = extractor.normalize(label, top=1)
        uri = best[0].uri if best and best[0].score >= SKILL_LINK_MIN else ""
        linked[bool(uri)] += 1
        return uri

    profiles = []
    for row in gold.candidates:
        user = User.objects.create(
            email=f"{row['id'].lower()}@gold.invalid", full_name=row["id"], role=Role.CANDIDATE
        )
        home = town(row["town"])
        profile = CandidateProfile.objects.create(
            user=user,
            municipality=home,
            admission_date=_month(row["admitted"]),
            immigration_status=row["status"],
            permit_expires_on=today + timedelta(days=400)
            if row["status"].endswith("permit")
            else None,
            french_oral_comprehension=row["french"][0],
            french_oral_production=row["french"][0],
            french_written_comprehension=row["french"][1],
            french_written_production=row["french"][1],
            english_oral_comprehension=row["english"][0],
            english_oral_production=row["english"][0],
            english_written_comprehension=row["english"][1],
            english_written_production=row["english"][1],
            summary=row["summary"],
            is_open_to_all_regions=row["open_to_all"],
            relocation=Relocation.YES if row["relocate"] else Relocation.NO,
            available_from=today,
            salary_expectation=Decimal(row["wage"]),
            salary_period=SalaryPeriod.HOUR,
            verification_status=VerificationStatus.VERIFIED,
        )
        for item in row["experience"]:
            WorkExperience.objects.create(
                candidate=profile,
                title=item["title"],
                country="CA",
                start_date=today - timedelta(days=round(365.25 * item["years"]) + 60),
                end_date=today - timedelta(days=30),
                description=item["text"],
                noc_id=noc_of(item["title"]),
            )
        if row["education"]["field"] or row["education"]["level"]:
            Education.objects.create(
                candidate=profile,
                level=row["education"]["level"],
                field=row["education"]["field"],
                country="CA",
            )
        CandidateSkill.objects.bulk_create(
            [CandidateSkill(candidate=profile, label=s, esco_uri=uri_of(s)) for s in row["skills"]]
        )
        profile.desired_occupations.set([c for c in map(noc_of, row["desired"]) if c])
        profile.regions_of_interest.set([regions[name] for name in row["regions"]])
        profiles.append(profile)

    owner = User.objects.create(email="employer@gold.invalid", full_name="Gold", role=Role.EMPLOYER)
    postings = []
    must_have_count = 0
    for number, row in enumerate(gold.postings):
        place = town(row["town"])
        company = Company.objects.create(
            legal_name=f"Employeur {row['id']}",
            neq=f"99{number:08d}",
            region=place.region,
            municipality=place,
            sector=Sector.values[0],
            size=CompanySize.values[0],
            verification_status=VerificationStatus.VERIFIED,
        )
        french_oral = row["french_oral"] or None
        french_written = row["french_written"] or None
        posting = JobPosting.objects.create(
            company=company,
            title=row["title"],
            noc_id=noc_of(row["title"]),
            description=row["description"],
            min_education=row["min_education"],
            min_years_experience=row["min_years"],
            min_french_oral_comprehension=french_oral,
            min_french_oral_production=french_oral,
            min_french_written_comprehension=french_written,
            min_french_written_production=french_written,
            min_english=row["english"] or None,
            salary_min=Decimal(row["wage"][0]),
            salary_max=Decimal(row["wage"][1]),
            salary_period=SalaryPeriod.HOUR,
            municipality=place,
            start_date=today + timedelta(days=30),
            accepts_employer_specific_permit=row["employer_specific_permit"],
            status=PostingStatus.PUBLISHED,
            created_by=owner,
        )
        # As the posting form sorts them: a licence, card or certificate among the required
        # skills becomes a must-have (employers.requirements), so the must-have rule acts here.
        must, required, assets = requirements_sorted(
            [], row["required_skills"], row["asset_skills"]
        )
        PostingSkill.objects.bulk_create(
            [
                PostingSkill(
                    posting=posting,
                    label=s,
                    esco_uri=uri_of(s),
                    is_required=True,
                    is_must_have=True,
                )
                for s in must
            ]
            + [
                PostingSkill(posting=posting, label=s, esco_uri=uri_of(s), is_required=True)
                for s in required
            ]
            + [
                PostingSkill(posting=posting, label=s, esco_uri=uri_of(s), is_required=False)
                for s in assets
            ]
        )
        must_have_count += len(must)
        postings.append(posting)

    candidate_vectors_refresh(profiles=profiles)
    loaded = {
        p.pk: p
        for p in selectors.candidates_for_engine(updated_after=None).filter(
            pk__in=[p.pk for p in profiles]
        )
    }
    candidate_records, candidate_texts = [], []
    for row, profile in zip(gold.candidates, profiles, strict=True):
        full = loaded[profile.pk]
        vector = platform.stored_vector(getattr(full, "match_vector", None))
        record = platform.candidate_record(full, today=today, vector=vector)
        candidate_records.append(_with_id(record, row["id"]))
        candidate_texts.append(platform.candidate_text(full))
    posting_records, posting_texts = [], []
    for row, posting in zip(gold.postings, postings, strict=True):
        vector = platform.stored_vector(posting_vector_refresh(posting=posting))
        full = selectors.posting_for_engine(posting.pk)
        posting_records.append(_with_id(platform.posting_record(full, vector=vector), row["id"]))
        posting_texts.append(platform.posting_text(full))
    return GoldRecords(
        posting_records,
        candidate_records,
        posting_texts,
        candidate_texts,
        platform.taxonomy(),
        {
            "titles_with_an_occupation": f"{titles_found}/{titles_total}",
            "skills_linked_to_esco": f"{linked[True]}/{linked[True] + linked[False]}",
            "skill_link_min_score": SKILL_LINK_MIN,
            "must_haves": must_have_count,
        },
    )


def _with_id(record, gold_id: str):
    from dataclasses import replace

    return replace(record, id=gold_id)


# --- methods ---------------------------------------------------------------------------------


def tfidf_scores(records: GoldRecords) -> np.ndarray:
    """TF-IDF (char 2–5-grams) cosine of the platform's posting and profile texts."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    tfidf = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
    matrix = tfidf.fit_transform(records.posting_texts + records.candidate_texts)
    postings, candidates = (
        matrix[: len(records.posting_texts)],
        matrix[len(records.posting_texts) :],
    )
    return (postings @ candidates.T).toarray()


def skill_overlap_scores(records: GoldRecords) -> np.ndarray:
    """Share of the posting's required skills the candidate has (same ESCO skill or same label),
    nice-to-have ones breaking ties."""
    from matchcore.engine.factors import candidate_skill_keys, skill_keys

    have = [candidate_skill_keys(c) for c in records.candidates]
    scores = np.zeros((len(records.postings), len(records.candidates)))
    for p, posting in enumerate(records.postings):
        for c, keys in enumerate(have):
            required = [bool(skill_keys(s) & keys) for s in posting.required_skills]
            nice = [bool(skill_keys(s) & keys) for s in posting.nice_skills]
            scores[p, c] = (np.mean(required) if required else 0.0) + 0.01 * sum(nice)
    return scores


def engine_rankings(records: GoldRecords, engine) -> tuple[Rankings, dict[tuple[int, int], list]]:
    """What the platform shows, through the engine's own calls: a posting's candidates
    (`candidates_for_posting`, then the excluded ones) and a candidate's postings
    (`postings_for_candidate`). Also returns every excluded pair's exclusion reasons."""
    from matchcore.engine.engine import rank_key

    index_of = {c.id: i for i, c in enumerate(records.candidates)}
    posting_index = {p.id: i for i, p in enumerate(records.postings)}
    rankings, excluded = Rankings(), {}
    for p, posting in enumerate(records.postings):
        shown = engine.candidates_for_posting(
            posting, today=TODAY, k=len(records.candidates), shortlist=300
        )
        seen = {r.candidate_id for r in shown}
        rest = [c for c in records.candidates if c.id not in seen]
        rest_results = sorted(engine.score_pairs(rest, posting, today=TODAY), key=rank_key)
        rankings.by_posting[p] = [index_of[r.candidate_id] for r in shown + rest_results]
        for result in rest_results:
            if result.is_excluded:
                excluded[(p, index_of[result.candidate_id])] = [
                    str(r.code) for r in result.exclusions
                ]
    for c, candidate in enumerate(records.candidates):
        results = engine.postings_for_candidate(candidate, records.postings, today=TODAY)
        rankings.by_candidate[c] = [posting_index[r.posting_id] for r in results]
    return rankings, excluded


def make_engine(records: GoldRecords, policy, ranker=None):
    from matchcore.engine import MatchingEngine

    dims = next(c.vector for c in records.candidates if c.vector is not None).shape[0]
    engine = MatchingEngine(dims=dims, taxonomy=records.taxonomy, policy=policy, ranker=ranker)
    engine.upsert(records.candidates)
    return engine


# --- tuning (on the tuning postings only) ---------------------------------------------------


@dataclass
class PairFeatures:
    """Every pair's factors (ALL_FACTORS order, NaN = not measured) and hard-rule verdict, computed
    once, so that a policy's rankings are a few matrix products."""

    features: np.ndarray  # postings × candidates × factors
    applies: np.ndarray  # postings × factors
    excluded: np.ndarray  # postings × candidates

    def rankings(self, policy) -> Rankings:
        from matchcore.engine.scoring import policy_scores

        scores = np.stack(
            [
                policy_scores(self.features[p], self.applies[p], policy)
                for p in range(self.features.shape[0])
            ]
        )
        # Excluded pairs rank after every admissible one, best first among themselves.
        return matrix_rankings(np.round(scores, 6) - 1000.0 * self.excluded)


def pair_features(records: GoldRecords, policy) -> PairFeatures:
    from matchcore.engine.factors import all_factors, candidate_skill_keys
    from matchcore.engine.rules import hard_rules
    from matchcore.engine.scoring import feature_vector

    shape = (len(records.postings), len(records.candidates))
    features = np.zeros((*shape, 10))
    excluded = np.zeros(shape, dtype=bool)
    applies = np.zeros((shape[0], 10), dtype=bool)
    keys = [candidate_skill_keys(c) for c in records.candidates]
    for p, posting in enumerate(records.postings):
        for c, candidate in enumerate(records.candidates):
            values = all_factors(
                candidate, posting, taxonomy=records.taxonomy, policy=policy, have=keys[c]
            )
            features[p, c] = feature_vector(values)
            applies[p] = [v.applies for v in values]
            rules = hard_rules(candidate, posting, today=TODAY, policy=policy)
            excluded[p, c] = any(r.is_exclusion for r in rules)
    return PairFeatures(features, applies, excluded)


def tuning_objective(gold: GoldSet, table: PairFeatures, policy, postings: list[int]) -> float:
    """The sum of both directions' NDCG@10, recall at the top and MRR and the reciprocal
    measures (8 terms)."""
    result = evaluate_rankings(gold, table.rankings(policy), postings)
    total = 0.0
    for direction, top in (
        ("posting_to_candidates", POSTING_TOP),
        ("candidate_to_postings", CANDIDATE_TOP),
    ):
        total += sum(result[direction][k] for k in ("ndcg_at_10", f"recall_at_{top}", "mrr"))
    return total + sum(result["reciprocal"][k] for k in ("mutual_recall", "mrr"))


# --- the report --------------------------------------------------------------------------------


def evaluate_gold(gold: GoldSet, records: GoldRecords, methods: dict[str, object]) -> dict:
    """Every method on the held-out postings (and, for reference, the tuning ones). `methods`:
    name → a Policy, a (Policy, Ranker) pair or a postings × candidates score matrix."""
    from matchcore.engine import Policy

    held_out, tuning = gold.split("held_out"), gold.split("tune")
    table: dict[str, object] = {}
    for name, method in methods.items():
        excluded: dict[tuple[int, int], list] = {}
        if isinstance(method, np.ndarray):
            rankings = matrix_rankings(method)
        else:
            policy, ranker = method if isinstance(method, tuple) else (method, None)
            assert isinstance(policy, Policy)
            rankings, excluded = engine_rankings(records, make_engine(records, policy, ranker))
        row = {
            "held_out": evaluate_rankings(gold, rankings, held_out),
            "tuning": evaluate_rankings(gold, rankings, tuning),
        }
        if not isinstance(method, np.ndarray):
            lost = [
                (p, c)
                for p in held_out
                for c in np.flatnonzero(gold.grades[p] >= APPROVED).tolist()
                if (p, c) in excluded
            ]
            row["approved_pairs_excluded"] = {
                "count": len(lost),
                "pairs": [
                    f"{gold.posting_ids[p]}×{gold.candidate_ids[c]}: {', '.join(excluded[(p, c)])}"
                    for p, c in lost
                ],
            }
        table[name] = row
    return table


def print_table(table: dict) -> None:
    print(f"{'gold set, held out':<24}{'cand.':>6}{'NDCG@10':>9}{'R@10':>7}{'MRR':>7}", end="")
    print(f"{'post.':>7}{'NDCG@10':>9}{'R@5':>7}{'MRR':>7}{'mutual':>8}{'MRR':>7}")
    for name, row in table.items():
        held = row["held_out"]  # type: ignore[index]
        forward, backward = held["posting_to_candidates"], held["candidate_to_postings"]
        print(
            f"{name:<30}{forward['ndcg_at_10']:>9.3f}{forward['recall_at_10']:>7.3f}"
            f"{forward['mrr']:>7.3f}{'':>7}{backward['ndcg_at_10']:>9.3f}"
            f"{backward['recall_at_5']:>7.3f}{backward['mrr']:>7.3f}"
            f"{held['reciprocal']['mutual_recall']:>8.3f}{held['reciprocal']['mrr']:>7.3f}"
        )


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def gold_records(gold: GoldSet, *, use_cache: bool) -> GoldRecords:
    """`build_records`, or (with `use_cache`) its last result for the same data, language tools
    and code, from benchmarks/.cache (building takes a minute or two: every title and skill goes
    through the models)."""
    from benchmarks.matching_data import CACHE
    from maillage.taxonomy.language import tools_directory

    digest = hashlib.sha1()
    for path in sorted(GOLD_DIR.glob("*.toml")):
        digest.update(path.read_bytes())
    for code in ("maillage/matching/records.py", "maillage/matching/services/vectors.py"):
        digest.update((GOLD_DIR.parent.parent / code).read_bytes())  # records and text vectors
    digest.update(f"{RECORDS_VERSION}:{SKILL_LINK_MIN}".encode())
    digest.update(str(tools_directory()).encode())
    path = CACHE / f"gold_records_{digest.hexdigest()[:16]}.pkl"
    if use_cache and path.exists():
        return pickle.loads(path.read_bytes())
    records = build_records(gold)
    CACHE.mkdir(exist_ok=True)
    path.write_bytes(pickle.dumps(records))
    return records


def gold_ranker(gold: GoldSet, table: PairFeatures, *, seed: int):
    """A learned ranker trained on the tuning postings' graded pairs (never the held-out ones)."""
    from matchcore.engine import train_ranker

    tuning = gold.split("tune")
    ranker, _report = train_ranker(
        np.concatenate([table.features[p] for p in tuning]),
        np.concatenate([gold.grades[p] for p in tuning]).astype(float),
        [gold.grades.shape[1]] * len(tuning),
        seed=seed,
        min_labels=200,
        min_groups=5,
    )
    return ranker


def gold_report(
    gold: GoldSet, records: GoldRecords, table: PairFeatures, alternatives: dict, *, seed: int
) -> dict:
    """The gold set's table: what ships, the alternatives and both baselines."""
    from matchcore.engine import DEFAULT_POLICY, HAND_SET_POLICY

    started = time.perf_counter()
    methods: dict[str, object] = {
        "engine_default_policy": DEFAULT_POLICY,
        "engine_hand_set_policy": HAND_SET_POLICY,
        **{f"engine_{name.replace('-', '_')}": m for name, m in alternatives.items() if m},
    }
    ranker = gold_ranker(gold, table, seed=seed)
    if ranker is not None:
        methods["engine_learned_gold"] = (DEFAULT_POLICY, ranker)
    methods["tfidf"] = tfidf_scores(records)
    methods["skill_overlap"] = skill_overlap_scores(records)
    return {
        "table": evaluate_gold(gold, records, methods),
        "setup": {
            "postings": len(gold.postings),
            "postings_held_out": len(gold.split("held_out")),
            "postings_tuning": len(gold.split("tune")),
            "candidates": len(gold.candidates),
            "engine_default_policy": DEFAULT_POLICY.version,
            "records": records.linking,
            "calibration_on_tuning": calibrate(gold, table, DEFAULT_POLICY, gold.split("tune")),
            "approval_on_held_out": approval_by_stars(
                gold, table, DEFAULT_POLICY, gold.split("held_out")
            ),
            "recall_note": "recall_at_50 is 1 for any method that ranks everyone: 60 candidates, "
            "17 held-out postings; recall_at_10 (posting side) and recall_at_5 (candidate side) "
            "are the ones that discriminate",
            "seconds": round(time.perf_counter() - started, 1),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="rebuild the records (no cache)")
    args = parser.parse_args()
    setup_django()
    from matchcore.engine import DEFAULT_POLICY

    gold = load_gold()
    records = gold_records(gold, use_cache=not args.rebuild)
    report = gold_report(gold, records, pair_features(records, DEFAULT_POLICY), {}, seed=2026)
    print_table(report["table"])
    print(json.dumps(report["setup"], indent=2))


# --- calibration: stars and the proposal threshold ------------------------------------------


def admissible_scores(
    gold: GoldSet, table: PairFeatures, policy, postings: list[int]
) -> tuple[np.ndarray, np.ndarray]:
    """`policy`'s scores of the given postings' admissible pairs, and whether each is approved
    (grade ≥ 2)."""
    from matchcore.engine.scoring import policy_scores

    scores, approved = [], []
    for p in postings:
        keep = ~table.excluded[p]
        scores.append(policy_scores(table.features[p], table.applies[p], policy)[keep])
        approved.append(gold.grades[p][keep] >= APPROVED)
    return np.concatenate(scores), np.concatenate(approved)


def calibrate(gold: GoldSet, table: PairFeatures, policy, postings: list[int]) -> dict:
    """Star thresholds and the proposal threshold of `policy` fitted on the given postings'
    admissible pairs (matchcore.engine.calibration: a logistic approval curve, stars as bands of
    approval probability)."""
    from matchcore.engine.calibration import STAR_APPROVAL, approval_curve, cut_offs

    scores, approved = admissible_scores(gold, table, policy, postings)
    curve = approval_curve(scores, approved)
    if curve is None:
        return {"pairs": int(len(scores)), "approved": int(approved.sum()), "curve": None}
    stars, proposal = cut_offs(curve)
    return {
        "star_approval_bands": STAR_APPROVAL,
        "star_thresholds": stars,
        "proposal_threshold": proposal,
        "curve": {"intercept": round(curve.intercept, 4), "slope": round(curve.slope, 4)},
        "pairs": int(len(scores)),
        "approved": int(approved.sum()),
    }


def approval_by_stars(gold: GoldSet, table: PairFeatures, policy, postings: list[int]) -> dict:
    """The share approved among admissible pairs at each of `policy`'s star levels and from its
    proposal threshold up, with counts (measured, e.g. on the held-out postings)."""
    from matchcore.engine.calibration import shares_approved

    scores, approved = admissible_scores(gold, table, policy, postings)
    by_star, above = shares_approved(
        scores, approved, policy.star_thresholds, policy.proposal_threshold
    )
    return {
        "stars": {
            str(level): {"pairs": share.pairs, "approved": share.approved}
            for level, share in enumerate(by_star, start=1)
        },
        "star_thresholds": policy.star_thresholds,
        "proposal_threshold": policy.proposal_threshold,
        "proposed_pairs": above.pairs,
        "proposed_approved": above.approved,
    }


if __name__ == "__main__":
    main()
