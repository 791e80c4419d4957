"""The French glossary (docs/glossary.md) and typography rules, checked on the catalogs.

`manage.py check_translations` calls `catalog_slips`: every French msgstr that uses a word the
glossary says to avoid, a curly apostrophe, or the wrong space before « : ; ? ! » is listed.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings

GLOSSARY = Path(settings.BASE_DIR) / "docs" / "glossary.md"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")

TYPOGRAPHY = {
    "curly apostrophe (use ')": re.compile(r"’"),
    "plain space before : ; ? ! (use a no-break space)": re.compile(r"\S [;:?!](?=\s|$)"),
    "no space before ; ? ! (use a no-break space)": re.compile(r"[^\s\d\u00a0][;?!](?=\s|$)"),
}


@dataclass(frozen=True)
class Slip:
    catalog: str
    msgid: str
    problem: str


def avoided_terms(glossary: Path = GLOSSARY) -> dict[str, str]:
    """Each word to avoid, with the glossary's term for it (from the table's last column)."""
    terms = {}
    for line in glossary.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[2].startswith("`"):
            continue
        for avoided in re.findall(r"`([^`]+)`", cells[2]):
            terms[avoided] = cells[1]
    return terms


def text_slips(text: str, terms: dict[str, str]) -> list[str]:
    text = PLACEHOLDER.sub("X", text)
    problems = [name for name, pattern in TYPOGRAPHY.items() if pattern.search(text)]
    for avoided, term in terms.items():
        if re.search(rf"(?<![\w-]){re.escape(avoided)}(?![\w-])", text, re.IGNORECASE):
            problems.append(f"« {avoided} »: say « {term} »")
    return problems


def catalog_slips(po_paths: list[Path]) -> list[Slip]:
    terms = avoided_terms()
    slips = []
    for path in po_paths:
        for entry in polib.pofile(str(path)):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                slips += [Slip(str(path), entry.msgid, p) for p in text_slips(text, terms)]
    return slips
