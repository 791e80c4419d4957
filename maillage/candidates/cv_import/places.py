"""Places in a CV: the city and country a job or a diploma names (« Medellín (Colombie) »,
« Casablanca, Maroc », « Québec (Québec) »), told apart from a school's or an employer's name."""

import re

from django_countries import countries

from maillage.candidates.cv_import.lines import EDGES
from matchcore.language.folding import fold

_PROVINCES = re.compile(
    r"^(?:quebec|qc|ontario|on|nouveau-brunswick|new brunswick|nb|nouvelle-ecosse|nova scotia|ns"
    r"|manitoba|mb|saskatchewan|sk|alberta|ab|colombie-britannique|british columbia|bc"
    r"|ile-du-prince-edouard|prince edward island|pe|pei|terre-neuve-et-labrador|nl"
    r"|newfoundland and labrador|canada)$"
)


def place_of(segment: str) -> tuple[str, str, str]:
    """(city, country, words before the place) when the segment names a place: « Medellín
    (Colombie) », « Casablanca, Maroc », « Québec (Québec) », « Dubai, United Arab Emirates »,
    « St. Luke's Medical Center, Quezon City, Philippines »; else ("", "", "")."""
    bracket = re.fullmatch(r"(?P<city>[^()]+?)\s*\((?P<region>[^()]+)\)", segment.strip())
    if bracket:
        code = _country_code(bracket.group("region"))
        if code:
            pieces = [p.strip(EDGES) for p in bracket.group("city").split(",") if p.strip(EDGES)]
            if pieces and looks_like_organisation(pieces[-1]):
                return "", code, ", ".join(pieces)  # « Lagos General Hospital (Nigeria) »
            return (pieces[-1] if pieces else ""), code, ", ".join(pieces[:-1])
    pieces = [piece.strip(EDGES) for piece in segment.split(",") if piece.strip(EDGES)]
    for index in range(len(pieces) - 1, -1, -1):
        code = _country_code(pieces[index])
        if code:
            city = pieces[index - 1] if index >= 1 else ""
            before = ", ".join(pieces[: max(index - 1, 0)])
            if city and looks_like_organisation(city):
                city, before = "", ", ".join(pieces[:index])
            if code == "CA" and fold(pieces[index]) in {"quebec", "qc"} and index == 0:
                city = ""
            return city, code, before
    return "", "", ""


_ORGANISATION_WORDS = re.compile(
    r"\b(?:universite|university|college|cegep|ecole|school|institut|institute|lycee|centre"
    r"|center|polytechnic|polytechnique|academie|academy|faculte|faculty|hopital|hospital|clinique"
    r"|clinic|inc|ltd|ltee|sarl|sa|gmbh|llc|group|groupe|company|compagnie|societe|ministere"
    r"|ministry|cfp|iset|cabinet|hotel|restaurant|bank|banque|usine|plant)\b"
)


def looks_like_organisation(words: str) -> bool:
    """A school or an employer rather than a city: an organisation word, an acronym in capitals
    (SENA, OFPPT) or more than three words."""
    return bool(
        _ORGANISATION_WORDS.search(fold(words))
        or re.search(r"\b[A-Z]{3,}\b", words)
        or len(words.split()) > 3
    )


_COUNTRY_NAMES: dict[str, str] = {}


def _country_code(words: str) -> str:
    """The ISO code of a country (French or English name), or "CA" for a Canadian province."""
    folded = re.sub(r"[^a-z ]+", " ", fold(words)).strip()
    folded = re.sub(r"\s+", " ", folded)
    if not folded:
        return ""
    if _PROVINCES.match(folded):
        return "CA"
    return _country_names().get(folded, "")


def _country_names() -> dict[str, str]:
    if not _COUNTRY_NAMES:
        from django.utils import translation

        for language in ("fr", "en"):
            with translation.override(language):
                for code, name in countries:
                    _COUNTRY_NAMES[re.sub(r"[^a-z ]+", " ", fold(str(name))).strip()] = code
        _COUNTRY_NAMES.update(
            {"usa": "US", "etats unis": "US", "uk": "GB", "angleterre": "GB", "rdc": "CD"}
        )
        _COUNTRY_NAMES.update({"republique democratique du congo": "CD", "emirats": "AE"})
    return _COUNTRY_NAMES


def country_in(text: str) -> str:
    """The ISO code of a country named anywhere in the text, or ""."""
    folded = f" {re.sub(r'[^a-z ]+', ' ', fold(text))} "
    for name, code in sorted(_country_names().items(), key=lambda item: -len(item[0])):
        if len(name) >= 4 and f" {name} " in folded:
            return code
    return ""
