"""ESCO skills mentioned in free text (a CV section, a posting's requirements), French or English.

Two passes over the text:
1. Labels: the words of an ESCO label (preferred or alternative, French or English) found as
   they are, up to accents, case, gender, plural and small words ("gestion des stocks" finds
   "gestion de stock"). Sure, so scored high.
2. Meaning: the text is cut into short chunks at punctuation and conjunctions, lead-ins are
   trimmed ("expérience en", "knowledge of", "capacité à"…), and each chunk is compared with every
   label (preferred and alternative, both languages) by sentence embedding and by spelling. A
   chunk becomes a mention when the combined similarity passes a threshold tuned on SkillSpan
   (benchmarks/taxonomy_eval.py).

Every mention keeps its character span in the original text, so a person sees where it came from.
"""

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from matchcore.language.chunks import SEGMENT_BREAK, skill_phrases
from matchcore.language.embedding import embed_texts
from matchcore.language.labels import LANGUAGES, Embedder, LabelIndex, LabelRecord, top_indices
from matchcore.language.sections import heading_kind
from matchcore.language.skill_words import skill_wordings, slash_alternatives
from matchcore.language.store import bundle_load, bundle_save
from matchcore.language.terms import (
    STOPWORDS,
    Language,
    Token,
    detect_language,
    expand_skill_terms,
    tokenize,
    verb_form,
)

Method = Literal["label", "meaning"]
MAX_LABEL_WORDS = 8  # longest label phrase looked up word for word
MAX_TEXT_CHARS = 5000  # one text at a time (a CV section, a posting's requirements)

_PARENTHESES = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class ExtractionWeights:
    """Tuned on the first part of SkillSpan's training sentences (see the benchmark)."""

    semantic: float = 0.7
    lexical: float = 0.3
    threshold: float = 0.58  # combined similarity a chunk needs to become a mention
    candidates: int = 20  # labels compared with a chunk, from each of the two searches
    one_word: float = 0.12  # more needed when the chunk is a single word ("work", "team")
    other_language: float = 0.9  # a label in the other language: its meaning similarity, times this
    label_score: float = 0.95  # score of a mention found word for word


@dataclass(frozen=True)
class SkillMention:
    uri: str
    label: str  # the skill's preferred label, in the mention's language when there is one
    start: int  # span in the text
    end: int
    text: str  # the text of the span
    score: float  # 0–1
    language: Language | None
    method: Method


@dataclass(frozen=True)
class SkillMatch:
    uri: str
    label: str
    score: float


