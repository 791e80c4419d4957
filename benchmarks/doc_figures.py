"""Every figure the docs cite matches the results file it comes from.

A measured figure in docs/*.md (or README.md) is written as a Markdown link to its results file,
with the key in the link's title:

    p95 [120 ms](../benchmarks/results/loadtest.json "p95_ms")
    recall@50 [0.999](../benchmarks/results/matching_speed.json "runs[candidates=100000,case=typical].recall_at_50")
    [2.95 GB](../benchmarks/results/matching_speed.json "runs[candidates=1000000,case=typical].rss_mb / 1000")
    [~23 postings/s](../benchmarks/results/matching_speed.json "rematch.postings_per_s")

The first number in the link text is the figure (thousands separators allowed). The key is a
dotted path into the JSON: `name` for a field, `3` for a list item, `[field=value,...]` for the
list item whose fields have these values. An optional `* N` or `/ N` after the key scales the
value (units, percentages). The value, rounded to as many decimals as the figure shows, must equal
the figure (either way at a half); a figure starting with `~` may differ by up to 5 %. The reader sees a link to the file
the number comes from; `make check-figures` (part of `make lint`) fails when a figure and its file
disagree, when the key is missing, or when a figure cites a quick run (benchmarks/results/quick/).

    .venv/bin/python -m benchmarks.doc_figures [files...]     # default: README.md and docs/*.md
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "benchmarks" / "results"
# [text](path/to/benchmarks/results/x.json "key")
CITATION = re.compile(
    r"\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]*benchmarks/results/[^)\s]+\.json)\s+\"(?P<key>[^\"]+)\"\)"
)
NUMBER = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")
SCALE = re.compile(r"^(?P<path>.+?)\s*(?P<op>[*/])\s*(?P<factor>[\d.]+)$")
SEGMENT = re.compile(r"\[(?P<select>[^\]]*)\]|(?P<name>[^.\[\]]+)")
APPROXIMATE_TOLERANCE = 0.05


@dataclass(frozen=True)
class Citation:
    document: Path
    line: int
    text: str
    target: str
    key: str

    @property
    def where(self) -> str:
        return f"{self.document.relative_to(ROOT)}:{self.line}"


class KeyNotFound(LookupError):
    pass


def citations(document: Path) -> list[Citation]:
    found = []
    for number, line in enumerate(document.read_text(encoding="utf-8").splitlines(), start=1):
        for match in CITATION.finditer(line):
            found.append(Citation(document, number, match["text"], match["target"], match["key"]))
    return found


def _matches(item: object, select: str) -> bool:
    if not isinstance(item, dict):
        return False
    for condition in select.split(","):
        field, _, wanted = condition.partition("=")
        if str(item.get(field.strip())) != wanted.strip():
            return False
    return True


def lookup(document: object, path: str) -> object:
    """The value at `path` (see the module's docstring) in a parsed JSON document."""
    value = document
    for part in SEGMENT.finditer(path):
        if part["select"] is not None:
            chosen = (
                [item for item in value if _matches(item, part["select"])]
                if isinstance(value, list)
                else []
            )
            if len(chosen) != 1:
                raise KeyNotFound(f"[{part['select']}] selects {len(chosen)} items, not one")
            value = chosen[0]
        elif isinstance(value, list) and part["name"].isdigit():
            index = int(part["name"])
            if index >= len(value):
                raise KeyNotFound(f"index {index} out of range")
            value = value[index]
        elif isinstance(value, dict) and part["name"] in value:
            value = value[part["name"]]
        else:
            raise KeyNotFound(f"no {part['name']!r}")
    return value


def cited_value(citation: Citation, document: object) -> float:
    path, op, factor = citation.key, None, 1.0
    scaled = SCALE.match(citation.key)
    if scaled:
        path, op, factor = scaled["path"], scaled["op"], float(scaled["factor"])
    value = lookup(document, path)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise KeyNotFound(f"{path!r} is {value!r}, not a number")
    return value * factor if op == "*" else value / factor if op == "/" else float(value)


def problem(citation: Citation) -> str | None:
    """What is wrong with one citation, or None when the figure matches its file."""
    target = (citation.document.parent / citation.target).resolve()
    if RESULTS_DIR / "quick" in target.parents:
        return f"cites a quick run ({citation.target}); cite the full run's file"
    if not target.is_file():
        return f"{citation.target} does not exist"
    shown = NUMBER.search(citation.text.replace("\u202f", "").replace("\u00a0", ""))
    if not shown:
        return f"no number in [{citation.text}]"
    figure = float(shown.group().replace(",", ""))
    try:
        actual = cited_value(citation, json.loads(target.read_text(encoding="utf-8")))
    except KeyNotFound as missing:
        return f"{target.name} {citation.key!r}: {missing}"
    if citation.text.lstrip().startswith("~"):
        if abs(actual - figure) <= APPROXIMATE_TOLERANCE * max(abs(actual), 1e-9):
            return None
    else:
        decimals = len(shown.group().partition(".")[2])
        if abs(actual - figure) <= 0.5 * 10**-decimals + 1e-9:  # rounds to the figure shown
            return None
    return f"[{citation.text}] but {target.name} {citation.key!r} is {actual:g}"


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def main(argv: list[str]) -> int:
    paths = [Path(name).resolve() for name in argv] or documents()
    checked, problems = 0, []
    for document in paths:
        for citation in citations(document):
            checked += 1
            wrong = problem(citation)
            if wrong:
                problems.append(f"{citation.where}: {wrong}")
    for line in problems:
        print(line, file=sys.stderr)
    print(f"doc figures: {checked} checked, {len(problems)} not matching their results file")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
