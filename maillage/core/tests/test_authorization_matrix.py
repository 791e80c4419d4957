"""Who may open what: every route of the project, for every role, through the client.

The route list comes from the URL resolver, so a new route fails `test_every_route_is_in_the_matrix`
until its line is added to ACCESS below (who may open it, and how to fill its URL parameters).
For each route and each persona the test sends a GET (GET never changes anything here) and checks:
- a persona allowed by ACCESS is let through: 200, 405 (the route wants POST, and the role check
  passed before the method check) or a redirect that is not to the login page;
- a logged-in persona not allowed gets 403 (or 404: the object is not theirs to see);
- an anonymous visitor not allowed is sent to the login page (401 from the API);
- a write-only route that checks the method before the role (405 to a GET) gets a POST from
  the personas it must refuse, and must refuse it.
"""

import base64
import importlib

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django.utils.encoding import force_bytes

from maillage.accounts.models import ConsentPurpose, Role
from maillage.accounts.services import privacy_consent_give
from maillage.accounts.tests.factories import AdvisorFactory, ManagerFactory, UserFactory
from maillage.accounts.tokens import email_confirmation_token
from maillage.activities.models import Meeting, MeetingConstraint
from maillage.activities.tests.factories import (
    ActivityFactory,
    CandidateRegistrationFactory,
    EmployerRegistrationFactory,
)
from maillage.api.tests.factories import ApiTokenFactory
from maillage.candidates.models import CandidateSkill, ProofDocument
from maillage.candidates.tests.factories import (
    CandidateProfileFactory,
    EducationFactory,
    WorkExperienceFactory,
)
from maillage.employers.models import CompanyInvitation, PostingStatus
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.regions.models import Region, RegionService, RegionVideo, VideoCaption

pytestmark = pytest.mark.django_db

ANON = "anonymous"
CANDIDATE, EMPLOYER, ADVISOR, PARTNER, MANAGER = (
    Role.CANDIDATE.value,
    Role.EMPLOYER.value,
    Role.ADVISOR.value,
    Role.PARTNER.value,
    Role.MANAGER.value,
)
ROLES = frozenset({CANDIDATE, EMPLOYER, ADVISOR, PARTNER, MANAGER})
EVERYONE = ROLES | {ANON}
NOBODY: frozenset[str] = frozenset()
TEAM = frozenset({ADVISOR, MANAGER})
ORGANISERS = frozenset({ADVISOR, PARTNER})
# activities: the program manager organises them too, everywhere
ACTIVITY_ORGANISERS = ORGANISERS | {MANAGER}

