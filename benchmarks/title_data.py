"""The held-out job titles of the title benchmark and of the title ranking layer's training.

NOC example titles and ESCO alternative labels, shuffled with one seed, cut into parts that never
overlap: `test` is only ever reported (benchmarks/taxonomy_eval.py); `dev` and `train` may be
learnt from (manage.py train_title_ranking) and tuned on. Every part is left out of the indexes
that rank it, so a title is never found by being one of the labels.
"""

import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from maillage.taxonomy.models import EscoOccupation, NocExampleTitle
from matchcore.language.terms import clean_title

SEED = 7
DEV_TITLES = 1000  # NOC example titles used to tune TitleWeights by hand (not reported)
TEST_TITLES = 2000  # NOC example titles reported
TRAIN_TITLES = 3000  # more NOC example titles for the ranking layer (after dev and test)
ESCO_TEST = 1000  # ESCO alternative labels reported
ESCO_TRAIN = 2000  # ESCO alternative labels for the ranking layer (after the test ones)

TWIN_SIMILARITY = 0.5  # least cosine of a translation pair (below: no twin)

Title = tuple[str, str, str]  # (concept code, language, text)


@dataclass(frozen=True)
class TitleSplits:
    dev: list[Title]
    test: list[Title]
    train: list[Title]  # NOC: dev + TRAIN_TITLES more
    esco_test: list[Title]
    esco_train: list[Title]


def title_splits() -> TitleSplits:
    examples = list(
        NocExampleTitle.objects.order_by("id").values_list("noc_id", "language", "title")
    )
    random.Random(SEED).shuffle(examples)
    dev = examples[:DEV_TITLES]
    test = examples[DEV_TITLES : DEV_TITLES + TEST_TITLES]
    more = examples[DEV_TITLES + TEST_TITLES : DEV_TITLES + TEST_TITLES + TRAIN_TITLES]
    alternatives = [
        (uri, language, text)
        for uri, alt_en, alt_fr in EscoOccupation.objects.order_by("uri").values_list(
            "uri", "alt_labels_en", "alt_labels_fr"
        )
        for language, texts in (("en", alt_en), ("fr", alt_fr))
        for text in texts.splitlines()
    ]
    random.Random(SEED).shuffle(alternatives)
    return TitleSplits(
        dev=dev,
        test=test,
        train=dev + more,
        esco_test=alternatives[:ESCO_TEST],
        esco_train=alternatives[ESCO_TEST : ESCO_TEST + ESCO_TRAIN],
    )


def example_title_twins(
    titles: Sequence[Title], embed: Callable[[list[str]], np.ndarray]
) -> list[Title]:
    """Each NOC example title's twin: its translation among the same group's example titles in
    the other language, as far as meaning tells (StatCan publishes both lists, unpaired). The
    two lists of a group are paired one to one for the largest total cosine (Hungarian
    assignment); a pair below TWIN_SIMILARITY is no twin. A title held out with its twin is new
    in both languages, as a title nobody listed is; with the twin kept, its group is found
    through the other language, and a ranking layer trained so learns to prefer other-language
    labels. (ESCO occupations' labels paired the same way gave the ESCO layer nothing.)"""
    by_group: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"fr": [], "en": []})
    for code, language, title in NocExampleTitle.objects.values_list("noc_id", "language", "title"):
        by_group[code][language].append(title)
    pairs: dict[str, dict[tuple[str, str], Title]] = {}
    twins: list[Title] = []
    for code, language, title in titles:
        if code not in pairs:
            pairs[code] = _translation_pairs(code, by_group[code], embed)
        if twin := pairs[code].get((language, title)):
            twins.append(twin)
    return twins


def _translation_pairs(
    code: str, lists: dict[str, list[str]], embed: Callable[[list[str]], np.ndarray]
) -> dict[tuple[str, str], Title]:
    french, english = lists["fr"], lists["en"]
    if not french or not english:
        return {}
    vectors = np.asarray(embed([clean_title(t) for t in [*french, *english]]), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    similarity = vectors[: len(french)] @ vectors[len(french) :].T
    pairs: dict[tuple[str, str], Title] = {}
    for f, e in zip(*linear_sum_assignment(similarity, maximize=True), strict=True):
        if similarity[f, e] >= TWIN_SIMILARITY:
            pairs["fr", french[f]] = (code, "en", english[e])
            pairs["en", english[e]] = (code, "fr", french[f])
    return pairs
