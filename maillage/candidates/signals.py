"""What candidates tells the apps above it. They listen; candidates imports none of them."""

from django.dispatch import Signal

# Sent inside the transaction that changed what a profile says (`candidate_id`): matching
# rematches the candidate once it commits.
profile_changed = Signal()
