"""The counterfactual figures (issue 15) equal a direct count in the database, for two candidate
profiles and two postings; the sections show them, in French, with small cells suppressed."""

from datetime import date, timedelta

import pytest
from django.db.models import Q
from django.urls import reverse

from maillage.accounts.tests.factories import AdvisorFactory
from maillage.candidates.models import CandidateProfile, ImmigrationStatus, Relocation
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.core.choices import VerificationStatus
from maillage.employers.models import JobPosting, PostingStatus
from maillage.employers.tests.factories import (
    CompanyMemberFactory,
    JobPostingFactory,
    PostingSkillFactory,
)
from maillage.matching import doors
from maillage.matching.tests.conftest import TODAY
from maillage.regions.models import Municipality, Region

LICENCE = "permis de conduire classe 1"
NBSP = "\u00a0"
NO_FRENCH = {"min_french_oral_comprehension": None, "min_french_oral_production": None}


@pytest.fixture(autouse=True)
def _fresh_columns():
    doors.columns_reset()
    yield
    doors.columns_reset()


def _posting(town: str, *, licence: bool = False, **fields):
    fields.setdefault("start_date", date(2027, 1, 15))
    posting = JobPostingFactory(municipality=Municipality.objects.get(name=town), **fields)
    if licence:
        PostingSkillFactory(posting=posting, label=LICENCE, is_must_have=True)
    return posting


@pytest.fixture
def postings(db):
    """Published postings in Rimouski (01) and Saguenay (02) asking different things."""
    made = [
        _posting("Rimouski", min_french_oral_production=7),
        _posting("Rimouski", min_french_oral_production=7, min_french_written_comprehension=7),
        _posting("Rimouski", min_french_oral_production=6),
        _posting("Saguenay", min_french_oral_production=6),
        _posting("Saguenay", **NO_FRENCH),
        _posting("Saguenay", **NO_FRENCH),
        _posting("Rimouski", licence=True, **NO_FRENCH),
        _posting("Saguenay", licence=True, **NO_FRENCH),
        _posting("Rimouski", start_date=TODAY, **NO_FRENCH),
        _posting("Rimouski", **NO_FRENCH),  # open to both profiles already
    ]
    _posting("Rimouski", status=PostingStatus.DRAFT, **NO_FRENCH)  # never counted
    return made


def _profile(town: str, region: str, **fields) -> CandidateProfile:
    profile = CandidateProfileFactory(
        municipality=Municipality.objects.get(name=town),
        relocation=fields.pop("relocation", Relocation.NO),
        available_from=fields.pop("available_from", TODAY),
        **fields,
    )
    profile.regions_of_interest.set([Region.objects.get(code=region)])
    return profile


def _direct_count(profile: CandidateProfile, **after) -> int:
    """Published postings the profile, changed as `after` says, passes and passes not now: a
    count written with the ORM, apart from the engine."""
    return _passing(profile, **after).exclude(pk__in=_passing(profile)).count()


def _passing(profile, *, french=None, region=None, licence=False, available=None, anywhere=False):
    levels = {**profile.french_levels(), **(french or {})}
    regions = {r.code for r in profile.regions_of_interest.all()} | {
        profile.municipality.region.code
    }
    if region:
        regions.add(region)
    latest_start = (available or profile.available_from) - timedelta(days=30)
    where = Q(municipality__region__code__in=regions)
    if profile.relocation == Relocation.WITH_AID:
        where |= Q(offers_relocation_allowance=True)
    query = JobPosting.objects.filter(
        Q() if anywhere else where,
        status=PostingStatus.PUBLISHED,
        start_date__gte=latest_start,
    )
    for skill, level in levels.items():
        query = query.filter(
            Q(**{f"min_french_{skill}__isnull": True}) | Q(**{f"min_french_{skill}__lte": level})
        )
    if not licence:
        query = query.exclude(skills__is_must_have=True)
    return query


def _counts(profile) -> dict[str, int]:
    found = {}
    for door in doors.candidate_doors(profile, today=TODAY, limit=20):
        found[door.sentence] = door.count
    return found


def test_the_doors_of_a_candidate_in_rimouski_equal_the_direct_counts(postings):
    profile = _profile(
        "Rimouski",
        "01",
        french_oral_production=5,
        french_written_comprehension=5,
        available_from=TODAY + timedelta(days=60),
    )
    found = _counts(profile)
    oral_7 = _direct_count(profile, french={"oral_production": 7})
    assert oral_7 == 2  # the one asking 7 and the one asking 6 (not the 7 + 7)
    assert (
        found[
            f"Avec un niveau 7 en production orale en français, {oral_7} postes de plus vous seraient ouverts"
        ]
        == oral_7
    )
    all_7 = _direct_count(profile, french=dict.fromkeys(profile.french_levels(), 7))
    assert all_7 == 3
    assert (
        found[
            f"Avec un niveau 7 dans les quatre compétences en français, {all_7} postes de plus vous seraient ouverts"
        ]
        == all_7
    )
    licence = _direct_count(profile, licence=True)
    assert found[f"«{NBSP}{LICENCE}{NBSP}» ouvre {licence} poste"] == licence == 1
    now = _direct_count(profile, available=TODAY)
    assert found[f"Être disponible dès le 26 novembre 2026{NBSP}: {now} poste"] == now == 1
    saguenay = _direct_count(profile, region="02")
    assert found[f"Accepter Saguenay-Lac-Saint-Jean{NBSP}: {saguenay} postes"] == saguenay == 2


