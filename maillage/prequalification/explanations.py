"""Reason codes in sentences for the pages, e-mails and notices of prequalification.

maillage.matching owns the sentences of the engine's reason codes; this only picks the audience
(the candidate reads "you", advisors and employers read "the candidate") and fetches the names
the sentences need once for a whole page.
"""

from collections.abc import Iterable

from maillage.matching import selectors as matching_selectors
from maillage.matching.explanations import CANDIDATE, TEAM, Vocabulary, codes_in, sentences

__all__ = ["CANDIDATE", "TEAM", "reason_sentences", "vocabulary_for"]


def vocabulary_for(proposals: Iterable) -> Vocabulary:
    """The occupation titles and region names named in these proposals' reasons (two queries)."""
    nocs, _regions = codes_in(proposals)
    titles = {code: noc.title for code, noc in matching_selectors.noc_titles(nocs).items()}
    return Vocabulary(titles, matching_selectors.region_names())


def reason_sentences(
    proposal, *, audience: str = TEAM, vocabulary: Vocabulary | None = None
) -> list[str]:
    """The proposal's reasons as sentences in the active language, in the engine's order."""
    vocabulary = vocabulary or vocabulary_for([proposal])
    return [
        s.text for s in sentences(proposal.reasons or [], audience=audience, vocabulary=vocabulary)
    ]
