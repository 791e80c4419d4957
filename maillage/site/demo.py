"""Demo data: a program team, companies of the served regions with their postings, and candidates.

Every person and company here is invented and marked as such (e-mails at example.org, "(démo)"
in company names); the occupations, titles, duties, regions and municipalities are the real
reference data. The same seed gives the same data, so screenshots and benchmarks are repeatable.
"""

import functools
import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from maillage.accounts.models import ConsentPurpose, PrivacyConsent, Role, User
from maillage.candidates.models import (
    CandidateProfile,
    CandidateSkill,
    Education,
    ImmigrationStatus,
    Relocation,
    WorkExperience,
)
from maillage.core.choices import SalaryPeriod, VerificationStatus
from maillage.core.demo_steps import DemoContext, DemoStage, DemoStep
from maillage.core.progress import progress
from maillage.core.reference import data_path, read_csv
from maillage.core.registry import app_modules
from maillage.employers.models import (
    Company,
    CompanyMember,
    CompanySize,
    EmploymentType,
    JobPosting,
    PostingSkill,
    PostingStatus,
    Sector,
)
from maillage.employers.requirements import is_credential
from maillage.regions.models import ChamberOfCommerce, Municipality, Region
from maillage.site.demo_people import (
    CAST,
    COMPANY_KINDS,
    EMPLOYER_FIRST_NAMES,
    EMPLOYER_LAST_NAMES,
    EXPERIENCE_TITLES,
    FIRST_JOBS_IN_QUEBEC,
    FOREIGN_EMPLOYER_WORDS,
    KIND_REGIONS,
    ORIGINS,
    POSTING_TITLES,
    CompanyKind,
)
from maillage.taxonomy.scales import EducationLevel
from maillage.taxonomy.selectors import skill_links

DEMO_PASSWORD = "demo-maillage-2026"
DEMO_DOMAIN = "example.org"