# route pattern -> who may open it. URL parameters are filled from the `world` fixture by
# parameter name and route prefix (see _kwargs).
ACCESS: dict[str, frozenset[str]] = {
    "healthz": EVERYONE,
    # API (tokens or session; anonymous callers get 401)
    "api/v1/openapi.json": EVERYONE,
    "api/v1/docs": EVERYONE,
    "api/v1/": NOBODY,  # django-ninja's namespace root: 404 for everyone
    "api/v1/postings": EVERYONE,
    "api/v1/postings/<public_id>": EVERYONE,
    "api/v1/regions": EVERYONE,
    "api/v1/employer/postings": frozenset({EMPLOYER}),
    "api/v1/employer/postings/<public_id>": frozenset({EMPLOYER}),
    "api/v1/employer/postings/<public_id>/publish": frozenset({EMPLOYER}),
    "api/v1/employer/postings/<public_id>/close": frozenset({EMPLOYER}),
    "api/v1/employer/postings/<public_id>/shortlist": frozenset({EMPLOYER}),
    "api/v1/me": ROLES,
    "api/v1/me/profile": frozenset({CANDIDATE}),
    "api/v1/me/matches": frozenset({CANDIDATE}),
    # core
    "": EVERYONE,
    "dashboard/": ROLES,
    "team/": frozenset({ADVISOR, MANAGER, PARTNER}),
    "data-sources/": EVERYONE,
    # accounts
    "accounts/login/": EVERYONE,
    "accounts/logout/": EVERYONE,
    "accounts/confirm/sent/": EVERYONE,
    "accounts/confirm/resend/": EVERYONE,
    "accounts/confirm/<str:token>/": EVERYONE,
    "accounts/privacy/": EVERYONE,
    "accounts/settings/": ROLES,
    "accounts/password/change/": ROLES,
    "accounts/password/reset/": EVERYONE,
    "accounts/password/reset/sent/": EVERYONE,
    "accounts/password/reset/<uidb64>/<token>/": EVERYONE,
    # candidates
    "candidates/signup/": EVERYONE,
    "candidates/profile/": frozenset({CANDIDATE}),
    "candidates/profile/<slug:section>/edit/": frozenset({CANDIDATE}),
    "candidates/profile/occupations/add/": frozenset({CANDIDATE}),
    "candidates/profile/occupations/<str:code>/remove/": frozenset({CANDIDATE}),
    "candidates/profile/skills/add/": frozenset({CANDIDATE}),
    "candidates/profile/permits/": frozenset({CANDIDATE}),
    "candidates/profile/skills/<int:pk>/remove/": frozenset({CANDIDATE}),
    "candidates/profile/skills/suggestions/": frozenset({CANDIDATE}),
    "candidates/profile/cv/": frozenset({CANDIDATE}),
    "candidates/profile/cv/confirm/": frozenset({CANDIDATE}),
    "candidates/profile/experiences/new/": frozenset({CANDIDATE}),
    "candidates/profile/experiences/<int:pk>/edit/": frozenset({CANDIDATE}),
    "candidates/profile/experiences/<int:pk>/delete/": frozenset({CANDIDATE}),
    "candidates/profile/education/new/": frozenset({CANDIDATE}),
    "candidates/profile/education/<int:pk>/edit/": frozenset({CANDIDATE}),
    "candidates/profile/education/<int:pk>/delete/": frozenset({CANDIDATE}),
    "candidates/profile/documents/new/": frozenset({CANDIDATE}),
    "candidates/documents/<int:pk>/": frozenset({CANDIDATE}) | TEAM,
    "candidates/verification/": TEAM,
    "candidates/<uuid:public_id>/": TEAM,
    "candidates/<uuid:public_id>/decide/": frozenset({ADVISOR}),
    # employers
    "employers/signup/": EVERYONE,
    "employers/company/": frozenset({EMPLOYER}),
    "employers/company/edit/": frozenset({EMPLOYER}),
    "employers/company/invitations/": frozenset({EMPLOYER}),
    "employers/invitations/<uuid:token>/": EVERYONE,
    "employers/postings/": frozenset({EMPLOYER}),
    "employers/postings/new/": frozenset({EMPLOYER}),
    "employers/postings/<uuid:public_id>/": EVERYONE,  # published: public
    "employers/postings/<uuid:public_id>/edit/": frozenset({EMPLOYER}),
    "employers/postings/<uuid:public_id>/<slug:action>/": frozenset({EMPLOYER}),
    "employers/verification/": TEAM,
    "employers/companies/<uuid:public_id>/": TEAM,
    "employers/companies/<uuid:public_id>/decide/": frozenset({ADVISOR}),
    # taxonomy and regions
    "taxonomy/noc/options/": EVERYONE,
    "taxonomy/noc/suggestions/": ROLES,
    "taxonomy/permits/options/": ROLES,
    "taxonomy/skills/suggestions/": ROLES,
    "regions/": EVERYONE,
    "regions/municipalities/options/": EVERYONE,
    "regions/videos/<uuid:public_id>/file": EVERYONE,
    "regions/videos/<uuid:public_id>/poster.jpg": EVERYONE,
    "regions/videos/<uuid:public_id>/captions/<str:language>.vtt": EVERYONE,
    "regions/<slug:slug>/": EVERYONE,
    "regions/<slug:slug>/map.json": EVERYONE,
    "regions/<slug:slug>/interest/": frozenset({CANDIDATE}),
    # the region's partner (the persona works for region 01) and advisors
    "regions/<slug:slug>/manage/": ORGANISERS,
    "regions/<slug:slug>/presentation/": ORGANISERS,
    "regions/<slug:slug>/figures/<str:kind>/": ORGANISERS,
    "regions/<slug:slug>/figures/<str:kind>/delete/": ORGANISERS,
    "regions/<slug:slug>/services/new/": ORGANISERS,
    "regions/<slug:slug>/services/<int:pk>/": ORGANISERS,
    "regions/<slug:slug>/services/<int:pk>/delete/": ORGANISERS,
    "regions/<slug:slug>/videos/new/": ORGANISERS,
    "regions/<slug:slug>/videos/<uuid:public_id>/": ORGANISERS,
    "regions/<slug:slug>/videos/<uuid:public_id>/captions/": ORGANISERS,
    "regions/<slug:slug>/videos/<uuid:public_id>/delete/": ORGANISERS,
    # activities
    "activities/": EVERYONE,
    "activities/new/": ACTIVITY_ORGANISERS,
    "activities/<uuid:public_id>/": EVERYONE,
    "activities/<uuid:public_id>/edit/": ACTIVITY_ORGANISERS,
    "activities/<uuid:public_id>/manage/": ACTIVITY_ORGANISERS,
    "activities/<uuid:public_id>/employer/register/": frozenset({EMPLOYER}),
    "activities/<uuid:public_id>/employer/withdraw/": frozenset({EMPLOYER}),
    "activities/<uuid:public_id>/candidate/register/": frozenset({CANDIDATE}),
    "activities/<uuid:public_id>/candidate/withdraw/": frozenset({CANDIDATE}),
    "activities/<uuid:public_id>/invitation/<str:answer>/": frozenset({CANDIDATE}),
    "activities/<uuid:public_id>/invite/": ACTIVITY_ORGANISERS,
    "activities/<uuid:public_id>/schedule/compute/": ACTIVITY_ORGANISERS,
    "activities/<uuid:public_id>/schedule/": ACTIVITY_ORGANISERS,
    "activities/<uuid:public_id>/schedule/publish/": ACTIVITY_ORGANISERS,
    "activities/<uuid:public_id>/schedule/clear/": ACTIVITY_ORGANISERS,
    "activities/<uuid:public_id>/decisions/": ACTIVITY_ORGANISERS,
    "activities/<uuid:public_id>/decisions/<int:pk>/remove/": ACTIVITY_ORGANISERS,
    "activities/<uuid:public_id>/employers/<int:pk>/attendance/": ACTIVITY_ORGANISERS,
    "activities/<uuid:public_id>/complete/": ACTIVITY_ORGANISERS,
    "activities/<uuid:public_id>/cancel/": ACTIVITY_ORGANISERS,
    "activities/<uuid:public_id>/my-schedule/": frozenset({CANDIDATE, EMPLOYER}),
    "activities/<uuid:public_id>/my-schedule.ics": frozenset({CANDIDATE, EMPLOYER}),
    "activities/meetings/<int:pk>/check-in/": ACTIVITY_ORGANISERS | {EMPLOYER},
    "activities/meetings/<int:pk>/follow-up/": ACTIVITY_ORGANISERS | {EMPLOYER},
    # api tokens and privacy
    "api-tokens/": ROLES,
    "api-tokens/<int:pk>/revoke/": ROLES,
    "privacy/": ROLES,
    "privacy/export/": ROLES,
    "privacy/consents/<int:pk>/withdraw/": ROLES,
    "privacy/delete/": ROLES,
    # matching
    "matching/my-matches/": frozenset({CANDIDATE}),
    "matching/my-matches/doors/": frozenset({CANDIDATE}),
    "matching/postings/<uuid:public_id>/pool/": TEAM | {EMPLOYER},  # the posting's company
    "matching/rematch-all/": frozenset({MANAGER}),
    # households (the links' own rules: maillage/households/tests)
    "households/mine/": frozenset({CANDIDATE}),
    "households/mine/invite/": frozenset({CANDIDATE}),
    "households/links/<uuid:public_id>/answer/": frozenset({CANDIDATE}),
    "households/links/<uuid:public_id>/end/": frozenset({CANDIDATE}),
    "households/links/<uuid:public_id>/share-search/": frozenset({CANDIDATE}),
    # old addresses: a 301 for everyone to prequalification's pages, which check the role
    "matching/postings/": EVERYONE,
    "matching/postings/<uuid:public_id>/": EVERYONE,
    # fairness audit
    "fairness/declaration/": frozenset({CANDIDATE}),
    "fairness/declaration/delete/": frozenset({CANDIDATE}),
    "fairness/audit/": frozenset({MANAGER}),
    "fairness/audit/report.md": frozenset({MANAGER}),
    # program figures
    "figures/": EVERYONE,
    "figures/dashboard/": frozenset({MANAGER, ADVISOR, PARTNER}),
    "figures/dashboard/export.<str:kind>": frozenset({MANAGER, ADVISOR, PARTNER}),
}


