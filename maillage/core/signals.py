"""Signals of the kernel, for higher apps to listen to (core may import no other app)."""

from django.dispatch import Signal

# Someone opened records about people in the admin: `viewer` (a user), `subject_ids` (the ids
# of the users the records are about), `what` (what was seen). accounts writes the audit log.
person_records_viewed = Signal()
