"""The forms of the CV import: the upload, then the review of what was read, field by field."""

from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from maillage.candidates.cv_import.reading import CvUnreadable, cv_text
from maillage.candidates.models import Education, WorkExperience
from maillage.core.forms import DateInput, StyledForm
from maillage.core.uploads import DOCX, PDF, check_upload
from maillage.taxonomy.forms import EscoSkillChoiceField
from maillage.taxonomy.models import NocGroup
from maillage.taxonomy.scales import EducationLevel, LanguageLevel

CV_TYPES = frozenset({PDF, DOCX})
UNREADABLE = {
    "encrypted": _(
        "This PDF is protected by a password, so we cannot read it. Remove the protection, or "
        "upload your CV as a Word (DOCX) file."
    ),
    "no_text": _(
        "We found no text in this file: it is probably a scanned image. Upload the PDF made by your "
        "word processor or a Word (DOCX) file, or fill in your profile by hand."
    ),
    "broken": _(
        "This file could not be read: it may be damaged. Try saving it again as PDF or DOCX."
    ),
    "too_complex": _(
        "This file is far larger inside than a CV (too many pages, elements or compressed data), "
        "so we stopped reading it. Save your CV again as PDF or DOCX from your word processor, "
        "or fill in your profile by hand. Nothing was saved."
    ),
}
MAX_IMPORTED = 20


def country_choices() -> list[tuple[str, str]]:
    return [("", "—")] + list(countries)


