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
from maillage.taxonomy.models import NocGroup
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

FIRST_NAMES = [
    "Amina",
    "Carlos",
    "Nguyen",
    "Fatou",
    "Mehdi",
    "Olga",
    "Ravi",
    "Sofia",
    "Yao",
    "Léa",
    "Karim",
    "Mariam",
    "Diego",
    "Aïcha",
    "Ivan",
    "Mei",
    "Samuel",
    "Nadia",
    "Omar",
    "Ana",
]
LAST_NAMES = [
    "Diallo",
    "Gómez",
    "Tran",
    "Haddad",
    "Kowalski",
    "Mensah",
    "Sharma",
    "Benali",
    "Silva",
    "Traoré",
    "Petrov",
    "Chen",
    "Rahman",
    "Okafor",
    "Moreau",
    "Dubois",
    "Mbeki",
    "Costa",
]
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
COMPANY_KINDS = {
    Sector.MANUFACTURING: "Usinage",
    Sector.HEALTH: "Résidence",
    Sector.TRANSPORTATION: "Transport",
    Sector.ACCOMMODATION: "Auberge",
    Sector.PROFESSIONAL: "Solutions numériques",
    Sector.CONSTRUCTION: "Construction",
    Sector.AGRICULTURE: "Ferme",
    Sector.PUBLIC_ADMINISTRATION: "Services",
    Sector.MINING: "Mines",
    Sector.FINANCE: "Comptabilité",
}
COUNTRIES = [
    "FR",
    "MA",
    "DZ",
    "TN",
    "SN",
    "CI",
    "CM",
    "CO",
    "MX",
    "BR",
    "PH",
    "IN",
    "UA",
    "HT",
    "BE",
    "LB",
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


def _neq(rng: random.Random) -> str:
    return "11" + "".join(str(rng.randint(0, 9)) for _ in range(8))


def _posting_for(
    company: Company, code: str, catalog: NocCatalog, rng: random.Random, today: date, owner: User
) -> JobPosting:
    sector, education, (low, high), skills = OCCUPATIONS[code]
    title = rng.choice(catalog.titles[code] or [NocGroup.objects.get(pk=code).title_fr])
    duties = rng.sample(catalog.duties[code], k=min(4, len(catalog.duties[code])))
    salary_min = Decimal(rng.randint(low, high - 2))
    posting = JobPosting(
        company=company,
        title=title[:1].upper() + title[1:],
        noc_id=code,
        description="Tâches principales :\n"
        + "\n".join(f"– {duty[:1].upper()}{duty[1:]}" for duty in duties),
        min_education=education,
        min_years_experience=rng.choice([0, 1, 2, 3]),
        min_french_oral_comprehension=rng.choice([5, 6, 7]),
        min_french_oral_production=rng.choice([5, 6, 7]),
        min_french_written_comprehension=rng.choice([4, 5, 6]),
        min_french_written_production=rng.choice([None, 4, 5]),
        min_english=rng.choice([None, None, 4]),
        employment_type=rng.choice([EmploymentType.FULL_TIME] * 4 + [EmploymentType.SEASONAL]),
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


def build_companies(
    *, count: int, rng: random.Random, today: date, catalog: NocCatalog
) -> list[Company]:
    chambers = _chambers()
    served = list(Region.objects.served())
    towns_by_region = defaultdict(list)
    for town in Municipality.objects.filter(region__in=served, population__gte=2000).select_related(
        "region"
    ):
        towns_by_region[town.region_id].append(town)
    codes = list(OCCUPATIONS)
    companies, members, postings = [], [], []
    for index in progress(range(count), description="Companies", total=count):
        region = served[index % len(served)]
        town = rng.choice(towns_by_region[region.pk])
        main_code = codes[index % len(codes)]
        sector = OCCUPATIONS[main_code][0]
        name = f"{COMPANY_KINDS.get(sector, 'Entreprise')} {rng.choice(COMPANY_WORDS)} {index + 1} inc. (démo)"
        owner = _user(
            _email(f"employeur{index + 1}") if index else _email("employeur"),
            f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            Role.EMPLOYER,
        )
        company = Company(
            legal_name=name,
            neq=_neq(rng),
            region=region,
            municipality=town,
            sector=sector,
            size=rng.choice(list(CompanySize.values)),
            chamber=chambers[region.pk],
            description=f"Entreprise de démonstration à {town.name}.",
            verification_status=VerificationStatus.PENDING
            if index % 7 == 6
            else VerificationStatus.VERIFIED,
            verified_at=None if index % 7 == 6 else timezone.now(),
        )
        companies.append(company)
        members.append((company, owner))
    Company.objects.bulk_create(companies)
    CompanyMember.objects.bulk_create(
        [CompanyMember(company=c, user=u, role=CompanyMember.MemberRole.OWNER) for c, u in members]
    )
    for index, (company, owner) in enumerate(members):
        if not company.is_verified:
            continue
        main_code = codes[index % len(codes)]
        extra = rng.sample(codes, k=rng.randint(0, 2))
        for code in dict.fromkeys([main_code, *extra]):
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


def build_candidates(
    *, count: int, rng: random.Random, today: date, catalog: NocCatalog, first_email: str
) -> list[CandidateProfile]:
    served = list(Region.objects.served())
    towns = list(Municipality.objects.filter(population__gte=20000))
    codes = list(OCCUPATIONS)
    links = demo_skill_links()
    users, profiles, experiences, educations, skills, regions, occupations = (
        [],
        [],
        [],
        [],
        [],
        [],
        [],
    )
    statuses = [ImmigrationStatus.PERMANENT_RESIDENT] * 5 + [
        ImmigrationStatus.OPEN_WORK_PERMIT,
        ImmigrationStatus.EMPLOYER_SPECIFIC_PERMIT,
        ImmigrationStatus.WORKING_HOLIDAY,
        ImmigrationStatus.POST_GRADUATION_PERMIT,
        ImmigrationStatus.PROTECTED_PERSON,
    ]
    password = _demo_password_hash()
    for index in progress(range(count), description="Candidates", total=count):
        code = codes[(index * 7) % len(codes)]
        _sector, education_level, _wage, occupation_skills = OCCUPATIONS[code]
        email = first_email if index == 0 else _email(f"candidat{index + 1}")
        user = User(
            email=email,
            full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            role=Role.CANDIDATE,
            password=password,
            email_confirmed_at=timezone.now(),
        )
        status = statuses[index % len(statuses)] if index else ImmigrationStatus.PERMANENT_RESIDENT
        admitted = today - timedelta(days=rng.randint(60, 365 * 6 if index else 700))
        in_quebec = rng.random() < 0.7 or index == 0
        profile = CandidateProfile(
            user=user,
            phone=f"418-555-{index % 10000:04d}",
            current_country="CA" if in_quebec else rng.choice(COUNTRIES),
            municipality=rng.choice(towns) if in_quebec else None,
            admission_date=admitted,
            immigration_status=status,
            permit_expires_on=today + timedelta(days=rng.randint(120, 900))
            if status
            in {
                ImmigrationStatus.OPEN_WORK_PERMIT,
                ImmigrationStatus.EMPLOYER_SPECIFIC_PERMIT,
                ImmigrationStatus.WORKING_HOLIDAY,
                ImmigrationStatus.POST_GRADUATION_PERMIT,
            }
            else None,
            french_oral_comprehension=rng.randint(5, 12),
            french_oral_production=rng.randint(4, 11),
            french_written_comprehension=rng.randint(4, 11),
            french_written_production=rng.randint(3, 10),
            english_oral_comprehension=rng.randint(1, 10),
            english_oral_production=rng.randint(1, 9),
            english_written_comprehension=rng.randint(1, 10),
            english_written_production=rng.randint(1, 9),
            summary=f"{rng.choice(catalog.titles[code] or ['Travailleur'])} avec de l'expérience; je cherche un emploi stable en région.",
            is_open_to_all_regions=rng.random() < 0.3,
            has_drivers_licence=rng.random() < 0.6,
            has_car=rng.random() < 0.4,
            is_ready_to_relocate=rng.random() < 0.7 or index == 0,
            available_from=today + timedelta(days=rng.randint(0, 60)),
            salary_expectation=Decimal(rng.randint(18, 40)),
            salary_period=SalaryPeriod.HOUR,
            verification_status=VerificationStatus.VERIFIED
            if index % 5
            else VerificationStatus.PENDING,
            verified_at=timezone.now() if index % 5 else None,
        )
        if index == 0:
            profile.verification_status, profile.verified_at = (
                VerificationStatus.VERIFIED,
                timezone.now(),
            )
        users.append(user)
        profiles.append(profile)
        years = rng.randint(1, 12)
        start = today - timedelta(days=365 * years + 400)
        experiences.append(
            WorkExperience(
                candidate=profile,
                title=rng.choice(catalog.titles[code] or ["Emploi"]),
                employer_name=f"Employeur {rng.choice(COMPANY_WORDS)}",
                country=rng.choice(COUNTRIES),
                start_date=start,
                end_date=today - timedelta(days=rng.randint(90, 400)),
                description=" ".join(
                    rng.sample(catalog.duties[code], k=min(3, len(catalog.duties[code])))
                ),
                noc_id=code,
            )
        )
        educations.append(
            Education(
                candidate=profile,
                level=education_level,
                field=FIELDS[code],
                country=experiences[-1].country,
                year_completed=today.year - years - 2,
                has_quebec_evaluation=rng.random() < 0.4,
            )
        )
        skills.extend(
            CandidateSkill(candidate=profile, label=label, esco_uri=links.get(label, ""))
            for label in rng.sample(occupation_skills, k=rng.randint(2, 4))
        )
        occupations.append((profile, code))
        if not profile.is_open_to_all_regions:
            regions.append((profile, rng.sample(served, k=rng.randint(1, 3))))
    User.objects.bulk_create(users)
    for profile in profiles:
        profile.user_id = profile.user.pk
    CandidateProfile.objects.bulk_create(profiles)
    PrivacyConsent.objects.bulk_create(
        [
            PrivacyConsent(
                user=u, purpose=ConsentPurpose.PRIVACY_NOTICE, notice_version="2026-11-01"
            )
            for u in users
        ]
    )
    for row in experiences + educations + skills:
        row.candidate_id = row.candidate.pk
    WorkExperience.objects.bulk_create(experiences)
    Education.objects.bulk_create(educations)
    CandidateSkill.objects.bulk_create(skills, ignore_conflicts=True)
    Occupation = CandidateProfile.desired_occupations.through
    Occupation.objects.bulk_create(
        [Occupation(candidateprofile_id=p.pk, nocgroup_id=c) for p, c in occupations]
    )
    Interest = CandidateProfile.regions_of_interest.through
    Interest.objects.bulk_create(
        [Interest(candidateprofile_id=p.pk, region_id=r.pk) for p, rs in regions for r in rs]
    )
    return profiles


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
