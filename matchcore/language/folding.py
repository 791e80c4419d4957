"""Accent and case folding shared by every lookup of French and English text."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced text: "Rivière-du-Loup " → "riviere-du-loup"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower().replace("œ", "oe").replace("æ", "ae")).strip()
