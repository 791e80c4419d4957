"""What employers tells the apps above it. They listen; employers imports none of them."""

from django.dispatch import Signal

# Sent inside the transaction that changed or published a posting (`posting_id`): matching
# rematches the posting once it commits.
posting_changed = Signal()
