from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import StyledModelForm
from maillage.fairness.models import AuditDeclaration

PREFER_NOT = ("", _("I prefer not to say"))


class DeclarationForm(StyledModelForm):
    is_consented = forms.BooleanField(
        label=_(
            "I agree that Maillage uses these answers only to check that the matching treats every "
            "group fairly. They are never shown to employers nor used to match me."
        ),
        error_messages={"required": _("Tick the box to save your answers, or leave this page.")},
    )

    class Meta:
        model = AuditDeclaration
        fields = ["gender", "age_band", "world_region", "visible_minority"]
        widgets = dict.fromkeys(fields, forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields:
            field = self.fields[name]
            field.choices = [PREFER_NOT, *[c for c in field.choices if c[0]]]
            field.required = False
