"""The names of a taxonomy's concepts, searchable by spelling and by meaning.

A `LabelIndex` holds every distinct label (NOC titles and example titles, ESCO preferred and
alternative labels, in French and English), the concepts each one names, a character n-gram index
(spelling) and a matrix of multilingual sentence vectors (meaning). Title normalisation and skill
extraction are both "which concepts have a label close to this text".
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from matchcore.language.embedding import embed_texts
from matchcore.language.lexical import CharNgramIndex
from matchcore.language.terms import Language, clean_title, text_key

LabelKind = Literal["preferred", "alternative", "example"]
KINDS: tuple[LabelKind, ...] = ("preferred", "alternative", "example")
LANGUAGES: tuple[Language, ...] = ("fr", "en")
Embedder = Callable[[list[str]], np.ndarray]
COARSE_DIMENSION = 128


@dataclass(frozen=True)
class LabelRecord:
    """One name of one concept (a NOC code or an ESCO URI)."""

    concept: str
    text: str
    language: Language
    kind: LabelKind = "preferred"


@dataclass(frozen=True)
class Candidates:
    """Labels near a query, with the two similarities computed against all its variants."""

    labels: np.ndarray  # label numbers
    lexical: np.ndarray  # best character n-gram cosine over the query's variants
    semantic: np.ndarray  # best embedding cosine over the query's variants


class LabelIndex:
    def __init__(
        self,
        *,
        texts: list[str],
        keys: list[str],
        concepts: list[str],
        entry_ptr: np.ndarray,
        entry_concept: np.ndarray,
        entry_language: np.ndarray,
        entry_kind: np.ndarray,
        lexical: CharNgramIndex,
        vectors: np.ndarray,
        projection: np.ndarray | None = None,
        coarse: np.ndarray | None = None,
    ):
        self.texts = texts  # one per distinct label (the cleaned text)
        self.keys = keys  # its matching key (terms.text_key)
        self.concepts = concepts  # concept codes, numbered
        # Label i names entries entry_ptr[i]:entry_ptr[i+1]: a concept, a language, a kind.
        self.entry_ptr = entry_ptr
        self.entry_concept = entry_concept
        self.entry_language = entry_language
        self.entry_kind = entry_kind
        self.lexical = lexical
        self.vectors = vectors
        # A first pass over all labels uses their vectors projected on the main directions (a
        # quarter of the size, so four times faster); the candidates are then compared in full.
        if projection is None:
            projection = principal_directions(vectors, COARSE_DIMENSION)
        self.projection = projection
        self.coarse = coarse if coarse is not None else np.ascontiguousarray(vectors @ projection)
        self.concept_number = {code: i for i, code in enumerate(concepts)}

    @classmethod
    def build(
        cls, records: Sequence[LabelRecord], *, embed: Embedder = embed_texts, clean: bool = True
    ) -> "LabelIndex":
        """Group the records by label key, index the distinct labels. `clean` removes gender marks
        from job titles (not wanted for skills, where "/" separates real alternatives)."""
        concepts = sorted({record.concept for record in records})
        concept_number = {code: i for i, code in enumerate(concepts)}
        by_key: dict[str, int] = {}
        texts: list[str] = []
        entries: list[list[tuple[int, int, int]]] = []
        for record in records:
            text = clean_title(record.text) if clean else " ".join(record.text.split())
            key = text_key(text)
            if not key:
                continue
            if key not in by_key:
                by_key[key] = len(texts)
                texts.append(text)
                entries.append([])
            entry = (
                concept_number[record.concept],
                LANGUAGES.index(record.language),
                KINDS.index(record.kind),
            )
            if entry not in entries[by_key[key]]:
                entries[by_key[key]].append(entry)
        sizes = np.fromiter((len(e) for e in entries), dtype=np.int64, count=len(entries))
        flat = np.asarray([entry for group in entries for entry in group], dtype=np.int32).reshape(
            -1, 3
        )
        return cls(
            texts=texts,
            keys=list(by_key),
            concepts=concepts,
            entry_ptr=np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64),
            entry_concept=flat[:, 0].copy(),
            entry_language=flat[:, 1].astype(np.int8),
            entry_kind=flat[:, 2].astype(np.int8),
            lexical=CharNgramIndex.build(texts),
            vectors=_label_vectors(texts, embed),
        )

    def __len__(self) -> int:
        return len(self.texts)

    def entries(self, label: int) -> list[tuple[str, Language, LabelKind]]:
        start, end = self.entry_ptr[label], self.entry_ptr[label + 1]
        return [
            (self.concepts[c], LANGUAGES[lang], KINDS[kind])
            for c, lang, kind in zip(
                self.entry_concept[start:end],
                self.entry_language[start:end],
                self.entry_kind[start:end],
                strict=True,
            )
        ]

    def search(
        self, variants: list[str], vectors: np.ndarray, *, lexical_k: int, semantic_k: int
    ) -> Candidates:
        """The labels among the `lexical_k` closest by spelling and the `semantic_k` closest by
        meaning to the query's variants (whose sentence vectors are `vectors`), with each label's
        best similarity over the variants. One pass over the label vectors: the variants' mean
        finds the candidates, which are then compared with each variant."""
        lexical = self.lexical.scores(variants)
        mean = vectors.mean(axis=0)
        mean /= max(float(np.linalg.norm(mean)), 1e-12)
        nearest = top_indices(self.coarse @ (mean @ self.projection), semantic_k)
        chosen = np.union1d(top_indices(lexical, lexical_k), nearest)
        semantic = np.max(self.vectors[chosen] @ vectors.T, axis=1)
        return Candidates(labels=chosen, lexical=lexical[chosen], semantic=semantic)

    def arrays(self) -> dict[str, np.ndarray]:
        return {
            "entry_ptr": self.entry_ptr,
            "entry_concept": self.entry_concept,
            "entry_language": self.entry_language,
            "entry_kind": self.entry_kind,
            "vectors": self.vectors,
            "projection": self.projection,
            "coarse": self.coarse,
            **self.lexical.arrays(),
        }

    def meta(self) -> dict:
        return {"texts": self.texts, "keys": self.keys, "concepts": self.concepts}

    @classmethod
    def from_saved(cls, arrays: dict[str, np.ndarray], meta: dict) -> "LabelIndex":
        return cls(
            texts=meta["texts"],
            keys=meta["keys"],
            concepts=meta["concepts"],
            entry_ptr=arrays["entry_ptr"],
            entry_concept=arrays["entry_concept"],
            entry_language=arrays["entry_language"],
            entry_kind=arrays["entry_kind"],
            lexical=CharNgramIndex.from_arrays(arrays),
            vectors=arrays["vectors"],
            projection=np.asarray(arrays["projection"]),
            coarse=arrays["coarse"],
        )


def top_indices(scores: np.ndarray, k: int) -> np.ndarray:
    """The indices of the k largest scores, in no order."""
    if k >= len(scores):
        return np.arange(len(scores))
    return np.argpartition(-scores, k)[:k]


def _label_vectors(texts: list[str], embed: Embedder) -> np.ndarray:
    """One unit vector per label. A label with a qualifier after a dash ("Commis d'entrepôt -
    commerce de détail") gets the mean of its full text's and its head's vectors: the sentence
    embedding averages words, and the qualifier would otherwise drown the job itself."""
    vectors = np.asarray(embed(texts), dtype=np.float32)
    qualified = [i for i, text in enumerate(texts) if " - " in text]
    if qualified:
        heads = np.asarray(embed([texts[i].split(" - ")[0] for i in qualified]), dtype=np.float32)
        mixed = vectors[qualified] + heads
        vectors[qualified] = mixed / np.maximum(np.linalg.norm(mixed, axis=1, keepdims=True), 1e-12)
    return vectors


def principal_directions(vectors: np.ndarray, dimension: int) -> np.ndarray:
    """The `dimension` directions that keep most of the vectors' length (dimension_in × dimension):
    inner products of projected vectors approximate the full ones."""
    if len(vectors) == 0:
        return np.eye(vectors.shape[1] if vectors.ndim == 2 else 1, dimension, dtype=np.float32)
    vectors = np.asarray(vectors, dtype=np.float64)
    values, directions = np.linalg.eigh(vectors.T @ vectors)
    order = np.argsort(-values)[:dimension]
    return np.ascontiguousarray(directions[:, order], dtype=np.float32)


def reusing_vectors(index: LabelIndex, embed: Embedder) -> Embedder:
    """An embedder that takes the vectors of `index`'s labels as they are (the embedding is
    deterministic) and embeds only the other texts, so an index of a subset of the same labels
    (the benchmark's and the trainer's held-out indexes) builds in seconds. Labels with a
    qualifier are embedded again: their stored vector is mixed with their head's."""
    known = {text: i for i, text in enumerate(index.texts) if " - " not in text}

    def reuse(texts: list[str]) -> np.ndarray:
        rows = [known.get(text, -1) for text in texts]
        vectors = np.empty((len(texts), index.vectors.shape[1]), dtype=np.float32)
        missing = [i for i, row in enumerate(rows) if row < 0]
        if missing:
            vectors[missing] = np.asarray(embed([texts[i] for i in missing]), dtype=np.float32)
        found = [i for i, row in enumerate(rows) if row >= 0]
        if found:
            vectors[found] = index.vectors[[rows[i] for i in found]]
        return vectors

    return reuse
