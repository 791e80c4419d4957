"""A participant's schedule as an iCalendar file (.ics), built with the icalendar library."""

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from maillage.activities.models import Activity, Meeting
from maillage.core.video_rooms import video_room_url


def schedule_calendar(
    *, activity: Activity, meetings: list[Meeting], other_party: dict[int, str], for_whom: str
) -> bytes:
    """`other_party` maps a meeting's pk to the name of the person or company met."""
    calendar = Calendar()
    calendar.add("prodid", "-//Maillage//activities//FR")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", activity.title)
    stamp = timezone.now()
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}-{for_whom}@maillage")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at)
        event.add(
            "summary",
            _("%(activity)s: meeting with %(name)s")
            % {"activity": activity.title, "name": other_party[meeting.pk]},
        )
        if meeting.room_name:
            url = video_room_url(meeting.room_name)
            event.add("location", url)
            event.add("url", url)
            event.add("description", _("Video room: %(url)s") % {"url": url})
        else:
            event.add("location", activity.address)
            if activity.tables_per_employer > 1:
                event.add("description", _("Table %(table)s") % {"table": meeting.table + 1})
        calendar.add_component(event)
    return calendar.to_ical()
