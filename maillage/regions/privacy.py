"""The regions app holds no one's personal data: its showcases and videos belong to the regions.
It only remembers which team member last changed them (see maillage.privacy.registry)."""

from maillage.accounts.models import User
from maillage.regions.models import RegionFigure, RegionProfile, RegionVideo

SECTION = "regions"


def export(user: User) -> dict | None:
    videos = list(RegionVideo.objects.filter(uploaded_by=user).values_list("title_fr", flat=True))
    return {"videos_uploaded": videos} if videos else None


def erase(user: User) -> None:
    RegionProfile.objects.filter(updated_by=user).update(updated_by=None)
    RegionFigure.objects.filter(updated_by=user).update(updated_by=None)
    RegionVideo.objects.filter(uploaded_by=user).update(uploaded_by=None)