class CvUploadForm(StyledForm):
    file = forms.FileField(label=_("Your CV"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = filesizeformat(settings.MAX_CV_UPLOAD_BYTES)
        self.fields["file"].help_text = _(
            "PDF or Word (DOCX), %(limit)s at most. It is read to pre-fill your profile, then "
            "forgotten: the file is not kept."
        ) % {"limit": limit}
        self.text = ""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        checked = check_upload(upload, allowed=CV_TYPES, max_bytes=settings.MAX_CV_UPLOAD_BYTES)
        upload.seek(0)
        try:
            self.text = cv_text(upload.read(), checked.content_type)
        except CvUnreadable as unreadable:
            raise ValidationError(UNREADABLE[unreadable.reason], code=unreadable.reason) from None
        return upload


class ExperienceImportForm(StyledForm):
    keep = forms.BooleanField(
        label=_("Add this experience to my profile"), required=False, initial=True
    )
    title = forms.CharField(label=_("job title"), max_length=200, required=False)
    employer_name = forms.CharField(label=_("employer"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("country"), choices=country_choices, required=False)
    start_date = forms.DateField(label=_("start date"), required=False, widget=DateInput())
    end_date = forms.DateField(
        label=_("end date"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty if you still hold this job."),
    )
    description = forms.CharField(
        label=_("description"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    noc = forms.ChoiceField(
        label=_("Occupation (NOC 2021)"), required=False, widget=forms.RadioSelect
    )
    # The codes offered as choices, so that the form shows them again after an error.
    noc_options = forms.CharField(required=False, widget=forms.HiddenInput)
    # The CV gave only years: the page asks the candidate to check the months.
    is_year_only = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        raw = (
            self.data.get(self.add_prefix("noc_options"))
            if self.is_bound
            else self.initial.get("noc_options")
        )
        codes = [code for code in (raw or "").split(",") if code.isdigit() and len(code) == 5][:5]
        groups = NocGroup.objects.unit_groups().in_bulk(codes)
        self.fields["noc"].choices = [
            (code, str(groups[code])) for code in codes if code in groups
        ] + [("", _("None of these (I will choose later)"))]

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("keep"):
            return cleaned
        for name in ("title", "country", "start_date"):
            if not cleaned.get(name):
                self.add_error(
                    name, ValidationError(_("Required to add this experience."), code="required")
                )
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and start > self.today:
            self.add_error(
                "start_date",
                ValidationError(_("The start date cannot be in the future."), code="future"),
            )
        if start and end and end < start:
            self.add_error(
                "end_date",
                ValidationError(
                    _("The end date cannot be before the start date."), code="end_before_start"
                ),
            )
        return cleaned

    def experience(self) -> WorkExperience:
        data = self.cleaned_data
        return WorkExperience(
            title=data["title"],
            employer_name=data["employer_name"],
            country=data["country"],
            start_date=data["start_date"],
            end_date=data["end_date"],
            description=data["description"],
            noc_id=data["noc"] or None,
        )


class EducationImportForm(StyledForm):
    keep = forms.BooleanField(
        label=_("Add this education to my profile"), required=False, initial=True
    )
    level = forms.TypedChoiceField(
        label=_("level"),
        choices=[("", "—"), *EducationLevel.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    field = forms.CharField(label=_("field of study"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("country"), choices=country_choices, required=False)
    year_completed = forms.IntegerField(
        label=_("year completed"), min_value=1950, max_value=2100, required=False
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("keep"):
            for name in ("level", "field", "country"):
                if cleaned.get(name) in (None, ""):
                    self.add_error(
                        name, ValidationError(_("Required to add this education."), code="required")
                    )
        return cleaned

    def education(self) -> Education:
        data = self.cleaned_data
        return Education(
            level=data["level"],
            field=data["field"],
            country=data["country"],
            year_completed=data["year_completed"],
        )


ExperienceImportFormSet = formset_factory(
    ExperienceImportForm,
    extra=0,
    max_num=MAX_IMPORTED,
    absolute_max=MAX_IMPORTED,
    validate_max=True,
)
EducationImportFormSet = formset_factory(
    EducationImportForm, extra=0, max_num=MAX_IMPORTED, absolute_max=MAX_IMPORTED, validate_max=True
)


class CvReviewForm(StyledForm):
    summary = forms.CharField(
        label=_("About you, as written in your CV"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    replace_summary = forms.BooleanField(label=_("Use this text for “About you”"), required=False)
    esco_skills = EscoSkillChoiceField(label=_("Skills found in your CV: tick those you have"))
    # The skills offered, so that the form shows them again after an error.
    skill_options = forms.CharField(required=False, widget=forms.HiddenInput)
    certifications = forms.MultipleChoiceField(
        label=_("Certifications, cards and licences in your CV: tick those to add to your skills"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    certification_options = forms.CharField(required=False, widget=forms.HiddenInput)
    french_level = forms.TypedChoiceField(
        choices=LanguageLevel.choices,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.HiddenInput,
    )
    use_french_level = forms.BooleanField(required=False)
    english_level = forms.TypedChoiceField(
        choices=LanguageLevel.choices,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.HiddenInput,
    )
    use_english_level = forms.BooleanField(required=False)

    def __init__(self, *args, found_in: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        raw = self.data.get("skill_options") if self.is_bound else self.initial.get("skill_options")
        field = self.fields["esco_skills"]
        field.set_ticked((raw or "").split())
        raw_certifications = (
            self.data.get("certification_options")
            if self.is_bound
            else self.initial.get("certification_options")
        )
        names = [name for name in (raw_certifications or "").splitlines() if name.strip()]
        self.fields["certifications"].choices = [(name[:200], name[:200]) for name in names[:20]]
        for language, name in (("french", _("French")), ("english", _("English"))):
            level = self[f"{language}_level"].value()
            self.fields[f"use_{language}_level"].label = _(
                "Use level %(level)s of the Échelle québécoise for my %(language)s "
                "(the four skills)"
            ) % {"level": level or "—", "language": str(name).lower()}
        found_in = found_in or {}
        field.choices = [
            (
                uri,
                _("%(skill)s (found in “%(words)s”)") % {"skill": label, "words": found_in[uri]}
                if found_in.get(uri)
                else label,
            )
            for uri, label in field.choices
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        for language in ("french", "english"):
            if cleaned.get(f"use_{language}_level") and not cleaned.get(f"{language}_level"):
                self.add_error(
                    f"use_{language}_level",
                    ValidationError(_("No level was proposed for this language."), code="no_level"),
                )
        return cleaned

    def language_levels(self) -> dict[str, int]:
        """Language ("french", "english") → the level the candidate accepted."""
        return {
            language: self.cleaned_data[f"{language}_level"]
            for language in ("french", "english")
            if self.cleaned_data.get(f"use_{language}_level")
        }
