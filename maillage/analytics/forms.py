from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import DateInput, StyledForm
from maillage.regions.models import ChamberOfCommerce, Region
from maillage.taxonomy.models import NocGroup, NocLevel


class FiltersForm(StyledForm):
    start = forms.DateField(label=_("From"), required=False, widget=DateInput())
    end = forms.DateField(label=_("To"), required=False, widget=DateInput())
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.served(), required=False
    )
    chamber = forms.ModelChoiceField(
        label=_("Chamber of commerce"), queryset=ChamberOfCommerce.objects.all(), required=False
    )
    noc_category = forms.ChoiceField(label=_("Occupations (NOC broad category)"), required=False)

    """The program team's filters (a regional partner sees the whole region, unfiltered)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        categories = NocGroup.objects.filter(level=NocLevel.BROAD_CATEGORY).order_by("code")
        self.fields["noc_category"].choices = [
            ("", _("All")),
            *[(c.code, str(c)) for c in categories],
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            self.add_error("end", _("The end of the period comes before its start."))
        return cleaned
