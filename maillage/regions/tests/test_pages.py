import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from maillage.accounts.models import Role
from maillage.accounts.tests.factories import AdvisorFactory, UserFactory
from maillage.activities.tests.factories import ActivityFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.models import PostingStatus
from maillage.employers.tests.factories import CompanyFactory, JobPostingFactory
from maillage.regions import services
from maillage.regions.models import FigureKind, Region, RegionFigure, RegionProfile, RegionService
from maillage.regions.tests.factories import (
    PartnerFactory,
    RegionFigureFactory,
    RegionServiceFactory,
    bas_saint_laurent,
)
from maillage.regions.tests.sample_videos import CAPTIONS_EN, CAPTIONS_FR, vtt_upload, webm_upload

pytestmark = pytest.mark.django_db
PAGE = "/regions/bas-saint-laurent/"


def test_region_list_puts_served_regions_first(client):
    response = client.get("/regions/")
    regions = list(response.context["regions"])
    assert len(regions) == 17
    assert [r.is_served for r in regions] == [True] * 15 + [False] * 2


def test_region_page_shows_presentation_in_the_page_language(client):
    RegionProfile.objects.create(
        region=bas_saint_laurent(),
        presentation_fr="Le fleuve à perte de vue.",
        presentation_en="The river as far as the eye can see.",
    )
    assert "Le fleuve à perte de vue." in client.get(PAGE).content.decode()
    english = client.get("/en" + PAGE).content.decode()
    assert "The river as far as the eye can see." in english
    assert "Le fleuve" not in english


def test_region_page_shows_key_facts_with_sources_and_demo_warning(client):
    RegionFigureFactory(kind=FigureKind.TYPICAL_RENT, value=Decimal("950"), is_demo=True)
    RegionFigureFactory(
        kind=FigureKind.UNEMPLOYMENT_RATE,
        value=Decimal("4.5"),
        is_demo=False,
        source="Statistique Québec",
    )
    response = client.get(PAGE)
    page = response.content.decode()
    facts = response.context["facts"]
    region = bas_saint_laurent()
    assert facts.municipality_count == region.municipalities.count()
    assert facts.population == sum(m.population or 0 for m in region.municipalities.all())
    assert facts.main_municipalities[0].name == "Rimouski"
    assert "950\u00a0$" in page
    assert "4,5\u00a0%" in page
    assert page.count("valeur de démonstration") == 1
    assert "Statistique Québec" in page


def test_region_page_lists_services_employers_postings_and_activities(client):
    RegionServiceFactory(name="Centre de francisation de Rimouski")
    posting = JobPostingFactory(title="Soudeur de nuit")
    JobPostingFactory(company=posting.company, title="Brouillon secret", status=PostingStatus.DRAFT)
    activity = ActivityFactory(title="Maillage express du printemps")
    page = client.get(PAGE).content.decode()
    assert "Centre de francisation de Rimouski" in page
    assert "Soudeur de nuit" in page
    assert "Brouillon secret" not in page
    assert posting.company.legal_name in page
    assert activity.title in page


def test_map_data_places_open_postings_on_their_municipality(client):
    JobPostingFactory()
    JobPostingFactory()
    data = json.loads(client.get(PAGE + "map.json").content)
    postings = [f for f in data["features"] if f["properties"]["kind"] == "postings"]
    assert postings == [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [
                    postings[0]["geometry"]["coordinates"][0],
                    postings[0]["geometry"]["coordinates"][1],
                ],
            },
            "properties": {"kind": "postings", "name": "Rimouski", "count": 2},
        }
    ]
    towns = [f for f in data["features"] if f["properties"]["kind"] == "municipality"]
    assert len(towns) == bas_saint_laurent().municipalities.filter(latitude__isnull=False).count()


def test_region_page_ships_leaflet_from_the_project(client):
    page = client.get(PAGE).content.decode()
    assert "/static/vendor/leaflet/leaflet.js" in page
    assert "unpkg" not in page
    assert "cdn" not in page.lower()


