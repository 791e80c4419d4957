"""What prequalification tells the apps above it. They listen; prequalification imports none of them."""

from django.dispatch import Signal

# Sent inside the transaction of a consent withdrawal, with `proposal`, `by` (the candidate) and
# `now`. Interviews cancels those not yet held.
consent_withdrawn = Signal()
