"""The evaluation sets of benchmarks/taxonomy_eval.py: SkillSpan (English, from data/) and the
hand-annotated French posting sentences (benchmarks/data/), as (text, [(start, end), …]) pairs,
and the span precision/recall used for both."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKILLSPAN = ROOT / "data" / "skillspan_train"
FRENCH = ROOT / "benchmarks" / "data" / "skills_fr_annotated.txt"

Span = tuple[int, int]


def skillspan_sentences(part: str) -> list[tuple[str, list[Span]]]:
    """Sentences of skillspan_<part>_train.conll, tokens joined by spaces, with the character spans
    of their skill and knowledge annotations (both kinds are skills for ESCO)."""
    sentences, rows = [], []
    for line in (SKILLSPAN / f"skillspan_{part}_train.conll").read_text(
        encoding="utf-8"
    ).splitlines() + [""]:
        if line.strip():
            rows.append(line.split("\t"))
            continue
        if not rows:
            continue
        text, offsets = "", []
        for token, *_ in rows:
            text += " " if text else ""
            offsets.append((len(text), len(text) + len(token)))
            text += token
        spans = []
        for column in (1, 2):
            start = None
            for i, row in enumerate([*rows, ["", "O", "O"]]):
                tag = row[column]
                if start is not None and not tag.startswith("I"):
                    spans.append((offsets[start][0], offsets[i - 1][1]))
                    start = None
                if tag.startswith("B"):
                    start = i
        sentences.append((text, sorted(spans)))
        rows = []
    return sentences


def french_skill_sentences() -> list[tuple[str, list[Span]]]:
    """Lines of the French set: skills written between [brackets]; lines starting with # skipped."""
    sentences = []
    for line in FRENCH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, spans, start = "", [], 0
        for character in line:
            if character == "[":
                start = len(text)
            elif character == "]":
                spans.append((start, len(text)))
            else:
                text += character
        sentences.append((text, spans))
    return sentences


def span_scores(predicted: list[list[Span]], gold: list[list[Span]]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 of spans, strict (same start and end) and by overlap (a predicted
    span counts if it overlaps a gold span, a gold span is found if a prediction overlaps it)."""
    counts = {
        "predicted": 0,
        "gold": 0,
        "strict_p": 0,
        "strict_g": 0,
        "overlap_p": 0,
        "overlap_g": 0,
    }
    for pred, true in zip(predicted, gold, strict=True):
        counts["predicted"] += len(pred)
        counts["gold"] += len(true)
        counts["strict_p"] += sum(span in true for span in pred)
        counts["strict_g"] += sum(span in pred for span in true)
        counts["overlap_p"] += sum(any(_overlap(p, t) for t in true) for p in pred)
        counts["overlap_g"] += sum(any(_overlap(p, t) for p in pred) for t in true)

    def scores(found_p: int, found_g: int) -> dict[str, float]:
        precision = found_p / max(counts["predicted"], 1)
        recall = found_g / max(counts["gold"], 1)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}

    return {
        "strict": scores(counts["strict_p"], counts["strict_g"]),
        "overlap": scores(counts["overlap_p"], counts["overlap_g"]),
        "predicted_spans": counts["predicted"],
        "gold_spans": counts["gold"],
    }


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
