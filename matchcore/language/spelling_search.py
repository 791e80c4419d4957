"""Fast search by spelling over a CharNgramIndex, for one short query at a time (a chunk of a
sentence): the same cosine as CharNgramIndex, without scikit-learn's per-call overhead, and
without walking the few very common n-grams ("ing", " de ") over the whole index.

The closest labels are found through the rarer n-grams of the query only (an n-gram that a
thousand labels share says little about which one is meant, and it was most of the work); the
similarity of the labels found is then completed exactly with the common n-grams.
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from matchcore.language.folding import fold
from matchcore.language.labels import top_indices
from matchcore.language.lexical import N_FEATURES, NGRAMS, CharNgramIndex

COMMON_NGRAM_LABELS = 1000  # an n-gram in more labels than this is not searched, only scored


@dataclass(frozen=True)
class SpellingQuery:
    ngrams: np.ndarray  # hashed n-gram numbers
    weights: np.ndarray  # their TF-IDF weights, unit length


class SpellingSearch:
    def __init__(self, index: CharNgramIndex, *, common: int = COMMON_NGRAM_LABELS):
        matrix = index.by_ngram
        if not matrix.has_sorted_indices:
            matrix = matrix.sorted_indices()
        self.indptr = np.asarray(matrix.indptr)
        self.indices = matrix.indices
        self.data = matrix.data
        self.idf = index.idf
        self.size = matrix.shape[1]
        self.common = common

    def query(self, text: str) -> SpellingQuery:
        """The query's n-gram vector, as CharNgramIndex.vectorize would make it."""
        numbers, counts = np.unique(
            np.fromiter(map(_hashed, _char_wb_ngrams(fold(text))), dtype=np.int64),
            return_counts=True,
        )
        weights = counts.astype(np.float32) * self.idf[numbers]
        norm = float(np.linalg.norm(weights))
        return SpellingQuery(numbers, weights / norm if norm else weights)

    def nearest(self, query: SpellingQuery, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The (about) k labels closest by spelling, and the partial similarity of every label
        (rare n-grams only, dense) for similarity() to complete."""
        starts, ends = self.indptr[query.ngrams], self.indptr[query.ngrams + 1]
        rare = (ends - starts) <= self.common
        partial = np.zeros(self.size, dtype=np.float32)
        if rare.any():
            labels = np.concatenate(
                [self.indices[a:b] for a, b in zip(starts[rare], ends[rare], strict=True)]
            )
            values = np.concatenate(
                [
                    self.data[a:b] * w
                    for a, b, w in zip(starts[rare], ends[rare], query.weights[rare], strict=True)
                ]
            )
            partial = np.bincount(labels, weights=values, minlength=self.size).astype(np.float32)
        touched = np.flatnonzero(partial)
        return touched[top_indices(partial[touched], k)], partial

    def similarity(
        self, query: SpellingQuery, partial: np.ndarray, labels: np.ndarray
    ) -> np.ndarray:
        """The exact cosine of the query with each of `labels` (sorted label numbers)."""
        scores = partial[labels].copy()
        starts, ends = self.indptr[query.ngrams], self.indptr[query.ngrams + 1]
        for a, b, weight in zip(starts, ends, query.weights, strict=True):
            if b - a <= self.common:
                continue
            row = self.indices[a:b]
            at = np.minimum(np.searchsorted(row, labels), b - a - 1)
            hit = row[at] == labels
            scores[hit] += weight * self.data[a + at[hit]]
        return scores


def _char_wb_ngrams(text: str) -> list[str]:
    """scikit-learn's "char_wb" analyser: n-grams inside each word padded with one space."""
    low, high = NGRAMS
    grams = []
    for word in text.split():
        padded = f" {word} "
        for n in range(low, high + 1):
            offset = 0
            grams.append(padded[:n])
            while offset + n < len(padded):
                offset += 1
                grams.append(padded[offset : offset + n])
            if offset == 0:  # a word shorter than n counts once
                break
    return grams


@lru_cache(maxsize=100_000)
def _hashed(ngram: str) -> int:
    """scikit-learn's FeatureHasher column for the n-gram (signed MurmurHash3, seed 0)."""
    from sklearn.utils import murmurhash3_32  # lazily: most processes never search

    value = murmurhash3_32(ngram, seed=0)
    if value == -(2**31):
        return (2**31 - 1 - (N_FEATURES - 1)) % N_FEATURES
    return abs(value) % N_FEATURES
