"""Words of job language in French and English: tokens with their place in the text, matching keys
that ignore accents, case, gender and plural, job titles cleaned of their gender marks and
abbreviations, and a rough language guess.

Everything here is deterministic string work; the taxonomy and the embedding come elsewhere.
"""

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from matchcore.language.folding import fold
from matchcore.language.vocabulary import (
    ABBREVIATIONS,
    NOUN_TO_VERB,
    REGIONAL_EQUIVALENTS,
    SKILL_ABBREVIATIONS,
)

Language = Literal["fr", "en"]

# A word, keeping what makes technical names: C++, C#, Node.js, ASP.NET, 3D.
_TOKEN = re.compile(r"\w[\w+#]*(?:\.\w+)*", re.UNICODE)


def word_set(text: str) -> frozenset[str]:
    """The words of a text written one after the other, as a set."""
    return frozenset(text.split())


FRENCH_STOPWORDS = word_set(
    """a au aux avec ce ces c d dans de des du elle en et est etre il ils j l la le les leur
    leurs lui m ma mais me mes moi mon n ne nos notre nous on ou par pas pour qu que qui s sa
    se ses son sur t ta te tes toi ton tu un une vos votre vous y afin ainsi aupres selon sous
    chez entre vers tout toute tous toutes cette cet"""
)
ENGLISH_STOPWORDS = word_set(
    """a an and are as at be been but by for from has have in is it its of on or our that the
    their them they this to was we were will with you your into within across including
    such other all any each per via"""
)
STOPWORDS = FRENCH_STOPWORDS | ENGLISH_STOPWORDS
# Words that say a text is French or English (beyond stopwords shared by both, like "a").
# Words that say French: its stopwords that English lacks, and French function words that are
# not in its stopword list (nor English words).
_FRENCH_MARKERS = (
    FRENCH_STOPWORDS - ENGLISH_STOPWORDS - {"on", "me", "son", "ton", "sur", "par"}
) | word_set("sauf sans dont lors puis donc")
_ENGLISH_MARKERS = ENGLISH_STOPWORDS - FRENCH_STOPWORDS - {"on", "as", "per"}


@dataclass(frozen=True)
class Token:
    text: str  # as written
    start: int  # character offsets in the original text
    end: int
    folded: str  # lower case, no accents
    key: str  # folded and reduced: gender and plural removed (see `word_key`)

    @property
    def is_stopword(self) -> bool:
        return self.folded in STOPWORDS


def tokenize(text: str) -> list[Token]:
    """The words of a text with their spans. Elisions split: "d'entrepôt" → "d", "entrepôt"."""
    tokens = []
    for match in _TOKEN.finditer(text):
        folded, key = _word_forms(match.group())
        tokens.append(Token(match.group(), match.start(), match.end(), folded, key))
    return tokens


@lru_cache(maxsize=1 << 17)
def _word_forms(word: str) -> tuple[str, str]:
    """A word's folded form and key, computed once per distinct word: building the language
    tools tokenizes ~220,000 labels (2.6 million words, far fewer distinct ones)."""
    folded = fold(word)
    return folded, word_key(folded)


# French feminine and plural endings mapped to one form; applied the same way to a query and to
# the taxonomy's labels, so "soudeuse", "soudeurs" and "soudeur" meet, and so do "préposée" and
# "préposé". Ordered longest first.
_ENDINGS = (
    ("euses", "eur"),
    ("euse", "eur"),
    ("eures", "eur"),  # Québec feminine: « professeure », « ingénieure »
    ("eure", "eur"),
    ("trices", "teur"),
    ("trice", "teur"),
    ("ieres", "ier"),
    ("iere", "ier"),
    ("iennes", "ien"),
    ("ienne", "ien"),
    ("esses", "e"),
    ("esse", "e"),
    ("eaux", "eau"),
    ("aux", "al"),
    ("ees", "e"),
    ("ee", "e"),
    ("eres", "er"),
    ("ere", "er"),  # « bouchère », « boulangère », « bergère »
    ("elles", "el"),  # « professionnelle », « manuelle »
    ("elle", "el"),
    ("ives", "if"),  # « administrative », « sportive »
    ("ive", "if"),
    ("ales", "al"),  # « générale », « principale »
    ("ale", "al"),
    ("onnes", "on"),  # « bûcheronne », « patronne »
    ("onne", "on"),
    ("ies", "i"),  # « apprentie »; « boulangeries » and « boulangerie » meet too
    ("ie", "i"),
)
_FEMININE_E = re.compile(r"[aeiou]n?[td]e$")


