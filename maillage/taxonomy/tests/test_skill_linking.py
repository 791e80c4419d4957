"""Skills a person types, linked to ESCO (taxonomy.selectors.skill_link) with the real language
tools, and the labelled list of typed Québec skills (data/typed_skills)."""

import pytest

from benchmarks.skill_linking import typed_linking_scores, typed_skills
from maillage.taxonomy.selectors import esco_skill_label, skill_link, skill_links

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tools(django_db_blocker):
    from maillage.taxonomy.language import language_tools

    with django_db_blocker.unblock():
        return language_tools()


def english_label(uri: str) -> str:
    from django.utils import translation

    with translation.override("en"):
        return esco_skill_label(uri)


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("tenue de livres", "accounting"),  # was "read books"
        ("Tenue de livres", "accounting"),
        ("bookkeeping", "accounting"),
        ("cariste", "operate forklift"),
        ("conduite de chariot élévateur", "operate forklift"),
        ("forklift operation", "operate forklift"),
    ],
)
def test_typed_skills_link_to_their_esco_skill_in_french_and_english(typed, label):
    assert english_label(skill_link(typed)) == label


@pytest.mark.parametrize(
    ("typed", "labels"),
    [
        # Two trades joined by a slash: either one is right, the link is not lost.
        (
            "soudage MIG/TIG",
            {"perform metal inert gas welding", "perform tungsten inert gas welding"},
        ),
        ("MIG welding", {"perform metal inert gas welding"}),
        # Software named by its brand, which ESCO names by its kind.
        ("Sage 50", {"use accounting systems"}),
        ("Acomba", {"use accounting systems"}),
        ("Excel avancé", {"use spreadsheets software"}),
    ],
)
def test_slashes_and_brand_names_are_linked_to_the_skill_they_name(typed, labels):
    assert english_label(skill_link(typed)) in labels


def test_housekeeping_is_no_longer_linked_to_maintaining_tanks():
    assert english_label(skill_link("entretien ménager")) != "maintain tanks"
    assert skill_link("entretien ménager") == skill_link("housekeeping") != ""


def test_unreadable_or_unknown_typed_skills_stay_unlinked():
    assert skill_link("") == skill_link("12345") == skill_link("x" * 300) == ""
    assert skill_links(["cariste", "zzqx vbnm"]) == {"cariste": skill_link("cariste")}


def test_the_labelled_typed_skills_are_linked_precisely_on_their_tune_half():
    rows = [row for row in typed_skills() if row.half == "tune"]
    assert len(rows) >= 40 and {row.language for row in rows} == {"fr", "en"}
    scores = typed_linking_scores(skill_link, rows)
    assert scores["precision"] >= 0.9
    assert scores["recall"] >= 0.8


def test_a_ticked_esco_skill_reads_in_the_pages_language_and_typed_words_stay_as_typed():
    from django.utils import translation

    from maillage.taxonomy.selectors import skill_display_label

    uri = skill_link("cariste")
    labels = language_tools_labels(uri)
    # Ticked on an English page, read on a French one (and the other way round).
    with translation.override("fr"):
        assert skill_display_label(labels["en"], uri) == labels["fr"]
        assert skill_display_label("cariste", uri) == "cariste"
        assert esco_skill_label(uri) == labels["fr"]
    with translation.override("en"):
        assert skill_display_label(labels["fr"], uri) == labels["en"]


def test_a_skill_esco_has_no_french_label_for_shows_no_english_on_a_french_page():
    from django.utils import translation

    from maillage.taxonomy.language import language_tools

    english_only = next(
        uri for uri, labels in language_tools().skills.preferred.items() if not labels.get("fr")
    )
    with translation.override("fr"):
        assert esco_skill_label(english_only) == ""


def language_tools_labels(uri: str) -> dict[str, str]:
    from maillage.taxonomy.language import language_tools

    return language_tools().skills.preferred[uri]
