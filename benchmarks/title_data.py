"""The held-out job titles of the title benchmark and of the title ranking layer's training.

NOC example titles and ESCO alternative labels, shuffled with one seed, cut into parts that never
overlap: `test` is only ever reported (benchmarks/taxonomy_eval.py); `dev` and `train` may be
learnt from (manage.py train_title_ranking) and tuned on. Every part is left out of the indexes
that rank it, so a title is never found by being one of the labels.
"""

import random
from dataclasses import dataclass

from maillage.taxonomy.models import EscoOccupation, NocExampleTitle

SEED = 7
DEV_TITLES = 1000  # NOC example titles used to tune TitleWeights by hand (not reported)
TEST_TITLES = 2000  # NOC example titles reported
TRAIN_TITLES = 3000  # more NOC example titles for the ranking layer (after dev and test)
ESCO_TEST = 1000  # ESCO alternative labels reported
ESCO_TRAIN = 2000  # ESCO alternative labels for the ranking layer (after the test ones)

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
