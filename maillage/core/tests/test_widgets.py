"""The searchable select renders every option, the chosen one selected, labels escaped."""

import pytest
from django import forms

from maillage.core.widgets import SearchableSelect
from maillage.regions.models import Municipality


def _widget(choices=()) -> SearchableSelect:
    return SearchableSelect(
        search_url="taxonomy:noc-options", search_label="Chercher", choices=choices
    )


def test_options_keep_the_choice_the_person_made_and_escape_labels():
    html = _widget(
        choices=[("", "---------"), ("72106", "Soudeurs <et> opérateurs"), ("7", "Métiers")]
    ).render("noc", "72106", attrs={"id": "id_noc"})
    assert '<option value="">---------</option>' in html
    assert '<option value="72106" selected>Soudeurs &lt;et&gt; opérateurs</option>' in html
    assert '<option value="7">Métiers</option>' in html
    assert html.count(" selected") == 1


@pytest.mark.django_db
def test_a_model_choice_field_lists_every_municipality_with_the_current_one_selected():
    field = forms.ModelChoiceField(queryset=Municipality.objects.order_by("name"), widget=_widget())
    rimouski = Municipality.objects.get(name="Rimouski")
    html = field.widget.render("municipality", rimouski.pk, attrs={"id": "id_municipality"})
    assert html.count("<option ") == Municipality.objects.count() + 1  # with the empty choice
    assert f'<option value="{rimouski.pk}" selected>{rimouski}</option>' in html
