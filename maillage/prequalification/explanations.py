"""Reason codes in sentences for the pages, e-mails and notices of prequalification.

maillage.matching owns the sentences of the engine's reason codes; this only picks the audience
(the candidate reads "you", advisors and employers read "the candidate"). Pages pass the
vocabulary of all their proposals (`matching.selectors.reason_vocabulary`), fetched once.
"""

from maillage.matching import selectors as matching_selectors
from maillage.matching.explanations import CANDIDATE, TEAM, Vocabulary, sentences

__all__ = ["CANDIDATE", "TEAM", "reason_sentences"]


def reason_sentences(
    proposal, *, audience: str = TEAM, vocabulary: Vocabulary | None = None
) -> list[str]:
    """The proposal's reasons as sentences in the active language, in the engine's order."""
    vocabulary = vocabulary or matching_selectors.reason_vocabulary([proposal])
    said = sentences(
        proposal.reasons or [],
        audience=audience,
        vocabulary=vocabulary,
        breakdown=getattr(proposal, "breakdown", None),
    )
    return [s.text for s in said]
