"""The character n-gram search's dense scores are the sparse product's, bit for bit: titles and
skills are ranked, and their ties broken, on these exact numbers."""

import numpy as np
import pytest

from matchcore.language.lexical import CharNgramIndex

TEXTS = [
    "préposé aux bénéficiaires",
    "préposée aux bénéficiaires",
    "infirmière auxiliaire",
    "infirmière autorisée",
    "camionneur classe 1",
    "chauffeur de camion",
    "commis d'entrepôt",
    "opérateur de chariot élévateur",
    "welder",
    "soudeur-monteur",
    "cashier",
    "caissière",
    "x",  # shorter than any n-gram
]


@pytest.fixture(scope="module")
def index() -> CharNgramIndex:
    return CharNgramIndex.build(TEXTS)


@pytest.mark.parametrize(
    "queries",
    [
        ["preposes aux beneficiaires"],
        ["PAB", "préposé aux bénéficiaires", "beneficiary attendant"],
        ["infirmiere auxilaire", "auxiliaire infirmière"],  # typo, word order
        ["zzzz qqqq"],  # no n-gram shared with any text
        ["a", ""],  # nothing to cut into n-grams
        ["soudeur", "welder", "soudeuse", "camion", "caissier"],
    ],
)
def test_dense_scores_are_the_sparse_products_maximum(
    index: CharNgramIndex, queries: list[str]
) -> None:
    sparse = index.vectorize(queries) @ index.by_ngram
    expected = np.asarray(sparse.max(axis=0).todense()).ravel()
    found = index.scores(queries)
    assert found.dtype == expected.dtype
    assert np.array_equal(found, expected)


def test_the_closest_text_comes_first(index: CharNgramIndex) -> None:
    scores = index.scores(["preposee aux beneficiaires"])
    assert TEXTS[int(np.argmax(scores))] == "préposée aux bénéficiaires"