def test_region_page_plays_videos_with_captions_on_in_the_page_language(client):
    video = services.region_video_upload(
        region=bas_saint_laurent(),
        upload=webm_upload(),
        title_fr="Vivre ici",
        title_en="Living here",
        by=AdvisorFactory(),
    )
    services.video_caption_attach(video=video, language="fr", upload=vtt_upload(CAPTIONS_FR))
    services.video_caption_attach(video=video, language="en", upload=vtt_upload(CAPTIONS_EN))
    french = client.get(PAGE).content.decode()
    assert (
        f'src="/regions/videos/{video.public_id}/captions/fr.vtt" srclang="fr" label="Français" default>'
        in french
    )
    assert 'srclang="en" label="English">' in french
    english = client.get("/en" + PAGE).content.decode()
    assert 'srclang="en" label="English" default>' in english
    assert "Living here" in english


def test_video_file_is_served_with_byte_ranges(client):
    video = services.region_video_upload(
        region=bas_saint_laurent(), upload=webm_upload(), title_fr="Vivre ici", by=AdvisorFactory()
    )
    whole = client.get(f"/regions/videos/{video.public_id}/file")
    assert whole.status_code == 200
    assert whole["Content-Type"] == "video/webm"
    content = b"".join(whole.streaming_content)
    assert len(content) == video.size_bytes
    part = client.get(f"/regions/videos/{video.public_id}/file", HTTP_RANGE="bytes=10-19")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 10-19/{video.size_bytes}"
    assert b"".join(part.streaming_content) == content[10:20]
    caption = services.video_caption_attach(
        video=video, language="fr", upload=vtt_upload(CAPTIONS_FR)
    )
    served = client.get(f"/regions/videos/{video.public_id}/captions/fr.vtt")
    assert served["Content-Type"] == "text/vtt; charset=utf-8"
    assert b"".join(served.streaming_content).decode() == CAPTIONS_FR
    assert caption.cue_count == 1


def test_candidate_marks_and_unmarks_a_region_of_interest(client):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)
    page = client.get(PAGE).content.decode()
    assert "Cette région m’intéresse" in page or "Cette région m'intéresse" in page
    client.post(PAGE + "interest/", {"interested": "1"})
    assert list(profile.regions_of_interest.values_list("code", flat=True)) == ["01"]
    client.post(PAGE + "interest/", {"interested": "0"})
    assert profile.regions_of_interest.count() == 0


def test_interest_keeps_the_other_regions():
    profile = CandidateProfileFactory()
    profile.regions_of_interest.set([Region.objects.get(code="09")])
    services.region_interest_set(profile=profile, region=bas_saint_laurent(), interested=True)
    assert sorted(profile.regions_of_interest.values_list("code", flat=True)) == ["01", "09"]


def test_only_candidates_mark_interest(client):
    client.force_login(AdvisorFactory())
    assert client.post(PAGE + "interest/", {"interested": "1"}).status_code == 403


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("advisor", 200),
        ("partner_here", 200),
        ("partner_elsewhere", 403),
        ("candidate", 403),
        ("employer", 403),
    ],
)
def test_who_edits_the_showcase(client, who, status):
    users = {
        "advisor": lambda: AdvisorFactory(),
        "partner_here": lambda: PartnerFactory(),
        "partner_elsewhere": lambda: PartnerFactory(region=Region.objects.get(code="09")),
        "candidate": lambda: UserFactory(role=Role.CANDIDATE),
        "employer": lambda: UserFactory(role=Role.EMPLOYER),
    }
    client.force_login(users[who]())
    assert client.get(PAGE + "manage/").status_code == status
    response = client.post(
        PAGE + "presentation/", {"presentation_fr": "Texte", "presentation_en": "Text"}
    )
    assert RegionProfile.objects.filter(presentation_fr="Texte").exists() == (status == 200)
    assert response.status_code == (302 if status == 200 else 403)


