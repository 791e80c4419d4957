"""Every change to regions goes through these functions: reference data, showcase, videos."""

from maillage.regions.services.reference import regions_load_reference
from maillage.regions.services.showcase import (
    region_figure_remove,
    region_figure_set,
    region_interest_set,
    region_profile_update,
    region_service_delete,
    region_service_save,
)
from maillage.regions.services.videos import (
    region_video_delete,
    region_video_update,
    region_video_upload,
    video_caption_attach,
)

__all__ = [
    "region_figure_remove",
    "region_figure_set",
    "region_interest_set",
    "region_profile_update",
    "region_service_delete",
    "region_service_save",
    "region_video_delete",
    "region_video_update",
    "region_video_upload",
    "regions_load_reference",
    "video_caption_attach",
]