# Occupations the regions recruit for, with the sector that hires them, the usual education,
# a typical hourly wage range and skills an employer would list (written for the demo).
OCCUPATIONS: dict[str, tuple[str, int, tuple[int, int], tuple[str, ...]]] = {
    "72106": (
        Sector.MANUFACTURING,
        EducationLevel.VOCATIONAL,
        (24, 34),
        ("soudage MIG", "soudage TIG", "lecture de plans", "oxycoupage"),
    ),
    "72400": (
        Sector.MANUFACTURING,
        EducationLevel.VOCATIONAL,
        (28, 40),
        ("entretien préventif", "hydraulique", "pneumatique", "lecture de plans"),
    ),
    "33102": (
        Sector.HEALTH,
        EducationLevel.VOCATIONAL,
        (20, 26),
        (
            "soins d'hygiène",
            "déplacement sécuritaire des bénéficiaires",
            "prise de signes vitaux",
            "travail d'équipe",
        ),
    ),
    "73300": (
        Sector.TRANSPORTATION,
        EducationLevel.SECONDARY,
        (24, 32),
        (
            "permis de conduire classe 1",
            "arrimage des charges",
            "ronde de sécurité",
            "conduite hivernale",
        ),
    ),
    "63200": (
        Sector.ACCOMMODATION,
        EducationLevel.VOCATIONAL,
        (18, 25),
        (
            "cuisine d'établissement",
            "hygiène et salubrité alimentaires",
            "gestion des stocks",
            "préparation des sauces",
        ),
    ),
    "21232": (
        Sector.PROFESSIONAL,
        EducationLevel.BACHELOR,
        (35, 55),
        ("Python", "SQL", "développement web", "tests automatisés"),
    ),
    "72200": (
        Sector.CONSTRUCTION,
        EducationLevel.VOCATIONAL,
        (30, 42),
        (
            "installation électrique",
            "Code de construction du Québec",
            "lecture de plans",
            "dépannage",
        ),
    ),
    "42202": (
        Sector.HEALTH,
        EducationLevel.COLLEGE,
        (20, 28),
        (
            "programme éducatif",
            "observation de l'enfant",
            "communication avec les parents",
            "premiers soins",
        ),
    ),
    "94141": (
        Sector.MANUFACTURING,
        EducationLevel.SECONDARY,
        (19, 26),
        ("découpe de viande", "utilisation de couteaux", "normes d'hygiène", "travail au froid"),
    ),
    "85100": (
        Sector.AGRICULTURE,
        EducationLevel.NONE,
        (16, 20),
        ("soins aux animaux", "traite", "nettoyage des bâtiments", "conduite de tracteur"),
    ),
    "13110": (
        Sector.PUBLIC_ADMINISTRATION,
        EducationLevel.COLLEGE,
        (22, 30),
        (
            "suite Microsoft Office",
            "rédaction de lettres",
            "gestion d'agenda",
            "service à la clientèle",
        ),
    ),
    "32101": (
        Sector.HEALTH,
        EducationLevel.VOCATIONAL,
        (26, 34),
        (
            "administration des médicaments",
            "soins de plaies",
            "évaluation de l'état de santé",
            "dossier patient",
        ),
    ),
    "72310": (
        Sector.CONSTRUCTION,
        EducationLevel.VOCATIONAL,
        (28, 40),
        ("charpente", "coffrage", "lecture de plans", "finition intérieure"),
    ),
    "72401": (
        Sector.MINING,
        EducationLevel.VOCATIONAL,
        (32, 44),
        ("moteurs diesel", "systèmes hydrauliques", "diagnostic électronique", "soudage"),
    ),
    "73400": (
        Sector.MINING,
        EducationLevel.VOCATIONAL,
        (27, 38),
        (
            "conduite de chargeuse",
            "conduite de pelle mécanique",
            "ronde de sécurité",
            "travail en milieu minier",
        ),
    ),
    "12200": (
        Sector.FINANCE,
        EducationLevel.COLLEGE,
        (22, 30),
        ("Sage 50", "tenue de livres", "conciliation bancaire", "paie"),
    ),
    "65310": (
        Sector.ACCOMMODATION,
        EducationLevel.NONE,
        (16, 19),
        ("entretien ménager", "produits de nettoyage", "travail autonome", "souci du détail"),
    ),
    "84120": (
        Sector.AGRICULTURE,
        EducationLevel.VOCATIONAL,
        (18, 24),
        ("conduite de machinerie agricole", "soins aux animaux", "entretien mécanique", "récolte"),
    ),
}

FIELDS = {
    "72106": "Soudage-montage",
    "72400": "Mécanique industrielle",
    "33102": "Assistance aux soins de santé",
    "73300": "Transport par camion",
    "63200": "Cuisine",
    "21232": "Informatique",
    "72200": "Électricité",
    "42202": "Éducation à l'enfance",
    "94141": "Boucherie",
    "85100": "Production animale",
    "13110": "Secrétariat",
    "32101": "Soins infirmiers auxiliaires",
    "72310": "Charpenterie-menuiserie",
    "72401": "Mécanique d'engins de chantier",
    "73400": "Conduite d'engins de chantier",
    "12200": "Comptabilité",
    "65310": "Entretien ménager",
    "84120": "Production agricole",
}

# Words that make the demo companies' names (invented), with the kind of business in front.
COMPANY_WORDS = [
    "du Fjord",
    "Boréale",
    "des Monts",
    "du Littoral",
    "des Érables",
    "de la Vallée",
    "du Lac",
    "des Appalaches",
    "Nordique",
    "de l'Estuaire",
    "des Basses-Terres",
    "du Plateau",
]
# Chambers of commerce created for the demo (names invented, one per region served).
CHAMBER_PATTERN = "Chambre de commerce démo – {region}"


@dataclass(frozen=True)
class DemoLogins:
    candidate: str
    employer: str
    advisor: str
    manager: str
    password: str


