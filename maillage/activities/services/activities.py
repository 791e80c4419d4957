from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.activities.models import Activity, ActivityStatus

EDITABLE_FIELDS = frozenset(
    {
        "kind",
        "title",
        "description",
        "region",
        "date",
        "starts_at",
        "slot_count",
        "slot_minutes",
        "break_minutes",
        "candidate_capacity",
        "employer_capacity",
        "max_meetings_per_candidate",
        "tables_per_employer",
        "is_virtual",
        "address",
    }
)
# Changing one of these makes the computed schedule wrong: it is then refused once meetings exist.
SCHEDULE_FIELDS = frozenset(
    {"slot_count", "max_meetings_per_candidate", "tables_per_employer", "is_virtual", "date"}
)


def _check(activity: Activity, *, today: date) -> None:
    if activity.date < today:
        raise ValidationError({"date": _("The activity cannot take place in the past.")})
    if not activity.is_virtual and not activity.address.strip():
        raise ValidationError({"address": _("An activity in person needs an address.")})
    if not activity.region.is_served:
        raise ValidationError(
            {"region": _("The program's activities take place in the regions it serves.")}
        )
    activity.full_clean()


@transaction.atomic
def activity_create(*, by: User, fields: dict[str, Any], today: date) -> Activity:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    activity = Activity(created_by=by, **fields)
    _check(activity, today=today)
    activity.save()
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, changes: dict[str, Any], today: date) -> Activity:
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.status in {ActivityStatus.COMPLETED, ActivityStatus.CANCELLED}:
        raise ValidationError(_("A completed or cancelled activity cannot be changed."))
    changed = {name for name, value in changes.items() if getattr(activity, name) != value}
    if changed & SCHEDULE_FIELDS and activity.meetings.exists():
        raise ValidationError(
            _(
                "The schedule is already computed: clear it before changing the date, the slots, "
                "the tables, the meetings per candidate or the format."
            )
        )
    for name, value in changes.items():
        setattr(activity, name, value)
    _check(activity, today=today)
    activity.save()
    return activity


@transaction.atomic
def activity_cancel(*, activity: Activity) -> Activity:
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.status == ActivityStatus.COMPLETED:
        raise ValidationError(_("A completed activity cannot be cancelled."))
    activity.status = ActivityStatus.CANCELLED
    activity.save(update_fields=["status"])
    return activity


@transaction.atomic
def activity_complete(*, activity: Activity) -> Activity:
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.status != ActivityStatus.SCHEDULED:
        raise ValidationError(_("Only an activity with a schedule can be marked as completed."))
    activity.status = ActivityStatus.COMPLETED
    activity.save(update_fields=["status"])
    return activity
