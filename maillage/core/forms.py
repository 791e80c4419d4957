"""Form conventions shared by every app."""

from django import forms


class StyledForm(forms.Form):
    required_css_class = "required"
    error_css_class = "has-error"


class StyledModelForm(forms.ModelForm):
    required_css_class = "required"
    error_css_class = "has-error"


class DateInput(forms.DateInput):
    """A native date picker; it sends ISO dates whatever the language."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
