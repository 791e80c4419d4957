"""Character n-gram TF-IDF search: the lexical signal, robust to typos, accents and word order.

Texts are folded first (fold()), cut into 3–5 character n-grams within words, hashed (no
vocabulary to keep), weighted by inverse document frequency and compared by cosine. The matrix is
stored transposed (n-gram → texts), so a query only touches the texts that share its n-grams.
"""

from functools import cache
from itertools import pairwise

import numpy as np
import scipy.sparse as sp

from matchcore.language.folding import fold

N_FEATURES = 2**20
NGRAMS = (3, 5)


@cache
def _vectorizer():
    # Imported on first use: scikit-learn takes a second to import, and most processes that
    # import this module (every Django process, through the URLs) never search.
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer="char_wb",
        ngram_range=NGRAMS,
        n_features=N_FEATURES,
        alternate_sign=False,
        norm=None,
        lowercase=False,
        dtype=np.float32,
    )


class CharNgramIndex:
    def __init__(self, *, by_ngram: sp.csr_matrix, idf: np.ndarray):
        self.by_ngram = by_ngram  # n_features × n_texts, unit-length columns
        self.idf = idf  # n_features

    @classmethod
    def build(cls, texts: list[str]) -> "CharNgramIndex":
        counts = _vectorizer().transform([fold(text) for text in texts]).tocsr()
        document_frequency = np.bincount(counts.indices, minlength=N_FEATURES)
        idf = (np.log((1 + len(texts)) / (1 + document_frequency)) + 1).astype(np.float32)
        weighted = _unit_rows(counts.multiply(idf).tocsr())
        return cls(by_ngram=weighted.T.tocsr(), idf=idf)

    def vectorize(self, texts: list[str]) -> sp.csr_matrix:
        return _unit_rows(
            _vectorizer().transform([fold(text) for text in texts]).multiply(self.idf).tocsr()
        )

    def scores(self, queries: list[str]) -> np.ndarray:
        """The best cosine of the queries with each indexed text (dense, one float per text).

        The same numbers as `(self.vectorize(queries) @ self.by_ngram).max(axis=0)`, bit for bit,
        without scipy's two passes and sparse result (half the time of a title's search): each
        query's n-gram weights are made as `vectorize` makes them, then its texts' n-gram rows
        are added into one dense row in the order scipy's product adds them (the query's n-grams
        last to first: `_unit_rows` reverses each row), in float32."""
        counts = _vectorizer().transform([fold(text) for text in queries]).tocsr()
        matrix = self.by_ngram
        weights = counts.data * self.idf[counts.indices]
        squares = weights * weights
        norms = np.zeros(len(queries), dtype=squares.dtype)
        filled = np.flatnonzero(np.diff(counts.indptr))
        if len(filled):  # as scipy's sum(axis=1) of a CSR matrix: add.reduceat over each row
            norms[filled] = np.add.reduceat(squares, counts.indptr[:-1][filled])
        norms = np.sqrt(norms)
        norms[norms == 0] = 1.0
        weights *= np.repeat((1.0 / norms).astype(np.float32), np.diff(counts.indptr))
        dtype = np.result_type(weights, matrix.data)
        best = np.zeros(matrix.shape[1], dtype=dtype)
        # plain arrays (the saved ones are memory maps, slower to slice)
        indptr, indices, data = (
            np.asarray(a) for a in (matrix.indptr, matrix.indices, matrix.data)
        )
        rows = counts.indptr.tolist()
        for start, end in pairwise(rows):
            ngrams = counts.indices[start:end][::-1]
            first, last = indptr[ngrams].tolist(), indptr[ngrams + 1].tolist()
            if first == last:  # no n-gram, or none of the indexed texts'
                continue
            texts = np.concatenate([indices[a:b] for a, b in zip(first, last, strict=True)])
            terms = np.concatenate(
                [
                    data[a:b] * value
                    for a, b, value in zip(first, last, weights[start:end][::-1], strict=True)
                ]
            )
            sums = np.zeros(matrix.shape[1], dtype=dtype)
            # add.at adds in order, each term rounded as in scipy's sums[j] += v * x
            np.add.at(sums, texts, terms)
            # every sum is positive: the max with the zeros of texts without a shared n-gram is
            # the sparse max's (which counts those zeros)
            np.maximum(best, sums, out=best)
        return best

    def similarity(self, left: list[str], right: list[str]) -> np.ndarray:
        """Cosine of left[i] with right[i], pair by pair."""
        a, b = self.vectorize(left), self.vectorize(right)
        return np.asarray(a.multiply(b).sum(axis=1)).ravel()

    def arrays(self) -> dict[str, np.ndarray]:
        matrix = self.by_ngram
        return {
            "ngram_data": matrix.data,
            "ngram_indices": matrix.indices,
            "ngram_indptr": matrix.indptr,
            "ngram_shape": np.asarray(matrix.shape, dtype=np.int64),
            "idf": self.idf,
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> "CharNgramIndex":
        shape = tuple(int(n) for n in arrays["ngram_shape"])
        matrix = sp.csr_matrix(
            (arrays["ngram_data"], arrays["ngram_indices"], arrays["ngram_indptr"]),
            shape=shape,
            copy=False,
        )
        return cls(by_ngram=matrix, idf=np.asarray(arrays["idf"]))


def _unit_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags((1.0 / norms).astype(np.float32)) @ matrix)
