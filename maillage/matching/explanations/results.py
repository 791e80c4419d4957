"""Match results with their sentences (and, for the program team, the comparison chart): what a
page about match results shows of each, built once for the whole page."""

from collections.abc import Iterable
from dataclasses import dataclass

from maillage.employers.models import JobPosting
from maillage.matching.charts import Comparison, comparison
from maillage.matching.explanations import sentences
from maillage.matching.explanations.factors import factor_label
from maillage.matching.explanations.vocabulary import Sentence
from maillage.matching.models import MatchResult
from maillage.matching.selectors import reason_vocabulary

KEY_REASONS = 3  # reason lines a card shows; the rest behind « Voir le détail »


@dataclass(frozen=True)
class ExplainedResult:
    result: MatchResult
    sentences: list[Sentence]
    comparison: Comparison | None = None

    @property
    def factor_rows(self) -> list[tuple[str, dict]]:
        factors = self.result.breakdown.get("factors", {})
        return [(factor_label(name), values) for name, values in factors.items()]

    @property
    def exclusions(self) -> list[Sentence]:
        return [s for s in self.sentences if s.tone == "exclusion"]

    @property
    def key_sentences(self) -> list[Sentence]:
        """The reasons that matter most: what bars the job, then the factors that weigh most in
        the score; notes without a weight come last."""
        ranked = sorted(
            self.sentences,
            key=lambda s: (s.tone != "exclusion", s.weight is None, -(s.weight or 0.0)),
        )
        return ranked[:KEY_REASONS]

    @property
    def other_sentences(self) -> list[Sentence]:
        shown = self.key_sentences
        return [s for s in self.sentences if s not in shown]


def results_explained(
    results: Iterable[MatchResult], *, audience: str, posting: JobPosting | None = None
) -> list[ExplainedResult]:
    """Each result with its sentences for the audience; with the posting (its skills prefetched,
    the candidates' sections too), each also gets the comparison chart of the requirements."""
    results = list(results)
    vocabulary = reason_vocabulary(results)
    return [
        ExplainedResult(
            result,
            sentences(
                result.reasons,
                audience=audience,
                vocabulary=vocabulary,
                breakdown=result.breakdown,
            ),
            comparison(result, posting, result.candidate) if posting is not None else None,
        )
        for result in results
    ]
