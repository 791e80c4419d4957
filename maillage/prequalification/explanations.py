"""Reason codes in sentences: the one function the pages, e-mails and notices of this app call.

maillage.matching (the engine's app) owns the sentences of its reason codes. Until it publishes its
renderer, this writes each code and its evidence plainly; switch `reason_sentences` to the
engine's renderer when it lands, nothing else changes.
"""

from django.utils.translation import gettext as _


def _evidence_text(evidence: object) -> str:
    if isinstance(evidence, dict):
        parts = []
        for key, value in evidence.items():
            if isinstance(value, list | tuple):
                value = ", ".join(str(item) for item in value)
            parts.append(f"{key} = {value}")
        return "; ".join(parts)
    if isinstance(evidence, list | tuple):
        return ", ".join(str(item) for item in evidence)
    return "" if evidence is None else str(evidence)


def reason_sentences(reasons: list) -> list[str]:
    """One sentence per reason, in the active language, in the engine's order."""
    sentences = []
    for reason in reasons or []:
        if isinstance(reason, dict):
            code = str(reason.get("code", ""))
            evidence = _evidence_text(reason.get("evidence"))
        else:
            code, evidence = str(reason), ""
        if evidence:
            sentences.append(
                _("Engine reason “%(code)s”: %(evidence)s") % {"code": code, "evidence": evidence}
            )
        else:
            sentences.append(_("Engine reason “%(code)s”") % {"code": code})
    return sentences
