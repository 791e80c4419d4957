from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.activities.models import Activity, MeetingConstraint, MeetingOutcome
from maillage.core.forms import DateInput, StyledForm, StyledModelForm
from maillage.employers.models import JobPosting
from maillage.regions.models import Region


class ActivityForm(StyledModelForm):
    class Meta:
        model = Activity
        fields = [
            "kind",
            "title",
            "description",
            "region",
            "date",
            "starts_at",
            "slot_count",
            "slot_minutes",
            "break_minutes",
            "max_meetings_per_candidate",
            "tables_per_employer",
            "candidate_capacity",
            "employer_capacity",
            "is_virtual",
            "address",
        ]
        widgets = {
            "date": DateInput(),
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.served().order_by("name")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("is_virtual") and not (cleaned.get("address") or "").strip():
            self.add_error("address", _("An activity in person needs an address."))
        return cleaned


class EmployerRegistrationForm(StyledForm):
    postings = forms.ModelMultipleChoiceField(
        label=_("Postings you bring"),
        queryset=JobPosting.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "choice-list"}),
        help_text=_("Candidates are matched with these postings."),
    )

    def __init__(self, *args, postings=None, **kwargs):
        super().__init__(*args, **kwargs)
        if postings is not None:
            self.fields["postings"].queryset = postings


class CandidateRegistrationForm(StyledForm):
    consents = forms.BooleanField(
        label=_(
            "I agree that the employers I am scheduled to meet see my name and my profile summary."
        ),
        required=True,
    )


class ConstraintForm(StyledForm):
    # Public ids, never sequential ones: a form cannot be walked to reach other people.
    candidate = forms.UUIDField(widget=forms.HiddenInput)
    company = forms.UUIDField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=MeetingConstraint.Kind.choices, widget=forms.HiddenInput)
    slot = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)


class OutcomeForm(StyledForm):
    outcome = forms.ChoiceField(label=_("Follow-up"), choices=MeetingOutcome.choices)