def word_key(folded: str) -> str:
    """A matching key for one folded word: "soudeuses" → "soudeur", "adjointe" → "adjoint"."""
    if len(folded) <= 3 or not folded.isalpha():
        return folded
    for ending, replacement in _ENDINGS:
        if folded.endswith(ending) and len(folded) > len(ending) + 2:
            return folded[: -len(ending)] + replacement
    if folded.endswith("s") and not folded.endswith(("ss", "us", "is")) and len(folded) > 4:
        folded = folded[:-1]
    if len(folded) > 5 and _FEMININE_E.search(folded):
        folded = folded[:-1]
    return folded


def text_key(text: str) -> str:
    """The words' keys joined by spaces: what exact matching compares."""
    return " ".join(token.key for token in tokenize(text))


def content_words(key: str) -> frozenset[str]:
    """The words of a matching key (text_key) that say something: no small words, no single
    letters."""
    return frozenset(word for word in key.split() if len(word) > 1 and word not in STOPWORDS)


# Job titles ------------------------------------------------------------------------------------

_GENDER_SUFFIXES = (
    r"e|es|ne|nes|se|ses|euse|euses|rice|rices|trice|trices|ere|eres|ère|ères|iere|ière|le|les|"
    r"ive|ve|fe|te|de|x|s"
)
# "(e)", "(euse)", "(H/F)", "(F/H/X)", "(M/F)" and the like.
_PARENTHESISED_MARK = re.compile(
    rf"\(\s*(?:(?:{_GENDER_SUFFIXES})|[hfmx]\s*/\s*[hfmx](?:\s*/\s*[hfmx])?)\s*\)", re.IGNORECASE
)
# "soudeur·euse", "soudeur.euse", "préposé·e", "technicien.ne", "soudeur-euse"
_DOTTED_MARK = re.compile(rf"(?<=\w)[·.•-](?:{_GENDER_SUFFIXES})\b", re.IGNORECASE)
# A trailing "H/F" or "F/H" written without parentheses.
_LOOSE_MARK = re.compile(
    r"(?:^|\s|-)[hfm]\s*/\s*[hfmx](?:\s*/\s*[hfmx])?(?=\s|$|[-,)])", re.IGNORECASE
)
_SLASH_SUFFIX = re.compile(rf"(?<=\w)\s*/\s*(?:{_GENDER_SUFFIXES})\b", re.IGNORECASE)
_NOISE = re.compile(
    r"\b(?:urgent|temps plein|temps partiel|full[- ]time|part[- ]time|poste permanent|"
    r"permanent position|sur appel|on call|\d+\s*postes?)\b",
    re.IGNORECASE,
)
_EXTRA_SPACE = re.compile(r"\s+")
_EDGE_PUNCTUATION = " -–—,;:/|*•·."

_SKILL_ABBREVIATION = re.compile(r"\b(" + "|".join(map(re.escape, SKILL_ABBREVIATIONS)) + r")\b")


def expand_skill_terms(text: str) -> str:
    """The text with known skill abbreviations followed by their meaning: "soudage MIG" →
    "soudage MIG (metal inert gas, gaz inerte)". For comparing, never for showing."""
    return _SKILL_ABBREVIATION.sub(
        lambda m: f"{m.group(1)} ({SKILL_ABBREVIATIONS[m.group(1)]})", text
    )


def verb_form(phrase: str) -> str | None:
    """The phrase with its first word, a French noun of action, turned into its verb:
    « lecture de plans » → « lire de plans »; None when it does not start with one."""
    tokens = tokenize(phrase)
    if not tokens or tokens[0].folded not in NOUN_TO_VERB:
        return None
    return NOUN_TO_VERB[tokens[0].folded] + phrase[tokens[0].end :]


# Québec usage for the same jobs (data/quebec_job_titles/SOURCE.md): read once, with the table of
# words of elsewhere in vocabulary.py.
QUEBEC_EQUIVALENTS_FILE = (
    Path(__file__).resolve().parents[2] / "data" / "quebec_job_titles" / "equivalents.csv"
)


def quebec_equivalents() -> dict[str, str]:
    with QUEBEC_EQUIVALENTS_FILE.open(encoding="utf-8", newline="") as rows:
        return {row["words"]: row["equivalent"] for row in csv.DictReader(rows)}


_REGIONAL_KEYS = {
    text_key(words): variant
    for words, variant in {**REGIONAL_EQUIVALENTS, **quebec_equivalents()}.items()
}


def clean_title(title: str) -> str:
    """A job title without gender marks, slashes between gender forms and noise:
    "Soudeur / Soudeuse (H/F) - temps plein" → "Soudeur"."""
    text = "".join(
        ch if unicodedata.category(ch) != "So" else " "
        for ch in unicodedata.normalize("NFC", title)
    )
    text = _PARENTHESISED_MARK.sub(_without_mark, text)
    text = _LOOSE_MARK.sub(" ", text)
    text = _DOTTED_MARK.sub("", text)
    text = _SLASH_SUFFIX.sub("", text)
    text = _NOISE.sub(" ", text)
    text = _drop_second_gender_form(text)
    return _EXTRA_SPACE.sub(" ", text).strip(_EDGE_PUNCTUATION)