def test_the_doors_of_a_candidate_in_saguenay_equal_the_direct_counts(postings):
    profile = _profile("Saguenay", "02", french_oral_production=6)
    found = _counts(profile)
    rimouski = _direct_count(profile, region="01")
    assert rimouski == 3  # the 6, the one starting today, the one open to all (not the 7s)
    assert found[f"Accepter Bas-Saint-Laurent{NBSP}: {rimouski} postes"] == rimouski
    licence = _direct_count(profile, licence=True)
    assert found[f"«{NBSP}{LICENCE}{NBSP}» ouvre {licence} poste"] == licence == 1
    assert not any("production orale" in sentence for sentence in found)  # 7 + region: no


def _eligible(count: int, **fields) -> list[CandidateProfile]:
    return [_profile("Rimouski", "01", **fields) for _ in range(count)]


@pytest.fixture
def pool(db):
    """Thirteen eligible candidates of Rimouski and one who is not (never counted)."""
    _eligible(5, french_written_comprehension=7)
    _eligible(6, french_written_comprehension=5)
    _eligible(
        2,
        french_written_comprehension=7,
        immigration_status=ImmigrationStatus.EMPLOYER_SPECIFIC_PERMIT,
        permit_expires_on=date(2028, 1, 1),
    )
    _eligible(1, french_written_comprehension=5, verification_status=VerificationStatus.PENDING)


def _pool_direct(**french) -> int:
    """Eligible, verified candidates of Rimouski with an open permit or residence, whose written
    comprehension is within `french` (a direct count)."""
    return CandidateProfile.objects.filter(
        verification_status=VerificationStatus.VERIFIED,
        immigration_status=ImmigrationStatus.PERMANENT_RESIDENT,
        **french,
    ).count()


def test_relaxing_the_written_french_adds_the_direct_count_and_hides_small_cells(pool):
    posting = _posting("Rimouski", min_french_written_comprehension=7, **NO_FRENCH)
    found = doors.posting_pool(posting, today=TODAY)
    assert found.admissible == str(_pool_direct(french_written_comprehension__gte=7)) == "5"
    rows = {w.sentence: w for w in found.widenings}
    added = _pool_direct(french_written_comprehension__gte=5, french_written_comprehension__lt=7)
    lowered = rows["Exiger le niveau 5 au lieu de 7 en compréhension écrite en français"]
    assert lowered.added == f"+{added}" == "+6"
    assert lowered.regions == [("Bas-Saint-Laurent", "6")]
    permit = rows["Accepter un permis de travail fermé (EIMT)"]
    assert permit.added == "moins de 5 de plus"  # two people: never shown as 2
    assert permit.regions == []


def test_a_posting_without_french_minimum_counts_everyone_eligible(pool):
    posting = _posting("Rimouski", licence=True, **NO_FRENCH)
    found = doors.posting_pool(posting, today=TODAY)
    assert found.admissible == "0"
    rows = {w.sentence: w.added for w in found.widenings}
    everyone = _pool_direct()
    assert (
        rows[f"Former la personne à «{NBSP}{LICENCE}{NBSP}» plutôt que de l'exiger"]
        == f"+{everyone}"
    )


def test_the_sections_are_shown_to_the_candidate_and_to_the_posting_s_company(client, postings):
    profile = _profile("Rimouski", "01", french_oral_production=5)
    client.force_login(profile.user)
    page = client.get(reverse("matching:my-matches"))
    assert "Ce qui vous ouvrirait plus de portes" in page.content.decode()
    section = client.get(reverse("matching:my-doors"))
    assert "production orale" in section.content.decode()
    posting = postings[0]
    refused = client.get(reverse("matching:posting-pool", args=[posting.public_id]))
    assert refused.status_code == 403  # a candidate
    other = CompanyMemberFactory()  # another company's employer
    client.force_login(other.user)
    assert client.get(reverse("matching:posting-pool", args=[posting.public_id])).status_code == 403
    for viewer in (CompanyMemberFactory(company=posting.company).user, AdvisorFactory()):
        client.force_login(viewer)
        shown = client.get(reverse("matching:posting-pool", args=[posting.public_id]))
        assert "Ce qui élargirait le bassin" in shown.content.decode()
        detail = client.get(reverse("employers:posting-detail", args=[posting.public_id]))
        assert reverse("matching:posting-pool", args=[posting.public_id]) in detail.content.decode()


# --- relocation assistance (issue 15, part 2) ---


