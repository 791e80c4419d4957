"""Periodic work of the kernel (collected by maillage.core.periodic). Without Redis there is
no broker to be away (tasks run at once and the outbox never fills); cron runs
`manage.py orphan_files_sweep` daily."""

SCHEDULE = {
    "outbox-drain": {
        "task": "maillage.core.tasks.outbox_drain",
        "schedule": 60.0,
    },
    "orphan-files-sweep": {
        "task": "maillage.core.tasks.orphan_files_sweep",
        "schedule": 86400.0,
    },
}
