"""The title ranking layer's trainer: a conditional logit over each title's candidates."""

import json

import numpy as np

from benchmarks.title_data import example_title_twins
from maillage.taxonomy import language
from maillage.taxonomy.management.commands.train_title_ranking import cross_validated_mrr, fit
from matchcore.language.embedding import embed_texts
from matchcore.language.labels import reusing_vectors


def candidates(seed: int, titles: int = 60):
    """Four candidates per title; the right one has the higher second feature, while the first
    feature (a misleading hand score) favours another one half of the time."""
    rng = np.random.default_rng(seed)
    features, labels, groups = [], [], []
    for title in range(titles):
        right = rng.integers(4)
        decoy = (right + 1) % 4
        for candidate in range(4):
            clue = 1.0 if candidate == right else rng.uniform(0, 0.5)
            hand = 0.9 if candidate == decoy and title % 2 else rng.uniform(0, 0.5)
            features.append((hand, clue))
            labels.append(candidate == right)
            groups.append(title)
    return np.asarray(features), np.asarray(labels), np.asarray(groups)


def test_the_layer_learns_which_signal_points_to_the_right_concept():
    features, labels, groups = candidates(seed=1)
    coefficients = fit(features, labels, groups, penalty=1e-3)
    assert coefficients[1] > 0 and coefficients[1] > coefficients[0]
    test, right, _ = candidates(seed=2)
    values = (test @ coefficients).reshape(-1, 4)
    assert (values.argmax(axis=1) == right.reshape(-1, 4).argmax(axis=1)).mean() == 1.0


def test_cross_validation_compares_the_hand_score_and_the_layer_on_unseen_folds():
    features, labels, groups = candidates(seed=3)
    scores = cross_validated_mrr(features, labels, groups, seed=7, penalty=1e-3)
    assert scores["trained"] > 0.95 > scores["hand"]


def test_a_stale_trained_file_falls_back_to_the_hand_score(tmp_path, monkeypatch, caplog):
    stale = tmp_path / "title_ranking.json"
    layer = {"features": ["hand", "gone"], "coefficients": [1.0, 2.0]}
    stale.write_text(json.dumps({"noc": layer, "esco": layer}), encoding="utf-8")
    monkeypatch.setattr(language, "TITLE_RANKING_WEIGHTS", stale)
    assert language.trained_title_ranking() == {}
    assert "stale" in caplog.text


def test_a_training_title_s_twin_is_its_translation_in_the_same_group(reference_data):
    embed = reusing_vectors(language.language_tools().titles.index, embed_texts)
    titles = [
        ("72106", "fr", "Braseur-marteleur/braseuse-marteleuse"),
        ("72106", "en", "Iron brazer"),
    ]
    assert example_title_twins(titles, embed) == [
        ("72106", "en", "Brazer and hammerer"),
        ("72106", "fr", "Braseur/braseuse au fer"),
    ]
