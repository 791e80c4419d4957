from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maillage.accounts.forms import AccountFieldsForm
from maillage.core.forms import DateInput, StyledForm, StyledModelForm
from maillage.core.widgets import SearchableSelect
from maillage.employers.models import Company, JobPosting
from maillage.employers.neq import neq_normalize, validate_neq
from maillage.employers.requirements import requirements_sorted
from maillage.regions.models import ChamberOfCommerce, Municipality
from maillage.taxonomy.forms import EscoSkillChoiceField
from maillage.taxonomy.models import NocGroup
from maillage.taxonomy.scales import LanguageLevel
from maillage.taxonomy.selectors import permits_for_noc
from maillage.taxonomy.widgets import TitleWithNocSuggestions

MUNICIPALITY_WIDGET = SearchableSelect(
    search_url="regions:municipality-options", search_label=_("Search for a municipality")
)


def municipality_queryset():
    # search_name is the name without accents: « Écully » sorts with the E, not after Z.
    return Municipality.objects.select_related("region").order_by("search_name", "pk")


def municipality_label(municipality: Municipality) -> str:
    return municipality.picker_label


class CompanyForm(StyledModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    # Spaces and dashes are welcome in the input; the model stores the 10 digits.
    neq = forms.CharField(
        label=_("Québec enterprise number (NEQ)"),
        max_length=20,
        help_text=_("10 digits, as on the Registraire des entreprises du Québec."),
    )

    class Meta:
        model = Company
        fields = [
            "legal_name",
            "neq",
            "municipality",
            "sector",
            "size",
            "chamber",
            "website",
            "description",
        ]
        widgets = {"municipality": MUNICIPALITY_WIDGET}
        help_texts = {
            "municipality": _(
                "Where the company's establishment is; it sets the administrative region."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipality_queryset()
        self.fields["municipality"].label_from_instance = municipality_label
        self.fields["chamber"].queryset = ChamberOfCommerce.objects.select_related(
            "region"
        ).order_by("name")
        self.fields["neq"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def clean_neq(self) -> str:
        neq = neq_normalize(self.cleaned_data["neq"])
        validate_neq(neq)
        return neq

    def clean_municipality(self) -> Municipality:
        municipality = self.cleaned_data["municipality"]
        if not municipality.region.is_served:
            raise ValidationError(
                _(
                    "The program serves companies of the regions outside the Montréal area; %(region)s is not one of them."
                )
                % {"region": municipality.region.name},
                code="region_not_served",
            )
        return municipality

    def _post_clean(self) -> None:
        # The region follows the municipality, so the unique and model checks see it.
        municipality = self.cleaned_data.get("municipality")
        if municipality is not None:
            self.instance.region = municipality.region
        super()._post_clean()


class EmployerSignupForm(AccountFieldsForm, StyledForm):
    pass


class InvitationForm(StyledForm):
    email = forms.EmailField(label=_("E-mail address of your colleague"))


class InvitationAcceptForm(AccountFieldsForm, StyledForm):
    """An invited colleague's account: the e-mail is the one the invitation was sent to."""

    email = None


def min_level_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[("", _("Not required"))] + LanguageLevel.choices,
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={
            "invalid_choice": _("Choose a level from 1 to 12 on the Échelle québécoise.")
        },
    )


class PostingForm(StyledModelForm):
    must_haves = forms.CharField(
        label=_("Must-haves"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One per line: licence, card, certification… A candidate without one is not proposed."
        ),
    )
    required_skills = forms.CharField(
        label=_("Required skills"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One per line. They count in the score. A licence, card or certification listed here "
            "becomes a must-have; list it as an asset if it is not one."
        ),
    )
    nice_to_have_skills = forms.CharField(
        label=_("Assets"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line. A plus, never a reason to set a candidate aside."),
    )
    # Skills ticked among the suggestions: added to the required skills, linked to ESCO.
    esco_skills = EscoSkillChoiceField()
    # Permits of the posting's NOC unit group (data/regulated_occupations) that the job requires.
    required_permits = forms.MultipleChoiceField(
        label=_("Permits required"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choose permits of the posting's occupation from the list.")
        },
    )

    class Meta:
        model = JobPosting
        fields = [
            "title",
            "noc",
            "description",
            "must_haves",
            "required_skills",
            "nice_to_have_skills",
            "shows_missing_must_haves",
            "required_permits",
            "min_education",
            "min_years_experience",
            "min_french_oral_comprehension",
            "min_french_oral_production",
            "min_french_written_comprehension",
            "min_french_written_production",
            "min_english",
            "employment_type",
            "schedule_details",
            "salary_min",
            "salary_max",
            "salary_period",
            "municipality",
            "positions",
            "start_date",
            "expires_on",
            "offers_housing",
            "offers_relocation_allowance",
            "offers_francization",
            "offers_spouse_job_help",
            "accepts_employer_specific_permit",
        ]
        widgets = {
            "title": TitleWithNocSuggestions(noc_field_id="id_noc"),
            "noc": SearchableSelect(
                search_url="taxonomy:noc-options", search_label=_("Search for an occupation")
            ),
            "municipality": MUNICIPALITY_WIDGET,
            "start_date": DateInput(),
            "expires_on": DateInput(),
        }
        help_texts = {"expires_on": _("Empty: 60 days after publication.")}

    def __init__(self, *args, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.fields["noc"].queryset = NocGroup.objects.unit_groups().order_by("code")
        self.fields["municipality"].queryset = municipality_queryset()
        self.fields["municipality"].label_from_instance = municipality_label
        for name in [
            "min_french_oral_comprehension",
            "min_french_oral_production",
            "min_french_written_comprehension",
            "min_french_written_production",
            "min_english",
        ]:
            self.fields[name] = min_level_field(self.fields[name].label)
        # The permits the chosen occupation may require, and those ticked.
        noc = self.data.get(self.add_prefix("noc")) if self.is_bound else self.instance.noc_id
        self.permit_rows = permits_for_noc(str(noc or "")[:5])
        self.fields["required_permits"].choices = [
            (permit.permit_code, permit.permit) for permit in self.permit_rows
        ]
        if self.is_bound:
            self.permits_checked = self.data.getlist(self.add_prefix("required_permits"))
        else:
            self.permits_checked = list(self.instance.required_permits or [])
            self.fields["required_permits"].initial = self.permits_checked
        # Label → ESCO URI of the skills linked to ESCO (kept across edits of the posting).
        self.esco_uris: dict[str, str] = {}
        if self.is_bound:
            self.fields["esco_skills"].set_ticked(self.data.getlist(self.add_prefix("esco_skills")))
        if self.instance.pk:
            skills = list(self.instance.skills.all())
            self.esco_uris = {s.label: s.esco_uri for s in skills if s.esco_uri}
            self.fields["must_haves"].initial = "\n".join(s.label for s in skills if s.is_must_have)
            self.fields["required_skills"].initial = "\n".join(
                s.label for s in skills if s.is_required and not s.is_must_have
            )
            self.fields["nice_to_have_skills"].initial = "\n".join(
                s.label for s in skills if not s.is_required
            )

    @staticmethod
    def _lines(text: str) -> list[str]:
        seen: dict[str, None] = {}
        for line in text.splitlines():
            label = line.strip(" -•*\t")[:200]
            if label and label.lower() not in {k.lower() for k in seen}:
                seen[label] = None
        return list(seen)

    def clean(self) -> dict:
        cleaned = super().clean()
        low, high = cleaned.get("salary_min"), cleaned.get("salary_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "salary_max",
                ValidationError(
                    _("The maximum salary must be at least the minimum salary."),
                    code="salary_range",
                ),
            )
        start = cleaned.get("start_date")
        if start and start < self.today and not self.instance.pk:
            self.add_error(
                "start_date", ValidationError(_("The start date is in the past."), code="past")
            )
        expires = cleaned.get("expires_on")
        if expires and expires < self.today:
            self.add_error(
                "expires_on", ValidationError(_("This date is in the past."), code="past")
            )
        required = self._lines(cleaned.get("required_skills", ""))
        ticked = EscoSkillChoiceField.labels(cleaned.get("esco_skills", []))
        known = {label.lower() for label in required}
        required += [label[:200] for label in ticked if label.lower() not in known]
        must, cleaned["required_skills"], cleaned["nice_to_have_skills"] = requirements_sorted(
            self._lines(cleaned.get("must_haves", "")),
            required,
            self._lines(cleaned.get("nice_to_have_skills", "")),
        )
        cleaned["must_haves"] = must
        kept = {*must, *cleaned["required_skills"], *cleaned["nice_to_have_skills"]}
        self.esco_uris = {
            label: uri for label, uri in {**self.esco_uris, **ticked}.items() if label in kept
        }
        return cleaned

    def _post_clean(self) -> None:
        # Checked in clean() with a clear message; skip the model's constraint to avoid a double one.
        super()._post_clean()
        if "salary_max" in self.errors:
            self.errors.pop("__all__", None)


class DecisionForm(StyledForm):
    note = forms.CharField(
        label=_("Message to the company"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you refuse: say what is missing or wrong."),
    )
