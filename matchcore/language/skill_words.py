"""Skills as people in Québec type them, and the words ESCO uses for the same skill.

ESCO's French comes from France and names skills as verb phrases; a Québec profile says
« tenue de livres » (bookkeeping), « entretien ménager » (housekeeping), « cariste ». The sentence
embedding alone reads « tenue de livres » as "read books" and « entretien ménager » as "maintain
tanks". These wordings are tried beside the typed words when a typed skill is linked (never
shown: the person's words are). Written from the "tune" half of data/typed_skills (see its
SOURCE.md); the "report" half measures them.
"""

import re

from matchcore.language.folding import fold

# Folded words (whole words, anywhere in what was typed) → ESCO-style wordings, French and English.
QUEBEC_SKILL_WORDS: dict[str, tuple[str, ...]] = {
    "cariste": ("utiliser un chariot élévateur", "operate forklift"),
    "paie": ("gérer des salaires", "manage payroll"),
    "tenue de livres": ("comptabilité", "bookkeeping"),
    "entretien menager": ("effectuer des tâches de nettoyage", "housekeeping, cleaning duties"),
    "housekeeping": ("effectuer des tâches de nettoyage", "perform cleaning duties"),
    "solidworks": ("utiliser un logiciel de CAO", "use CAD software"),
    "quickbooks": ("utiliser des systèmes de comptabilité", "use accounting systems"),
    "usinage": ("utiliser des machines-outils", "operate machine tools"),
    "manutention": ("utiliser des équipements de manutention", "material handling"),
    "emballage": ("emballer des articles", "pack goods"),
    "inventaire": ("gérer des stocks", "manage inventory"),
    "traite des vaches": ("traire des animaux", "milk animals"),
    "tolerie": ("donner une forme à des éléments en tôle métallique", "sheet metal work"),
    "soutien informatique": ("fournir une assistance TIC", "provide ICT support"),
    "reception des appels": ("répondre à des appels entrants", "answer incoming calls"),
    "peinture en batiment": ("peindre des surfaces", "paint surfaces"),
    "conduite de camion": ("manœuvrer des poids-lourds", "truck driving"),
    "assemblage mecanique": ("assembler des machines", "assemble machines"),
    "traduction": ("traduire des concepts linguistiques", "translate language concepts"),
}

_WORDS = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, QUEBEC_SKILL_WORDS), key=len, reverse=True)) + r")\b"
)


def skill_wordings(typed: str) -> list[str]:
    """The ESCO-style wordings of the Québec skill words in what a person typed (none when it
    has none): « Tenue de livres » → ["comptabilité", "bookkeeping"]."""
    return [
        wording for words in _WORDS.findall(fold(typed)) for wording in QUEBEC_SKILL_WORDS[words]
    ]
