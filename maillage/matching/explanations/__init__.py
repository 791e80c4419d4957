"""Reason codes → whole sentences, in the reader's language, for the candidate ("you") or for
the program team ("the candidate"). The engine stores codes and evidence; only this package turns
them into words, so changing a sentence never changes a score.

The sentences are split by what they explain: `exclusions` (the engine's rules), `factors` (the
scored factors), `notes` (missing or unlinked data); `vocabulary` holds what they share.
"""

from collections.abc import Iterable
from functools import lru_cache

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from maillage.matching.explanations.exclusions import EXCLUSION_SENTENCES
from maillage.matching.explanations.factors import FACTOR_SENTENCES, factor_label
from maillage.matching.explanations.notes import note_sentences
from maillage.matching.explanations.vocabulary import (
    CANDIDATE,
    NOC_TITLE_LIMIT,
    TEAM,
    Handler,
    Sentence,
    Vocabulary,
    codes_in,
)
from matchcore.engine import ReasonCode

__all__ = [
    "CANDIDATE",
    "NOC_TITLE_LIMIT",
    "TEAM",
    "Sentence",
    "Vocabulary",
    "codes_in",
    "factor_label",
    "factor_weights",
    "sentences",
]


@lru_cache(maxsize=8)
def _handlers(language: str | None) -> dict[str, Handler]:
    """The handlers, built once per language: the fixed sentences of the notes are translated
    when the table is built (building it for every reason cost ~1 ms, 50 ms on a queue page)."""
    return {**EXCLUSION_SENTENCES, **FACTOR_SENTENCES, **note_sentences()}


def sentences(
    reasons: Iterable[dict],
    *,
    audience: str,
    vocabulary: Vocabulary,
    breakdown: dict | None = None,
) -> list[Sentence]:
    """Sentences for stored reasons (as MatchResult.reasons holds them), in their order. With
    the result's `breakdown`, each sentence of a scored factor says its weight in the score
    (« compte pour 22 % »). An unknown code is said as such rather than dropped."""
    handlers = _handlers(get_language())
    reasons = list(reasons)
    weights = factor_weights(breakdown)
    unrelated = _occupation_and_skills_differ(reasons)
    out = []
    for reason in reasons:
        code = str(reason.get("code", ""))
        handler = handlers.get(code)
        if handler is None:
            out.append(Sentence(code, _("Other reason: %(code)s.") % {"code": code}, "info"))
            continue
        evidence = dict(reason.get("evidence", {}))
        if code == ReasonCode.SIMILAR_TEXTS and unrelated:
            evidence["unrelated"] = True
        said = handler(evidence, audience, vocabulary)
        if said is None:
            continue
        factor = str(reason.get("factor") or "")
        weight = weights.get(factor) if not reason.get("is_exclusion") else None
        text = said[0]
        if weight is not None and code != ReasonCode.MUST_HAVE_MISSING:
            text = _("%(sentence)s Counts for %(weight)s %%.") % {
                "sentence": text,
                "weight": round(100 * weight),
            }
        out.append(Sentence(code, text, said[1], factor, weight))
    return out


def factor_weights(breakdown: dict | None) -> dict[str, float]:
    """Each factor's share of the score (0–1) from a stored breakdown; none for factors that
    did not apply or weigh nothing."""
    factors = (breakdown or {}).get("factors", {})
    return {
        str(name): float(part["weight"])
        for name, part in factors.items()
        if isinstance(part, dict) and part.get("weight")
    }


def _occupation_and_skills_differ(reasons: list[dict]) -> bool:
    """Another occupation, or none of the required skills: similar wording proves little."""
    for reason in reasons:
        code = reason.get("code")
        if code == ReasonCode.OTHER_OCCUPATION:
            return True
        if code == ReasonCode.REQUIRED_SKILLS_COVERED:
            evidence = reason.get("evidence", {})
            if int(evidence.get("total", 0)) and not int(evidence.get("count", 0)):
                return True
    return False
