import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from maillage.regions import services
from maillage.regions.models import RegionVideo, VideoCaption
from maillage.regions.services.videos import webvtt_check
from maillage.regions.tests.factories import PartnerFactory, bas_saint_laurent
from maillage.regions.tests.sample_videos import (
    CAPTIONS_EN,
    CAPTIONS_FR,
    mp4_upload,
    video_bytes,
    vtt_upload,
    webm_upload,
)

pytestmark = pytest.mark.django_db


def stored_files(settings) -> list[str]:
    root = settings.MEDIA_ROOT
    return (
        sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
        if root.exists()
        else []
    )


def upload(file, **extra):
    return services.region_video_upload(
        region=bas_saint_laurent(),
        upload=file,
        title_fr="Vivre à Rimouski",
        by=PartnerFactory(),
        **extra,
    )


def test_webm_video_is_inspected_and_stored_with_its_poster(settings):
    video = upload(webm_upload())
    assert (video.container, video.video_codec, video.audio_codec) == ("webm", "vp9", "")
    assert (video.width, video.height) == (64, 48)
    assert video.duration_seconds == pytest.approx(1.0, abs=0.05)
    assert video.content_type == "video/webm"
    assert video.poster.read(3) == b"\xff\xd8\xff"  # a JPEG
    assert len(stored_files(settings)) == 2


def test_mp4_h264_video_is_accepted():
    video = upload(mp4_upload())
    assert (video.container, video.video_codec) == ("mp4", "h264")


def test_mp4_with_a_codec_browsers_do_not_play_is_refused(settings):
    with pytest.raises(ValidationError) as error:
        upload(mp4_upload(codec="mpeg4"))
    assert error.value.code == "unsupported_codec"
    assert "mpeg4" in error.value.messages[0]
    assert RegionVideo.objects.count() == 0
    assert stored_files(settings) == []


def test_a_truncated_video_is_refused_and_nothing_is_stored(settings):
    damaged = SimpleUploadedFile("cut.webm", video_bytes()[:300], content_type="video/webm")
    with pytest.raises(ValidationError) as error:
        upload(damaged)
    assert error.value.code in {"not_a_video", "no_frame"}
    assert RegionVideo.objects.count() == 0
    assert stored_files(settings) == []


def test_a_file_that_is_not_a_video_is_refused_by_its_content(settings):
    fake = SimpleUploadedFile(
        "vacances.mp4", b"%PDF-1.4 not a video at all" * 10, content_type="video/mp4"
    )
    with pytest.raises(ValidationError) as error:
        upload(fake)
    assert error.value.code == "bad_type"
    assert RegionVideo.objects.count() == 0
    assert stored_files(settings) == []


def test_a_video_over_the_size_limit_is_refused(settings):
    settings.MAX_VIDEO_UPLOAD_BYTES = 100
    with pytest.raises(ValidationError) as error:
        upload(webm_upload())
    assert error.value.code == "too_large"
    assert RegionVideo.objects.count() == 0


def test_captions_are_attached_per_language_and_replaced():
    video = upload(webm_upload())
    french = services.video_caption_attach(
        video=video, language="fr", upload=vtt_upload(CAPTIONS_FR)
    )
    services.video_caption_attach(video=video, language="en", upload=vtt_upload(CAPTIONS_EN))
    assert french.cue_count == 1
    two_cues = CAPTIONS_FR + "\n00:00.900 --> 00:01.000\nAu revoir\n"
    services.video_caption_attach(video=video, language="fr", upload=vtt_upload(two_cues))
    assert dict(VideoCaption.objects.values_list("language", "cue_count")) == {"fr": 2, "en": 1}
    assert video.captions.get(language="fr").file.read().decode() == two_cues


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Bonjour, ceci n'est pas un fichier de sous-titres", "malformed"),
        ("WEBVTT\n", "malformed"),
        ("WEBVTT\n\n00:00.000 --> n'importe quoi\nBonjour\n", "malformed"),
        ("WEBVTT\n\n00:02.000 --> 00:01.000\nÀ l'envers\n", "bad_timing"),
    ],
)
def test_invalid_webvtt_is_refused_with_a_reason(text, code):
    with pytest.raises(ValidationError) as error:
        webvtt_check(text.encode())
    assert error.value.code == code


def test_captions_not_in_utf8_are_refused_and_not_stored():
    video = upload(webm_upload())
    with pytest.raises(ValidationError) as error:
        services.video_caption_attach(
            video=video,
            language="fr",
            upload=SimpleUploadedFile(
                "c.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nÉté\n".encode("latin-1")
            ),
        )
    assert error.value.code == "encoding"
    assert VideoCaption.objects.count() == 0


def test_deleting_a_video_removes_its_files(settings, django_capture_on_commit_callbacks):
    video = upload(webm_upload())
    services.video_caption_attach(video=video, language="fr", upload=vtt_upload(CAPTIONS_FR))
    assert len(stored_files(settings)) == 3
    with django_capture_on_commit_callbacks(execute=True):
        services.region_video_delete(video=video)
    assert stored_files(settings) == []
    assert RegionVideo.objects.count() == 0
