"""Skill linking as ranking, measured as in the literature (Decorte et al. 2022, 2023): per English
job-ad sentence, rank the ESCO skills; R-Precision@5 = gold skills among the top 5 over
min(5, number of gold skills), averaged over the sentences with at least one linked gold skill;
MRR of the first gold skill.

The sets are the TECH and HOUSE validation splits (data/esco_skill_linking_dev/). Every sentence
falls in one of two halves by a hash of its text: "tune" (the only rows anything may be tuned on)
and "report" (the numbers we state). The full set is reported only for rankers that never saw any
of its rows (the baseline, and the trained ranker before any tuning on the "tune" half).
"""

import csv
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "data" / "esco_skill_linking_dev"
NOT_LINKED = {"LABEL NOT PRESENT", "UNDERSPECIFIED"}
SETS = ("tech", "house")

Ranker = Callable[[str], list[str]]  # sentence → ESCO URIs, best first


@dataclass(frozen=True)
class LinkedSentence:
    text: str
    gold: frozenset[str]  # ESCO URIs
    half: str  # "tune" or "report"


def half_of(text: str) -> str:
    """A fixed split, the same on every machine: the first hex digit of the text's SHA-1."""
    return "tune" if int(hashlib.sha1(text.encode()).hexdigest()[0], 16) < 8 else "report"


def linked_sentences(part: str, uri_by_label: dict[str, str]) -> tuple[list[LinkedSentence], int]:
    """The sentences of one set with at least one gold skill found in our ESCO, and how many gold
    labels could not be joined to ESCO v1.1.1 (renamed between versions)."""
    gold: dict[str, set[str]] = {}
    missing = 0
    path = DEV / f"{part}_validation_annotations.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label = row["label"].strip()
            if label in NOT_LINKED:
                continue
            uri = uri_by_label.get(label) or uri_by_label.get(label.lower())
            if uri is None:
                missing += 1
                continue
            gold.setdefault(row["sentence"], set()).add(uri)
    sentences = [
        LinkedSentence(text, frozenset(uris), half_of(text)) for text, uris in gold.items() if uris
    ]
    return sentences, missing


def dev_sentence_texts() -> set[str]:
    """Every sentence of the dev sets (training leaves them out)."""
    texts = set()
    for part in SETS:
        with (DEV / f"{part}_validation_annotations.csv").open(encoding="utf-8") as handle:
            texts |= {row["sentence"] for row in csv.DictReader(handle)}
    return texts


def ranking_scores(rankings: list[list[str]], sentences: list[LinkedSentence]) -> dict:
    r_precision = reciprocal = 0.0
    for ranked, sentence in zip(rankings, sentences, strict=True):
        top = ranked[:5]
        r_precision += len(set(top) & sentence.gold) / min(5, len(sentence.gold))
        reciprocal += next(
            (1 / (i + 1) for i, uri in enumerate(ranked) if uri in sentence.gold), 0.0
        )
    n = max(len(sentences), 1)
    return {
        "sentences": len(sentences),
        "rp_at_5": round(r_precision / n, 3),
        "mrr": round(reciprocal / n, 3),
    }


def evaluate_ranker(
    ranker: Ranker, sets: dict[str, list[LinkedSentence]], *, halves=("tune", "report", "all")
) -> dict:
    """R-P@5 and MRR of one ranker on each set and each half."""
    results = {}
    for part, sentences in sets.items():
        rankings = {s.text: ranker(s.text) for s in sentences}
        results[part] = {}
        for half in halves:
            chosen = [s for s in sentences if half == "all" or s.half == half]
            results[part][half] = ranking_scores([rankings[s.text] for s in chosen], chosen)
    return results


def skill_linking_sets() -> dict[str, list[LinkedSentence]]:
    """Both sets, gold labels joined to the URIs of the ESCO skills in the database."""
    from maillage.taxonomy.models import EscoSkill  # Django is set up by the caller

    uri_by_label: dict[str, str] = {}
    for uri, label in EscoSkill.objects.order_by("uri").values_list("uri", "label_en"):
        uri_by_label.setdefault(label, uri)
        uri_by_label.setdefault(label.lower(), uri)
    return {part: linked_sentences(part, uri_by_label)[0] for part in SETS}


# --- Typed skills: a skill a person types, linked to one ESCO skill or to none -------------------

TYPED_SKILLS = ROOT / "data" / "typed_skills" / "typed_skills.csv"


@dataclass(frozen=True)
class TypedSkill:
    text: str
    language: str
    expected: frozenset[str]  # acceptable ESCO URIs; empty: no ESCO skill fits
    half: str


def typed_skills() -> list[TypedSkill]:
    """The labelled typed skills (data/typed_skills/SOURCE.md), halves as for the dev sets."""
    with TYPED_SKILLS.open(encoding="utf-8", newline="") as handle:
        return [
            TypedSkill(
                row["text"],
                row["language"],
                frozenset()
                if row["expected_uris"] == "none"
                else frozenset(row["expected_uris"].split()),
                half_of(row["text"]),
            )
            for row in csv.DictReader(handle)
        ]


def typed_linking_scores(link: Callable[[str], str], rows: list[TypedSkill]) -> dict:
    """Precision: links that are right among the links made (a link where none fits is wrong);
    recall: skills linked right among those that have an ESCO skill."""
    linked = right = 0
    for row in rows:
        uri = link(row.text)
        linked += bool(uri)
        right += bool(uri) and uri in row.expected
    fitting = sum(bool(row.expected) for row in rows)
    return {
        "skills": len(rows),
        "with_an_esco_skill": fitting,
        "linked": linked,
        "precision": round(right / linked, 3) if linked else None,
        "recall": round(right / fitting, 3) if fitting else None,
    }
