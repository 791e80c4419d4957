from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maillage.accounts.forms import AccountFieldsForm
from maillage.candidates.models import (
    CandidateProfile,
    CandidateSkill,
    Education,
    PermitStatus,
    ProofDocument,
    Relocation,
    WorkExperience,
)
from maillage.core.forms import DateInput, StyledForm, StyledModelForm
from maillage.core.uploads import JPEG, PDF, PNG, check_upload
from maillage.core.widgets import SearchableSelect
from maillage.regions.models import Municipality, Region
from maillage.taxonomy.models import NocGroup
from maillage.taxonomy.scales import LanguageLevel
from maillage.taxonomy.widgets import TitleWithNocSuggestions
from matchcore.eligibility import PERMANENT_STATUSES, PERMIT_STATUSES

LEVEL_ERROR = _("Choose a level from 1 to 12 on the Échelle québécoise.")
PROOF_TYPES = frozenset({PDF, JPEG, PNG})


class CandidateSignupForm(AccountFieldsForm, StyledForm):
    pass


class ContactForm(StyledModelForm):
    full_name = forms.CharField(label=_("Full name"), max_length=200)

    class Meta:
        model = CandidateProfile
        fields = ["phone", "current_country", "municipality"]
        widgets = {
            "municipality": SearchableSelect(
                search_url="regions:municipality-options",
                search_label=_("Search for a municipality"),
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].initial = self.instance.user.full_name
        self.order_fields(["full_name", "phone", "current_country", "municipality"])
        self.fields["municipality"].queryset = Municipality.objects.select_related(
            "region"
        ).order_by("search_name", "pk")
        self.fields["municipality"].label_from_instance = lambda m: m.picker_label


class StatusSelect(forms.Select):
    """Marks the options of the permanent statuses (`data-permanent`): while one is chosen, the
    page hides the permit expiry (candidates/profile_form.css), which the service then clears."""

    def create_option(self, name, value, *args, **kwargs) -> dict:
        option = super().create_option(name, value, *args, **kwargs)
        if value in PERMANENT_STATUSES:
            option["attrs"]["data-permanent"] = ""
        return option


class ImmigrationForm(StyledModelForm):
    class Meta:
        model = CandidateProfile
        fields = ["admission_date", "immigration_status", "permit_expires_on"]
        widgets = {
            "admission_date": DateInput(),
            "immigration_status": StatusSelect(),
            "permit_expires_on": DateInput(),
        }
        help_texts = {
            "admission_date": _(
                "The date on your confirmation of permanent residence or your first permit."
            ),
            "permit_expires_on": _("Required for a work permit."),
        }

    def __init__(self, *args, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.fields["admission_date"].required = True
        self.fields["immigration_status"].required = True

    def clean_admission_date(self) -> date:
        admission = self.cleaned_data["admission_date"]
        if admission > self.today:
            raise ValidationError(
                _("The date of admission cannot be in the future."), code="future"
            )
        return admission

    def clean(self) -> dict:
        cleaned = super().clean()
        status = cleaned.get("immigration_status")
        if status in PERMIT_STATUSES and not cleaned.get("permit_expires_on"):
            self.add_error(
                "permit_expires_on",
                ValidationError(_("Give the expiry date of your work permit."), code="required"),
            )
        return cleaned


def level_choice_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[("", _("Not assessed"))] + LanguageLevel.choices,
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": LEVEL_ERROR},
    )


class LanguagesForm(StyledModelForm):
    class Meta:
        model = CandidateProfile
        fields = [
            "french_oral_comprehension",
            "french_oral_production",
            "french_written_comprehension",
            "french_written_production",
            "english_oral_comprehension",
            "english_oral_production",
            "english_written_comprehension",
            "english_written_production",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields:
            self.fields[name] = level_choice_field(self.fields[name].label)


def _region_of_interest_label(region: Region) -> str:
    """Montréal and Laval are offered (a person may say she would live there) but the program
    has no posting there: say so next to the name."""
    if region.is_served:
        return region.name
    return _("%(region)s (not served by the program: no job offered there)") % {
        "region": region.name
    }


class PreferencesForm(StyledModelForm):
    # Left unanswered until the person chooses: no answer is "not said yet", not a "no".
    relocation = forms.ChoiceField(
        label=_("Would you move to another region for a job?"),
        required=False,
        choices=Relocation.choices,
        widget=forms.RadioSelect(attrs={"class": "choice-list"}),
        help_text=_(
            "With relocation assistance: we then propose you the jobs of other regions whose "
            "employer offers it."
        ),
    )

    class Meta:
        model = CandidateProfile
        fields = [
            "regions_of_interest",
            "is_open_to_all_regions",
            "has_drivers_licence",
            "has_car",
            "relocation",
            "available_from",
            "salary_expectation",
            "salary_period",
        ]
        widgets = {
            "regions_of_interest": forms.CheckboxSelectMultiple(attrs={"class": "choice-list"}),
            "available_from": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regions_of_interest"].queryset = Region.objects.order_by("-is_served", "name")
        self.fields["regions_of_interest"].label_from_instance = _region_of_interest_label

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("is_open_to_all_regions") and not cleaned.get("regions_of_interest"):
            self.add_error(
                "regions_of_interest",
                ValidationError(
                    _("Choose at least one region, or say that you are open to every region."),
                    code="required",
                ),
            )
        return cleaned


class SummaryForm(StyledModelForm):
    class Meta:
        model = CandidateProfile
        fields = ["summary"]


class OccupationAddForm(StyledForm):
    noc = forms.ModelChoiceField(
        label=_("Occupation (NOC 2021)"),
        queryset=NocGroup.objects.unit_groups().order_by("code"),
        widget=SearchableSelect(
            search_url="taxonomy:noc-options", search_label=_("Search for an occupation")
        ),
        error_messages={"invalid_choice": _("Choose an occupation from the list.")},
    )


class PermitStatusForm(StyledForm):
    """The candidate's status for each permit shown (those of their occupations, and those they
    already answered): one list per permit, named `permit_<code>`."""

    PREFIX = "permit_"

    def __init__(self, *args, permits: list, **kwargs):
        super().__init__(*args, **kwargs)
        for permit in permits:
            self.fields[self.PREFIX + permit.permit_code] = forms.ChoiceField(
                label=permit.permit,
                choices=[("", _("Not said"))] + PermitStatus.choices,
                required=False,
                error_messages={"invalid_choice": _("Choose a status from the list.")},
            )

    def statuses(self) -> dict[str, str]:
        """Permit code → status ("" when not said), for the permits the request answered (a
        permit it does not mention is left as it was)."""
        return {
            name.removeprefix(self.PREFIX): value
            for name, value in self.cleaned_data.items()
            if self.add_prefix(name) in self.data
        }


class SkillAddForm(StyledModelForm):
    class Meta:
        model = CandidateSkill
        fields = ["label"]


class ExperienceForm(StyledModelForm):
    class Meta:
        model = WorkExperience
        fields = [
            "title",
            "employer_name",
            "country",
            "start_date",
            "end_date",
            "description",
            "noc",
        ]
        widgets = {
            "title": TitleWithNocSuggestions(noc_field_id="id_noc"),
            "start_date": DateInput(),
            "end_date": DateInput(),
            "noc": SearchableSelect(
                search_url="taxonomy:noc-options", search_label=_("Search for an occupation")
            ),
        }

    def __init__(self, *args, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.fields["noc"].queryset = NocGroup.objects.unit_groups().order_by("code")

    def clean(self) -> dict:
        cleaned = super().clean()
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


class EducationForm(StyledModelForm):
    class Meta:
        model = Education
        fields = [
            "level",
            "field",
            "country",
            "year_completed",
            "has_quebec_evaluation",
            "evaluation_number",
            "evaluated_level",
        ]
        help_texts = {
            "evaluated_level": _(
                "The level written on the evaluation: it counts for the employers' education "
                "requirements."
            ),
        }

    def clean(self):
        data = super().clean()
        has_details = data.get("evaluation_number") or data.get("evaluated_level") is not None
        if has_details and not data.get("has_quebec_evaluation"):
            self.add_error(
                "has_quebec_evaluation",
                _("Tick this box to record the evaluation's number and level."),
            )
        if data.get("evaluated_level") is not None and not data.get("evaluation_number"):
            self.add_error(
                "evaluation_number", _("Give the evaluation's reference number with its level.")
            )
        return data


class ProofDocumentForm(StyledModelForm):
    class Meta:
        model = ProofDocument
        fields = ["kind", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = filesizeformat(settings.MAX_DOCUMENT_UPLOAD_BYTES)
        self.fields["file"].help_text = _("PDF, JPEG or PNG, %(limit)s at most.") % {"limit": limit}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.checked = check_upload(
            upload, allowed=PROOF_TYPES, max_bytes=settings.MAX_DOCUMENT_UPLOAD_BYTES
        )
        return upload


class VerificationDecisionForm(StyledForm):
    note = forms.CharField(
        label=_("Message to the person"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you refuse: say what is missing or wrong."),
    )
