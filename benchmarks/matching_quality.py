"""Quality of the matching engine against TF-IDF text similarity alone and skill overlap alone.

The evaluation is built from the real taxonomies (benchmarks.matching_data):
- postings, one per NOC 2021 unit group: a French (2/3) or English (1/3) example title and four
  main duties; required skills: the unit group's six most shared ESCO essential skills, nice-to-
  have: the next three (what an employer's posting gives once its skills are linked to ESCO);
- candidates, one per ESCO occupation: its French or English label as job title, about half of
  its essential skills and two optional ones. Their occupation comes from normalising the title
  to the nearest NOC example title (text embedding), as the platform does, errors included;
- truth: the ESCO → O*NET → NOC 2021 crosswalks. Grade 2 when the candidate's ESCO occupation
  maps to the posting's unit group, 1 when it maps to the same minor group, 0 otherwise.
Unit groups are split by a seeded hash: 30 % for tuning (the policy variants and the learned
ranker see only these), 70 % held out; every number reported is on the held-out postings.

Run: python -m benchmarks.matching_quality [--quick]
"""

import argparse
import hashlib
import json
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from benchmarks import provenance
from benchmarks.matching_data import Catalog, embed_cached, load_catalog, save_embeddings
from benchmarks.matching_gold import (
    gold_records,
    gold_report,
    load_gold,
    pair_features,
    print_table,
    setup_django,
    tuning_objective,
)
from matchcore.engine import (
    DEFAULT_POLICY,
    HAND_SET_POLICY,
    CandidateRecord,
    Experience,
    Factor,
    LanguageLevels,
    MatchingEngine,
    Policy,
    PostingRecord,
    Skill,
    Taxonomy,
    feature_vector,
    train_ranker,
)
from matchcore.engine.factors import all_factors
from matchcore.engine.scoring import policy_scores
from matchcore.language.embedding import condensed

TODAY = date(2026, 11, 26)
SEED = 2026


@dataclass
class Evaluation:
    postings: list[PostingRecord]
    posting_texts: list[str]
    candidates: list[CandidateRecord]
    candidate_texts: list[str]
    candidate_truth: list[dict[str, float]]  # ESCO → NOC links of each candidate
    tune: set[str]  # unit groups used for tuning
    taxonomy: Taxonomy


def _is_tuning(code: str) -> bool:
    return int(hashlib.sha1(f"{SEED}:{code}".encode()).hexdigest(), 16) % 10 < 3


def _unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.maximum(np.linalg.norm(vectors, axis=-1, keepdims=True), 1e-12)


