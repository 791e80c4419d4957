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
from rapidfuzz import fuzz, process

from matchcore.language.crosswalk import NocEscoLink
from matchcore.language.embedding import embed_texts
from matchcore.language.labels import (
    KINDS,
    LANGUAGES,
    Candidates,
    Embedder,
    LabelIndex,
    LabelRecord,
)
from matchcore.language.store import bundle_load, bundle_save
from matchcore.language.terms import (
    STOPWORDS,
    Language,
    content_words,
    detect_language,
    has_letters,
    text_key,
    title_variants,
    tokenize,
    word_key,
)
from matchcore.language.title_words import GroupWords, edge_words, title_words

Scheme = Literal["noc", "esco"]
SCHEMES: tuple[Scheme, ...] = ("noc", "esco")
MAX_TITLE_CHARS = 300
MAX_VARIANTS = 4
MIN_CORRECTED_LETTERS = 5  # shorter unknown words are left as typed (codes, abbreviations)
_EDIT_LETTERS = "abcdefghijklmnopqrstuvwxyz"


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
class _Rows:
    """A title's candidate rows (TitleNormalizer._label_rows): one per concept and label, the
    label's best row for the concept, grouped by concept in the order they were found."""

    concept: np.ndarray  # concept numbers
    label: np.ndarray  # the label's position among the candidates (Candidates.labels)
    value: np.ndarray  # the label's score for the concept (float32 with the real embedding)
    language: np.ndarray  # the label's language (labels.LANGUAGES)
    direct: np.ndarray  # the concept's own label, not through the crosswalk
    official: np.ndarray  # direct, and an official title or a preferred label (not an example)
    preferred: np.ndarray  # direct, and a preferred label
    label_exact: np.ndarray  # per candidate label: its key is one of the title's
    label_fuzzy: np.ndarray  # per candidate label: best rapidfuzz WRatio of the keys, 0–1


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


_meaning_words = lru_cache(maxsize=65536)(content_words)  # a title's keys come back often


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