class NocCatalog:
    """French example titles and duties of the demo occupations, from the shipped NOC files."""

    def __init__(self, codes: set[str]):
        self.titles: dict[str, list[str]] = defaultdict(list)
        self.duties: dict[str, list[str]] = defaultdict(list)
        for row in read_csv(data_path("noc2021/noc2021_example_titles_en_fr.csv.gz")):
            if row["noc_code"] in codes and row["lang"] == "fr":
                self.titles[row["noc_code"]].append(row["title"])
        for row in read_csv(data_path("noc2021/noc2021_elements_fr_unverified.csv.gz")):
            text = row["element_text_fr"].strip()
            if (
                row["noc_code"] in codes
                and row["element_type_en"] == "Main duties"
                and text.endswith((";", "."))
            ):
                self.duties[row["noc_code"]].append(text.rstrip(";.") + ".")


@functools.cache
def _demo_password_hash() -> str:
    """Hashed once: hashing is deliberately slow, and thousands of demo people share it."""
    return make_password(DEMO_PASSWORD)


def _email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def _user(email: str, full_name: str, role: Role, **extra) -> User:
    user, _ = User.objects.get_or_create(
        email=email,
        defaults={
            "full_name": full_name,
            "role": role,
            "password": _demo_password_hash(),
            "email_confirmed_at": timezone.now(),
            **extra,
        },
    )
    return user


def _chambers() -> dict[int, ChamberOfCommerce]:
    chambers = {}
    for region in Region.objects.served():
        chamber, _ = ChamberOfCommerce.objects.get_or_create(
            name=CHAMBER_PATTERN.format(region=region.name), defaults={"region": region}
        )
        chambers[region.pk] = chamber
    return chambers


def _neq(rng: random.Random, used: set[str]) -> str:
    """A fresh NEQ: with thousands of companies (the load test's 6,150), random draws collide."""
    while True:
        neq = "11" + "".join(str(rng.randint(0, 9)) for _ in range(8))
        if neq not in used:
            used.add(neq)
            return neq


# The French a posting asks for, by trade: care and children need more than the plant floor.
FRENCH_ASKED: dict[str, tuple[int, int, int]] = {  # oral comprehension, oral production, written
    "33102": (7, 7, 5),
    "32101": (8, 7, 6),
    "42202": (8, 8, 6),
    "13110": (8, 8, 7),
    "12200": (7, 6, 7),
    "94141": (4, 4, 3),
    "85100": (4, 4, 3),
    "84120": (4, 4, 3),
    "65310": (5, 4, 3),
}
FRENCH_ASKED_DEFAULT = (5, 5, 4)


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _posting_for(
    company: Company, code: str, catalog: NocCatalog, rng: random.Random, today: date, owner: User
) -> JobPosting:
    _sector, education, (low, high), skills = OCCUPATIONS[code]
    duties = rng.sample(catalog.duties[code], k=min(4, len(catalog.duties[code])))
    oral_comprehension, oral_production, written = FRENCH_ASKED.get(code, FRENCH_ASKED_DEFAULT)
    salary_min = Decimal(rng.randint(low, high - 2))
    posting = JobPosting(
        company=company,
        title=POSTING_TITLES[code],
        noc_id=code,
        description=company.description
        + "\n\nTâches principales :\n"
        + "\n".join(f"– {_capitalised(duty)}" for duty in duties),
        min_education=education,
        min_years_experience=rng.choice([0, 1, 2, 3]),
        min_french_oral_comprehension=oral_comprehension,
        min_french_oral_production=oral_production,
        min_french_written_comprehension=written,
        min_french_written_production=rng.choice([None, written - 1]),
        min_english=None,
        employment_type=EmploymentType.SEASONAL
        if code == "84120"
        else rng.choice([EmploymentType.FULL_TIME] * 5 + [EmploymentType.PART_TIME]),
        schedule_details=rng.choice(
            [
                "jour, 40 h/semaine",
                "quarts de 12 h, jour et nuit",
                "soir et fin de semaine",
                "lundi au vendredi",
            ]
        ),
        salary_min=salary_min,
        salary_max=salary_min + rng.randint(2, 6),
        salary_period=SalaryPeriod.HOUR,
        municipality=company.municipality,
        positions=rng.choice([1, 1, 2, 3, 5]),
        start_date=today + timedelta(days=rng.randint(14, 90)),
        offers_housing=rng.random() < 0.4,
        offers_relocation_allowance=rng.random() < 0.5,
        offers_francization=rng.random() < 0.5,
        offers_spouse_job_help=rng.random() < 0.3,
        accepts_employer_specific_permit=rng.random() < 0.6,
        status=PostingStatus.PUBLISHED,
        published_at=timezone.now() - timedelta(days=rng.randint(0, 30)),
        expires_on=today + timedelta(days=rng.randint(20, 60)),
        created_by=owner,
    )
    posting._demo_skills = skills  # attached for the bulk insert of skills below
    return posting


