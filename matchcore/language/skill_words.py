"""Skills as people in Québec type them, and the words ESCO uses for the same skill.

ESCO's French comes from France and names skills as verb phrases; a Québec profile says
« tenue de livres » (bookkeeping), « entretien ménager » (housekeeping), « cariste ». The sentence
embedding alone reads « tenue de livres » as "read books" and « entretien ménager » as "maintain
tanks". These wordings are tried beside the typed words when a typed skill is linked (never
shown: the person's words are). The first entries were written from the "tune" half of
data/typed_skills (see its SOURCE.md); the later ones from common Québec job-ad words and the
examples of issue 12 (MIG, TIG, Sage 50, which are rows of the "report" half: the benchmark also
states that half without them).
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
    # Written from common Québec job-ad words (not from data/typed_skills): software people name
    # by brand, which ESCO names by kind, and Québec wordings of everyday tasks.
    # Welding processes named by their abbreviation (vocabulary.SKILL_ABBREVIATIONS spells them
    # out for the embedding, which still reads « soudage MIG » far from ESCO's wording).
    "mig": ("réaliser des tâches de soudage au gaz inerte", "perform metal inert gas welding"),
    "tig": ("réaliser des tâches de soudage TIG", "perform tungsten inert gas welding"),
    "sage 50": ("utiliser des systèmes de comptabilité", "use accounting systems"),
    "acomba": ("utiliser des systèmes de comptabilité", "use accounting systems"),
    "simple comptable": ("utiliser des systèmes de comptabilité", "use accounting systems"),
    "excel": ("utiliser un tableur", "use spreadsheets software"),
    "powerpoint": ("utiliser un logiciel de présentation", "use presentation software"),
    "autocad": ("utiliser un logiciel de CAO", "use CAD software"),
    "secourisme": ("prodiguer les premiers secours", "provide first aid"),
    "premiers soins": ("prodiguer les premiers secours", "provide first aid"),
    "deneigement": ("déneiger", "remove snow"),
    "comptes recevables": ("suivre des comptes débiteurs", "follow up accounts receivables"),
    "pose de ceramique": ("poser du carrelage", "lay tiles"),
    "service a la clientele": ("service clients", "customer service"),
    "tenue de caisse": ("tenir une caisse", "manage cash desk"),
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


# Two words joined by a slash, each a choice: « MIG/TIG », « lecture/interprétation ».
_SLASH = re.compile(r"(\w[\w+#.-]*)\s*/\s*(\w[\w+#.-]*)")


def slash_alternatives(typed: str) -> list[str]:
    """What a person typed with each side of its first slash alone (« soudage MIG/TIG » →
    ["soudage MIG", "soudage TIG"]); [] when no slash joins two words."""
    match = _SLASH.search(typed)
    if match is None:
        return []
    return [typed[: match.start()] + part + typed[match.end() :] for part in match.groups()]