def _concatenated_ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """range(starts[0], starts[0] + lengths[0]), then the next range, … as one array."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.cumsum(lengths) - lengths
    return np.repeat(np.asarray(starts, dtype=np.int64) - offsets, lengths) + np.arange(total)


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
        # How many NOC labels use each word of group_words (the spelling variant's choice).
        self.word_frequency = (
            np.asarray(group_words.counts.sum(axis=1)).ravel() if group_words else None
        )
        self.head_words = head_words
        if group_words and head_words and group_words.groups != head_words.groups:
            raise ValueError("The NOC words and head words models must name the same groups")
        self.preferred = preferred  # concept → {"fr": label, "en": label}
        self.links = list(links)  # (noc code, esco uri, confidence)
        self.weights = weights
        self.embed = embed
        self.correct_spelling = True  # also look the title up with its unknown words corrected
        self.scheme = np.asarray(
            [0 if not code.startswith("http") else 1 for code in index.concepts], dtype=np.int8
        )
        # Each concept's crosswalk links (the other concept, the confidence), both directions,
        # kept as arrays: concept c's are link_other[link_ptr[c]:link_ptr[c + 1]].
        linked: dict[int, list[tuple[int, float]]] = defaultdict(list)
        numbers = index.concept_number
        for noc, esco, confidence in self.links:
            if noc in numbers and esco in numbers:
                linked[numbers[noc]].append((numbers[esco], confidence))
                linked[numbers[esco]].append((numbers[noc], confidence))
        counts = np.zeros(len(index.concepts) + 1, dtype=np.int64)
        for concept, links in linked.items():
            counts[concept + 1] = len(links)
        self.link_ptr = np.cumsum(counts)
        flat = [link for concept in sorted(linked) for link in linked[concept]]
        self.link_other = np.asarray([other for other, _ in flat], dtype=np.int64)
        self.link_confidence = np.asarray([confidence for _, confidence in flat], dtype=np.float64)
        self.link_factor = 0.5 + 0.5 * self.link_confidence  # a crossed label's weight
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
        letters): what the hand-set score and the trained ranking layer both read.

        Every candidate label gives a row (value, language, direct, lexical, semantic, fuzzy,
        exact, official, preferred) to each concept it names, and a crossed row through each of
        their crosswalk links (weighed by the link's confidence, without the kinds); a concept
        keeps each label's best row (the first of equal ones). All of it over numpy arrays, in
        the same float32 arithmetic as one label and one concept at a time: the same numbers,
        the concepts and their labels in the order they were first found (ties keep it)."""
        if len(title) > MAX_TITLE_CHARS:
            raise ValueError(f"A job title has at most {MAX_TITLE_CHARS} characters")
        if not has_letters(title):
            return None
        variants = title_variants(title)[:MAX_VARIANTS]
        if not variants:
            return None
        if self.correct_spelling and (corrected := self.spelling_variant(variants[0])):
            variants.append(corrected)
        weights = self.weights
        vectors = self.embed(variants)
        found = self.index.search(
            variants, vectors, lexical_k=weights.candidates, semantic_k=weights.candidates
        )
        query_keys = [text_key(variant) for variant in variants]
        rows = self._label_rows(found, query_keys, scheme)
        if rows is None:
            return None
        return self._concept_features(title, variants, query_keys, found, rows, scheme)

    def spelling_variant(self, title: str) -> str | None:
        """`title` with each word that no NOC label uses, of MIN_CORRECTED_LETTERS letters or
        more, replaced by the word one edit away (a letter dropped, added, changed or two swapped)
        that the labels use most: « infirmiere auxilliaire » → « infirmiere auxiliaire »,
        « comis d'entrepot » → « commis d'entrepot ». None when no word changes (or no NOC words
        model)."""
        if self.group_words is None:
            return None
        known = self.group_words.word_number
        corrected, changed = title, False
        for token in reversed(tokenize(title)):
            word = token.folded
            if len(word) < MIN_CORRECTED_LETTERS or not word.isalpha() or token.key in known:
                continue
            if replacement := self._closest_known_word(word):
                corrected = corrected[: token.start] + replacement + corrected[token.end :]
                changed = True
        return corrected if changed else None

    def _closest_known_word(self, word: str) -> str | None:
        known, frequency = self.group_words.word_number, self.word_frequency
        found = {
            edit: frequency[known[key]]
            for edit in _one_edit(word)
            if (key := word_key(edit)) in known
        }
        return min(found, key=lambda edit: (-found[edit], edit)) if found else None

    def _label_rows(
        self, found: Candidates, query_keys: list[str], scheme: Scheme
    ) -> "_Rows | None":
        """Each concept's labels among the candidates with their best row, in the order of the
        dictionaries concept → label → row that this replaces: for each candidate label, each
        concept it names, then each concept linked to that one."""
        weights, index = self.weights, self.index
        labels = found.labels
        keys = [index.keys[label] for label in labels.tolist()]
        fuzzy = (
            process.cdist(query_keys, keys, scorer=fuzz.WRatio, dtype=np.float64).max(axis=0) / 100
        )
        exact = np.fromiter((key in query_keys for key in keys), dtype=bool, count=len(keys))
        # Python floats with a numpy float32 take its type: the per-label arithmetic was float32
        mixed = weights.lexical * found.lexical + weights.semantic * found.semantic
        score = (mixed + (weights.fuzzy * fuzzy).astype(mixed.dtype)) / (
            weights.lexical + weights.semantic + weights.fuzzy
        )
        score = np.where(exact, score + weights.exact * (1.0 - score), score)
        # The entries of the candidate labels: a concept, a language, a kind each.
        starts = index.entry_ptr[labels]
        sizes = index.entry_ptr[labels + 1] - starts
        entries = _concatenated_ranges(starts, sizes)
        entry_label = np.repeat(np.arange(len(labels)), sizes)  # the label's position
        entry_concept = index.entry_concept[entries].astype(np.int64)
        entry_kind = index.entry_kind[entries]
        alternative = np.where(entry_kind == KINDS.index("alternative"), weights.alternative, 1.0)
        entry_value = score[entry_label] * alternative.astype(score.dtype)
        # Each entry's row, then its crossed rows, one after the other.
        link_start = self.link_ptr[entry_concept]
        link_count = self.link_ptr[entry_concept + 1] - link_start
        per_entry = 1 + link_count
        row_entry = np.repeat(np.arange(len(entries)), per_entry)
        step = np.arange(len(row_entry)) - np.repeat(np.cumsum(per_entry) - per_entry, per_entry)
        direct = step == 0
        row_value = entry_value[row_entry]
        row_concept = entry_concept[row_entry]
        crossed = np.flatnonzero(~direct)
        if len(crossed):
            link = link_start[row_entry[crossed]] + step[crossed] - 1
            row_concept[crossed] = self.link_other[link]
            factor = self.link_factor[link].astype(row_value.dtype)
            row_value[crossed] = row_value[crossed] * weights.cross_scheme * factor
        # Only the scheme asked for, and NOC's for an ESCO title (its groups' hand scores).
        if scheme == "noc":
            kept = np.flatnonzero(self.scheme[row_concept] == 0)
            row_entry, direct = row_entry[kept], direct[kept]
            row_value, row_concept = row_value[kept], row_concept[kept]
        if not len(row_concept) or not np.any(self.scheme[row_concept] == SCHEMES.index(scheme)):
            return None
        row_label = entry_label[row_entry]
        pair = row_concept * len(labels) + row_label
        # Each (concept, label)'s best row, the first of equal ones; its first row's place.
        by_pair = np.lexsort((np.arange(len(pair)), -row_value, pair))
        first = np.flatnonzero(np.r_[True, pair[by_pair][1:] != pair[by_pair][:-1]])
        best = by_pair[first]
        pair_first = np.minimum.reduceat(by_pair, first)
        pair_concept = row_concept[best]
        # A concept's first row is its first pair's: order the concepts, then their labels.
        concept_first = np.full(len(self.index.concepts), len(pair), dtype=np.int64)
        np.minimum.at(concept_first, pair_concept, pair_first)
        order = np.lexsort((pair_first, concept_first[pair_concept]))
        best, pair_concept = best[order], pair_concept[order]
        entry = row_entry[best]
        row_direct = direct[best]
        language = index.entry_language[entries[entry]]
        kind = entry_kind[entry]
        return _Rows(
            concept=pair_concept,
            label=row_label[best],
            value=row_value[best],
            language=language,
            direct=row_direct,
            official=row_direct & (kind != KINDS.index("example")),
            preferred=row_direct & (kind == KINDS.index("preferred")),
            label_exact=exact,
            label_fuzzy=fuzzy,
        )

    def _concept_features(
        self,
        title: str,
        variants: list[str],
        query_keys: list[str],
        found: Candidates,
        rows: "_Rows",
        scheme: Scheme,
    ) -> "TitleCandidates | None":
        """FEATURES of each concept of `scheme` from its rows (`_label_rows`)."""
        weights, index = self.weights, self.index
        labels = found.labels
        value = rows.value
        n_rows = len(value)
        starts = np.flatnonzero(np.r_[True, rows.concept[1:] != rows.concept[:-1]])
        sizes = np.diff(np.r_[starts, n_rows])
        group = np.repeat(np.arange(len(starts)), sizes)
        concept = rows.concept[starts]

        def group_max(values: np.ndarray, where: np.ndarray | None = None) -> np.ndarray:
            """Each concept's max of `values` over its rows (`where` they are true), 0 for none."""
            if where is None:
                return np.maximum.reduceat(values, starts)
            best = np.maximum.reduceat(np.where(where, values, -np.inf), starts)
            return np.where(np.add.reduceat(where.astype(np.int64), starts) > 0, best, 0.0)

        def group_count(where: np.ndarray) -> np.ndarray:
            return np.add.reduceat(where.astype(np.int64), starts)

        # Values best first within each concept (equal ones in label order).
        by_value = np.lexsort((np.arange(n_rows), -value, group))
        ordered = value[by_value]
        zero = np.zeros(1, dtype=value.dtype)

        def nth(n: int) -> np.ndarray:
            """Each concept's nth best value, 0 when it has fewer labels."""
            return np.where(sizes > n, ordered[np.minimum(starts + n, n_rows - 1)], zero)

        best_row = by_value[starts]
        others = np.zeros(len(starts), dtype=value.dtype)
        for n, support in enumerate(weights.support, start=1):
            others = others + support * nth(n)
        hand = (ordered[starts] + others) / (1.0 + sum(weights.support))
        mass = np.zeros(len(starts), dtype=value.dtype)
        for n in range(5):
            mass = mass + nth(n)
        agreeing = group_count(value >= (0.9 * ordered[starts])[group])
        # NOC groups' hand scores (noc_choice), for an ESCO occupation through its links.
        noc_hand = np.zeros(len(index.concepts), dtype=hand.dtype)
        noc_hand[concept] = hand

        wanted = self.scheme[concept] == SCHEMES.index(scheme)
        keep = np.flatnonzero(wanted)
        if not len(keep):
            return None
        title_keys = [_meaning_words(key) for key in query_keys]
        all_title_keys = frozenset().union(*title_keys)
        words_of = {word for variant in variants for word in title_words(variant)}
        edges_of = {word for variant in variants for word in edge_words(variant)}
        posterior = self._posterior(self.group_words, words_of)
        head_posterior = self._posterior(self.head_words, edges_of)
        title_language = detect_language(title)
        title_heads = frozenset().union(*(_head_key(key, title_language) for key in query_keys))
        # Per candidate label: its head word is the title's (French first, English last).
        label_keys = [index.keys[label] for label in labels.tolist()]
        edges = [_edge_keys(key) for key in label_keys]
        head_first = np.fromiter((e[0] in title_heads for e in edges), dtype=bool, count=len(edges))
        head_last = np.fromiter((e[1] in title_heads for e in edges), dtype=bool, count=len(edges))
        in_french = rows.language == LANGUAGES.index("fr")
        headed = np.where(in_french, head_first[rows.label], head_last[rows.label])

        direct = rows.direct
        direct_count = group_count(direct)
        lexical = found.lexical[rows.label].astype(np.float64)
        semantic = found.semantic[rows.label].astype(np.float64)
        exact = rows.label_exact[rows.label].astype(np.float64)
        if title_language is None:
            same_language = ordered[starts]
            language_match = np.full(len(starts), 0.5)
        else:
            spoken = rows.language == LANGUAGES.index(title_language)
            same_language = group_max(value, spoken)
            language_match = (rows.language[best_row] == LANGUAGES.index(title_language)).astype(
                np.float64
            )
        words = self._word_probabilities(concept, scheme, posterior)
        heads = self._word_probabilities(concept, scheme, head_posterior)
        taxonomy = (weights.taxonomy_noc if scheme == "noc" else weights.taxonomy_esco) * words
        if scheme == "noc":
            noc_choice = hand.astype(np.float64)
        else:
            noc_choice = self._linked_max(
                concept, noc_hand[self.link_other] * self.link_confidence.astype(noc_hand.dtype)
            )
        coverage, precision = self._coverage(
            rows, starts, best_row, labels, title_keys, all_title_keys
        )
        features = np.column_stack(
            [
                np.minimum(1.0, hand + taxonomy.astype(hand.dtype)),
                ordered[starts],
                nth(1),
                nth(2),
                group_max(value, direct),
                group_max(lexical),
                group_max(semantic),
                group_max(rows.label_fuzzy[rows.label]),
                group_max(exact, direct),
                group_max(rows.official.astype(np.float64), direct),
                np.log1p(sizes.astype(np.float64)),
                words,
                np.log(words + 1e-4),
                noc_choice,
                heads,
                np.log(heads + 1e-4),
                mass,
                coverage,
                precision,
                np.log1p((sizes - direct_count).astype(np.float64)),
                np.log1p(direct_count.astype(np.float64)),
                np.log1p(agreeing.astype(np.float64)),
                same_language,
                language_match,
                group_max(value, headed),
                np.log1p(group_count(headed).astype(np.float64)),
            ]
        ).astype(np.float64)[keep]
        named = group_count(direct & rows.label_exact[rows.label] & rows.preferred) > 0
        best_labels = labels[rows.label[best_row[keep]]]
        return TitleCandidates(
            concepts=concept[keep].astype(np.int64),
            features=_with_relative_features(features),
            best_labels=best_labels.tolist(),
            languages=[LANGUAGES[language] for language in rows.language[best_row[keep]]],
            named=named[keep],
        )

    def _coverage(
        self,
        rows: "_Rows",
        starts: np.ndarray,
        best_row: np.ndarray,
        labels: np.ndarray,
        title_keys: list[frozenset[str]],
        all_title_keys: frozenset[str],
    ) -> tuple[np.ndarray, np.ndarray]:
        """How much of the title a concept's labels say (the best variant's share of meaning
        words found among the words of its candidate labels), and how much of its best label the
        title says: « soudeur de pipelines » is covered by a group with « pipeline » in a label,
        and « soudeur » alone does not say all of « soudeur de pipelines »."""
        keys = self.index.keys
        label_words = [_meaning_words(keys[label]) for label in labels.tolist()]
        # The title's words among each label's (those are the only ones coverage counts).
        found = [words & all_title_keys for words in label_words]
        coverage = np.zeros(len(starts))
        ends = np.r_[starts[1:], len(rows.label)]
        row_label = rows.label.tolist()
        for i, (start, end) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
            said = frozenset().union(*(found[label] for label in row_label[start:end]))
            coverage[i] = max(
                (len(words & said) / len(words) for words in title_keys if words), default=0.0
            )
        precision = np.zeros(len(starts))
        for i, row in enumerate(best_row.tolist()):
            best_words = label_words[row_label[row]]
            if best_words:
                precision[i] = len(best_words & all_title_keys) / len(best_words)
        return coverage, precision

    def _posterior(self, model: GroupWords | None, words: set[str]) -> np.ndarray | None:
        if model is None:
            return None
        return model.posterior(words, temperature=self.weights.taxonomy_temperature)

    def _word_probabilities(
        self, concepts: np.ndarray, scheme: Scheme, posterior: np.ndarray | None
    ) -> np.ndarray:
        """P(NOC group | the title's words) for NOC groups; for ESCO occupations, that of their
        most likely linked group (0 without one)."""
        if posterior is None:
            return np.zeros(len(concepts))
        probabilities = np.where(self.group_column >= 0, posterior[self.group_column], 0.0).astype(
            np.float64
        )
        if scheme == "noc":
            return probabilities[concepts]
        return self._linked_max(concepts, probabilities[self.link_other])

    def _linked_max(self, concepts: np.ndarray, per_link: np.ndarray) -> np.ndarray:
        """Each concept's max of `per_link` (one value per crosswalk link) over its links, 0 for a
        concept without a link."""
        start, end = self.link_ptr[concepts], self.link_ptr[concepts + 1]
        links = _concatenated_ranges(start, end - start)
        if not len(links):
            return np.zeros(len(concepts))
        filled = np.flatnonzero(end > start)
        result = np.zeros(len(concepts))
        offsets = np.cumsum(end - start) - (end - start)
        result[filled] = np.maximum.reduceat(per_link[links], offsets[filled])
        return result

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


def _one_edit(word: str) -> set[str]:
    """The words one edit from `word`: a letter dropped, added, changed, or two neighbours swapped."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {left + right[1:] for left, right in splits if right}
        | {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
        | {left + c + right[1:] for left, right in splits if right for c in _EDIT_LETTERS}
        | {left + c + right for left, right in splits for c in _EDIT_LETTERS}
    ) - {word}
