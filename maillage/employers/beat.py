"""Periodic work of employers (collected by maillage.core.periodic). Without Redis, cron runs
`manage.py expire_postings` daily instead."""

SCHEDULE = {
    "expire-postings": {
        "task": "maillage.employers.tasks.expire_postings",
        "schedule": 3600.0,
    },
}
