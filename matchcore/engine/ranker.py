"""Learning to rank from decisions: LightGBM's lambdarank re-weights the factors once enough
labelled pairs exist; until then (or when training fails its checks) the hand-set policy scores.

Labels are graded decisions on proposed pairs, grouped by posting (maillage.matching maps
advisors' and employers' decisions to grades). Every feature is constrained to be monotone
increasing, so a candidate who gains a skill never loses score under a learned model either.
A model is identified by the hash of its text: the version stored with each score.
"""

import hashlib
import math
from dataclasses import dataclass, field

import numpy as np

from matchcore.engine.contracts import ALL_FACTORS

FEATURE_NAMES = [str(factor) for factor in ALL_FACTORS]


@dataclass(frozen=True)
class TrainingReport:
    labels: int
    groups: int
    is_trained: bool
    why_not: str = ""


@dataclass(frozen=True)
class Ranker:
    """A trained model; `explain` gives 0–100 scores and each factor's points (SHAP values mapped
    through the same squashing as the score, so base + points = score)."""

    model_text: str
    center: float
    scale: float
    labels: int
    importance: dict[str, float] = field(default_factory=dict)

    @property
    def version(self) -> str:
        digest = hashlib.sha1(self.model_text.encode()).hexdigest()[:10]
        return f"ltr-{digest}"

    def _booster(self):
        booster = _BOOSTERS.get(self.version)
        if booster is None:
            import lightgbm

            booster = lightgbm.Booster(model_str=self.model_text)
            _BOOSTERS[self.version] = booster
        return booster

    def _squash(self, raw: np.ndarray) -> np.ndarray:
        return 100.0 / (1.0 + np.exp(-(raw - self.center) / self.scale))

    def scores(self, features: np.ndarray) -> np.ndarray:
        raw = self._booster().predict(features, raw_score=True, num_threads=1)
        return self._squash(np.asarray(raw, dtype=np.float64))

    def explain(self, features: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        contrib = np.asarray(
            self._booster().predict(features, pred_contrib=True, num_threads=1), dtype=np.float64
        )
        bias, parts = contrib[:, -1], contrib[:, :-1]
        raw = bias + parts.sum(axis=1)
        scores = self._squash(raw)
        base = self._squash(bias)
        total = parts.sum(axis=1)
        slope = np.where(
            np.abs(total) > 1e-9,
            (scores - base) / np.where(np.abs(total) > 1e-9, total, 1.0),
            scores * (100 - scores) / (100 * self.scale),
        )
        return scores, parts * slope[:, None], base


_BOOSTERS: dict[str, object] = {}


def train_ranker(
    features: np.ndarray,
    grades: np.ndarray,
    group_sizes: list[int],
    *,
    seed: int,
    min_labels: int = 200,
    min_groups: int = 10,
    rounds: int = 150,
) -> tuple[Ranker | None, TrainingReport]:
    """Train on graded pairs grouped by posting (rows of a group are contiguous)."""
    labels, groups = int(len(grades)), len(group_sizes)
    if labels < min_labels or groups < min_groups:
        why = f"{labels} labels in {groups} groups; needs {min_labels} in {min_groups}"
        return None, TrainingReport(labels, groups, False, why)
    if len(set(np.asarray(grades).tolist())) < 2:
        return None, TrainingReport(labels, groups, False, "every label is the same")
    import lightgbm

    params = {
        "objective": "lambdarank",
        "metric": "ndcg",
        "ndcg_eval_at": [10],
        "learning_rate": 0.05,
        "num_leaves": 15,
        "min_data_in_leaf": 20,
        "monotone_constraints": [1] * features.shape[1],
        "monotone_constraints_method": "intermediate",
        "deterministic": True,
        "force_row_wise": True,
        "num_threads": 1,
        "seed": seed,
        "verbose": -1,
    }
    dataset = lightgbm.Dataset(
        features, label=grades, group=group_sizes, feature_name=FEATURE_NAMES
    )
    booster = lightgbm.train(params, dataset, num_boost_round=rounds)
    raw = np.asarray(booster.predict(features, raw_score=True, num_threads=1))
    center = float(np.median(raw))
    scale = float(np.std(raw)) / 1.5 or 1.0
    gains = booster.feature_importance(importance_type="gain")
    total = float(np.sum(gains)) or 1.0
    importance = {name: float(g) / total for name, g in zip(FEATURE_NAMES, gains, strict=True)}
    ranker = Ranker(booster.model_to_string(), center, scale, labels, importance)
    if not math.isfinite(center):
        return None, TrainingReport(labels, groups, False, "non-finite scores")
    return ranker, TrainingReport(labels, groups, True)
