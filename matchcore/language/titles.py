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
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
from rapidfuzz import fuzz

from matchcore.language.crosswalk import NocEscoLink
from matchcore.language.embedding import embed_texts
from matchcore.language.labels import Embedder, LabelIndex, LabelRecord
from matchcore.language.store import bundle_load, bundle_save
from matchcore.language.terms import (
    STOPWORDS,
    Language,
    detect_language,
    has_letters,
    text_key,
    title_variants,
)
from matchcore.language.title_words import GroupWords, edge_words, title_words

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
    score: float  # 0–1, how close the title's words are to the concept's (TitleWeights)
    matched: str  # the label that matched best
    language: Language  # that label's language


# What the ranking layer reads about each candidate concept, in this order. "hand" is the
# hand-set score (TitleWeights), the ranking without a trained layer.
FEATURES = (
    "hand",  # TitleWeights' score, NOC words included
    "best",  # the best label's score
    "second",  # the 2nd and 3rd best labels'
    "third",
    "direct",  # the best label of the concept itself (not through the crosswalk)
    "lexical",  # best character n-gram cosine among its labels
    "semantic",  # best sentence-vector cosine
    "fuzzy",  # best rapidfuzz WRatio of the keys
    "exact",  # a label of its own equal to the title, up to gender, plural and accents
    "official",  # that label is an official title / preferred label, not an example
    "labels",  # log(1 + how many of its labels are among the candidates)
    "words",  # P(NOC group | the title's words) (title_words.py), through the crosswalk for ESCO
    "log_words",
    "noc_choice",  # NOC: its hand score; ESCO: best linked group's hand score × link confidence
    "heads",  # P(NOC group | the first and last words of the title's head) (title_words.edge_words)
    "log_heads",
    "mass",  # sum of its 5 best labels' scores
    "coverage",  # share of the title's meaning words found among its labels' words
    "precision",  # share of its best label's meaning words found in the title
    "crossed_labels",  # log(1 + how many labels found it through the crosswalk)
    "direct_labels",  # log(1 + how many of its own labels are among the candidates)
    "agreeing",  # log(1 + how many of its labels score at least 0.9 × its best)
    "same_language",  # its best label written in the title's language (its best when unknown)
    "language_match",  # its best label is in the title's language (0.5 when unknown)
    "head_label",  # its best label whose head word is the title's (French: first, English: last)
    "head_labels",  # log(1 + how many of its labels have the title's head word)
    # Relative to the other candidates of the same title:
    "hand_gap",  # hand score minus the best hand score
    "semantic_gap",  # semantic minus the best semantic
    "hand_rank",  # 1 / (1 + rank by hand score)
    "words_rank",  # 1 / (1 + rank by words)
    "heads_rank",
)
RELATIVE = ("hand_gap", "semantic_gap", "hand_rank", "words_rank", "heads_rank")


@dataclass(frozen=True)
class TitleCandidates:
    concepts: np.ndarray  # concept numbers
    features: np.ndarray  # one row of FEATURES per concept
    best_labels: list[int]  # each concept's best label
    languages: list[Language]  # that label's language
    # Its official title (NOC) or preferred label (ESCO) has the title's key: it names the
    # title. Never so for the layer's training titles (held out with every label of their key).
    named: np.ndarray


@dataclass(frozen=True)
class TitleRanking:
    """A linear layer over FEATURES (`manage.py train_title_ranking`), trained so that the
    softmax of its values over a title's candidates favours the right concept: it orders them."""

    coefficients: tuple[float, ...]

    @classmethod
    def from_trained(cls, trained: dict) -> "TitleRanking":
        if list(trained["features"]) != list(FEATURES):
            raise ValueError("The trained title ranking was made for other features: retrain it")
        return cls(tuple(trained["coefficients"]))

    def values(self, features: np.ndarray) -> np.ndarray:
        return features @ np.asarray(self.coefficients)


