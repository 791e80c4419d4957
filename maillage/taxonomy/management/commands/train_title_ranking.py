"""Train the title normaliser's ranking layer (matchcore.language.titles.TitleRanking) and write
its weights to data/trained/title_ranking.json (small, committed). Part of `make train-language`.

Training titles (benchmarks/title_data.py, seed 7): NOC example titles (the 1,000 dev titles and
3,000 more) for title → NOC, ESCO alternative labels (2,000) for title → ESCO; never the test
titles. They are ranked by a normaliser built without them (nor the test titles), nor the NOC
training titles' twins (their translations among the same group's other-language example titles,
paired one to one by meaning: benchmarks/title_data.example_title_twins), so each one is found as a new title would be, not as one of the
labels nor through its translation. Each candidate concept's FEATURES, labelled
by whether it is the title's own concept, fit a conditional logit per scheme (a softmax over each
title's candidates; scipy's L-BFGS from zeros, deterministic; the seed only draws the
cross-validation folds).
"""

import json
import time

import numpy as np
from django.core.management.base import BaseCommand
from scipy.optimize import minimize

from benchmarks.title_data import example_title_twins, title_splits
from maillage.core.progress import progress
from maillage.taxonomy.language import (
    TITLE_RANKING_WEIGHTS,
    held_out_title_normalizer,
    language_tools,
    reference_records,
)
from matchcore.language.embedding import embed_texts
from matchcore.language.labels import reusing_vectors
from matchcore.language.terms import clean_title, text_key
from matchcore.language.titles import FEATURES, TitleNormalizer

PENALTY = 1e-3  # L2 on the standardised coefficients, chosen by 5-fold cross-validation


def feature_rows(normalizer: TitleNormalizer, titles, scheme: str):
    """Candidate features, whether each is the right concept, and the title each comes from.
    A title whose concept is not among its candidates teaches nothing and is left out."""
    rows, labels, groups = [], [], []
    for number, (code, _, title) in enumerate(
        progress(titles, description=f"Titles → {scheme}", total=len(titles))
    ):
        found = normalizer.candidates(title, scheme=scheme)
        if found is None:
            continue
        codes = [normalizer.index.concepts[c] for c in found.concepts]
        if code not in codes:
            continue
        rows.append(found.features)
        labels += [c == code for c in codes]
        groups += [number] * len(codes)
    return np.concatenate(rows), np.asarray(labels), np.asarray(groups)


def fit(features: np.ndarray, labels: np.ndarray, groups: np.ndarray, penalty: float):
    """Coefficients of a linear score whose softmax over each title's candidates gives the right
    concept the most probability (a conditional logit, L2 `penalty`, L-BFGS from zeros: the same
    rows give the same weights). Features are standardised for the fit; the coefficients returned
    apply to raw features."""
    mean, scale = features.mean(axis=0), features.std(axis=0) + 1e-9
    standard = (features - mean) / scale
    _, title = np.unique(groups, return_inverse=True)
    titles = int(title.max()) + 1

    def loss(weights: np.ndarray):
        logits = standard @ weights
        top = np.full(titles, -np.inf)
        np.maximum.at(top, title, logits)
        exp = np.exp(logits - top[title])
        total = np.zeros(titles)
        np.add.at(total, title, exp)
        probability = exp / total[title]
        value = -np.log(probability[labels] + 1e-12).sum() / titles + penalty * weights @ weights
        gradient = standard.T @ (probability - labels) / titles + 2 * penalty * weights
        return value, gradient

    weights = minimize(loss, np.zeros(features.shape[1]), jac=True, method="L-BFGS-B").x
    return weights / scale


def cross_validated_mrr(features, labels, groups, seed: int, penalty: float, folds: int = 5):
    """MRR of the right concept among the candidates (titles that have it there), hand-set score
    vs the layer, each title scored by a layer fit on the other folds."""
    titles = np.unique(groups)
    fold_of = dict(
        zip(titles, np.random.default_rng(seed).permutation(len(titles)) % folds, strict=True)
    )
    fold = np.asarray([fold_of[g] for g in groups])
    learnt = np.zeros(len(labels))
    for k in range(folds):
        train = fold != k
        learnt[~train] = features[~train] @ fit(
            features[train], labels[train], groups[train], penalty
        )

    def mrr(scores: np.ndarray) -> float:
        total = 0.0
        for title in titles:
            rows = groups == title
            right = scores[rows][labels[rows]].max()
            total += 1.0 / (1 + int((scores[rows] > right).sum()))
        return round(total / len(titles), 4)

    return {"hand": mrr(features[:, 0]), "trained": mrr(learnt)}


class Command(BaseCommand):
    help = "Train the title ranking layer; write data/trained/title_ranking.json."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--penalty", type=float, default=PENALTY)
        parser.add_argument(
            "--keep-twins",
            action="store_true",
            help="Leave the training titles' other-language twins in the index (as before).",
        )

    def handle(self, *args, seed: int, penalty: float, keep_twins: bool, **options):
        started = time.perf_counter()
        splits = title_splits()
        twins = (
            []
            if keep_twins
            else example_title_twins(
                splits.train, reusing_vectors(language_tools().titles.index, embed_texts)
            )
        )
        held_out = frozenset(
            text_key(clean_title(t))
            for _, _, t in [
                *splits.train,
                *twins,
                *splits.test,
                *splits.esco_test,
                *splits.esco_train,
            ]
        )
        normalizer = held_out_title_normalizer(reference_records(held_out=held_out))
        # Trained on the titles as written: the spelling variant is for people's typos. With it
        # (it also fires on a held-out title's rare words) the layer moved a little, the held-out
        # figures stayed, and the occupation picker lost 6 of its 90 everyday words top-1.
        normalizer.correct_spelling = False
        trained: dict = {"seed": seed, "penalty": penalty, "twins_held_out": len(twins)}
        for scheme, titles in (("noc", splits.train), ("esco", splits.esco_train)):
            features, labels, groups = feature_rows(normalizer, titles, scheme)
            coefficients = fit(features, labels, groups, penalty)
            validation = cross_validated_mrr(features, labels, groups, seed, penalty)
            self.stdout.write(f"{scheme}: 5-fold MRR among candidates {validation}")
            trained[scheme] = {
                "features": list(FEATURES),
                "coefficients": [round(float(c), 6) for c in coefficients],
                "titles": len(titles),
                "titles_with_their_concept_among_candidates": int(len(set(groups))),
                "candidates": int(len(labels)),
                "cross_validated_mrr_among_candidates": validation,
            }
        trained["seconds"] = round(time.perf_counter() - started)
        TITLE_RANKING_WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
        TITLE_RANKING_WEIGHTS.write_text(json.dumps(trained, indent=2) + "\n", encoding="utf-8")
        self.stdout.write(json.dumps(trained))
