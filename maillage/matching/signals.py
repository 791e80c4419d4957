"""What matching tells the apps above it. They listen; matching imports none of them."""

from django.dispatch import Signal

# Sent inside the transaction that stored new match results, with `posting_id` (a posting was
# rematched) or `candidate_id` (a candidate was). Prequalification tops up its queues on it.
matches_stored = Signal()