@pytest.fixture
def movers(db):
    """Eligible candidates who chose and live in Saguenay (02): five move only with relocation
    assistance (two of them lack the written French 7), three move anyway, three would not; and
    six of Rimouski (01) who move only with assistance, one not verified (never counted)."""
    _movers("Saguenay", "02", 3, Relocation.WITH_AID, french_written_comprehension=7)
    _movers("Saguenay", "02", 2, Relocation.WITH_AID, french_written_comprehension=5)
    _movers("Saguenay", "02", 3, Relocation.YES, french_written_comprehension=7)
    _movers("Saguenay", "02", 3, Relocation.NO, french_written_comprehension=7)
    _movers("Rimouski", "01", 5, Relocation.WITH_AID, french_written_comprehension=7)
    _movers(
        "Rimouski", "01", 1, Relocation.WITH_AID, verification_status=VerificationStatus.PENDING
    )


def _movers(town: str, region: str, count: int, answer: str, **fields) -> None:
    for _ in range(count):
        _profile(town, region, relocation=answer, **fields)


def _movers_direct(region_code: str, **french) -> int:
    """Eligible, verified candidates who move only with relocation assistance, live outside the
    posting's region and did not choose it, with the French asked (a direct count)."""
    return (
        CandidateProfile.objects.filter(
            verification_status=VerificationStatus.VERIFIED,
            relocation=Relocation.WITH_AID,
            **french,
        )
        .exclude(municipality__region__code=region_code)
        .exclude(regions_of_interest__code=region_code)
        .count()
    )


def _admitted_with_allowance(
    region_code: str, moving=(Relocation.YES, Relocation.WITH_AID), **french
) -> int:
    """Eligible, verified candidates who live in or chose the region, or move as `moving`
    says, with the French asked (a direct count)."""
    return (
        CandidateProfile.objects.filter(verification_status=VerificationStatus.VERIFIED, **french)
        .filter(
            Q(municipality__region__code=region_code)
            | Q(regions_of_interest__code=region_code)
            | Q(relocation__in=moving)
        )
        .distinct()
        .count()
    )


def _relocation_row(posting: JobPosting):
    rows = {w.sentence: w for w in doors.posting_pool(posting, today=TODAY).widenings}
    return rows.get("Offrir une aide à la relocalisation")


@pytest.mark.parametrize(
    ("town", "french", "region_code", "expected"),
    [
        # In Sept-Îles, asking written French 7: the 3 of Saguenay and the 5 of Rimouski.
        ("Sept-Îles", {"min_french_written_comprehension": 7}, "09", 8),
        # In Rimouski, asking nothing: the 5 of Saguenay (those of Rimouski are there already).
        ("Rimouski", {}, "01", 5),
    ],
)
def test_offering_relocation_assistance_adds_the_direct_count_of_those_who_move_with_it(
    movers, town, french, region_code, expected
):
    posting = _posting(town, **NO_FRENCH, **french)
    asked = {"french_written_comprehension__gte": 7} if french else {}
    admitted = _admitted_with_allowance(region_code, moving=[Relocation.YES], **asked)
    added = _movers_direct(region_code, **asked)
    assert added == expected
    row = _relocation_row(posting)
    assert row.added == f"+{added} personnes prêtes à déménager"
    # The employer ticks the allowance on the posting form: exactly they come in, and the line
    # is no longer offered.
    posting.offers_relocation_allowance = True
    posting.save()
    after = doors.posting_pool(posting, today=TODAY)
    assert after.admissible == str(_admitted_with_allowance(region_code, **asked))
    assert after.admissible == str(admitted + added)
    assert _relocation_row(posting) is None


def test_relocation_assistance_by_region_hides_small_cells(movers):
    posting = _posting("Rimouski", min_french_written_comprehension=7, **NO_FRENCH)
    row = _relocation_row(posting)
    assert row.added == "moins de 5 personnes de plus prêtes à déménager"  # 3 of Saguenay
    assert row.regions == []


def test_a_candidate_who_moves_only_with_assistance_is_offered_what_makes_sense(postings):
    """Jobs elsewhere with an allowance are open to her already; « moving » means without it."""
    _posting("Saguenay", offers_relocation_allowance=True, **NO_FRENCH)
    _posting("Sept-Îles", **NO_FRENCH)
    profile = _profile("Rimouski", "01", relocation=Relocation.WITH_AID, french_oral_production=6)
    found = _counts(profile)
    saguenay = _direct_count(profile, region="02")
    assert saguenay == 3  # the one asking oral production 6 and the two asking no French
    assert found[f"Accepter Saguenay-Lac-Saint-Jean{NBSP}: {saguenay} postes"] == saguenay
    anywhere = _direct_count(profile, anywhere=True)
    assert anywhere == 4  # and Sept-Îles; never the one with an allowance, open already
    assert found[f"Déménager même sans aide à la relocalisation{NBSP}: {anywhere} postes"] == 4
    assert not any("partout au Québec" in sentence for sentence in found)