def _without_mark(mark: re.Match) -> str:
    """ "(ère)" gives a space, but nothing before a hyphen: « Boulanger(ère)-pâtissier(ère) »
    keeps its words joined."""
    return "" if mark.string[mark.end() : mark.end() + 1] == "-" else " "


def _drop_second_gender_form(text: str) -> str:
    """ "Soudeur / Soudeuse" → "Soudeur", "Directeur adjoint/directrice adjointe d'école" →
    "Directeur adjoint d'école": the part after a slash is a gender form when its first words have
    the same keys as the whole part before it; the words that follow the form are kept. A part
    that is not a gender form stays as an alternative ("Technicien / analyste")."""
    parts = text.split("/")
    result = parts[0].strip()
    for part in parts[1:]:
        before = [token.key for token in tokenize(result)]
        after = tokenize(part)
        if not after:
            continue
        if before and [token.key for token in after[: len(before)]] == before:
            result = f"{result}{part[after[len(before) - 1].end :]}".rstrip()
        else:
            result = f"{result} / {part.strip()}"
    return result


def expand_abbreviations(text: str) -> str:
    """Replace the known abbreviations of a title by their words: "Tech. en génie" → "technicien
    en génie". Tokens that are not abbreviations are kept as written."""
    pieces, last = [], 0
    for match in _TOKEN.finditer(text):
        expansion = ABBREVIATIONS.get(fold(match.group()))
        if expansion is None:
            continue
        pieces.append(text[last : match.start()])
        pieces.append(expansion)
        last = match.end()
        if text[last : last + 1] == ".":
            last += 1
    pieces.append(text[last:])
    return "".join(pieces)


# What a job ad adds to a title that says nothing of the job: pay (« 22,50 $/h », "$25/hr"),
# hours (« 40 h/semaine »), shifts (« quart de nuit », « 2e quart », "night shift"), where the
# work is done (« en mode hybride », "(Remote)"). Only the explicit forms: « Gardien de nuit »
# names a job, and « - mode » may be the trade (fashion).
# « 1 200 », « 22,50 », "1,200.00": digits grouped by thousands, so that « classe 1 25 $/h »
# keeps its licence class.
_AMOUNT = r"\d{1,3}(?:[\s,.]\d{3})*(?:[,.]\d{1,2})?"
_POSTING_DETAILS = re.compile(
    rf"\$\s*{_AMOUNT}(?:\s*/\s*\w+)?"
    rf"|\b{_AMOUNT}\s*\$(?:\s*/\s*\w+)?"
    r"|\b\d+(?:[,.]\d+)?\s*(?:h|heures?|hrs?|hours?)\s*(?:/|par|per|à|a)\s*"
    r"(?:sem(?:aine)?|week|wk)\b\.?"
    r"|\b(?:\d+\s*(?:e|er|re|ème|eme|st|nd|rd|th)\s+)?quart\s+de\s+(?:jour|soir|nuit)\b"
    r"|\b\d+\s*(?:e|er|re|ème|eme)\s+quart\b"
    r"|\b(?:(?:day|evening|night|weekend|\d+(?:st|nd|rd|th))\s+)shift\b"
    r"|\((?:jour|soir|nuit|day|evening|night|remote|hybrid|hybride|télétravail)s?\)"
    r"|\ben\s+mode\s+(?:hybride|télétravail|présentiel)\b"
    r"|\b\d+\s*(?:jours?|days?)\s*(?:/|par|per|a)\s*(?:sem(?:aine)?|week)\b"
    r"|\b(?:à|a)\s+temps\s+(?:plein|partiel)\b",  # clean_title's noise leaves the « à »
    re.IGNORECASE,
)
# A part of the title between dashes made only of when or where the work is: « - soir et fin
# de semaine », « - télétravail », "- Remote".
_SCHEDULE_PART = re.compile(
    r"^(?:[\s,()/]|(?:et|and|or|ou|de|la|en|fin|fins|semaine|weekends?|jours?|soirs?|soirées?|"
    r"nuits?|days?|evenings?|nights?|prime|premium|télétravail|teletravail|remote|hybrid|"
    r"hybride)\b)*$",
    re.IGNORECASE,
)
_TITLE_PARTS = re.compile(r"(?:^|\s)[-–—](?=\s|$)")  # a dash between words, not in one
_EMPTY_PARENTHESES = re.compile(r"\(\s*\)")


