"""Which NOC unit group the words of a title point to, learnt from the taxonomy itself.

The NOC's 57,000 example titles say which words belong to which group: « contremaître »,
« superviseur » and « surveillant » to the supervisor groups (TEER 2, codes x201x–x202x),
« manoeuvre » and « aide » to TEER 5, « tentures » and « filature » to textiles, « auxiliaire » to
32101 and « autorisée » to 31301. A multinomial naive Bayes over the word keys (terms.text_key:
accents, gender and plural removed) of every NOC label gives P(group | words); the title
normaliser adds it to the groups found by spelling and meaning. It is the taxonomy's structure
keeping close trades apart where the sentence embedding sees one job.
"""

from collections.abc import Callable, Iterable, Sequence

import numpy as np
import scipy.sparse as sp

from matchcore.language.labels import LabelRecord
from matchcore.language.terms import clean_title, tokenize

SMOOTHING = 0.03  # added to each word's count in each group (tuned on the dev titles)


def title_words(text: str) -> list[str]:
    """The word keys of a title that carry meaning (no stopwords, no single letters)."""
    return [t.key for t in tokenize(text) if not t.is_stopword and len(t.key) > 1]


def edge_words(text: str) -> list[str]:
    """The first and the last meaning word of a title's head (before a dash or a comma), marked:
    the head noun is the first word of a French title (« Soudeur de pipelines ») and the last of
    an English one ("Pipeline welder"), so P(group | edge words) weighs what the job is, not what
    it is done on, without guessing the language."""
    head = text.split(" - ")[0].split(",")[0]
    words = title_words(head)
    return [f"^{words[0]}", f"${words[-1]}"] if words else []


class GroupWords:
    def __init__(self, *, words: list[str], groups: list[str], counts: sp.csr_matrix):
        self.words = words  # vocabulary (word keys)
        self.groups = groups  # NOC codes, the columns
        self.counts = counts  # words × groups, how often a word is in a group's labels
        self.word_number = {word: i for i, word in enumerate(words)}
        totals = np.asarray(counts.sum(axis=0)).ravel()
        self.log_missing = -np.log(totals + SMOOTHING * max(len(words), 1)).astype(np.float32)

    @classmethod
    def build(
        cls, records: Sequence[LabelRecord], *, words: Callable[[str], list[str]] = title_words
    ) -> "GroupWords":
        """From NOC labels (official and example titles, both languages), counting the `words` of
        each label."""
        groups = sorted({record.concept for record in records})
        group_number = {code: i for i, code in enumerate(groups)}
        word_number: dict[str, int] = {}
        rows, columns = [], []
        for record in records:
            # dict.fromkeys, not set: the words are numbered in the same order in every process
            # (a set's order follows the hash seed, and so would the float sums of posterior).
            for word in dict.fromkeys(words(clean_title(record.text))):
                rows.append(word_number.setdefault(word, len(word_number)))
                columns.append(group_number[record.concept])
        counts = sp.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, columns)),
            shape=(len(word_number), len(groups)),
        )
        counts.sum_duplicates()
        return cls(words=list(word_number), groups=groups, counts=counts)

    def posterior(self, words: Iterable[str], *, temperature: float) -> np.ndarray | None:
        """P(group | words) over self.groups (uniform prior), or None when no word is known.
        `temperature` > 1 flattens naive Bayes' overconfidence."""
        known = sorted({self.word_number[w] for w in words if w in self.word_number})
        if not known or not self.groups:
            return None
        # The known words' rows of counts, dense (counts[known].toarray() without scipy's
        # indexing, a third of the time): a word's groups are counted once each (build).
        counts, indptr = self.counts, self.counts.indptr
        rows = np.zeros((len(known), len(self.groups)), dtype=counts.dtype)
        for row, word in enumerate(known):
            start, end = indptr[word], indptr[word + 1]
            rows[row, counts.indices[start:end]] = counts.data[start:end]
        rows += SMOOTHING
        log_likelihood = np.log(rows).sum(axis=0) + len(known) * self.log_missing
        scaled = (log_likelihood - log_likelihood.max()) / temperature
        probabilities = np.exp(scaled)
        return probabilities / probabilities.sum()

    def arrays(self, name: str = "words") -> dict[str, np.ndarray]:
        return {
            f"{name}_data": self.counts.data,
            f"{name}_indices": self.counts.indices,
            f"{name}_indptr": self.counts.indptr,
        }

    def meta(self, name: str = "words") -> dict:
        words_key, groups_key = _meta_keys(name)
        return {words_key: self.words, groups_key: self.groups}

    @classmethod
    def from_saved(
        cls, arrays: dict[str, np.ndarray], meta: dict, name: str = "words"
    ) -> "GroupWords":
        words_key, groups_key = _meta_keys(name)
        words, groups = meta[words_key], meta[groups_key]
        counts = sp.csr_matrix(
            (arrays[f"{name}_data"], arrays[f"{name}_indices"], arrays[f"{name}_indptr"]),
            shape=(len(words), len(groups)),
        )
        return cls(words=words, groups=groups, counts=counts)


def _meta_keys(name: str) -> tuple[str, str]:
    """Where a model's vocabulary and groups are saved (the first model kept its keys)."""
    return (
        ("group_words", "word_groups") if name == "words" else (f"{name}_words", f"{name}_groups")
    )
