"""The one rule behind every reason-and-note pair (advisors' decisions, employers' declines,
interview outcomes): "Other reason" needs a note. Forms and services both ask it here."""

from django.core.exceptions import ValidationError
from django.forms import Form
from django.utils.translation import gettext_lazy as _

OTHER_REASON = "other"

# Where the person writes the note, as the form names it.
NOTE_REQUIRED = {
    "note": _("You chose “Other reason”: write it in the note."),
    "message": _("You chose “Other reason”: write it in the message."),
}


def other_reason_note_check(
    reason: str, note: str, *, written_in: str = "note", error: type = ValidationError
) -> None:
    if reason == OTHER_REASON and not (note or "").strip():
        raise error(str(NOTE_REQUIRED[written_in]), code="note_required")


def other_reason_note_clean(
    form: Form, reason: str | None, *, field: str = "note", written_in: str = "note"
) -> None:
    """The same check in a form's clean(): the error goes on the note field."""
    try:
        other_reason_note_check(
            reason or "", form.cleaned_data.get(field, ""), written_in=written_in
        )
    except ValidationError as error:
        form.add_error(field, error)