def test_partner_sets_a_figure_with_source_and_date(client):
    client.force_login(PartnerFactory())
    response = client.post(
        PAGE + "figures/median_wage/",
        {
            "value": "27.50",
            "source": "Statistique Québec",
            "source_url": "stat.gouv.qc.ca",
            "as_of": "2026-06-30",
            "is_demo": "",
        },
    )
    assert response.status_code == 302
    figure = RegionFigure.objects.get()
    assert (figure.kind, figure.value, figure.source_url, figure.is_demo) == (
        "median_wage",
        Decimal("27.50"),
        "https://stat.gouv.qc.ca",
        False,
    )


def test_a_figure_without_source_is_refused_and_the_form_keeps_the_value(client):
    client.force_login(PartnerFactory())
    response = client.post(
        PAGE + "figures/typical_rent/", {"value": "1100", "source": "", "as_of": "2026-06-30"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["source"]
    assert 'value="1100"' in response.content.decode()
    assert RegionFigure.objects.count() == 0


def test_an_unemployment_rate_above_100_is_refused(client):
    client.force_login(AdvisorFactory())
    client.post(
        PAGE + "figures/unemployment_rate/", {"value": "140", "source": "x", "as_of": "2026-06-30"}
    )
    assert RegionFigure.objects.count() == 0


def test_advisor_adds_a_service(client):
    client.force_login(AdvisorFactory())
    rimouski = bas_saint_laurent().municipalities.get(name="Rimouski")
    response = client.post(
        PAGE + "services/new/",
        {
            "category": "welcome",
            "name": "Accueil immigrants Rimouski",
            "description_fr": "Accueil",
            "municipality": rimouski.pk,
            "website": "",
        },
    )
    assert response.status_code == 302
    service = RegionService.objects.get()
    assert (service.region.code, service.municipality, service.category) == (
        "01",
        rimouski,
        "welcome",
    )


def test_partner_uploads_a_video_then_captions(client):
    client.force_login(PartnerFactory())
    response = client.post(
        PAGE + "videos/new/",
        {"file": webm_upload(), "title_fr": "Rimouski l'hiver", "title_en": ""},
    )
    assert response.status_code == 302
    video = bas_saint_laurent().videos.get()
    response = client.post(
        PAGE + f"videos/{video.public_id}/captions/",
        {"language": "fr", "file": vtt_upload(CAPTIONS_FR)},
    )
    assert response.status_code == 302
    assert video.captions.get().language == "fr"


def test_a_bad_video_upload_rerenders_the_form_with_the_reason_and_the_typed_title(client):
    client.force_login(PartnerFactory())
    fake = SimpleUploadedFile(
        "film.webm", b"\x1aE\xdf\xa3" + b"\x00" * 200, content_type="video/webm"
    )
    response = client.post(PAGE + "videos/new/", {"file": fake, "title_fr": "Mon beau titre"})
    assert response.status_code == 200
    page = response.content.decode()
    assert response.context["form"].errors["file"]
    assert "Mon beau titre" in page
    assert bas_saint_laurent().videos.count() == 0


def test_invalid_captions_rerender_with_the_reason(client):
    client.force_login(PartnerFactory())
    video = services.region_video_upload(
        region=bas_saint_laurent(), upload=webm_upload(), title_fr="Vivre ici", by=AdvisorFactory()
    )
    response = client.post(
        PAGE + f"videos/{video.public_id}/captions/",
        {"language": "fr", "file": vtt_upload("pas du WebVTT")},
    )
    assert response.status_code == 400
    assert "WebVTT" in response.context["caption_form"].errors["file"][0]
    assert video.captions.count() == 0


def test_region_page_query_count_does_not_grow_with_content(client, django_assert_max_num_queries):
    for _ in range(3):
        JobPostingFactory(company=CompanyFactory())
        RegionServiceFactory()
        ActivityFactory()
    with django_assert_max_num_queries(16):
        client.get(PAGE)
