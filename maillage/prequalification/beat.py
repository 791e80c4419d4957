"""Periodic work of prequalification (collected by maillage.core.periodic). Without Redis, cron runs
`manage.py refresh_proposals` and `manage.py expire_proposals` hourly instead."""

SCHEDULE = {
    "expire-proposals": {
        "task": "maillage.prequalification.tasks.expire_proposals",
        "schedule": 3600.0,
    },
    "refresh-proposals": {
        "task": "maillage.prequalification.tasks.refresh_proposals",
        "schedule": 3600.0,
    },
}
