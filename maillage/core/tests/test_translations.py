"""French is complete: every catalog entry translated, none fuzzy, and each .mo compiled from its .po."""

import polib
import pytest

from maillage.core.management.commands.compile_translations import project_po_files

CATALOGS = project_po_files()


def test_every_app_with_strings_has_a_french_catalog():
    assert len(CATALOGS) >= 6


@pytest.mark.parametrize(
    "po_path", CATALOGS, ids=lambda path: str(path.parent.parent.parent.parent.name)
)
def test_catalog_is_fully_translated_and_compiled(po_path):
    catalog = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert not untranslated, f"{po_path}: untranslated: {untranslated[:10]}"
    assert not fuzzy, f"{po_path}: fuzzy: {fuzzy[:10]}"
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `python manage.py compile_translations`"
    compiled = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in polib.mofile(str(mo_path))
    }
    expected = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in catalog.translated_entries()
    }
    assert compiled == expected, f"{mo_path} is stale: run `python manage.py compile_translations`"
