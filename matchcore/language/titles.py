"""Job titles in a person's own words → ranked NOC 2021 unit groups and ESCO occupations.

A title is cleaned (gender marks, abbreviations, words of France for Québec jobs: see terms.py),
then compared with every label of both taxonomies by spelling (character n-grams, rapidfuzz) and
by meaning (the multilingual sentence embedding, so an English title finds French labels and the
reverse). A concept's score is its best label's, with its next best labels voting a little. A
label of the other taxonomy counts through the NOC–ESCO crosswalk, weighed by the link's
confidence: ESCO's many alternative labels help find a NOC group, and NOC's 57,000 example titles
help find an ESCO occupation.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
from rapidfuzz import fuzz

from matchcore.language.crosswalk import NocEscoLink
from matchcore.language.embedding import embed_texts
from matchcore.language.labels import Embedder, LabelIndex, LabelRecord
from matchcore.language.store import bundle_load, bundle_save
from matchcore.language.terms import (
    Language,
    detect_language,
    has_letters,
    text_key,
    title_variants,
)
from matchcore.language.title_words import GroupWords, title_words

Scheme = Literal["noc", "esco"]
SCHEMES: tuple[Scheme, ...] = ("noc", "esco")
MAX_TITLE_CHARS = 300
MAX_VARIANTS = 4


@dataclass(frozen=True)
class TitleWeights:
    """How the signals add up; tuned on held-out NOC example titles kept apart from the test ones
    (benchmarks/taxonomy_eval.py describes the split)."""

    lexical: float = 0.30  # character n-gram cosine
    semantic: float = 0.45  # sentence-embedding cosine
    fuzzy: float = 0.10  # rapidfuzz WRatio of the matching keys
    exact: float = 0.5  # share of the remaining gap closed when the keys are equal
    alternative: float = 0.97  # an alternative label counts a little less than a preferred one
    cross_scheme: float = 0.6  # a label of the other taxonomy, through the crosswalk
    support: tuple[float, ...] = (0.3, 0.15)  # weights of a concept's 2nd, 3rd… best labels
    candidates: int = 60  # labels kept from each of the two searches
    # P(NOC group | the title's words) learnt from the NOC's own labels (title_words.py), added to
    # a NOC group's score, and to an ESCO occupation's through its best crosswalk link.
    taxonomy_noc: float = 0.1
    taxonomy_esco: float = 0.0
    taxonomy_temperature: float = 1.0


@dataclass(frozen=True)
class TitleMatch:
    code: str  # NOC code or ESCO URI
    label: str  # the concept's preferred label, in the title's language when known
    score: float  # 0–1
    matched: str  # the label that matched best
    language: Language  # that label's language


class TitleNormalizer:
    def __init__(
        self,
        *,
        index: LabelIndex,
        preferred: dict[str, dict[str, str]],
        links: Sequence[tuple[str, str, float]],
        weights: TitleWeights = TitleWeights(),
        embed: Embedder = embed_texts,
        group_words: GroupWords | None = None,
    ):
        self.index = index
        self.group_words = group_words
        self.preferred = preferred  # concept → {"fr": label, "en": label}
        self.links = list(links)  # (noc code, esco uri, confidence)
        self.weights = weights
        self.embed = embed
        self.scheme = np.asarray(
            [0 if not code.startswith("http") else 1 for code in index.concepts], dtype=np.int8
        )
        self.linked: dict[int, list[tuple[int, float]]] = defaultdict(list)
        numbers = index.concept_number
        for noc, esco, confidence in self.links:
            if noc in numbers and esco in numbers:
                self.linked[numbers[noc]].append((numbers[esco], confidence))
                self.linked[numbers[esco]].append((numbers[noc], confidence))
        # Concept number → column of group_words (-1 for ESCO occupations and unknown groups).
        self.group_column = np.full(len(index.concepts), -1, dtype=np.int64)
        if group_words is not None:
            for column, code in enumerate(group_words.groups):
                if code in numbers:
                    self.group_column[numbers[code]] = column

    @classmethod
    def build(
        cls,
        *,
        noc_labels: Sequence[LabelRecord],
        esco_labels: Sequence[LabelRecord],
        links: Sequence[NocEscoLink],
        weights: TitleWeights = TitleWeights(),
        embed: Embedder = embed_texts,
    ) -> "TitleNormalizer":
        """From the labels of both taxonomies (preferred ones name the concept in results) and the
        crosswalk's links."""
        preferred: dict[str, dict[str, str]] = defaultdict(dict)
        for record in [*noc_labels, *esco_labels]:
            if record.kind == "preferred":
                preferred[record.concept].setdefault(record.language, record.text)
        return cls(
            index=LabelIndex.build([*noc_labels, *esco_labels], embed=embed),
            preferred=dict(preferred),
            links=[(link.noc_code, link.esco_uri, link.confidence) for link in links],
            weights=weights,
            embed=embed,
            group_words=GroupWords.build(noc_labels),
        )

    def match(self, title: str, *, scheme: Scheme = "noc", top: int = 5) -> list[TitleMatch]:
        """The `top` concepts of `scheme` best named by `title`, best first. Empty when the title
        has no letters. Raises ValueError for a title longer than MAX_TITLE_CHARS."""
        if len(title) > MAX_TITLE_CHARS:
            raise ValueError(f"A job title has at most {MAX_TITLE_CHARS} characters")
        if not has_letters(title):
            return []
        variants = title_variants(title)[:MAX_VARIANTS]
        if not variants:
            return []
        weights = self.weights
        vectors = self.embed(variants)
        found = self.index.search(
            variants, vectors, lexical_k=weights.candidates, semantic_k=weights.candidates
        )
        query_keys = [text_key(variant) for variant in variants]
        wanted = SCHEMES.index(scheme)
        # concept → label → (score, language): each label counts once per concept.
        scores: dict[int, dict[int, tuple[float, Language]]] = defaultdict(dict)

        def add(concept: int, label: int, value: float, language: Language) -> None:
            current = scores[concept].get(label)
            if current is None or value > current[0]:
                scores[concept][label] = (value, language)

        for label, lexical, semantic in zip(
            found.labels, found.lexical, found.semantic, strict=True
        ):
            key = self.index.keys[label]
            fuzzy = max(fuzz.WRatio(query, key) for query in query_keys) / 100
            score = (
                weights.lexical * lexical + weights.semantic * semantic + weights.fuzzy * fuzzy
            ) / (weights.lexical + weights.semantic + weights.fuzzy)
            if key in query_keys:
                score += weights.exact * (1.0 - score)
            for concept, language, kind in self._entries(label):
                value = score * (weights.alternative if kind == "alternative" else 1.0)
                if self.scheme[concept] == wanted:
                    add(concept, label, value, language)
                else:
                    for other, confidence in self.linked.get(concept, ()):
                        add(
                            other,
                            label,
                            value * weights.cross_scheme * (0.5 + 0.5 * confidence),
                            language,
                        )
        ranked = []
        total = 1.0 + sum(weights.support)
        taxonomy = self._taxonomy_evidence(variants, scheme, list(scores))
        for concept, labels in scores.items():
            ordered = sorted(labels.items(), key=lambda item: -item[1][0])
            label, (best, language) = ordered[0]
            others = [value for _, (value, _) in ordered[1 : 1 + len(weights.support)]]
            value = (
                best + sum(w * v for w, v in zip(weights.support, others, strict=False))
            ) / total + taxonomy.get(concept, 0.0)
            ranked.append((min(1.0, float(value)), self.index.concepts[concept], label, language))
        ranked.sort(key=lambda item: (-item[0], item[1]))
        title_language = detect_language(title)
        return [
            TitleMatch(
                code=code,
                label=self._preferred(code, title_language or language),
                score=round(float(score), 4),
                matched=self.index.texts[label],
                language=language,
            )
            for score, code, label, language in ranked[:top]
        ]

    def _taxonomy_evidence(
        self, variants: list[str], scheme: Scheme, concepts: list[int]
    ) -> dict[int, float]:
        """What the NOC's own words add to each candidate concept's score: the weight times
        P(group | words); for an ESCO occupation, that of its most likely linked NOC group."""
        weights = self.weights
        weight = weights.taxonomy_noc if scheme == "noc" else weights.taxonomy_esco
        if self.group_words is None or weight <= 0:
            return {}
        words = {word for variant in variants for word in title_words(variant)}
        posterior = self.group_words.posterior(words, temperature=weights.taxonomy_temperature)
        if posterior is None:
            return {}

        def probability(concept: int) -> float:
            column = self.group_column[concept]
            return float(posterior[column]) if column >= 0 else 0.0

        if scheme == "noc":
            return {concept: weight * probability(concept) for concept in concepts}
        return {
            concept: weight
            * max((probability(noc) for noc, _ in self.linked.get(concept, ())), default=0.0)
            for concept in concepts
        }

    def _entries(self, label: int):
        index = self.index
        start, end = index.entry_ptr[label], index.entry_ptr[label + 1]
        for concept, language, kind in zip(
            index.entry_concept[start:end],
            index.entry_language[start:end],
            index.entry_kind[start:end],
            strict=True,
        ):
            yield (
                int(concept),
                ("fr", "en")[language],
                ("preferred", "alternative", "example")[kind],
            )

    def _preferred(self, code: str, language: Language) -> str:
        labels = self.preferred.get(code, {})
        return labels.get(language) or labels.get("fr") or labels.get("en") or code

    def save(self, directory: Path) -> None:
        words = self.group_words
        bundle_save(
            directory,
            arrays={**self.index.arrays(), **(words.arrays() if words else {})},
            meta={
                **self.index.meta(),
                **(words.meta() if words else {}),
                "preferred": self.preferred,
                "links": self.links,
            },
        )

    @classmethod
    def load(
        cls,
        directory: Path,
        *,
        weights: TitleWeights = TitleWeights(),
        embed: Embedder = embed_texts,
    ):
        arrays, meta = bundle_load(directory)
        return cls(
            index=LabelIndex.from_saved(arrays, meta),
            preferred=meta["preferred"],
            links=[tuple(link) for link in meta["links"]],
            weights=weights,
            embed=embed,
            group_words=GroupWords.from_saved(arrays, meta) if "group_words" in meta else None,
        )
