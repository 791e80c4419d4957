from django import template
from django.http import HttpRequest

from maillage.notifications.selectors import notification_unread_count

register = template.Library()


@register.inclusion_tag("notifications/_header_link.html", takes_context=True)
def notifications_header_link(context) -> dict:
    """The bell in the site header: a link to the list with the unread count (signed-in only)."""
    request: HttpRequest | None = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    return {"show": True, "unread": notification_unread_count(user)}