class SkillExtractor:
    def __init__(
        self,
        *,
        index: LabelIndex,
        phrases: dict[str, list[tuple[str, int]]],
        preferred: dict[str, dict[str, str]],
        weights: ExtractionWeights = ExtractionWeights(),
        embed: Embedder = embed_texts,
    ):
        self.index = index  # the labels compared by meaning
        # Content key of every label → [(uri, rank)]: 0 preferred label, 1 alternative label,
        # 2 one-word name (found only when written with a capital: "Excel", "Docker").
        self.phrases = phrases
        self.preferred = preferred  # uri → {"fr": label, "en": label}
        self.weights = weights
        self.embed = embed

    @classmethod
    def build(
        cls,
        records: Sequence[LabelRecord],
        *,
        weights: ExtractionWeights = ExtractionWeights(),
        embed: Embedder = embed_texts,
        semantic_kinds: tuple[str, ...] = ("preferred", "alternative"),
    ) -> "SkillExtractor":
        """From every label of every skill: all are looked up word for word; those of
        `semantic_kinds` are also embedded, for the search by meaning."""
        preferred: dict[str, dict[str, str]] = defaultdict(dict)
        phrases: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for record in records:
            if record.kind == "preferred":
                preferred[record.concept].setdefault(record.language, record.text)
            for text in dict.fromkeys([record.text, _PARENTHESES.sub(" ", record.text)]):
                key = content_key(tokenize(text))
                rank = _phrase_rank(text, key, record.kind)
                if rank is not None and (record.concept, rank) not in phrases[key]:
                    phrases[key].append((record.concept, rank))
        for entries in phrases.values():
            entries.sort(key=lambda entry: (entry[1], entry[0]))
        index = LabelIndex.build(
            [r for r in records if r.kind in semantic_kinds], embed=embed, clean=False
        )
        return cls(
            index=index,
            phrases=dict(phrases),
            preferred=dict(preferred),
            weights=weights,
            embed=embed,
        )

    def extract(
        self, text: str, *, top: int | None = None, threshold: float | None = None
    ) -> list[SkillMention]:
        """The skills the text mentions, in text order (or the `top` best, best first). A span
        names one skill; the same skill may be mentioned at several places."""
        threshold = self.weights.threshold if threshold is None else threshold
        tokens = tokenize(text)
        by_label = self._by_label(text, tokens)
        by_meaning = self._by_meaning(text, skill_phrases(text, tokens), threshold)
        # Where mentions overlap, the surest kind wins: a label of several words found as is, then
        # a chunk recognised by meaning (it has more context than one word inside it), then a
        # one-word label; within a kind, the higher score, then the longer span.
        ranked = sorted(
            [(0 if " " in m.text.strip() else 2, m) for m in by_label]
            + [(1, m) for m in by_meaning],
            key=lambda item: (item[0], -item[1].score, item[1].start - item[1].end),
        )
        taken = np.zeros(len(text) + 1, dtype=bool)
        mentions = []
        for _, mention in ranked:
            if not taken[mention.start : mention.end].any():
                taken[mention.start : mention.end] = True
                mentions.append(mention)
        mentions.sort(key=lambda m: (m.start, -m.score))
        if top is not None:
            mentions = sorted(mentions, key=lambda m: (-m.score, m.start))[:top]
        return mentions

    def normalize(self, label: str, *, top: int = 5, quebec_words: bool = True) -> list[SkillMatch]:
        """The ESCO skills a skill written by a person most likely is ("soudure MIG" → "MIG
        welding"), best first: word-for-word labels first, then by meaning. `quebec_words`:
        also try the ESCO wordings of Québec skill words (skill_words.py)."""
        words = label.strip()
        if not words or not any(ch.isalpha() for ch in words):
            return []
        found: dict[str, float] = {}
        variants = []
        # « soudage MIG/TIG » is « soudage MIG » or « soudage TIG »: each is tried as well.
        for written in [words, *slash_alternatives(words)]:
            for uri, rank in self.phrases.get(content_key(tokenize(written)), []):
                found.setdefault(uri, 1.0 if rank == 0 else 0.97)
            expanded = expand_skill_terms(written)
            # A French noun of action is also read as its verb (« lecture de plans » → « lire de
            # plans »), as in extract(): "lecture" alone is a false friend of "lecture" (a talk).
            variants += [expanded] + ([verb] if (verb := verb_form(expanded)) else [])
        # Québec skill words also tried in ESCO's words (« tenue de livres » → bookkeeping).
        for wording in skill_wordings(words) if quebec_words else []:
            variants.append(wording)
            for uri, rank in self.phrases.get(content_key(tokenize(wording)), []):
                found.setdefault(uri, 1.0 if rank == 0 else 0.97)
        vectors = self.embed(variants)
        candidates = self.index.search(
            variants, vectors, lexical_k=max(50, top * 4), semantic_k=max(50, top * 4)
        )
        scores = (
            self.weights.semantic * candidates.semantic + self.weights.lexical * candidates.lexical
        )
        for label_number, score in zip(candidates.labels, scores, strict=True):
            for uri, _, _ in self.index.entries(int(label_number)):
                found[uri] = max(found.get(uri, 0.0), round(float(score), 4))
        language = detect_language(words)
        ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))[:top]
        return [
            SkillMatch(uri=uri, label=self.label(uri, language), score=score)
            for uri, score in ranked
        ]

    def label(self, uri: str, language: Language | None) -> str:
        labels = self.preferred.get(uri, {})
        return labels.get(language or "fr") or labels.get("en") or labels.get("fr") or uri

    def _by_label(self, text: str, tokens: list[Token]) -> list[SkillMention]:
        content = [token for token in tokens if token.folded not in STOPWORDS]
        mentions, position = [], 0
        while position < len(content):
            for length in range(min(MAX_LABEL_WORDS, len(content) - position), 0, -1):
                words = content[position : position + length]
                start, end = words[0].start, words[-1].end
                if length > 1 and (
                    SEGMENT_BREAK.search(text, start, end) or "," in text[start:end]
                ):
                    continue
                entries = self.phrases.get(" ".join(word.key for word in words))
                if entries and (length > 1 or entries[0][1] < 2 or words[0].text[0].isupper()):
                    language = detect_language(text[max(0, start - 80) : end + 80])
                    uri = entries[0][0]
                    mentions.append(
                        SkillMention(
                            uri=uri,
                            label=self.label(uri, language),
                            start=start,
                            end=end,
                            text=text[start:end],
                            score=self.weights.label_score,
                            language=language,
                            method="label",
                        )
                    )
                    position += length
                    break
            else:
                position += 1
        return mentions

    def _by_meaning(
        self, text: str, chunks: list[tuple[int, int]], threshold: float
    ) -> list[SkillMention]:
        if not chunks:
            return []
        chunks = [(start, end) for start, end in chunks if heading_kind(text[start:end]) is None]
        if not chunks:
            return []
        phrases = [expand_skill_terms(text[start:end]) for start, end in chunks]
        languages = [detect_language(text[max(0, start - 80) : end + 80]) for start, end in chunks]
        # A French noun of action is also tried as its verb (« lecture de plans » → « lire… »).
        extra = [(i, verb) for i, phrase in enumerate(phrases) if (verb := verb_form(phrase))]
        labels, scores = self._closest_labels(
            phrases + [verb for _, verb in extra], languages + [languages[i] for i, _ in extra]
        )
        best_labels, best_scores = labels[: len(phrases)], scores[: len(phrases)]
        for (i, _), label, score in zip(
            extra, labels[len(phrases) :], scores[len(phrases) :], strict=True
        ):
            if score > best_scores[i]:
                best_labels[i], best_scores[i] = label, score
        mentions = []
        for (start, end), language, label_number, score in zip(
            chunks, languages, best_labels, best_scores, strict=True
        ):
            one_word = len(tokenize(text[start:end])) == 1
            if score < threshold + (self.weights.one_word if one_word else 0.0):
                continue
            uri = self.index.entries(int(label_number))[0][0]
            mentions.append(
                SkillMention(
                    uri=uri,
                    label=self.label(uri, language),
                    start=start,
                    end=end,
                    text=text[start:end],
                    score=round(float(min(score, self.weights.label_score - 0.01)), 4),
                    language=language,
                    method="meaning",
                )
            )
        return mentions

    def _closest_labels(
        self, phrases: list[str], languages: list[Language | None], batch: int = 32
    ) -> tuple[np.ndarray, np.ndarray]:
        """For each phrase, the label with the best combined similarity among the closest by
        meaning and the closest by spelling, and that similarity. A label in the other language
        counts a little less: false friends ("lecture de plans" is not "give a lecture")."""
        weights, k = self.weights, self.weights.candidates
        label_language = self.index.entry_language[self.index.entry_ptr[:-1]]
        best_labels = np.zeros(len(phrases), dtype=np.int64)
        best_scores = np.zeros(len(phrases), dtype=np.float32)
        vectors = self.embed(phrases)
        lexical = (self.index.lexical.vectorize(phrases) @ self.index.lexical.by_ngram).tocsr()
        projected = vectors @ self.index.projection
        for first in range(0, len(phrases), batch):
            coarse = np.asarray(projected[first : first + batch] @ self.index.coarse.T)
            for row, number in enumerate(range(first, min(first + batch, len(phrases)))):
                spelled = lexical.getrow(number)
                by_spelling = spelled.indices[np.argsort(-spelled.data)[:k]]
                candidates = np.union1d(top_indices(coarse[row], 2 * k), by_spelling)
                semantic = self.index.vectors[candidates] @ vectors[number]
                lexical_row = np.zeros(len(candidates), dtype=np.float32)
                position = {label: i for i, label in enumerate(candidates)}
                for label, value in zip(spelled.indices, spelled.data, strict=True):
                    if label in position:
                        lexical_row[position[label]] = value
                combined = weights.semantic * semantic + weights.lexical * lexical_row
                if languages[number] is not None:
                    # Spelling says nothing across languages (false friends): a label in the other
                    # language is judged on meaning alone.
                    other = label_language[candidates] != LANGUAGES.index(languages[number])
                    combined = np.where(other, semantic * weights.other_language, combined)
                best = int(np.argmax(combined))
                best_labels[number], best_scores[number] = candidates[best], combined[best]
        return best_labels, best_scores

    def save(self, directory: Path) -> None:
        bundle_save(
            directory,
            arrays=self.index.arrays(),
            meta={**self.index.meta(), "phrases": self.phrases, "preferred": self.preferred},
        )

    @classmethod
    def load(
        cls,
        directory: Path,
        *,
        weights: ExtractionWeights = ExtractionWeights(),
        embed: Embedder = embed_texts,
    ) -> "SkillExtractor":
        arrays, meta = bundle_load(directory)
        return cls(
            index=LabelIndex.from_saved(arrays, meta),
            phrases={
                key: [tuple(entry) for entry in entries] for key, entries in meta["phrases"].items()
            },
            preferred=meta["preferred"],
            weights=weights,
            embed=embed,
        )