def _with_relative_features(absolute: np.ndarray) -> np.ndarray:
    """The RELATIVE features appended to the others: each candidate against the title's others."""
    column = {name: i for i, name in enumerate(FEATURES)}

    def rank(values: np.ndarray) -> np.ndarray:
        order = np.argsort(-values, kind="stable")
        ranks = np.empty(len(values))
        ranks[order] = np.arange(len(values))
        return 1.0 / (1.0 + ranks)

    hand, semantic = absolute[:, column["hand"]], absolute[:, column["semantic"]]
    relative = np.column_stack(
        [
            hand - hand.max(),
            semantic - semantic.max(),
            rank(hand),
            rank(absolute[:, column["words"]]),
            rank(absolute[:, column["heads"]]),
        ]
    )
    return np.hstack([absolute, relative])


def _hand_score(labels: dict[int, tuple], weights: TitleWeights) -> tuple[float, int, tuple]:
    """A concept's hand-set score from its labels' rows: best label plus its next ones voting a
    little; with the best label and its row."""
    ordered = sorted(labels.items(), key=lambda item: -item[1][0])
    label, row = ordered[0]
    others = [r[0] for _, r in ordered[1 : 1 + len(weights.support)]]
    total = 1.0 + sum(weights.support)
    value = (row[0] + sum(w * v for w, v in zip(weights.support, others, strict=False))) / total
    return value, label, row


@lru_cache(maxsize=65536)
def _meaning_words(key: str) -> frozenset[str]:
    """The word keys of a matching key (terms.text_key) that carry meaning."""
    return frozenset(w for w in key.split() if w not in STOPWORDS and len(w) > 1)


@lru_cache(maxsize=65536)
def _edge_keys(key: str) -> tuple[str, str]:
    """The first and last meaning words of a matching key ("" when it has none): the head word
    of a French title comes first (« superviseur de monteurs »), of an English one last."""
    words = [w for w in key.split() if w not in STOPWORDS and len(w) > 1]
    return (words[0], words[-1]) if words else ("", "")