# Apps whose own matrix checks every route in depth (exact answer per role, POSTs included, and
# nothing changed when refused): here we check that their matrix lists every one of their routes
# (by URL name; "name/get" and "name/post" cases count for the name).
DELEGATED = {
    ("prequalification/", "interviews/", "notifications/"): (
        "maillage.prequalification.tests.test_permission_matrix"
    ),
}


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if getattr(pattern, "app_name", None) == "admin":
                continue
            inner = (
                f"{namespace}:{pattern.namespace}"
                if namespace and pattern.namespace
                else (pattern.namespace or namespace)
            )
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield prefix + str(pattern.pattern), name


def _delegate(route: str) -> str | None:
    return next(
        (module for prefixes, module in DELEGATED.items() if route.startswith(prefixes)), None
    )


def project_routes() -> list[str]:
    """Every route pattern of the project but Django's admin (which has its own staff check) and
    the delegated apps."""
    return sorted(
        {route for route, _name in _walk(get_resolver().url_patterns) if not _delegate(route)}
    )


def test_every_route_is_in_the_matrix():
    routes = set(project_routes())
    assert sorted(routes - set(ACCESS)) == [], "new routes: say who may open them in ACCESS"
    assert sorted(set(ACCESS) - routes) == [], "routes gone: remove them from ACCESS"


