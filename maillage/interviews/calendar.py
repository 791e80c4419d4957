"""Calendar invitations (.ics, RFC 5545) for an interview, written with icalendar.

Each interview is one calendar event (UID from its public id); SEQUENCE grows with each change so
calendar programs update or cancel the event they already hold. The file names only its recipient
as attendee: a candidate's e-mail address never reaches an employer through it.
"""

from email.utils import parseaddr

import icalendar
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.core.video_rooms import video_room_url
from maillage.interviews.models import Interview, VideoKind

ICS_MIMETYPE = "text/calendar"


def interview_meeting_url(interview: Interview) -> str:
    if interview.video_kind == VideoKind.LINK:
        return interview.video_url
    return video_room_url(interview.room_name) if interview.room_name else ""


def interview_ics(*, interview: Interview, recipient: User, cancel: bool = False) -> str:
    """The .ics text for `recipient`, in their language. `cancel` removes the event."""
    proposal = interview.proposal
    slot = interview.slot
    if slot is None:
        raise ValueError("An interview without a booked time has no calendar event")
    is_candidate = recipient.pk == proposal.candidate.user_id
    url = interview_meeting_url(interview)
    with translation.override(recipient.language):
        if is_candidate:
            summary = _("Interview: %(posting)s (%(company)s)") % {
                "posting": proposal.posting.title,
                "company": proposal.posting.company.legal_name,
            }
        else:
            summary = _("Interview with %(candidate)s: %(posting)s") % {
                "candidate": proposal.candidate.user.full_name,
                "posting": proposal.posting.title,
            }
        description = _("Video meeting: %(url)s") % {"url": url}
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Maillage//Interviews//FR")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancel else "REQUEST")
    event = icalendar.Event()
    event.add("uid", f"interview-{interview.public_id}@maillage")
    event.add("sequence", interview.calendar_sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", slot.starts_at)
    event.add("dtend", slot.ends_at)
    event.add("summary", summary)
    event.add("description", description)
    event.add("location", url)
    if url:
        event.add("url", url)
    event.add("status", "CANCELLED" if cancel else "CONFIRMED")
    organizer = icalendar.vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
    organizer.params["cn"] = icalendar.vText("Maillage")
    event.add("organizer", organizer)
    attendee = icalendar.vCalAddress(f"mailto:{recipient.email}")
    attendee.params["cn"] = icalendar.vText(recipient.full_name)
    attendee.params["role"] = icalendar.vText("REQ-PARTICIPANT")
    event.add("attendee", attendee)
    calendar.add_component(event)
    return calendar.to_ical().decode()


def ics_attachment(*, interview: Interview, recipient: User, cancel: bool = False):
    return (
        "entrevue.ics" if recipient.language == "fr" else "interview.ics",
        interview_ics(interview=interview, recipient=recipient, cancel=cancel),
        ICS_MIMETYPE,
    )
