"""What the core app holds about a person (see maillage.privacy.registry): who asked for a long
computation. The computations' results stay (they are the activity's); the name goes."""

from maillage.core.models import BackgroundJob

SECTION = "background_jobs"


def export(user) -> dict | None:
    jobs = BackgroundJob.objects.filter(requested_by=user).order_by("created_at")
    if not jobs.exists():
        return None
    return {
        "requested": [
            {"kind": job.kind, "state": job.state, "created_at": job.created_at.isoformat()}
            for job in jobs
        ]
    }


def erase(user) -> None:
    BackgroundJob.objects.filter(requested_by=user).update(requested_by=None)
