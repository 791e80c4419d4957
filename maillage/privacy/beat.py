"""Periodic work of the privacy app (collected by maillage.core.periodic)."""

SCHEDULE = {
    "privacy-retention": {
        "task": "maillage.privacy.tasks.privacy_retention_run",
        "schedule": 24 * 3600.0,
    },
}