def _company_region(kind: CompanyKind, index: int, served: list[Region]) -> Region:
    by_code = {region.code: region for region in served}
    usual = [by_code[code] for code in KIND_REGIONS.get(kind.name, ()) if code in by_code]
    if usual:
        return usual[(index // len(COMPANY_KINDS)) % len(usual)]
    return served[index % len(served)]


def build_companies(
    *, count: int, rng: random.Random, today: date, catalog: NocCatalog
) -> list[Company]:
    """Companies of the kinds the regions have, each posting the trades its kind hires; the first
    is the demo employer's welding shop. One in seven still waits for an advisor's check."""
    chambers = _chambers()
    served = list(Region.objects.served())
    towns_by_region = defaultdict(list)
    for town in Municipality.objects.filter(region__in=served, population__gte=2000).select_related(
        "region"
    ):
        towns_by_region[town.region_id].append(town)
    companies, members, postings = [], [], []
    used_names = set()
    used_neqs: set[str] = set()
    for index in progress(range(count), description="Companies", total=count):
        kind = COMPANY_KINDS[index % len(COMPANY_KINDS)]
        region = _company_region(kind, index, served)
        town = rng.choice(towns_by_region[region.pk])
        name = f"{kind.name} {rng.choice(COMPANY_WORDS)}"
        if name in used_names:
            name = f"{name} de {town.name}"
        used_names.add(name)
        owner = _user(
            _email(f"employeur{index + 1}") if index else _email("employeur"),
            f"{rng.choice(EMPLOYER_FIRST_NAMES)} {rng.choice(EMPLOYER_LAST_NAMES)}",
            Role.EMPLOYER,
        )
        company = Company(
            legal_name=f"{name} inc. (démo)",
            neq=_neq(rng, used_neqs),
            region=region,
            municipality=town,
            sector=kind.sector,
            size=rng.choice(list(CompanySize.values)),
            chamber=chambers[region.pk],
            description=f"{kind.description} À {town.name}.",
            verification_status=VerificationStatus.PENDING
            if index % 7 == 6
            else VerificationStatus.VERIFIED,
            verified_at=None if index % 7 == 6 else timezone.now(),
        )
        companies.append(company)
        members.append((company, owner, kind))
    Company.objects.bulk_create(companies)
    CompanyMember.objects.bulk_create(
        [
            CompanyMember(company=c, user=u, role=CompanyMember.MemberRole.OWNER)
            for c, u, _kind in members
        ]
    )
    for index, (company, owner, kind) in enumerate(members):
        if not company.is_verified:
            continue
        # The main trade always; the kind's other trades now and then (always for the first).
        codes = [kind.codes[0]] + [c for c in kind.codes[1:] if index == 0 or rng.random() < 0.5]
        for code in codes:
            postings.append(_posting_for(company, code, catalog, rng, today, owner))
    JobPosting.objects.bulk_create(postings)
    links = demo_skill_links()
    PostingSkill.objects.bulk_create(
        [
            PostingSkill(
                posting=p,
                label=label,
                esco_uri=links.get(label, ""),
                is_required=i < 3,
                is_must_have=i < 3 and is_credential(label),
            )
            for p in postings
            for i, label in enumerate(p._demo_skills)
        ]
    )
    return companies


@functools.cache
def demo_skill_links() -> dict[str, str]:
    """The demo's skills as typed, linked to ESCO like any skill a person types."""
    return skill_links(label for *_, skills in OCCUPATIONS.values() for label in skills)


def _cast(rng: random.Random) -> list[str]:
    """The trades of the candidates in turn, in the proportions of CAST. Every third person of
    the first 24 is a welder, the demo candidate first: the demo employer's first posting is a
    welding job, and its short list should hold real choices even in a small demo."""
    others = [code for code, share in CAST.items() for _ in range(share) if code != "72106"]
    rng.shuffle(others)
    welders = CAST["72106"]
    cast = []
    for position in range(welders * 3):
        cast.append("72106" if position % 3 == 0 else others.pop())
    return cast + others


def _levels(rng: random.Random, usual: tuple[int, int]) -> tuple[int, int, int, int]:
    """Oral comprehension, oral production, written comprehension, written production: a person
    usually understands more than they say, and reads more than they write."""
    low, high = usual
    heard = rng.randint(low, high)
    spoken = max(1, heard - rng.randint(0, 2))
    read = max(1, heard - rng.randint(0, 2))
    written = max(1, read - rng.randint(1, 3))
    return heard, spoken, read, written


STATUSES_IN_TURN = [ImmigrationStatus.PERMANENT_RESIDENT] * 5 + [
    ImmigrationStatus.OPEN_WORK_PERMIT,
    ImmigrationStatus.EMPLOYER_SPECIFIC_PERMIT,
    ImmigrationStatus.WORKING_HOLIDAY,
    ImmigrationStatus.POST_GRADUATION_PERMIT,
    ImmigrationStatus.PROTECTED_PERSON,
]
TEMPORARY_PERMITS = {
    ImmigrationStatus.OPEN_WORK_PERMIT,
    ImmigrationStatus.EMPLOYER_SPECIFIC_PERMIT,
    ImmigrationStatus.WORKING_HOLIDAY,
    ImmigrationStatus.POST_GRADUATION_PERMIT,
}


@dataclass
class _Newcomer:
    """One demo candidate's rows before the bulk insert."""

    user: User
    profile: CandidateProfile
    code: str
    experiences: list[WorkExperience]
    education: Education
    skills: list[str]
    regions: list[Region]


def _unused_name(origin, rng: random.Random, used: set[str]) -> tuple[str, bool]:
    """A name from the person's country that no other demo candidate has, while there are some
    left (the scale data's thousands of people share names, as people do), and whether it is a
    woman's."""
    for _attempt in range(20):
        is_woman = rng.random() < 0.5
        first = rng.choice(origin.women if is_woman else origin.men)
        name = f"{first} {rng.choice(origin.last_names)}"
        if name not in used:
            break
    used.add(name)
    return name, is_woman


def _relocation(index: int, rng: random.Random) -> str:
    """Would she move? The demo candidate yes; of the others, about one in four only with
    relocation assistance (the postings without it show the employer what offering it adds)."""
    if index == 0:
        return Relocation.YES
    answer = rng.random()
    if answer < 0.45:
        return Relocation.YES
    return Relocation.WITH_AID if answer < 0.7 else Relocation.NO


def _newcomer(
    index: int, *, rng: random.Random, today: date, catalog: NocCatalog, context: dict
) -> _Newcomer:
    code = context["cast"][index % len(context["cast"])]
    _sector, education_level, (low, high), occupation_skills = OCCUPATIONS[code]
    origin = rng.choice(ORIGINS)
    full_name, is_woman = _unused_name(origin, rng, context["names"])
    email = context["first_email"] if index == 0 else _email(f"candidat{index + 1}")
    user = User(
        email=email,
        full_name=full_name,
        role=Role.CANDIDATE,
        password=context["password"],
        email_confirmed_at=timezone.now(),
    )
    status = STATUSES_IN_TURN[index % len(STATUSES_IN_TURN)] if index else STATUSES_IN_TURN[0]
    # Admitted two months to six years ago: past five years, a person is no longer eligible.
    admitted = today - timedelta(days=rng.randint(60, 365 * 6 if index else 700))
    in_quebec = index == 0 or rng.random() < 0.7
    french = _levels(rng, (8, 11) if index == 0 else origin.french)
    english = _levels(rng, origin.english)
    years = rng.randint(2, 12)
    worked_until = admitted - timedelta(days=rng.randint(20, 200))
    title = rng.choice(EXPERIENCE_TITLES[code])[1 if is_woman else 0]
    verified = index == 0 or index % 5 != 0
    profile = CandidateProfile(
        user=user,
        phone=f"418-555-{index % 10000:04d}",
        current_country="CA" if in_quebec else origin.country,
        municipality=rng.choice(context["towns"]) if in_quebec else None,
        admission_date=admitted,
        immigration_status=status,
        permit_expires_on=today + timedelta(days=rng.randint(120, 900))
        if status in TEMPORARY_PERMITS
        else None,
        french_oral_comprehension=french[0],
        french_oral_production=french[1],
        french_written_comprehension=french[2],
        french_written_production=french[3],
        english_oral_comprehension=english[0],
        english_oral_production=english[1],
        english_written_comprehension=english[2],
        english_written_production=english[3],
        summary=f"{title}, {years} ans d'expérience {origin.name_fr}. "
        "Je cherche un emploi stable dans mon métier, en région.",
        is_open_to_all_regions=index == 0 or rng.random() < 0.3,
        has_drivers_licence=code in {"73300", "73400"} or rng.random() < 0.6,
        has_car=rng.random() < 0.4,
        relocation=_relocation(index, rng),
        available_from=today + timedelta(days=rng.randint(0, 60)),
        salary_expectation=Decimal(rng.randint(low, high)),
        salary_period=SalaryPeriod.HOUR,
        verification_status=VerificationStatus.VERIFIED if verified else VerificationStatus.PENDING,
        verified_at=timezone.now() if verified else None,
    )
    duties = rng.sample(catalog.duties[code], k=min(3, len(catalog.duties[code])))
    experiences = [
        WorkExperience(
            candidate=profile,
            title=title,
            employer_name=f"{rng.choice(FOREIGN_EMPLOYER_WORDS)} {rng.choice(origin.last_names)}",
            country=origin.country,
            start_date=worked_until - timedelta(days=365 * years),
            end_date=worked_until,
            description=" ".join(_capitalised(duty) for duty in duties),
            noc_id=code,
        )
    ]
    if in_quebec and (today - admitted).days > 240 and rng.random() < 0.5:
        job_code, job_titles, job_employer = rng.choice(FIRST_JOBS_IN_QUEBEC)
        experiences.append(
            WorkExperience(
                candidate=profile,
                title=job_titles[1 if is_woman else 0],
                employer_name=job_employer,
                country="CA",
                start_date=admitted + timedelta(days=rng.randint(30, 120)),
                end_date=None,
                description="Emploi occupé depuis mon arrivée au Québec.",
                noc_id=job_code,
            )
        )
    education = Education(
        candidate=profile,
        level=education_level,
        field=FIELDS[code],
        country=origin.country,
        year_completed=experiences[0].start_date.year - rng.randint(0, 2),
        has_quebec_evaluation=rng.random() < 0.4,
    )
    regions = (
        [] if profile.is_open_to_all_regions else rng.sample(context["served"], k=rng.randint(1, 3))
    )
    skills = rng.sample(occupation_skills, k=rng.randint(2, 4))
    return _Newcomer(user, profile, code, experiences, education, skills, regions)


def build_candidates(
    *, count: int, rng: random.Random, today: date, catalog: NocCatalog, first_email: str
) -> list[CandidateProfile]:
    """Newcomers from many countries, in the trades the regions hire, with the French of where
    they come from; one in five still waits for an advisor's check, a few arrived more than five
    years ago (no longer eligible)."""
    context = {
        "cast": _cast(rng),
        "names": set(),
        "first_email": first_email,
        "password": _demo_password_hash(),
        "served": list(Region.objects.served()),
        "towns": list(Municipality.objects.filter(population__gte=20000)),
    }
    links = demo_skill_links()
    people = [
        _newcomer(index, rng=rng, today=today, catalog=catalog, context=context)
        for index in progress(range(count), description="Candidates", total=count)
    ]
    users = [person.user for person in people]
    User.objects.bulk_create(users)
    for person in people:
        person.profile.user_id = person.user.pk
    CandidateProfile.objects.bulk_create([person.profile for person in people])
    PrivacyConsent.objects.bulk_create(
        [
            PrivacyConsent(
                user=u, purpose=ConsentPurpose.PRIVACY_NOTICE, notice_version="2026-11-01"
            )
            for u in users
        ]
    )
    experiences = [row for person in people for row in person.experiences]
    for row in [*experiences, *(person.education for person in people)]:
        row.candidate_id = row.candidate.pk
    WorkExperience.objects.bulk_create(experiences)
    Education.objects.bulk_create([person.education for person in people])
    CandidateSkill.objects.bulk_create(
        [
            CandidateSkill(candidate=person.profile, label=label, esco_uri=links.get(label, ""))
            for person in people
            for label in person.skills
        ],
        ignore_conflicts=True,
    )
    Occupation = CandidateProfile.desired_occupations.through
    Occupation.objects.bulk_create(
        [Occupation(candidateprofile_id=p.profile.pk, nocgroup_id=p.code) for p in people]
    )
    Interest = CandidateProfile.regions_of_interest.through
    Interest.objects.bulk_create(
        [
            Interest(candidateprofile_id=p.profile.pk, region_id=r.pk)
            for p in people
            for r in p.regions
        ]
    )
    return [person.profile for person in people]


@transaction.atomic
def load_demo_data(
    *,
    candidates: int = 60,
    companies: int = 20,
    seed: int = 2026,
    today: date,
    with_showcase: bool = True,
    with_matches: bool = True,
) -> DemoLogins:
    """Create the demo team, companies, postings and candidates once; later calls change nothing.
    `with_matches=False` leaves the engine's matches (and the proposals made from them) to the
    caller: the load test's 100,000 candidates are matched in batches by benchmarks/scale_data."""
    logins = DemoLogins(
        candidate=_email("candidat"),
        employer=_email("employeur"),
        advisor=_email("conseillere"),
        manager=_email("gestion"),
        password=DEMO_PASSWORD,
    )
    if User.objects.filter(email=logins.advisor).exists():
        return logins
    rng = random.Random(seed)
    catalog = NocCatalog(set(OCCUPATIONS))
    advisor = _user(logins.advisor, "Isabelle Tremblay (conseillère démo)", Role.ADVISOR)
    _user(logins.manager, "Marc Gagnon (gestionnaire démo)", Role.MANAGER, is_staff=True)
    build_companies(count=companies, rng=rng, today=today, catalog=catalog)
    build_candidates(
        count=candidates, rng=rng, today=today, catalog=catalog, first_email=logins.candidate
    )
    context = DemoContext(
        today=today,
        seed=seed,
        candidate_email=logins.candidate,
        employer_email=logins.employer,
        advisor_email=advisor.email,
    )
    skipped = set()
    if not with_showcase:
        skipped.add(DemoStage.SHOWCASE)
    if not with_matches:
        skipped |= {DemoStage.MATCHES, DemoStage.PATH}
    for step in demo_steps():
        if step.stage not in skipped:
            step.build(context)
    return logins


def demo_steps() -> list[DemoStep]:
    """Every app's demo step (`<app>/demo.py`), by stage, then in INSTALLED_APPS order."""
    steps = [module.DEMO for config, module in app_modules("demo") if config.label != "site"]
    return sorted(steps, key=lambda step: step.stage)