def _meaning_key(key: str) -> str:
    """A matching key (text_key) without its function words: « commis a l entrepot » →
    « commis entrepot »."""
    return " ".join(word for word in key.split() if word not in STOPWORDS)


def strip_posting_details(title: str) -> str:
    """The title without what a job ad adds about pay, hours, shifts and remote work:
    « Soudeur - 2e quart - 28 $/h » → « Soudeur », « Infirmière clinicienne - urgence - jour » →
    « Infirmière clinicienne - urgence ». For looking a title up; labels are never written so."""
    text = _EMPTY_PARENTHESES.sub(" ", _POSTING_DETAILS.sub(" ", title))
    parts = [part.strip() for part in _TITLE_PARTS.split(text)]
    kept = [part for part in parts if part and not _SCHEDULE_PART.match(part)]
    return " - ".join(kept) if kept else title


def title_variants(title: str) -> list[str]:
    """The forms of a title worth looking up, most faithful first, without duplicates: the cleaned
    title (without an ad's pay, hours and shifts), its abbreviations expanded, and its Québec
    equivalent when it is a word of elsewhere (matched on the meaning words when the words in
    between differ: « commis à l'entrepôt » as « commis d'entrepôt »)."""
    cleaned = clean_title(strip_posting_details(title))
    variants = [cleaned, expand_abbreviations(cleaned)]
    keys = f" {text_key(cleaned)} "
    meaning_keys = f" {_meaning_key(keys)} "
    for words, equivalent in _REGIONAL_KEYS.items():
        if f" {words} " in keys:
            variants.append(keys.replace(f" {words} ", f" {equivalent} ").strip())
        elif (meaning := _meaning_key(words)) and f" {meaning} " in meaning_keys:
            variants.append(meaning_keys.replace(f" {meaning} ", f" {equivalent} ").strip())
    unique: dict[str, str] = {}
    for variant in variants:
        variant = _EXTRA_SPACE.sub(" ", variant).strip(_EDGE_PUNCTUATION)
        if variant and fold(variant) not in unique:
            unique[fold(variant)] = variant
    return list(unique.values())


# Language ---------------------------------------------------------------------------------------

_FRENCH_LETTERS = re.compile(r"[éèêàâùûçœîïëô]", re.IGNORECASE)
_FRENCH_ENDINGS = re.compile(r"(?:eur|euse|ier|ière|ienne|ement|é|ée|és|aire)$")
# French endings, most of them feminine, that English words do not have, matched on the folded
# word so that a title typed in lower case without accents counts too (« adjointe »,
# « representante », « caissiere », « soudeure », « dessinatrice », « professionnelle »,
# « machiniste »). Not « -ive » nor « -ale »: English has them (« administrative »,
# « wholesale »), so they say nothing alone.
_FRENCH_FOLDED_ENDINGS = re.compile(
    r"(?:ointe|ante|ente|eure|trice|elle|onne|(?:i|ch|g|ll)ere|iste|eute)$"
)
_ENGLISH_ENDINGS = re.compile(r"(?:ing|ship|ness|ed|ist|ity|ian|or|ary)$")


def detect_language(text: str) -> Language | None:
    """ "fr" or "en" when the words say so, None when they do not (a code, a single neutral
    word). Short texts (titles) lean on accents and endings; longer ones on function words."""
    tokens = tokenize(text)
    if not tokens:
        return None
    french = sum(token.folded in _FRENCH_MARKERS for token in tokens)
    english = sum(token.folded in _ENGLISH_MARKERS for token in tokens)
    french += 2 * len(_FRENCH_LETTERS.findall(text))
    for token in tokens:
        word = token.text.lower()
        if _FRENCH_ENDINGS.search(word) or (
            len(token.folded) > 5 and _FRENCH_FOLDED_ENDINGS.search(token.folded)
        ):
            french += 0.5
        elif _ENGLISH_ENDINGS.search(word):
            english += 0.5
    if french == english:
        return None
    return "fr" if french > english else "en"


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


_ALLOWED_CONTROLS = frozenset("\t\n\r")


def input_problem(text: str, *, max_chars: int) -> str | None:
    """Why a text cannot be read as words (a short English phrase), or None when it can. Emojis
    and other symbols are fine as long as there are letters too."""
    if not text.strip():
        return "empty"
    if len(text) > max_chars:
        return f"too long: {len(text)} characters, at most {max_chars}"
    if any(
        unicodedata.category(ch) in {"Cc", "Cs", "Co", "Cn"} and ch not in _ALLOWED_CONTROLS
        for ch in text
    ):
        return "binary data, not text"
    if "\ufffd" in text:
        return "not valid UTF-8 text"
    if not has_letters(text):
        return "no letters"
    return None