def _head_key(key: str, language: Language | None) -> frozenset[str]:
    first, last = _edge_keys(key)
    heads = {"fr": {first}, "en": {last}}.get(language or "", {first, last})
    return frozenset(heads - {""})


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
        head_words: GroupWords | None = None,
        ranking: dict[Scheme, TitleRanking] | None = None,
    ):
        self.index = index
        self.ranking = ranking or {}  # trained layer per scheme; the hand score without it
        self.group_words = group_words
        self.head_words = head_words
        if group_words and head_words and group_words.groups != head_words.groups:
            raise ValueError("The NOC words and head words models must name the same groups")
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
            head_words=GroupWords.build(noc_labels, words=edge_words),
        )

    def match(self, title: str, *, scheme: Scheme = "noc", top: int = 5) -> list[TitleMatch]:
        """The `top` concepts of `scheme` best named by `title`, best first (by the trained layer
        when there is one, by `score` otherwise). Empty when the title has no letters. Raises
        ValueError for a title longer than MAX_TITLE_CHARS."""
        found = self.candidates(title, scheme=scheme)
        if found is None:
            return []
        scores = found.features[:, 0]  # the hand-set score, 0–1: how close the words are
        order = self.order(found, self.ranking.get(scheme))
        title_language = detect_language(title)
        matches = []
        for i in order[:top]:
            code = self.index.concepts[found.concepts[i]]
            language = found.languages[i]
            matches.append(
                TitleMatch(
                    code=code,
                    label=self._preferred(code, title_language or language),
                    score=round(min(1.0, float(scores[i])), 4),
                    matched=self.index.texts[found.best_labels[i]],
                    language=language,
                )
            )
        return matches

    def order(self, found: "TitleCandidates", ranking: "TitleRanking | None") -> list[int]:
        """The candidates' positions, best first: by the trained layer, a concept whose official
        title or preferred label is the title first (the layer never saw one: its training titles
        are held out with every label of their key), or by the hand-set score, which has its own
        bonus for equal keys; equal values by code."""
        if ranking is None:
            first, values = np.zeros(len(found.concepts)), found.features[:, 0]
        else:
            first, values = found.named.astype(np.float64), ranking.values(found.features)
        return sorted(
            range(len(found.concepts)),
            key=lambda i: (-first[i], -values[i], self.index.concepts[found.concepts[i]]),
        )

    def candidates(self, title: str, *, scheme: Scheme = "noc") -> "TitleCandidates | None":
        """The concepts of `scheme` near `title` with their FEATURES (None for a title without
        letters): what the hand-set score and the trained ranking layer both read."""
        if len(title) > MAX_TITLE_CHARS:
            raise ValueError(f"A job title has at most {MAX_TITLE_CHARS} characters")
        if not has_letters(title):
            return None
        variants = title_variants(title)[:MAX_VARIANTS]
        if not variants:
            return None
        weights = self.weights
        vectors = self.embed(variants)
        found = self.index.search(
            variants, vectors, lexical_k=weights.candidates, semantic_k=weights.candidates
        )
        query_keys = [text_key(variant) for variant in variants]
        # Per scheme: concept → label → (value, language, direct, lexical, semantic, fuzzy,
        # exact, preferred or alternative, preferred); each label counts once per concept.
        scores: tuple[dict, dict] = (defaultdict(dict), defaultdict(dict))

        def add(concept: int, label: int, row: tuple) -> None:
            labels = scores[self.scheme[concept]][concept]
            current = labels.get(label)
            if current is None or row[0] > current[0]:
                labels[label] = row

        for label, lexical, semantic in zip(
            found.labels, found.lexical, found.semantic, strict=True
        ):
            key = self.index.keys[label]
            fuzzy = max(fuzz.WRatio(query, key) for query in query_keys) / 100
            score = (
                weights.lexical * lexical + weights.semantic * semantic + weights.fuzzy * fuzzy
            ) / (weights.lexical + weights.semantic + weights.fuzzy)
            exact = key in query_keys
            if exact:
                score += weights.exact * (1.0 - score)
            for concept, language, kind in self._entries(label):
                value = score * (weights.alternative if kind == "alternative" else 1.0)
                signals = (float(lexical), float(semantic), fuzzy, float(exact))
                kinds = (float(kind != "example"), float(kind == "preferred"))
                add(concept, label, (value, language, 1.0, *signals, *kinds))
                for other, confidence in self.linked.get(concept, ()):
                    crossed = value * weights.cross_scheme * (0.5 + 0.5 * confidence)
                    add(other, label, (crossed, language, 0.0, *signals, 0.0, 0.0))
        wanted = SCHEMES.index(scheme)
        concepts = list(scores[wanted])
        if not concepts:
            return None
        title_keys = [_meaning_words(key) for key in query_keys]
        all_title_keys = frozenset().union(*title_keys)
        words_of = {word for variant in variants for word in title_words(variant)}
        edges_of = {word for variant in variants for word in edge_words(variant)}
        posterior = self._posterior(self.group_words, words_of)
        head_posterior = self._posterior(self.head_words, edges_of)
        title_language = detect_language(title)
        title_heads = frozenset().union(*(_head_key(key, title_language) for key in query_keys))
        noc_scores = {c: _hand_score(labels, weights)[0] for c, labels in scores[0].items()}
        rows, best_labels, languages, named = [], [], [], []
        for concept in concepts:
            hand, label, row = _hand_score(scores[wanted][concept], weights)
            values = sorted((r[0] for r in scores[wanted][concept].values()), reverse=True)
            direct = [r for r in scores[wanted][concept].values() if r[2]]
            words = self._word_probability(concept, scheme, posterior)
            heads = self._word_probability(concept, scheme, head_posterior)
            noc_choice = (
                noc_scores.get(concept, 0.0)
                if scheme == "noc"
                else max(
                    (
                        noc_scores.get(noc, 0.0) * confidence
                        for noc, confidence in self.linked.get(concept, ())
                    ),
                    default=0.0,
                )
            )
            taxonomy = (weights.taxonomy_noc if scheme == "noc" else weights.taxonomy_esco) * words
            coverage, precision = self._coverage(
                scores[wanted][concept], label, title_keys, all_title_keys
            )
            same_language = (
                max(
                    (r[0] for r in scores[wanted][concept].values() if r[1] == title_language),
                    default=0.0,
                )
                if title_language
                else values[0]
            )
            headed = [
                r[0]
                for number, r in scores[wanted][concept].items()
                if _head_key(self.index.keys[number], r[1]) & title_heads
            ]
            rows.append(
                (
                    min(1.0, hand + taxonomy),
                    values[0],
                    values[1] if len(values) > 1 else 0.0,
                    values[2] if len(values) > 2 else 0.0,
                    max((r[0] for r in direct), default=0.0),
                    max(r[3] for r in scores[wanted][concept].values()),
                    max(r[4] for r in scores[wanted][concept].values()),
                    max(r[5] for r in scores[wanted][concept].values()),
                    max(r[6] for r in direct) if direct else 0.0,
                    max(r[7] for r in direct) if direct else 0.0,
                    float(np.log1p(len(values))),
                    words,
                    float(np.log(words + 1e-4)),
                    noc_choice,
                    heads,
                    float(np.log(heads + 1e-4)),
                    sum(values[:5]),
                    coverage,
                    precision,
                    float(np.log1p(len(values) - len(direct))),
                    float(np.log1p(len(direct))),
                    float(np.log1p(sum(v >= 0.9 * values[0] for v in values))),
                    same_language,
                    0.5 if title_language is None else float(row[1] == title_language),
                    max(headed, default=0.0),
                    float(np.log1p(len(headed))),
                )
            )
            best_labels.append(label)
            languages.append(row[1])
            named.append(any(r[6] and r[8] for r in direct))
        return TitleCandidates(
            concepts=np.asarray(concepts, dtype=np.int64),
            features=_with_relative_features(np.asarray(rows, dtype=np.float64)),
            best_labels=best_labels,
            languages=languages,
            named=np.asarray(named, dtype=bool),
        )

    def _coverage(
        self,
        labels: dict[int, tuple],
        best: int,
        title_keys: list[frozenset[str]],
        all_title_keys: frozenset[str],
    ) -> tuple[float, float]:
        """How much of the title a concept's labels say (the best variant's share of meaning
        words found among the words of its candidate labels), and how much of its best label the
        title says: « soudeur de pipelines » is covered by a group with « pipeline » in a label,
        and « soudeur » alone does not say all of « soudeur de pipelines »."""
        label_words = frozenset().union(
            *(_meaning_words(self.index.keys[label]) for label in labels)
        )
        coverage = max(
            (len(words & label_words) / len(words) for words in title_keys if words),
            default=0.0,
        )
        best_words = _meaning_words(self.index.keys[best])
        precision = len(best_words & all_title_keys) / len(best_words) if best_words else 0.0
        return coverage, precision

    def _posterior(self, model: GroupWords | None, words: set[str]) -> np.ndarray | None:
        if model is None:
            return None
        return model.posterior(words, temperature=self.weights.taxonomy_temperature)

    def _word_probability(
        self, concept: int, scheme: Scheme, posterior: np.ndarray | None
    ) -> float:
        """P(NOC group | the title's words) for a NOC group; for an ESCO occupation, that of its
        most likely linked group."""
        if posterior is None:
            return 0.0

        def probability(number: int) -> float:
            column = self.group_column[number]
            return float(posterior[column]) if column >= 0 else 0.0

        if scheme == "noc":
            return probability(concept)
        return max((probability(noc) for noc, _ in self.linked.get(concept, ())), default=0.0)

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
        words, heads = self.group_words, self.head_words
        bundle_save(
            directory,
            arrays={
                **self.index.arrays(),
                **(words.arrays() if words else {}),
                **(heads.arrays("heads") if heads else {}),
            },
            meta={
                **self.index.meta(),
                **(words.meta() if words else {}),
                **(heads.meta("heads") if heads else {}),
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
            head_words=GroupWords.from_saved(arrays, meta, "heads")
            if "heads_words" in meta
            else None,
        )
