"""The skill ranker's trained weights as the tools load them (data/trained/skill_ranking.json)."""

import json

from maillage.taxonomy import language
from matchcore.language.skill_ranking import FEATURES, RankingWeights


def test_the_committed_weights_are_for_the_ranker_s_features():
    trained = json.loads(language.SKILL_RANKING_WEIGHTS.read_text("utf-8"))
    assert trained["features"] == list(FEATURES)
    assert language.trained_ranking_weights().coefficients == tuple(trained["coefficients"])


def test_weights_of_other_features_give_the_defaults_so_the_trainer_can_run(tmp_path, monkeypatch):
    stale = tmp_path / "skill_ranking.json"
    stale.write_text(
        json.dumps({"features": ["chunk"], "coefficients": [1.0], "intercept": 0.0}), "utf-8"
    )
    monkeypatch.setattr(language, "SKILL_RANKING_WEIGHTS", stale)
    assert language.trained_ranking_weights() == RankingWeights()
