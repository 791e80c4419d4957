"""Periodic work of the kernel (collected by maillage.core.periodic). Without Redis there is
no broker to be away: tasks run at once and the outbox never fills."""

SCHEDULE = {
    "outbox-drain": {
        "task": "maillage.core.tasks.outbox_drain",
        "schedule": 60.0,
    },
}