def content_key(tokens: list[Token]) -> str:
    """The keys of the words that carry meaning: "gestion des stocks" → "gestion stock"."""
    return " ".join(token.key for token in tokens if token.folded not in STOPWORDS)


def unique_skills(mentions: Sequence[SkillMention]) -> list[SkillMention]:
    """One mention per skill (its best), best first: what a person is asked to confirm."""
    best: dict[str, SkillMention] = {}
    for mention in mentions:
        if mention.uri not in best or mention.score > best[mention.uri].score:
            best[mention.uri] = mention
    return sorted(best.values(), key=lambda m: (-m.score, m.start))


def _phrase_rank(text: str, key: str, kind: str) -> int | None:
    """How a label is looked up word for word (see SkillExtractor.phrases), or None when it is not.
    One-word labels are often plain words ("data", "report", "plan") that ESCO attaches to a
    narrower skill: a one-word preferred label needs four letters or more, a one-word
    alternative label must be a name (SQL, MySQL, C++, Excel)."""
    if not key:
        return None
    rank = 0 if kind == "preferred" else 1
    if " " in key:
        return rank
    word = text.strip()
    if len(word) >= 2 and (any(ch.isupper() for ch in word[1:]) or not word.isalpha()):
        return rank
    if rank == 0 and len(key) >= 4:
        return 0
    return 2 if word[:1].isupper() and len(key) >= 3 else None
