from django import forms
from django.urls import reverse_lazy
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe


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
        # Hundreds of options (the NOC's 516 unit groups): built here in one pass instead of one
        # template include per option, which took most of the profile page's time.
        context["widget"]["options_html"] = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            (
                (
                    option["value"],
                    mark_safe(" selected") if option["selected"] else "",
                    option["label"],
                )
                for _name, options, _index in context["widget"]["optgroups"]
                for option in options
            ),
        )
        return context
