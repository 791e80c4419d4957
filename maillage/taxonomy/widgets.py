from django import forms
from django.urls import reverse_lazy


class TitleWithNocSuggestions(forms.TextInput):
    """A job-title box that proposes NOC unit groups as the person types (htmx). Choosing one
    selects it in the NOC picker `noc_field_id`; nothing is chosen without a click."""

    template_name = "taxonomy/widgets/title_with_noc_suggestions.html"

    def __init__(self, *, noc_field_id: str = "id_noc", attrs: dict | None = None):
        super().__init__(attrs=attrs)
        self.noc_field_id = noc_field_id

    def get_context(self, name: str, value, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        suggestions_id = f"{widget_attrs.get('id', 'id_' + name)}_noc_suggestions"
        widget_attrs.update(
            {
                "hx-get": str(reverse_lazy("taxonomy:noc-suggestions")),
                "hx-trigger": "input changed delay:400ms, load",
                "hx-target": f"#{suggestions_id}",
                "hx-vals": f'{{"target": "{self.noc_field_id}"}}',
                "autocomplete": "off",
                "aria-describedby": suggestions_id,
            }
        )
        context["widget"]["suggestions_id"] = suggestions_id
        return context
