from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from maillage.core.forms import DateInput, StyledForm
from maillage.core.reasons import other_reason_note_clean
from maillage.employers.forms import MUNICIPALITY_WIDGET, municipality_label, municipality_queryset
from maillage.interviews.models import Outcome, VideoKind
from maillage.prequalification.models import EmployerReason

NEW_SLOT_FIELDS = ("start_1", "start_2", "start_3")
DURATIONS = [(15, "15 min"), (30, "30 min"), (45, "45 min"), (60, "60 min"), (90, "90 min")]


class DateTimeLocalInput(forms.DateTimeInput):
    """A native date-and-time picker; the time is read in the person's time zone."""

    input_type = "datetime-local"

    def __init__(self, attrs: dict | None = None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class SlotsForm(StyledForm):
    existing = forms.MultipleChoiceField(
        label=_("Times already proposed to other candidates, still free"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    start_1 = forms.DateTimeField(label=_("New time 1"), required=False, widget=DateTimeLocalInput)
    start_2 = forms.DateTimeField(label=_("New time 2"), required=False, widget=DateTimeLocalInput)
    start_3 = forms.DateTimeField(label=_("New time 3"), required=False, widget=DateTimeLocalInput)
    minutes = forms.TypedChoiceField(
        label=_("Length of each new time"), choices=DURATIONS, coerce=int, initial=30
    )

    def __init__(self, *args, slot_choices=(), time_zone_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["existing"].choices = list(slot_choices)
        if not slot_choices:
            del self.fields["existing"]
        for name in NEW_SLOT_FIELDS:
            self.fields[name].help_text = _("In your time zone (%(zone)s).") % {
                "zone": time_zone_name
            }

    @property
    def new_starts(self) -> list:
        return [self.cleaned_data[name] for name in NEW_SLOT_FIELDS if self.cleaned_data.get(name)]

    @property
    def existing_ids(self) -> list[str]:
        return self.cleaned_data.get("existing", [])

    def clean(self) -> dict:
        cleaned = super().clean()
        has_new = any(cleaned.get(name) for name in NEW_SLOT_FIELDS)
        if not has_new and not cleaned.get("existing") and not self.errors:
            raise ValidationError(_("Propose at least one time."), code="no_slot")
        return cleaned


class InviteForm(SlotsForm):
    video_kind = forms.ChoiceField(
        label=_("Video meeting"),
        choices=VideoKind.choices,
        initial=VideoKind.JITSI,
        widget=forms.RadioSelect,
    )
    video_url = forms.URLField(
        label=_("Your meeting link"),
        required=False,
        assume_scheme="https",
        max_length=500,
        help_text=_("Only if you chose your own link."),
    )
    message = forms.CharField(
        label=_("Message to the candidate"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("video_kind") == VideoKind.LINK and not cleaned.get("video_url"):
            self.add_error(
                "video_url",
                ValidationError(
                    _("Paste the full meeting link, starting with https://."), code="required"
                ),
            )
        return cleaned


class PickForm(StyledForm):
    slot = forms.ChoiceField(
        label=_("Choose a time"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one of the times.")},
    )

    def __init__(self, *args, slot_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = list(slot_choices)


class OtherSlotsForm(StyledForm):
    message = forms.CharField(
        label=_("When are you available?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Days and times that suit you, and your time zone if you live abroad."),
        error_messages={
            "required": _("Tell the employer when you are available (days, times, your time zone).")
        },
    )


class ReasonForm(StyledForm):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The other person will read it."),
        error_messages={"required": _("Give a reason: the other person will read it.")},
    )


class OutcomeForm(StyledForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    reason = forms.ChoiceField(
        label=pgettext_lazy("employer decision", "Reason"),
        choices=[("", _("Choose…")), *EmployerReason.choices],
        required=False,
        help_text=_("If the candidate is not retained."),
    )
    note = forms.CharField(
        label=_("Note to the candidate"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    start_date = forms.DateField(
        label=_("Start date"), required=False, widget=DateInput, help_text=_("If hired.")
    )
    position = forms.CharField(
        label=_("Position"), required=False, max_length=200, help_text=_("If hired.")
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality of work"),
        queryset=municipality_queryset(),
        required=False,
        widget=MUNICIPALITY_WIDGET,
        help_text=_("If hired."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].label_from_instance = municipality_label

    def clean(self) -> dict:
        cleaned = super().clean()
        outcome = cleaned.get("outcome")
        if outcome == Outcome.HIRED:
            for name in ("start_date", "position", "municipality"):
                if not cleaned.get(name):
                    self.add_error(name, ValidationError(_("Needed for a hire."), code="required"))
        if outcome == Outcome.NOT_RETAINED and not cleaned.get("reason"):
            self.add_error(
                "reason",
                ValidationError(_("Say why the candidate is not retained."), code="required"),
            )
        if outcome == Outcome.NOT_RETAINED:
            other_reason_note_clean(self, cleaned.get("reason"))
        return cleaned


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class FollowUpForm(StyledForm):
    is_still_employed = forms.ChoiceField(
        label=_("Still employed by this employer?"), choices=YES_NO, widget=forms.RadioSelect
    )
    is_still_in_region = forms.ChoiceField(
        label=_("Still living in the region?"), choices=YES_NO, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
