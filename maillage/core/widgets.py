from django import forms
from django.urls import reverse_lazy


class SearchableSelect(forms.Select):
    """A native <select> (works without JavaScript) with a search box that narrows its options
    through an htmx call to `search_url`, which answers with <option> elements."""

    template_name = "core/widgets/searchable_select.html"

    def __init__(
        self, *, search_url: str, search_label: str, attrs: dict | None = None, choices=()
    ):
        super().__init__(attrs=attrs, choices=choices)
        self.search_url = reverse_lazy(search_url)
        self.search_label = search_label

    def get_context(self, name: str, value, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        context["widget"]["search_url"] = str(self.search_url)
        context["widget"]["search_label"] = self.search_label
        return context