def test_every_route_of_the_delegated_apps_is_in_their_own_matrix():
    missing = []
    delegated = 0
    for route, name in _walk(get_resolver().url_patterns):
        module = _delegate(route)
        if module is None:
            continue
        delegated += 1
        if name not in {case[0].split("/")[0] for case in importlib.import_module(module).ROUTES}:
            missing.append(f"{route} ({name}) is not in {module}.ROUTES")
    assert delegated >= 30
    assert missing == []


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def world(db):
    region = Region.objects.get(code="01")
    profile = CandidateProfileFactory()
    profile.desired_occupations.add("72106")
    privacy_consent_give(user=profile.user)
    member = CompanyMemberFactory()
    posting = JobPostingFactory(company=member.company, status=PostingStatus.PUBLISHED)
    personas = {
        CANDIDATE: profile.user,
        EMPLOYER: member.user,
        ADVISOR: AdvisorFactory(),
        PARTNER: UserFactory(role=Role.PARTNER, region=region),
        MANAGER: ManagerFactory(),
    }
    video = RegionVideo(
        region=region,
        title_fr="Vivre à Rimouski",
        original_name="v.mp4",
        content_type="video/mp4",
        container="mp4",
        video_codec="h264",
        duration_seconds=1.0,
        width=16,
        height=16,
        size_bytes=4,
    )
    video.file.save("video", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=False)
    video.poster.save("poster.jpg", ContentFile(b"\xff\xd8\xff"), save=False)
    video.save()
    caption = VideoCaption(video=video, language="fr", cue_count=1)
    caption.file.save("captions.vtt", ContentFile(b"WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n"))
    activity = ActivityFactory(region=region)
    employer_registration = EmployerRegistrationFactory(activity=activity, company=member.company)
    CandidateRegistrationFactory(activity=activity, candidate=profile)
    meeting = Meeting.objects.create(
        activity=activity,
        candidate=profile,
        company=member.company,
        slot=0,
        score=80.0,
        engine_version="t",
    )
    constraint = MeetingConstraint.objects.create(
        activity=activity, candidate=profile, company=member.company, kind="forbid"
    )
    document = ProofDocument.objects.create(
        candidate=profile,
        kind="admission",
        file=ContentFile(PDF, name="p.pdf"),
        original_name="p.pdf",
        content_type="application/pdf",
        size_bytes=len(PDF),
    )
    return {
        "personas": personas,
        "tokens": {role: ApiTokenFactory(user=user) for role, user in personas.items()},
        "consents": {
            role: privacy_consent_give(user=user, purpose=ConsentPurpose.FAIRNESS_AUDIT)
            for role, user in personas.items()
        },
        "profile": profile,
        "experience": WorkExperienceFactory(candidate=profile),
        "education": EducationFactory(candidate=profile),
        "skill": CandidateSkill.objects.create(candidate=profile, label="soudage"),
        "document": document,
        "company": member.company,
        "posting": posting,
        "invitation": CompanyInvitation.objects.create(
            company=member.company, email="new@example.org"
        ),
        "region": region,
        "service": RegionService.objects.create(region=region, category="health", name="CLSC"),
        "video": video,
        "activity": activity,
        "employer_registration": employer_registration,
        "meeting": meeting,
        "constraint": constraint,
        "now": timezone.now(),
    }


