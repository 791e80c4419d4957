from collections.abc import Iterator

from django import forms
from django.urls import reverse_lazy
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe


class LongSelect(forms.Select):
    """A <select> for hundreds of options (the NOC's 516 unit groups, Québec's 1,130
    municipalities), written in one pass. Django's Select builds a dictionary of attributes and
    renders a template per option, which took most of the time of the pages that have one."""

    template_name = "core/widgets/long_select.html"

    def get_context(self, name: str, value, attrs: dict | None) -> dict:
        # forms.Widget's context, not ChoiceWidget's: no per-option dictionaries.
        context = forms.Widget.get_context(self, name, value, attrs)
        selected = set(self.format_value(value))
        context["widget"]["options_html"] = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            (
                (
                    option_value,
                    mark_safe(" selected") if option_value in selected else "",
                    label,
                )
                for option_value, label in self._flat_choices()
            ),
        )
        return context

    def _flat_choices(self) -> Iterator[tuple[str, str]]:
        for option_value, label in self.choices:
            if isinstance(label, (list, tuple)):  # a named group: its options, flattened
                yield from ((str(v), str(lbl)) for v, lbl in label)
            else:
                yield ("" if option_value is None else str(option_value), str(label))


class SearchableSelect(LongSelect):
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
