"""Skill linking as ranking (SkillRanker) on a small taxonomy with the real multilingual embedding."""

import numpy as np
import pytest

from matchcore.language.skill_ranking import FEATURES, RankingWeights, SkillRanker
from matchcore.language.skills import SkillExtractor
from matchcore.tests import language_taxonomy as t

ORDERS = "http://data.europa.eu/esco/skill/orders"
SKILL_LABELS = [
    *t.SKILL_LABELS,
    t.r(ORDERS, "manage orders", "en"),
    t.r(ORDERS, "gérer les commandes", "fr"),
]


@pytest.fixture(scope="module")
def ranker() -> SkillRanker:
    counts = {t.TEAMWORK: 2, t.WELD_MIG: 1, t.FORKLIFT: 1}
    return SkillRanker(SkillExtractor.build(SKILL_LABELS), occupation_counts=counts)


def test_skills_are_ranked_best_first_with_spans_into_the_text(ranker):
    text = "Maîtrise du soudage MIG et lecture de plans"
    ranked = ranker.rank(text, top=5)
    assert [s.uri for s in ranked[:2]] == [t.WELD_MIG, t.READ_BLUEPRINTS] or [
        s.uri for s in ranked[:2]
    ] == [t.READ_BLUEPRINTS, t.WELD_MIG]
    scores = [s.score for s in ranked]
    assert scores == sorted(scores, reverse=True)
    for skill in ranked:
        if skill.start is not None:
            assert text[skill.start : skill.end] == skill.text
    assert ranked[0].label in {
        "réaliser des tâches de soudage au gaz inerte",
        "lire des plans standard",
    }


def test_a_skill_implied_without_being_named_is_ranked(ranker):
    ranked = ranker.rank("Vous assurerez le suivi des commandes des clients.", top=3)
    assert ORDERS in [s.uri for s in ranked]


def test_the_same_skill_scores_alike_in_french_and_english(ranker):
    french = ranker.rank("Conduite de chariot élévateur", top=1)[0]
    english = ranker.rank("Forklift driving", top=1)[0]
    assert french.uri == english.uri == t.FORKLIFT
    assert abs(french.score - english.score) < 0.25


def test_min_score_cuts_and_empty_text_gives_nothing(ranker):
    everything = ranker.rank("travail d'équipe, anglais et Excel", top=9)
    cut = ranker.rank("travail d'équipe, anglais et Excel", top=9, min_score=0.5)
    assert all(s.score >= 0.5 for s in cut)
    assert len(cut) < len(everything)
    assert ranker.rank("", top=5) == []


def test_trained_weights_must_match_the_features():
    trained = {"features": list(FEATURES), "coefficients": [1.0] * len(FEATURES), "intercept": -2}
    assert RankingWeights.from_trained(trained).intercept == -2.0
    with pytest.raises(ValueError, match="train-language"):
        RankingWeights.from_trained({**trained, "features": ["other"]})


def test_scores_are_probabilities(ranker):
    features = np.zeros((3, len(FEATURES)), dtype=np.float32)
    features[1, 0] = 1.0
    scores = ranker.score(features)
    assert np.all((scores > 0) & (scores < 1)) and scores[1] > scores[0]


def test_the_spelling_search_gives_the_index_cosine_exactly():
    from matchcore.language.lexical import CharNgramIndex
    from matchcore.language.spelling_search import SpellingSearch

    labels = ["soudage MIG", "lecture de plans", "gestion des stocks", "travail d'équipe"] * 3
    index = CharNgramIndex.build(labels + ["de la des les"] * 5)
    search = SpellingSearch(
        index, common=4
    )  # « de », « des » are common here: scored, not searched
    for text in ("soudage TIG", "lecture des plans", "gestion de stock", "Équipe"):
        expected = (index.vectorize([text]) @ index.by_ngram).toarray().ravel()
        query = search.query(text)
        nearest, partial = search.nearest(query, 3)
        every = np.arange(len(expected))
        assert np.allclose(search.similarity(query, partial, every), expected, atol=1e-5)
        assert expected[nearest].min() > 0


def test_the_calibration_of_the_text_language_is_applied(ranker):
    trained = {
        "features": list(FEATURES),
        "coefficients": list(ranker.weights.coefficients),
        "intercept": ranker.weights.intercept,
        "calibration": {"fr": [1.0, 3.0], "en": [1.0, -3.0]},
    }
    calibrated = SkillRanker(
        ranker.extractor, occupation_counts={}, weights=RankingWeights.from_trained(trained)
    )
    plain = SkillRanker(ranker.extractor, occupation_counts={}, weights=ranker.weights)
    french, english = "Conduite de chariot élévateur", "Forklift driving"
    assert calibrated.rank(french, top=1)[0].score > plain.rank(french, top=1)[0].score
    assert calibrated.rank(english, top=1)[0].score < plain.rank(english, top=1)[0].score


def test_a_skill_whose_label_words_are_all_in_the_text_is_covered_and_a_wider_one_is_not(ranker):
    concepts, features, _ = ranker.features("You manage the inventory and the team.")
    coverage = {
        ranker.index.concepts[c]: float(row[FEATURES.index("coverage")])
        for c, row in zip(concepts, features, strict=True)
    }
    assert coverage[t.STOCK] == 1.0  # "manage inventory"
    assert coverage.get(t.VITAL_SIGNS, 0.0) < 0.5  # "monitor patient's vital signs"