def _kwargs(route: str, world: dict, role: str) -> dict:
    """Values for the route's parameters, chosen so that an allowed persona reaches a real object."""
    profile, activity = world["profile"], world["activity"]
    values = {}
    for name in (
        "public_id",
        "token",
        "pk",
        "slug",
        "section",
        "code",
        "action",
        "kind",
        "language",
        "answer",
        "uidb64",
    ):
        if f"{name}>" not in route:
            continue
        if name == "public_id":
            if route.startswith("candidates/"):
                value = profile.public_id
            elif route.startswith("employers/companies/"):
                value = world["company"].public_id
            elif "videos/" in route:
                value = world["video"].public_id
            elif route.startswith("activities/"):
                value = activity.public_id
            else:  # postings, site and API
                value = world["posting"].public_id
        elif name == "token":
            if route.startswith("employers/invitations/"):
                value = world["invitation"].token
            elif route.startswith("accounts/confirm/"):
                value = email_confirmation_token(profile.user)
            else:
                value = default_token_generator.make_token(profile.user)
        elif name == "pk":
            value = {
                "candidates/profile/skills": world["skill"].pk,
                "candidates/profile/experiences": world["experience"].pk,
                "candidates/profile/education": world["education"].pk,
                "candidates/documents": world["document"].pk,
                "regions/<slug:slug>/services": world["service"].pk,
                "activities/<uuid:public_id>/decisions": world["constraint"].pk,
                "activities/<uuid:public_id>/employers": world["employer_registration"].pk,
                "activities/meetings": world["meeting"].pk,
                "api-tokens": world["tokens"][role].pk if role in world["tokens"] else 1,
                "privacy/consents": world["consents"][role].pk if role in world["consents"] else 1,
            }[
                next(
                    p
                    for p in (
                        "candidates/profile/skills",
                        "candidates/profile/experiences",
                        "candidates/profile/education",
                        "candidates/documents",
                        "regions/<slug:slug>/services",
                        "activities/<uuid:public_id>/decisions",
                        "activities/<uuid:public_id>/employers",
                        "activities/meetings",
                        "api-tokens",
                        "privacy/consents",
                    )
                    if route.startswith(p)
                )
            ]
        elif name == "slug":
            value = world["region"].slug
        elif name == "section":
            value = "contact"
        elif name == "code":
            value = "72106"
        elif name == "action":
            value = "close"
        elif name == "kind":
            value = "csv" if route.startswith("figures/") else "typical_rent"
        elif name == "language":
            value = "fr"
        elif name == "answer":
            value = "accept"
        else:  # uidb64
            value = base64.urlsafe_b64encode(force_bytes(profile.user.pk)).decode().rstrip("=")
        values[name] = value
    return values


def _url(route: str, kwargs: dict) -> str:
    path = route
    for name, value in kwargs.items():
        for converter in ("uuid:", "int:", "slug:", "str:", ""):
            path = path.replace(f"<{converter}{name}>", str(value))
    return "/" + path


@pytest.mark.parametrize("persona", [ANON, CANDIDATE, EMPLOYER, ADVISOR, PARTNER, MANAGER])
def test_each_persona_opens_exactly_the_routes_it_may(client, world, persona):
    if persona != ANON:
        client.force_login(world["personas"][persona])
    wrong = []
    for route in project_routes():
        allowed = persona in ACCESS[route]
        url = _url(route, _kwargs(route, world, persona))
        response = client.get(url)
        if not allowed and response.status_code == 405:
            # A write-only route that checks the method first (the API): the write itself must
            # be refused. Refused writes change nothing, so probing them is safe.
            response = client.post(url, data="{}", content_type="application/json")
        status = response.status_code
        to_login = status == 302 and response.url.startswith("/accounts/login/")
        if allowed:
            ok = status in {200, 405} or (status in {301, 302} and not to_login)
        elif persona == ANON:
            ok = to_login or status in {401, 403} or ACCESS[route] == NOBODY and status == 404
        else:
            ok = status in {403, 404}
        if not ok:
            wrong.append(
                f"{url} → {status}{' (login)' if to_login else ''}, {'allowed' if allowed else 'denied'}"
            )
    assert wrong == [], "\n".join(wrong)
