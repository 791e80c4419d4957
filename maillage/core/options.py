"""The answer of a searchable picker's search: <option>s, keeping the person's current choice."""

from collections.abc import Callable, Sequence

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def options_response(
    request: HttpRequest, found: Sequence[tuple[str, str]], label_of: Callable[[str], str | None]
) -> HttpResponse:
    """Render `found` (value, label) pairs; the value currently chosen in the picker's <select>
    (sent under the field's name) stays selected and first, even when the search no longer finds it."""
    field = request.GET.get("field", "")
    selected = request.GET.get(field, "") if field and field != "q" else ""
    options = list(found)
    if selected and selected not in {value for value, _label in options}:
        label = label_of(selected)
        if label is not None:
            options.insert(0, (selected, label))
    return render(request, "core/options.html", {"options": options, "selected": selected})
