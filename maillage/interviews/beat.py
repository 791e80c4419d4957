"""Periodic work of interviews (collected by maillage.core.periodic). Without Redis, cron runs
`manage.py send_interview_reminders` every 5 minutes instead."""

SCHEDULE = {
    "send-interview-reminders": {
        "task": "maillage.interviews.tasks.send_interview_reminders",
        "schedule": 300.0,
    },
}
