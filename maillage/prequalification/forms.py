from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from maillage.candidates.models import CandidateProfile
from maillage.core.forms import StyledForm
from maillage.core.reasons import other_reason_note_clean
from maillage.core.widgets import LongSelect
from maillage.prequalification.models import (
    ApprovalReason,
    EmployerReason,
    ProposalStatus,
    RejectionReason,
    SharedSection,
)
from maillage.regions.models import ChamberOfCommerce, Region

NOTE_HELP = _("The candidate can read this note.")
BLANK = [("", _("Choose…"))]


class QueueFilterForm(StyledForm):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Every status")), *ProposalStatus.choices],
        required=False,
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.served(),
        required=False,
        empty_label=_("Every region"),
        widget=LongSelect,
    )
    chamber = forms.ModelChoiceField(
        label=_("Chamber of commerce"),
        queryset=ChamberOfCommerce.objects.order_by("name"),
        required=False,
        empty_label=_("Every chamber"),
        widget=LongSelect,
    )
    occupation = forms.ChoiceField(label=_("Occupation"), required=False, widget=LongSelect)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[
            ("-score", _("Best score first")),
            ("score", _("Lowest score first")),
            ("-created_at", _("Newest first")),
        ],
        required=False,
    )
    # One person's proposals: the household badge links a partner's proposals with it.
    candidate = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, occupations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occupation"].choices = [("", _("Every occupation"))] + [
            (noc.code, str(noc)) for noc in occupations
        ]


class _ReasonNoteForm(StyledForm):
    reason_choices: type = ApprovalReason
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"] = forms.ChoiceField(
            label=_("Reason"), choices=BLANK + list(self.reason_choices.choices)
        )
        self.order_fields(["reason", "note"])
        self.fields["note"].help_text = NOTE_HELP

    def clean(self) -> dict:
        cleaned = super().clean()
        other_reason_note_clean(self, cleaned.get("reason"))
        return cleaned


class ApproveForm(_ReasonNoteForm):
    reason_choices = ApprovalReason


class RejectForm(_ReasonNoteForm):
    reason_choices = RejectionReason


class BulkDecisionForm(StyledForm):
    proposals = forms.MultipleChoiceField(
        label=_("Proposals"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one proposal.")},
    )
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    approval_reason = forms.ChoiceField(
        label=_("Reason for approving"),
        choices=BLANK + list(ApprovalReason.choices),
        required=False,
    )
    rejection_reason = forms.ChoiceField(
        label=_("Reason for rejecting"),
        choices=BLANK + list(RejectionReason.choices),
        required=False,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        help_text=NOTE_HELP,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, proposal_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposals"].choices = [(str(pid), str(pid)) for pid in proposal_ids]

    @property
    def reason(self) -> str:
        decision = self.cleaned_data["decision"]
        return self.cleaned_data["approval_reason" if decision == "approve" else "rejection_reason"]

    def clean(self) -> dict:
        cleaned = super().clean()
        decision = cleaned.get("decision")
        field = "approval_reason" if decision == "approve" else "rejection_reason"
        if decision and not cleaned.get(field):
            self.add_error(field, ValidationError(_("Choose a reason."), code="required"))
        elif decision:
            other_reason_note_clean(self, cleaned.get(field))
        return cleaned


class AddCandidateForm(StyledForm):
    email = forms.EmailField(
        label=_("Candidate's e-mail address"),
        help_text=_("A verified candidate the engine did not propose for this posting."),
    )
    reason = forms.ChoiceField(label=_("Reason"), choices=BLANK + list(ApprovalReason.choices))
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        help_text=NOTE_HELP,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_email(self) -> CandidateProfile:
        email = self.cleaned_data["email"].strip()
        profile = (
            CandidateProfile.objects.select_related("user")
            .filter(user__email__iexact=email)
            .first()
        )
        if profile is None:
            raise ValidationError(
                _("No candidate has this e-mail address."), code="unknown_candidate"
            )
        return profile

    def clean(self) -> dict:
        cleaned = super().clean()
        other_reason_note_clean(self, cleaned.get("reason"))
        return cleaned


class ConsentForm(StyledForm):
    shared_sections = forms.MultipleChoiceField(
        label=_("What else do you share with this employer?"),
        choices=SharedSection.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "If you accept, the employer sees your name and, for each requirement of the "
            "posting, whether you meet it. Nothing else unless you tick it here."
        ),
    )


class ReviewRequestForm(StyledForm):
    message = forms.CharField(
        label=_("What should a person review, and why?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Tell the advisor what you would like reviewed and why.")},
    )


class ReviewAnswerForm(StyledForm):
    answer = forms.CharField(
        label=_("Answer to the candidate"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write your answer: the candidate will read it.")},
    )
    reopen = forms.BooleanField(
        label=_("Send the proposal back to the advisors' queue for a new review"),
        required=False,
    )


class EmployerDeclineForm(StyledForm):
    reason = forms.ChoiceField(
        label=pgettext_lazy("employer decision", "Reason"),
        choices=BLANK + list(EmployerReason.choices),
    )
    note = forms.CharField(
        label=_("Message to the candidate"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional, unless you chose “Other reason”. The candidate reads it."),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        other_reason_note_clean(self, cleaned.get("reason"), written_in="message")
        return cleaned


class AuditFilterForm(StyledForm):
    subject = forms.EmailField(label=_("Candidate's e-mail address"), required=False)
    viewer = forms.EmailField(label=_("Viewer's e-mail address"), required=False)
