from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import DateInput, StyledForm, StyledModelForm
from maillage.core.widgets import SearchableSelect
from maillage.regions.models import Municipality, RegionFigure, RegionService


class RegionProfileForm(StyledForm):
    presentation_fr = forms.CharField(
        label=_("Presentation in French"),
        required=False,
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    presentation_en = forms.CharField(
        label=_("Presentation in English"),
        required=False,
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class RegionFigureForm(StyledModelForm):
    source_url = forms.URLField(label=_("source address"), required=False, assume_scheme="https")

    class Meta:
        model = RegionFigure
        fields = ["value", "source", "source_url", "as_of", "is_demo"]
        widgets = {"as_of": DateInput()}
        help_texts = {
            "value": _("Dollars for rent and wages, percent for the unemployment rate."),
            "source": _(
                "Who published the figure, for example: Statistique Québec, Labour Force Survey."
            ),
        }


class RegionServiceForm(StyledModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = RegionService
        fields = ["category", "name", "description_fr", "description_en", "municipality", "website"]
        widgets = {
            "municipality": SearchableSelect(
                search_url="regions:municipality-options", search_label=_("Search a municipality")
            ),
            "description_fr": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, region=None, **kwargs):
        super().__init__(*args, **kwargs)
        municipalities = Municipality.objects.select_related("region").order_by("search_name", "pk")
        if region is not None:
            municipalities = municipalities.filter(region=region)
        self.fields["municipality"].queryset = municipalities
        self.fields["municipality"].label_from_instance = lambda m: m.picker_label


class RegionVideoEditForm(StyledForm):
    title_fr = forms.CharField(label=_("Title in French"), max_length=200)
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    transcript_fr = forms.CharField(
        label=_("Transcript in French"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    transcript_en = forms.CharField(
        label=_("Transcript in English"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class RegionVideoUploadForm(RegionVideoEditForm):
    file = forms.FileField(
        label=_("Video file"),
        widget=forms.ClearableFileInput(attrs={"accept": "video/mp4,video/webm"}),
    )
    field_order = ["file", "title_fr", "title_en", "transcript_fr", "transcript_en"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("MP4 (H.264) or WebM (VP9), %(size)s MB at most.") % {
            "size": settings.MAX_VIDEO_UPLOAD_BYTES // (1024 * 1024)
        }


class CaptionForm(StyledForm):
    language = forms.ChoiceField(label=_("Language of the captions"), choices=settings.LANGUAGES)
    file = forms.FileField(
        label=_("Captions file (WebVTT, .vtt)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".vtt,text/vtt"}),
    )
