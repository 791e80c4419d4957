"""Field-level precision and recall of the CV import on the CV test set (files/, expected/).

Each file is read as an upload is (sandboxed reader, then the parser) and compared with its
person's expected output, field by field. Entries (experiences, education, certifications,
languages) are paired with the expected ones first (same title and start, same diploma, same
name, same language line); a field counts when it is not empty:

- precision = right fields / fields the parser filled;
- recall = right fields / fields the CV states (the expected output's non-empty fields).

A field of an entry that has no pair is wrong (precision) or missed (recall). Texts are compared
without case, accents, extra spaces or edge punctuation; a description or summary is right when
9 words in 10 match. `end` is "current" when null. Skills are ranked suggestions, measured by the
language benchmark (`make bench-taxonomy`), not here.
"""

import json
import re
import time
from collections import Counter
from pathlib import Path

from maillage.candidates.cv_import.output import draft_json
from maillage.candidates.cv_import.parsing import cv_draft
from maillage.candidates.cv_import.reading import cv_text
from maillage.candidates.tests.cv_set.profiles import PEOPLE
from maillage.core.uploads import DOCX, PDF
from matchcore.language.folding import fold

HERE = Path(__file__).resolve().parent
LISTS = {
    "experiences": ("title", "employer", "city", "country", "start", "end", "description"),
    "education": ("level", "field", "institution", "country", "year"),
    "certifications": ("name", "year"),
    "languages": ("language", "as_written", "proposed_level"),
}
LONG_TEXTS = {"summary", "experiences.description"}


def cv_files() -> list[tuple[str, str, Path]]:
    """(person slug, split, file) of every file of the set."""
    found = []
    for person in PEOPLE:
        for style in person.renderings:
            path = next((HERE / "files").glob(f"{person.slug}__{style}.*"))
            found.append((person.slug, person.split, path))
    return found


def parse_file(path: Path) -> dict:
    content_type = PDF if path.suffix == ".pdf" else DOCX
    return draft_json(cv_draft(cv_text(path.read_bytes(), content_type)))


def evaluate_set() -> dict:
    """{"dev" | "test": {"all": {...}, "fields": {...}, "files": n, "ms_per_file": [...]}}."""
    counts: dict[str, dict[str, Counter]] = {"dev": {}, "test": {}}
    timings: dict[str, list[float]] = {"dev": [], "test": []}
    for slug, split, path in cv_files():
        expected = json.loads((HERE / "expected" / f"{slug}.json").read_text())
        started = time.perf_counter()
        parsed = parse_file(path)
        timings[split].append(1000 * (time.perf_counter() - started))
        for name, counter in compare(parsed, expected).items():
            counts[split].setdefault(name, Counter()).update(counter)
    return {
        split: {
            "files": len(timings[split]),
            "all": rates(sum(by_field.values(), Counter())),
            "fields": {name: rates(counter) for name, counter in sorted(by_field.items())},
            "ms_per_file": [round(ms, 1) for ms in timings[split]],
        }
        for split, by_field in counts.items()
    }


def rates(counter: Counter) -> dict:
    filled, stated, right = counter["filled"], counter["stated"], counter["right"]
    return {
        "precision": round(right / filled, 3) if filled else 1.0,
        "recall": round(right / stated, 3) if stated else 1.0,
        "right": right,
        "filled": filled,
        "stated": stated,
    }


def compare(parsed: dict, expected: dict) -> dict[str, Counter]:
    """Field name ("experiences.title") → Counter(filled, stated, right)."""
    counts: dict[str, Counter] = {}
    _count(counts, "summary", parsed.get("summary"), expected.get("summary"))
    for section, fields in LISTS.items():
        pairs, extra, missing = _pair(section, parsed.get(section, []), expected.get(section, []))
        for got, want in pairs:
            for name in fields:
                _count(counts, f"{section}.{name}", _value(name, got), _value(name, want))
        for got in extra:
            for name in fields:
                _count(counts, f"{section}.{name}", _value(name, got), None)
        for want in missing:
            for name in fields:
                _count(counts, f"{section}.{name}", None, _value(name, want))
    return counts


def _value(name: str, entry: dict):
    value = entry.get(name)
    if name == "end" and value is None:
        return "current"
    return value


def _count(counts: dict[str, Counter], name: str, got, want) -> None:
    counter = counts.setdefault(name, Counter())
    has_got, has_want = _filled(got), _filled(want)
    counter["filled"] += has_got
    counter["stated"] += has_want
    counter["right"] += has_got and has_want and same(name, got, want)


def _filled(value) -> bool:
    return value not in (None, "", [])


def same(name: str, got, want) -> bool:
    if isinstance(want, str) and isinstance(got, str):
        if name in LONG_TEXTS:
            got_words, want_words = Counter(_words(got)), Counter(_words(want))
            overlap = sum((got_words & want_words).values())
            total = max(sum(got_words.values()), sum(want_words.values()), 1)
            return overlap / total >= 0.9
        return _words(got) == _words(want)
    return got == want


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


_PAIR_KEYS = {
    "experiences": lambda e: (_words(e.get("title") or ""), e.get("start")),
    "education": lambda e: _words(e.get("field") or ""),
    "certifications": lambda e: _words(e.get("name") or ""),
    "languages": lambda e: (e.get("language"), _words(e.get("as_written") or "")),
}


def _pair(section: str, parsed: list[dict], expected: list[dict]):
    """Pairs by key first (exact), then by order among what is left (so that an entry with a
    wrong title still pairs with its expected entry and counts its other fields)."""
    key = _PAIR_KEYS[section]
    left = list(parsed)
    pairs = []
    unpaired_expected = []
    for want in expected:
        match = next((got for got in left if key(got) == key(want)), None)
        if match is None:
            unpaired_expected.append(want)
        else:
            left.remove(match)
            pairs.append((match, want))
    while left and unpaired_expected:
        pairs.append((left.pop(0), unpaired_expected.pop(0)))
    return pairs, left, unpaired_expected
