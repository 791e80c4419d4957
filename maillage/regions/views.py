from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from maillage.accounts.models import Role
from maillage.accounts.permissions import role_required
from maillage.activities.selectors import activity_list_upcoming
from maillage.candidates.models import CandidateProfile
from maillage.core.options import options_response
from maillage.regions import selectors, services
from maillage.regions.file_responses import ranged_file_response
from maillage.regions.forms import (
    CaptionForm,
    RegionFigureForm,
    RegionProfileForm,
    RegionServiceForm,
    RegionVideoEditForm,
    RegionVideoUploadForm,
)
from maillage.regions.models import (
    FigureKind,
    Municipality,
    Region,
    RegionFigure,
    RegionProfile,
    RegionService,
)

editor_roles = role_required(Role.ADVISOR, Role.PARTNER)


def duration_label(seconds: float) -> str:
    """ "1:05" for 65 seconds; "1:01:05" past an hour."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def region_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "regions/region_list.html", {"regions": selectors.region_list_with_counts()}
    )


def region_detail(request: HttpRequest, slug: str) -> HttpResponse:
    region = selectors.region_get(slug)
    language = get_language() or "fr"
    profile = getattr(region, "profile", None)
    is_interested = None
    if request.user.is_authenticated and request.user.role == Role.CANDIDATE:
        candidate = CandidateProfile.objects.filter(user=request.user).first()
        if candidate is not None:
            is_interested = candidate.regions_of_interest.filter(pk=region.pk).exists()
    figures = {figure.kind: figure for figure in region.figures.all()}
    videos = selectors.region_videos(region)
    for video in videos:
        video.page_title = video.title(language)
        video.page_transcript = video.transcript(language)
        video.duration_label = duration_label(video.duration_seconds)
        languages = [caption.language for caption in video.captions.all()]
        # Captions on: the page's language when there are captions in it, else the other one.
        video.default_caption = (
            language if language in languages else (languages[0] if languages else "")
        )
    service_groups = selectors.region_services_by_category(region)
    for _label, items in service_groups:
        for service in items:
            service.page_description = service.description(language)
    return render(
        request,
        "regions/region_detail.html",
        {
            "region": region,
            "presentation": profile.presentation(language) if profile else "",
            "facts": selectors.region_facts(region),
            "figures": [(kind, label, figures.get(kind)) for kind, label in FigureKind.choices],
            "services": service_groups,
            "videos": videos,
            "map_tile_url": settings.MAP_TILE_URL,
            "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
            "employers": selectors.region_employers(region)[:12],
            "postings": selectors.region_open_postings(region),
            "postings_by_municipality": selectors.region_postings_by_municipality(region),
            "activities": activity_list_upcoming(today=timezone.localdate(), region=region),
            "is_interested": is_interested,
            "can_edit": selectors.region_is_editable_by(request.user, region),
            "language": language,
        },
    )


def region_map_data(request: HttpRequest, slug: str) -> JsonResponse:
    region = selectors.region_get(slug)
    return JsonResponse(selectors.region_map_features(region))


@role_required(Role.CANDIDATE)
@require_POST
def region_interest(request: HttpRequest, slug: str) -> HttpResponse:
    region = selectors.region_get(slug)
    profile = get_object_or_404(CandidateProfile, user=request.user)
    interested = request.POST.get("interested") == "1"
    services.region_interest_set(profile=profile, region=region, interested=interested)
    if interested and not region.is_served:
        messages.warning(
            request,
            _(
                "%(region)s is now among the regions that interest you. The program does not "
                "serve it: no job is offered there, and your matches come from the regions it "
                "serves."
            )
            % {"region": region.name},
        )
    elif interested:
        messages.success(
            request,
            _("%(region)s is now among the regions that interest you.") % {"region": region.name},
        )
    else:
        messages.success(
            request,
            _("%(region)s is no longer among the regions that interest you.")
            % {"region": region.name},
        )
    return redirect("regions:region-detail", slug=region.slug)


def _editable(request: HttpRequest, slug: str) -> Region:
    region = selectors.region_get(slug)
    if not selectors.region_is_editable_by(request.user, region):
        raise PermissionDenied
    return region


def _form_page(
    request, *, form, title: str, region: Region, multipart: bool = False
) -> HttpResponse:
    return render(
        request,
        "regions/form_page.html",
        {"form": form, "title": title, "region": region, "multipart": multipart},
    )


@editor_roles
def region_manage(request: HttpRequest, slug: str) -> HttpResponse:
    region = _editable(request, slug)
    figures = {figure.kind: figure for figure in region.figures.all()}
    return render(
        request,
        "regions/region_manage.html",
        {
            "region": region,
            "figures": [(kind, label, figures.get(kind)) for kind, label in FigureKind.choices],
            "services": region.services.select_related("municipality").order_by("category", "name"),
            "videos": selectors.region_videos(region),
        },
    )


@editor_roles
@require_http_methods(["GET", "POST"])
def region_presentation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    region = _editable(request, slug)
    profile = RegionProfile.objects.filter(region=region).first()
    initial = (
        {"presentation_fr": profile.presentation_fr, "presentation_en": profile.presentation_en}
        if profile
        else {}
    )
    form = RegionProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.region_profile_update(region=region, by=request.user, **form.cleaned_data)
        messages.success(request, _("The presentation is saved."))
        return redirect("regions:region-manage", slug=region.slug)
    return _form_page(request, form=form, title=_("Presentation of the region"), region=region)


@editor_roles
@require_http_methods(["GET", "POST"])
def region_figure_edit(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    region = _editable(request, slug)
    if kind not in FigureKind.values:
        raise Http404
    figure = RegionFigure.objects.filter(region=region, kind=kind).first()
    form = RegionFigureForm(request.POST or None, instance=figure)
    if request.method == "POST" and form.is_valid():
        try:
            services.region_figure_set(
                region=region, kind=kind, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The figure is saved."))
            return redirect("regions:region-manage", slug=region.slug)
    return _form_page(request, form=form, title=FigureKind(kind).label, region=region)


@editor_roles
@require_POST
def region_figure_delete(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    region = _editable(request, slug)
    services.region_figure_remove(region=region, kind=kind)
    messages.success(request, _("The figure is removed."))
    return redirect("regions:region-manage", slug=region.slug)


@editor_roles
@require_http_methods(["GET", "POST"])
def region_service_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    region = _editable(request, slug)
    service = (
        get_object_or_404(RegionService, pk=pk, region=region)
        if pk
        else RegionService(region=region)
    )
    form = RegionServiceForm(request.POST or None, instance=service, region=region)
    if request.method == "POST" and form.is_valid():
        services.region_service_save(service=form.instance)
        messages.success(request, _("The service is saved."))
        return redirect("regions:region-manage", slug=region.slug)
    title = _("Edit the service") if pk else _("New service")
    return _form_page(request, form=form, title=title, region=region)


@editor_roles
@require_POST
def region_service_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    region = _editable(request, slug)
    services.region_service_delete(service=get_object_or_404(RegionService, pk=pk, region=region))
    messages.success(request, _("The service is removed."))
    return redirect("regions:region-manage", slug=region.slug)


@editor_roles
@require_http_methods(["GET", "POST"])
def region_video_upload(request: HttpRequest, slug: str) -> HttpResponse:
    region = _editable(request, slug)
    form = RegionVideoUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            video = services.region_video_upload(
                region=region,
                upload=data["file"],
                title_fr=data["title_fr"],
                title_en=data["title_en"],
                transcript_fr=data["transcript_fr"],
                transcript_en=data["transcript_en"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("file", error.messages)
        else:
            messages.success(request, _("The video is online. Add its captions now."))
            return redirect("regions:video-edit", slug=region.slug, public_id=video.public_id)
    return _form_page(request, form=form, title=_("New video"), region=region, multipart=True)


@editor_roles
@require_http_methods(["GET", "POST"])
def region_video_edit(request: HttpRequest, slug: str, public_id) -> HttpResponse:
    region = _editable(request, slug)
    video = selectors.video_get(public_id)
    if video.region_id != region.pk:
        raise PermissionDenied
    initial = {name: getattr(video, name) for name in RegionVideoEditForm.base_fields}
    form = RegionVideoEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.region_video_update(video=video, **form.cleaned_data)
        messages.success(request, _("The video is saved."))
        return redirect("regions:region-manage", slug=region.slug)
    return render(
        request,
        "regions/video_edit.html",
        {
            "region": region,
            "video": video,
            "form": form,
            "caption_form": CaptionForm(),
            "captions": video.captions.all(),
        },
    )


@editor_roles
@require_POST
def video_caption_upload(request: HttpRequest, slug: str, public_id) -> HttpResponse:
    region = _editable(request, slug)
    video = selectors.video_get(public_id)
    if video.region_id != region.pk:
        raise PermissionDenied
    caption_form = CaptionForm(request.POST, request.FILES)
    if caption_form.is_valid():
        try:
            services.video_caption_attach(
                video=video,
                language=caption_form.cleaned_data["language"],
                upload=caption_form.cleaned_data["file"],
            )
        except ValidationError as error:
            caption_form.add_error("file", error.messages)
        else:
            messages.success(request, _("The captions are attached."))
            return redirect("regions:video-edit", slug=region.slug, public_id=video.public_id)
    initial = {name: getattr(video, name) for name in RegionVideoEditForm.base_fields}
    return render(
        request,
        "regions/video_edit.html",
        {
            "region": region,
            "video": video,
            "form": RegionVideoEditForm(initial=initial),
            "caption_form": caption_form,
            "captions": video.captions.all(),
        },
        status=400,
    )


@editor_roles
@require_POST
def region_video_delete(request: HttpRequest, slug: str, public_id) -> HttpResponse:
    region = _editable(request, slug)
    video = selectors.video_get(public_id)
    if video.region_id != region.pk:
        raise PermissionDenied
    services.region_video_delete(video=video)
    messages.success(request, _("The video is removed."))
    return redirect("regions:region-manage", slug=region.slug)


def video_file(request: HttpRequest, public_id) -> HttpResponse:
    """The region's videos are public; served with byte ranges so that players can seek."""
    video = selectors.video_get(public_id)
    return ranged_file_response(request, video.file, content_type=video.content_type)


def video_poster(request: HttpRequest, public_id) -> FileResponse:
    video = selectors.video_get(public_id)
    return FileResponse(video.poster.open("rb"), content_type="image/jpeg")


def video_caption(request: HttpRequest, public_id, language: str) -> FileResponse:
    video = selectors.video_get(public_id)
    caption = get_object_or_404(video.captions, language=language)
    return FileResponse(caption.file.open("rb"), content_type="text/vtt; charset=utf-8")


def _municipality_label(pk: str) -> str | None:
    found = (
        Municipality.objects.select_related("region").filter(pk=pk).first()
        if pk.isdigit()
        else None
    )
    return found.picker_label if found else None


def municipality_options(request: HttpRequest) -> HttpResponse:
    """<option>s of the municipalities matching ?q=, for the searchable picker."""
    found = selectors.municipality_search(request.GET.get("q", "")[:100])
    options = [(str(m.pk), m.picker_label) for m in found]
    return options_response(request, options, _municipality_label)