def build_evaluation(cat: Catalog, *, quick: bool) -> Evaluation:
    rng = random.Random(SEED)
    noc_skills = cat.noc_skills()
    codes = sorted(code for code in noc_skills if cat.noc_duties.get(code, {}).get("fr"))
    if quick:
        codes = sorted(rng.sample(codes, 60))

    # The title normaliser: nearest NOC example title (French and English).
    per = 4 if quick else 12
    norm_titles, norm_codes = [], []
    for code in sorted(cat.noc_names):
        for lang in ("fr", "en"):
            titles = cat.noc_titles.get(code, {}).get(lang, [])
            for title in [cat.noc_names[code][lang], *titles[:per]]:
                norm_titles.append(title)
                norm_codes.append(code)
    norm_vectors = embed_cached(norm_titles)

    postings, posting_texts, vectors = [], [], []
    for code in codes:
        lang = "en" if rng.random() < 1 / 3 else "fr"
        title = rng.choice(cat.noc_titles[code][lang] or [cat.noc_names[code][lang]])
        duties = cat.noc_duties[code][lang] or cat.noc_duties[code]["fr"]
        duties = rng.sample(duties, k=min(4, len(duties)))
        skills = [
            Skill(cat.skill_labels[s].get(lang) or cat.skill_labels[s]["en"], s)
            for s in noc_skills[code][:9]
            if s in cat.skill_labels
        ]
        # cut as the platform cuts a posting's sentences before the model (`condensed`)
        parts = embed_cached([condensed(title), *(condensed(duty) for duty in duties)])
        vectors.append(_unit(2 * parts[0] + parts[1:].mean(axis=0)))
        posting_texts.append(" ".join([title, *duties]))
        postings.append(
            PostingRecord(
                id=f"p{code}",
                noc=code,
                min_years_experience=1,
                required_skills=tuple(skills[:6]),
                nice_skills=tuple(skills[6:9]),
            )
        )
    postings = [replace(p, vector=v) for p, v in zip(postings, vectors, strict=True)]

    uris = sorted(cat.occupations)
    if quick:
        relevant = [u for u in uris if set(cat.esco_to_noc.get(u, {})) & set(codes)]
        others = [u for u in uris if u not in set(relevant)]
        uris = sorted(relevant + rng.sample(others, min(len(others), 600)))
    candidates, texts, truth, cvectors = [], [], [], []
    titles = []
    for uri in uris:
        lang = "fr" if rng.random() < 0.5 else "en"
        titles.append(cat.occupations[uri].get(lang) or cat.occupations[uri]["en"])
    title_vectors = embed_cached(titles)
    nearest = np.argmax(title_vectors @ norm_vectors.T, axis=1)
    for i, uri in enumerate(uris):
        lang = "fr" if _lang_of(titles[i], cat.occupations[uri]) == "fr" else "en"
        essential = [s for s in cat.essential.get(uri, []) if s in cat.skill_labels]
        optional = [s for s in cat.optional.get(uri, []) if s in cat.skill_labels]
        keep = rng.sample(essential, k=min(len(essential), max(3, len(essential) // 2)))
        keep += rng.sample(optional, k=min(2, len(optional)))
        skills = tuple(
            Skill(cat.skill_labels[s].get(lang) or cat.skill_labels[s]["en"], s) for s in keep
        )
        code = norm_codes[int(nearest[i])]
        skill_vectors = embed_cached([s.label for s in skills[:8]]) if skills else None
        vector = 2 * title_vectors[i]
        if skill_vectors is not None:
            vector = vector + skill_vectors.mean(axis=0)
        cvectors.append(_unit(vector))
        texts.append(titles[i] + ". " + ", ".join(s.label for s in skills))
        truth.append(cat.esco_to_noc.get(uri, {}))
        candidates.append(
            CandidateRecord(
                id=i,
                admission_date=date(2024, 1, 15),
                immigration_status="permanent_resident",
                is_verified=True,
                desired_occupations=(code,),
                experiences=(Experience(rng.randint(12, 120), code),),
                education_level=rng.randint(1, 5),
                skills=skills,
                french=LanguageLevels.uniform(rng.randint(5, 12)),
            )
        )
    candidates = [replace(c, vector=v) for c, v in zip(candidates, cvectors, strict=True)]
    taxonomy = Taxonomy(noc_codes=frozenset(cat.noc_names), related_nocs=cat.related_nocs())
    tune = {c for c in codes if _is_tuning(c)}
    return Evaluation(postings, posting_texts, candidates, texts, truth, tune, taxonomy)


def _lang_of(title: str, labels: dict[str, str]) -> str:
    return "fr" if title == labels.get("fr") else "en"


def grade(posting: PostingRecord, truth: dict[str, float]) -> int:
    if posting.noc in truth:
        return 2
    if any(code[:4] == posting.noc[:4] for code in truth):  # type: ignore[index]
        return 1
    return 0


def metrics(ranked: list[int], grades: np.ndarray) -> tuple[float, float, float]:
    """NDCG@10 (gains 2^g − 1), recall@50 and MRR of the grade-2 candidates."""
    gains = [(2 ** int(grades[i]) - 1) for i in ranked[:10]]
    dcg = sum(g / math.log2(r + 2) for r, g in enumerate(gains))
    ideal = sorted((2 ** int(g) - 1 for g in grades), reverse=True)[:10]
    idcg = sum(g / math.log2(r + 2) for r, g in enumerate(ideal))
    relevant = set(np.flatnonzero(grades == 2).tolist())
    recall = len(relevant & set(ranked[:50])) / len(relevant)
    mrr = next((1 / (r + 1) for r, i in enumerate(ranked) if i in relevant), 0.0)
    return (dcg / idcg if idcg else 0.0), recall, mrr


def _mean(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    values = np.array(rows)
    return {
        "ndcg_at_10": round(float(values[:, 0].mean()), 4),
        "recall_at_50": round(float(values[:, 1].mean()), 4),
        "mrr": round(float(values[:, 2].mean()), 4),
    }


def _top(scores: np.ndarray, k: int = 100) -> list[int]:
    order = np.lexsort((np.arange(len(scores)), -scores))
    return order[:k].tolist()


def policy_weights(policy: Policy) -> dict[str, float]:
    return {
        str(f): round(w, 4)
        for f, w in {**policy.requirement_weights, **policy.preference_weights}.items()
    }


def search_policy(
    objective: Callable[[Policy], float], start: Policy, version: str, *, rounds: int
) -> tuple[Policy, int]:
    """Coordinate search of the factor weights (× 0, 0.5, 1.5, 2.5) and the reciprocity that
    maximises `objective` (computed on tuning rows only). Returns the best policy and how many
    were tried."""
    best, best_quality, tried = replace(start, version=version), objective(start), 1
    names = [str(f) for f in (*best.requirement_weights, *best.preference_weights)]
    for _round in range(rounds):
        for name in names:
            current = {**best.requirement_weights, **best.preference_weights}[Factor(name)]
            for factor in (0.0, 0.5, 1.5, 2.5):
                candidate = best.with_weights(version, **{name: round(current * factor, 4)})
                quality, tried = objective(candidate), tried + 1
                if quality > best_quality + 1e-6:
                    best, best_quality = candidate, quality
        for rho in (0.1, 0.2, 0.3, 0.4):
            candidate = replace(best, reciprocity=rho)
            quality, tried = objective(candidate), tried + 1
            if quality > best_quality + 1e-6:
                best, best_quality = candidate, quality
    return best, tried


def evaluate(
    ev: Evaluation,
    *,
    quick: bool,
    gold_objective: Callable[[Policy], float] | None = None,
) -> tuple[dict[str, object], dict[str, object]]:
    """Every method on the held-out postings. With `gold_objective` (the gold set's tuning
    objective), also searches the policy that ships: the best for both tuning parts together.
    Returns the results and the alternatives to evaluate on the gold set too."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    started = time.perf_counter()
    grades = np.array([[grade(p, t) for t in ev.candidate_truth] for p in ev.postings])
    usable = [i for i in range(len(ev.postings)) if (grades[i] == 2).any()]
    held_out = [i for i in usable if ev.postings[i].noc not in ev.tune]
    tuning = [i for i in usable if ev.postings[i].noc in ev.tune]

    tfidf = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
    matrix = tfidf.fit_transform(ev.candidate_texts + ev.posting_texts)
    cand_m, post_m = matrix[: len(ev.candidate_texts)], matrix[len(ev.candidate_texts) :]

    def tfidf_rank(i: int) -> list[int]:
        return _top((cand_m @ post_m[i].T).toarray().ravel())

    cand_skills = [frozenset(s.esco_uri for s in c.skills) for c in ev.candidates]

    def overlap_rank(i: int) -> list[int]:
        wanted = [s.esco_uri for s in ev.postings[i].required_skills]
        scores = np.array([sum(w in have for w in wanted) / len(wanted) for have in cand_skills])
        return _top(scores)

    def engine_for(policy: Policy, ranker=None) -> MatchingEngine:
        engine = MatchingEngine(
            dims=ev.candidates[0].vector.shape[0],  # type: ignore[union-attr]
            taxonomy=ev.taxonomy,
            policy=policy,
            ranker=ranker,
        )
        engine.upsert(ev.candidates)
        return engine

    def engine_rank(engine: MatchingEngine, i: int) -> list[int]:
        found = engine.candidates_for_posting(ev.postings[i], today=TODAY, k=100, shortlist=300)
        return [int(r.candidate_id) for r in found]

    # Tuning, on the tuning postings only: the shortlist's factors are computed once, then the
    # policy's weights are searched coordinate by coordinate (vectorised scoring).
    engine = engine_for(DEFAULT_POLICY)
    shortlists = []
    for i in tuning:
        rows, _plan = engine.retrieve(ev.postings[i], today=TODAY, shortlist=300)
        values = [
            all_factors(
                ev.candidates[r], ev.postings[i], taxonomy=ev.taxonomy, policy=DEFAULT_POLICY
            )
            for r in rows.tolist()
        ]
        features = np.stack([feature_vector(v) for v in values])
        applies = np.array([v.applies for v in values[0]])
        shortlists.append((i, rows, features, applies))

    def tuning_quality(policy: Policy) -> float:
        rows_metrics = []
        for i, rows, features, applies in shortlists:
            scores = policy_scores(features, applies, policy)
            ranked = rows[np.lexsort((rows, -scores))].tolist()
            rows_metrics.append(metrics(ranked, grades[i]))
        return float(np.mean(rows_metrics, axis=0).sum())

    best, tried = search_policy(
        tuning_quality, HAND_SET_POLICY, "policy-tuned", rounds=1 if quick else 2
    )
    tuned = {
        "hand_set_quality_sum": round(tuning_quality(HAND_SET_POLICY), 4),
        "shipped_quality_sum": round(tuning_quality(DEFAULT_POLICY), 4),
        "tuned_quality_sum": round(tuning_quality(best), 4),
        "policies_tried": tried,
        "weights": policy_weights(best),
        "reciprocity": best.reciprocity,
    }

    # The learned ranker: trained on the tuning postings' shortlists, graded by the truth.
    ranker, report = train_ranker(
        np.concatenate([f for _i, _r, f, _a in shortlists]),
        np.concatenate([grades[i][rows] for i, rows, _f, _a in shortlists]),
        [len(rows) for _i, rows, _f, _a in shortlists],
        seed=SEED,
        min_labels=200,
        min_groups=5,
    )
    engine = engine_for(best)

    shipped_search = None
    if gold_objective is not None:
        # Both tuning parts count alike: each objective divided by its number of terms.
        def both(policy: Policy) -> float:
            return tuning_quality(policy) / 3 + gold_objective(policy) / 8

        found, tried_both = search_policy(both, HAND_SET_POLICY, DEFAULT_POLICY.version, rounds=2)
        shipped_search = {
            "weights": policy_weights(found),
            "reciprocity": found.reciprocity,
            "policies_tried": tried_both,
            "objective_found": round(both(found), 4),
            "objective_shipped": round(both(DEFAULT_POLICY), 4),
            "objective_hand_set": round(both(HAND_SET_POLICY), 4),
        }

    default_engine = engine_for(DEFAULT_POLICY)
    hand_set_engine = engine_for(HAND_SET_POLICY)
    results: dict[str, object] = {
        "engine": _mean([metrics(engine_rank(engine, i), grades[i]) for i in held_out]),
        "engine_default_policy": _mean(
            [metrics(engine_rank(default_engine, i), grades[i]) for i in held_out]
        ),
        "engine_hand_set_policy": _mean(
            [metrics(engine_rank(hand_set_engine, i), grades[i]) for i in held_out]
        ),
        "tfidf": _mean([metrics(tfidf_rank(i), grades[i]) for i in held_out]),
        "skill_overlap": _mean([metrics(overlap_rank(i), grades[i]) for i in held_out]),
    }
    if ranker is not None:
        learned = engine_for(best, ranker)
        results["engine_learned"] = _mean(
            [metrics(engine_rank(learned, i), grades[i]) for i in held_out]
        )
    results["setup"] = {
        "quick": quick,
        "postings_held_out": len(held_out),
        "postings_tuning": len(tuning),
        "candidates": len(ev.candidates),
        "engine_policy": best.version,
        "engine_default_policy": DEFAULT_POLICY.version,
        "default_policy_weights": policy_weights(DEFAULT_POLICY),
        "policy_tuning": tuned,
        "shipped_policy_search": shipped_search,
        "learned_ranker": {
            "trained": report.is_trained,
            "labels": report.labels,
            "version": None if ranker is None else ranker.version,
            "why_not": report.why_not,
        },
        "seed": SEED,
        "seconds": round(time.perf_counter() - started, 1),
    }
    return results, {"policy-tuned": best, "learned": (best, ranker) if ranker else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller evaluation (< 1 minute)")
    parser.add_argument(
        "--tune-shipped",
        action="store_true",
        help="also search the policy that ships on both tuning parts (its weights are printed "
        "and go to matchcore/engine/policy.py by hand)",
    )
    args = parser.parse_args()
    run = provenance.start("matching_quality", quick=args.quick)
    started = time.perf_counter()
    setup_django()
    gold = load_gold()
    records = gold_records(gold, use_cache=args.quick)
    table = pair_features(records, DEFAULT_POLICY)
    gold_objective = None
    if args.tune_shipped:
        tune = gold.split("tune")

        def gold_objective(policy: Policy) -> float:
            return tuning_objective(gold, table, policy, tune)

    evaluation = build_evaluation(load_catalog(), quick=args.quick)
    save_embeddings()
    results, alternatives = evaluate(evaluation, quick=args.quick, gold_objective=gold_objective)
    results["gold"] = gold_report(gold, records, table, alternatives, seed=SEED)
    results["setup"]["total_seconds"] = round(time.perf_counter() - started, 1)  # type: ignore[index]
    run.write(results)
    print(f"{'method':<16}{'NDCG@10':>10}{'recall@50':>11}{'MRR':>8}")
    for method in (
        "engine",
        "engine_default_policy",
        "engine_hand_set_policy",
        "engine_learned",
        "tfidf",
        "skill_overlap",
    ):
        if method in results:
            row = results[method]
            print(
                f"{method:<16}{row['ndcg_at_10']:>10.3f}{row['recall_at_50']:>11.3f}{row['mrr']:>8.3f}"  # type: ignore[index]
            )
    print(json.dumps(results["setup"], indent=2))
    print_table(results["gold"]["table"])  # type: ignore[index]


if __name__ == "__main__":
    main()
