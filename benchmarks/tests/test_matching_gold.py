"""The gold set is complete and the evaluation that mirrors the platform computes."""

import shutil

import numpy as np
import pytest

from benchmarks.matching_gold import (
    GOLD_DIR,
    Rankings,
    build_records,
    evaluate_gold,
    evaluate_rankings,
    load_gold,
    ranking_metrics,
    skill_overlap_scores,
    tfidf_scores,
)
from maillage.candidates.models import CandidateProfile
from maillage.employers.models import JobPosting
from matchcore.engine import DEFAULT_POLICY

SECTORS = {
    "manufacturing",
    "health",
    "transport",
    "food",
    "construction",
    "agriculture",
    "retail",
    "office",
}


def test_gold_set_is_complete_with_its_split_declared():
    gold = load_gold()
    assert len(gold.postings) >= 40 and len(gold.candidates) >= 60
    assert gold.grades.shape == (len(gold.postings), len(gold.candidates))
    assert set(np.unique(gold.grades)) == {0, 1, 2, 3}
    held_out = gold.split("held_out")
    assert len(held_out) * 3 >= len(gold.postings)
    assert len(held_out) + len(gold.split("tune")) == len(gold.postings)
    # Every sector the program serves, each with held-out postings.
    assert {p["sector"] for p in gold.postings} == SECTORS
    assert {gold.postings[i]["sector"] for i in held_out} == SECTORS
    # Some English postings and profiles; profiles carry text, never codes.
    assert any(p["title"].isascii() and "Machinist" in p["title"] for p in gold.postings)
    assert all("noc" not in c and "esco" not in str(c.get("skills")) for c in gold.candidates)


def test_gold_loader_refuses_a_missing_grade_or_split(tmp_path):
    shutil.copytree(GOLD_DIR, tmp_path / "gold")
    grades = tmp_path / "gold" / "grades.toml"
    grades.write_text(grades.read_text().replace('P01 = "3', 'P01 = "', 1))
    with pytest.raises(ValueError, match="P01"):
        load_gold(tmp_path / "gold")
    shutil.copy(GOLD_DIR / "grades.toml", grades)
    postings = tmp_path / "gold" / "postings.toml"
    postings.write_text(postings.read_text().replace('split = "tune"', 'split = "?"', 1))
    with pytest.raises(ValueError, match="split"):
        load_gold(tmp_path / "gold")


def test_ranking_metrics_reward_the_approved_first():
    grades = np.array([0, 3, 2, 0, 1])
    best = ranking_metrics([1, 2, 4, 0, 3], grades, top=2)
    worst = ranking_metrics([0, 3, 4, 2, 1], grades, top=2)
    assert best == {"ndcg_at_10": 1.0, "recall_at_2": 1.0, "recall_at_50": 1.0, "mrr": 1.0}
    assert worst["ndcg_at_10"] < 0.5 and worst["recall_at_2"] == 0 and worst["mrr"] == 0.25


def test_both_directions_and_reciprocal_from_rankings():
    gold = load_gold().subset(["P01", "P08"], ["C01", "C11", "C53"])
    perfect = Rankings(
        by_posting={0: [0, 1, 2], 1: [1, 0, 2]}, by_candidate={0: [0, 1], 1: [1, 0], 2: [0, 1]}
    )
    result = evaluate_rankings(gold, perfect, [0, 1])
    assert result["posting_to_candidates"]["mrr"] == 1.0
    assert result["candidate_to_postings"]["candidates"] == 2  # C53 has no approved posting
    assert result["reciprocal"] == {"mutual_recall": 1.0, "mrr": 1.0, "approved_pairs": 2}


@pytest.mark.django_db
def test_evaluation_on_a_slice_builds_records_with_the_platform_code_and_leaves_nothing():
    gold = load_gold().subset(
        ["P01", "P02", "P08", "P09"], ["C01", "C02", "C03", "C10", "C11", "C53"]
    )
    profiles, postings = CandidateProfile.objects.count(), JobPosting.objects.count()
    records = build_records(gold)
    # Rolled back: nothing of the gold set stays in the database.
    assert (CandidateProfile.objects.count(), JobPosting.objects.count()) == (profiles, postings)
    # The title normaliser found the welders' and the care aides' occupations from the titles.
    assert (
        records.postings[0].noc == "72106" and records.candidates[0].experiences[0].noc == "72106"
    )
    assert records.postings[2].noc == records.postings[3].noc == "33102"
    assert any(s.esco_uri for s in records.candidates[0].skills)
    assert records.candidates[0].vector is not None
    table = evaluate_gold(
        gold,
        records,
        {
            "engine_default_policy": DEFAULT_POLICY,
            "tfidf": tfidf_scores(records),
            "skill_overlap": skill_overlap_scores(records),
        },
    )
    held = table["engine_default_policy"]["held_out"]
    assert held["posting_to_candidates"]["postings"] == 2
    for direction in ("posting_to_candidates", "candidate_to_postings"):
        assert 0 <= held[direction]["ndcg_at_10"] <= 1
    assert table["engine_default_policy"]["approved_pairs_excluded"]["count"] >= 0
    assert set(table["tfidf"]) == {"held_out", "tuning"}


@pytest.mark.django_db
def test_a_licence_the_posting_requires_is_a_must_have_as_the_posting_form_makes_it():
    from benchmarks.matching_gold import TODAY, make_engine

    gold = load_gold().subset(["P13"], ["C15", "C16"])  # class 1 trucking; C16 has class 5 only
    records = build_records(gold)
    posting = records.postings[0]
    assert [s.label for s in posting.must_haves] == ["Permis de conduire classe 1"]
    results = make_engine(records, DEFAULT_POLICY).score_pairs(
        records.candidates, posting, today=TODAY
    )
    verdict = {r.candidate_id: [str(e.code) for e in r.exclusions] for r in results}
    assert "must_have_missing" not in verdict["C15"]
    assert "must_have_missing" in verdict["C16"]
