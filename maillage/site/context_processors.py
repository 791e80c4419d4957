from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from maillage.site.navigation import nav_items_for


@dataclass(frozen=True)
class OtherLanguage:
    code: str
    name: str
    url: str


def site(request: HttpRequest) -> dict:
    """The language switch and the menu of the person's role, for the site shell."""
    current = get_language() or "fr"
    other = "en" if current == "fr" else "fr"
    names = {"fr": "Français", "en": "English"}
    return {
        "other_language": OtherLanguage(
            other, names[other], translate_url(request.get_full_path(), other)
        ),
        "nav_items": nav_items_for(request),
        "site_tagline": _("Jobs in Québec's regions for newcomers"),
    }
