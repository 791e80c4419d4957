"""The French glossary is enforced on the catalogs: one term per concept, Québec typography."""

import polib
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from maillage.core.glossary import avoided_terms, catalog_slips, text_slips
from maillage.core.management.commands import check_translations


def test_the_glossary_names_the_words_to_avoid():
    terms = avoided_terms()
    assert terms["moteur d'arrimage"] == "moteur de jumelage"
    assert terms["courte liste"] == "liste restreinte"
    assert terms["Mio"] == "Mo"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Le moteur d'arrimage a trouvé", "« moteur d'arrimage »: say « moteur de jumelage »"),
        ("Sur la courte liste", "« courte liste »: say « liste restreinte »"),
        ("L’horaire", "curly apostrophe (use ')"),
        ("Ville : Rimouski", "plain space before : ; ? ! (use a no-break space)"),
        ("demandées; il manque", "no space before ; ? ! (use a no-break space)"),
    ],
)
def test_each_slip_is_named(text, problem):
    assert problem in text_slips(text, avoided_terms())


def test_well_set_french_and_placeholders_pass():
    text = "Vous avez 2 des 3 compétences demandées\u00a0; il manque\u00a0: %(email)s. 9 h 30"
    assert text_slips(text, avoided_terms()) == []


def test_the_check_fails_on_a_catalog_with_a_slip(tmp_path, monkeypatch):
    catalog = polib.POFile()
    catalog.append(polib.POEntry(msgid="Short list", msgstr="Courte liste"))
    path = tmp_path / "django.po"
    catalog.save(str(path))
    assert [slip.problem for slip in catalog_slips([path])] == [
        "« courte liste »: say « liste restreinte »"
    ]
    monkeypatch.setattr(check_translations, "extract_messages", lambda: None)
    monkeypatch.setattr(check_translations, "project_po_files", lambda: [path])
    with pytest.raises(CommandError, match="liste restreinte"):
        call_command("check_translations")
