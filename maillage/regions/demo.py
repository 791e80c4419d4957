"""Demo showcase of one region: its real facts come from data/ (MAMH); what is written for the demo
says so. No statistic is invented: the one figure shown is marked as a demo value."""

from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from maillage.accounts.models import User
from maillage.core.demo_steps import DemoContext, DemoStage, DemoStep
from maillage.regions import services
from maillage.regions.models import FigureKind, Region, RegionService, ServiceCategory
from maillage.regions.selectors import region_facts
from maillage.regions.showcase_video import demo_video_bytes

SHOWCASE_REGION = "01"  # Bas-Saint-Laurent

CAPTIONS = {
    "fr": "WEBVTT\n\n00:00.000 --> 00:02.000\nBienvenue au {name}\n\n00:02.000 --> 00:04.000\n(vidéo de démonstration)\n",
    "en": "WEBVTT\n\n00:00.000 --> 00:02.000\nWelcome to {name}\n\n00:02.000 --> 00:04.000\n(demo video)\n",
}


def build_region_showcase(*, by: User, today: date) -> Region:
    region = Region.objects.get(code=SHOWCASE_REGION)
    facts = region_facts(region, main=3)
    towns = ", ".join(m.name for m in facts.main_municipalities)
    services.region_profile_update(
        region=region,
        presentation_fr=(
            f"Texte de démonstration. La région {region.name} compte {facts.municipality_count} "
            f"municipalités; les plus peuplées sont {towns} (source : MAMH, Répertoire des "
            "municipalités du Québec). Les partenaires de la région remplacent ce texte par le leur."
        ),
        presentation_en=(
            f"Demo text. The {region.name} region has {facts.municipality_count} municipalities; "
            f"the most populated are {towns} (source: MAMH, Répertoire des municipalités du "
            "Québec). The region's partners replace this text with their own."
        ),
        by=by,
    )
    services.region_figure_set(
        region=region,
        kind=FigureKind.TYPICAL_RENT,
        value=Decimal("900"),
        source="Valeur fictive pour la démonstration",
        source_url="",
        as_of=today,
        is_demo=True,
        by=by,
    )
    main_town = facts.main_municipalities[0] if facts.main_municipalities else None
    for category, name in [
        (ServiceCategory.FRANCIZATION, "Cours de français pour adultes (démo)"),
        (ServiceCategory.WELCOME, "Organisme d’accueil des personnes immigrantes (démo)"),
        (ServiceCategory.HEALTH, "Centre de santé et de services sociaux (démo)"),
        (ServiceCategory.SCHOOLS, "Écoles primaires et secondaires (démo)"),
    ]:
        services.region_service_save(
            service=RegionService(
                region=region,
                category=category,
                name=name,
                description_fr="Service de démonstration : les partenaires inscrivent les vrais.",
                description_en="Demo service: the partners list the real ones.",
                municipality=main_town,
            )
        )
    video = services.region_video_upload(
        region=region,
        upload=SimpleUploadedFile("demo.webm", demo_video_bytes(), content_type="video/webm"),
        title_fr=f"Le {region.name} en couleurs (vidéo de démonstration)",
        title_en=f"{region.name} in colours (demo video)",
        transcript_fr=f"Bienvenue au {region.name}. Ceci est une vidéo de démonstration.",
        transcript_en=f"Welcome to {region.name}. This is a demo video.",
        by=by,
    )
    for language, text in CAPTIONS.items():
        services.video_caption_attach(
            video=video,
            language=language,
            upload=SimpleUploadedFile(f"{language}.vtt", text.format(name=region.name).encode()),
        )
    return region


def _build(context: DemoContext) -> None:
    build_region_showcase(by=User.objects.get(email=context.advisor_email), today=context.today)


DEMO = DemoStep(DemoStage.SHOWCASE, _build)
