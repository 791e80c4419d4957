"""The people of the CV test set: what each CV says, written once, as a careful reader would fill
the profile from it. generate.py renders each person's CV in one or two styles (word processor,
generator, one or two columns) and writes the expected `parse_cv` output from these records.

Rules of the expected output (the same as the parser's promise): a field the CV does not state is
empty; dates "YYYY-MM", or "YYYY" when the CV gives only the year; `end` None when current; an
education `level` only when the diploma's own words name it (DEP, DEC, AEC, BTS, licence,
bachelor, master…), never guessed for a foreign title; certifications (attestations, licences,
cards) apart from diplomas; `proposed_level` (Échelle québécoise = NCLC/CLB) only when a standard
test is named with a result that the official tables convert.

`split`: "dev" CVs were looked at while writing the parser; "test" CVs were written apart and
the parser was not tuned on them (benchmarks/cv_eval.py reports both).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Job:
    title: str
    employer: str
    city: str
    country: str  # ISO alpha-2, "" when the CV names none
    start: str
    end: str | None
    dates: str  # as written on the CV
    bullets: tuple[str, ...] = ()
    place: str = ""  # how the CV writes the place ("Medellín (Colombie)"); default "city, country"


@dataclass(frozen=True)
class Diploma:
    text: str  # the line as written on the CV
    level: str | None
    field: str
    institution: str
    country: str
    year: int | None


@dataclass(frozen=True)
class Certificate:
    text: str
    name: str
    year: int | None


@dataclass(frozen=True)
class Spoken:
    as_written: str
    language: str
    proposed_level: int | None = None


@dataclass(frozen=True)
class Person:
    slug: str
    split: str
    language: str  # the CV's language
    name: str
    headline: str
    contact: str
    summary: str
    jobs: tuple[Job, ...]
    diplomas: tuple[Diploma, ...]
    certificates: tuple[Certificate, ...]
    spoken: tuple[Spoken, ...]
    skills: tuple[str, ...]
    renderings: tuple[str, ...]  # styles of generate.py
    extra: dict = field(default_factory=dict)


def expected(person: Person) -> dict:
    """The `parse_cv` JSON this person's CV should give (skills aside: they are ranked
    suggestions, measured by the language benchmark)."""
    return {
        "summary": person.summary,
        "experiences": [
            {
                "title": job.title,
                "employer": job.employer,
                "city": job.city,
                "country": job.country,
                "start": job.start,
                "end": job.end,
                "description": "\n".join(job.bullets),
            }
            for job in person.jobs
        ],
        "education": [
            {
                "level": d.level,
                "field": d.field,
                "institution": d.institution,
                "country": d.country,
                "year": d.year,
            }
            for d in person.diplomas
        ],
        "certifications": [{"name": c.name, "year": c.year} for c in person.certificates],
        "languages": [
            {"language": s.language, "as_written": s.as_written, "proposed_level": s.proposed_level}
            for s in person.spoken
        ],
    }


PEOPLE: tuple[Person, ...] = (
    Person(
        slug="fr_prepose_colombie",
        split="dev",
        language="fr",
        name="Luisa Fernanda Gómez",
        headline="Préposée aux bénéficiaires",
        contact="luisa.gomez@example.com · 581 555-0142 · Québec (Québec)",
        summary=(
            "Préposée aux bénéficiaires formée en Colombie, six ans d'expérience auprès de "
            "personnes âgées en perte d'autonomie. Douce, patiente et rigoureuse sur l'hygiène et "
            "la prévention des chutes."
        ),
        jobs=(
            Job(
                "Préposée aux bénéficiaires",
                "CHSLD Saint-Antoine",
                "Québec",
                "CA",
                "2023-04",
                None,
                "Depuis avril 2023",
                (
                    (
                        "Soins d'hygiène et aide à l'alimentation de douze résidents en perte "
                        "d'autonomie"
                    ),
                    (
                        "Déplacements sécuritaires selon les principes de déplacement sécuritaire des "
                        "bénéficiaires (PDSB)"
                    ),
                    "Observation et signalement des changements de l'état de santé à l'infirmière",
                ),
                place="Québec (Québec)",
            ),
            Job(
                "Auxiliar de enfermería (aide-soignante)",
                "Clínica Las Américas",
                "Medellín",
                "CO",
                "2019-01",
                "2021-03",
                "janv. 2019 – mars 2021",
                (
                    "Prise des signes vitaux et tenue du dossier de soins",
                    "Aide au bain, à l'habillement et aux repas des patients hospitalisés",
                ),
                place="Medellín (Colombie)",
            ),
            Job(
                "Aide-soignante à domicile",
                "Cuidar en Casa",
                "Medellín",
                "CO",
                "2016-06",
                "2018-12",
                "juin 2016 – déc. 2018",
                ("Accompagnement de personnes âgées à domicile, soins d'hygiène et repas",),
                place="Medellín (Colombie)",
            ),
        ),
        diplomas=(
            Diploma(
                "Técnico laboral en auxiliar de enfermería — SENA, Medellín (Colombie), 2015",
                None,
                "Técnico laboral en auxiliar de enfermería",
                "SENA",
                "CO",
                2015,
            ),
            Diploma(
                "Bachiller académico — Colegio San José, Medellín (Colombie), 2012",
                None,
                "Bachiller académico",
                "Colegio San José",
                "CO",
                2012,
            ),
        ),
        certificates=(
            Certificate(
                "Attestation PDSB (Principes de déplacement sécuritaire des bénéficiaires), 2023",
                "Attestation PDSB (Principes de déplacement sécuritaire des bénéficiaires)",
                2023,
            ),
            Certificate(
                "Attestation d'études en assistance à la personne (PAB), CFP de Québec, 2022",
                "Attestation d'études en assistance à la personne (PAB), CFP de Québec",
                2022,
            ),
            Certificate(
                "RCR et premiers soins — Croix-Rouge, 2023",
                "RCR et premiers soins — Croix-Rouge",
                2023,
            ),
        ),
        spoken=(
            Spoken("Espagnol : langue maternelle", "es"),
            Spoken("Français : intermédiaire avancé — TCF Canada (2023) : NCLC 7", "fr", 7),
            Spoken("Anglais : notions", "en"),
        ),
        skills=(
            "Soins d'hygiène et de confort",
            "Prise des signes vitaux",
            "Prévention des chutes",
            "Travail d'équipe",
        ),
        renderings=("docx_plain", "lo_pdf_plain"),
    ),
    Person(
        slug="fr_soudeur_maroc",
        split="dev",
        language="fr",
        name="Youssef El Amrani",
        headline="Soudeur-monteur",
        contact="youssef.elamrani@example.com · 418 555-0177 · Rimouski",
        summary=(
            "Soudeur-monteur, neuf ans en fabrication de structures d'acier et de charpentes. "
            "Lecture de plans, soudage MIG, TIG et à l'électrode; souci de la qualité des soudures."
        ),
        jobs=(
            Job(
                "Soudeur-monteur",
                "Métallerie Atlas",
                "Casablanca",
                "MA",
                "2016-03",
                "2022-12",
                "03/2016 – 12/2022",
                (
                    "Soudage MIG et TIG de structures en acier et en aluminium",
                    "Lecture de plans et devis, traçage et découpe au plasma",
                    "Contrôle visuel des soudures et retouches",
                ),
            ),
            Job(
                "Aide-soudeur",
                "Chaudronnerie du Souss",
                "Agadir",
                "MA",
                "2013-09",
                "2016-02",
                "09/2013 – 02/2016",
                ("Préparation des pièces, meulage et assemblage",),
            ),
        ),
        diplomas=(
            Diploma(
                "Diplôme de technicien spécialisé en construction métallique — OFPPT, "
                "Casablanca (Maroc), 2013",
                None,
                "Diplôme de technicien spécialisé en construction métallique",
                "OFPPT",
                "MA",
                2013,
            ),
        ),
        certificates=(
            Certificate("Carte ASP Construction, 2023", "Carte ASP Construction", 2023),
            Certificate(
                "Qualification soudeur CWB (W47.1), procédé FCAW, 2024",
                "Qualification soudeur CWB (W47.1), procédé FCAW",
                2024,
            ),
        ),
        spoken=(
            Spoken("Arabe : langue maternelle", "ar"),
            Spoken("Français : courant", "fr"),
            Spoken("Anglais : intermédiaire", "en"),
        ),
        skills=(
            "Soudage MIG, TIG et à l'électrode",
            "Lecture de plans",
            "Découpe au plasma",
            "Meulage",
        ),
        renderings=("reportlab_two_columns",),
    ),
    Person(
        slug="en_truck_driver_ukraine",
        split="dev",
        language="en",
        name="Oleksandr Kovalenko",
        headline="Long-haul truck driver",
        contact="o.kovalenko@example.com · 819 555-0110 · Drummondville, QC",
        summary=(
            "Truck driver with 12 years of long-haul and regional transport across Europe, "
            "accident-free, used to tight delivery windows and cross-border paperwork."
        ),
        jobs=(
            Job(
                "Long-haul truck driver",
                "TransLogistic Ukraine",
                "Kyiv",
                "UA",
                "2015-01",
                None,
                "Jan 2015 - present",
                (
                    "Drove tractor-trailers across the EU, up to 12,000 km a month",
                    "Pre-trip inspections, load securing and logbooks",
                    "Customs documents (CMR, TIR) at border crossings",
                ),
            ),
            Job(
                "Delivery driver",
                "Nova Poshta",
                "Lviv",
                "UA",
                "2011-05",
                "2014-12",
                "May 2011 - Dec 2014",
                ("Daily deliveries to businesses in the Lviv region",),
            ),
        ),
        diplomas=(
            Diploma(
                "Diploma of Junior Specialist in Motor Vehicle Maintenance — Lviv Automotive "
                "College, Ukraine, 2010",
                None,
                "Diploma of Junior Specialist in Motor Vehicle Maintenance",
                "Lviv Automotive College",
                "UA",
                2010,
            ),
        ),
        certificates=(
            Certificate(
                "Class 1 driver's licence (Québec), 2024", "Class 1 driver's licence (Québec)", 2024
            ),
            Certificate(
                "Category CE driving licence (Ukraine), 2012",
                "Category CE driving licence (Ukraine)",
                2012,
            ),
            Certificate(
                "ADR certificate for dangerous goods, 2019",
                "ADR certificate for dangerous goods",
                2019,
            ),
        ),
        spoken=(
            Spoken("Ukrainian: native", "uk"),
            Spoken("Russian: fluent", "ru"),
            Spoken("English: IELTS General Training 6.0 overall (2024)", "en", 7),
            Spoken("French: beginner (francization classes)", "fr"),
        ),
        skills=("Defensive driving", "Load securing", "Logbooks", "Route planning"),
        renderings=("docx_two_columns",),
    ),
    Person(
        slug="fr_comptable_cameroun",
        split="dev",
        language="fr",
        name="Christelle Mbarga",
        headline="Comptable",
        contact="christelle.mbarga@example.com · 514 555-0133 · Sherbrooke",
        summary=(
            "Comptable avec dix ans d'expérience en PME et en cabinet : tenue de livres, "
            "fin de mois, déclarations fiscales et paie. Rigoureuse, à l'aise avec Sage 50 et Excel."
        ),
        jobs=(
            Job(
                "Comptable principale",
                "Cabinet Fotso & Associés",
                "Douala",
                "CM",
                "2014-09",
                "2022-08",
                "Septembre 2014 à août 2022",
                (
                    "Tenue complète des livres de quinze PME clientes",
                    "Préparation des états financiers et des déclarations de TVA",
                    "Rapprochements bancaires et suivi des comptes clients",
                ),
            ),
            Job(
                "Commis comptable",
                "Groupe Alimentaire Kadji",
                "Douala",
                "CM",
                "2012-02",
                "2014-08",
                "Février 2012 à août 2014",
                ("Saisie des factures fournisseurs et paie de 80 employés",),
            ),
        ),
        diplomas=(
            Diploma(
                "Master en comptabilité, contrôle et audit — Université de Douala, Cameroun, 2011",
                "master",
                "Master en comptabilité, contrôle et audit",
                "Université de Douala",
                "CM",
                2011,
            ),
            Diploma(
                "Licence en sciences de gestion — Université de Douala, Cameroun, 2009",
                "bachelor",
                "Licence en sciences de gestion",
                "Université de Douala",
                "CM",
                2009,
            ),
        ),
        certificates=(),
        spoken=(
            Spoken("Français : langue maternelle", "fr"),
            Spoken("Anglais : avancé — IELTS General Training 7.0 (2023)", "en", 7),
        ),
        skills=("Sage 50", "Excel (tableaux croisés)", "Paie", "Fiscalité"),
        renderings=("docx_two_columns", "lo_pdf_two_columns"),
    ),
    Person(
        slug="en_nurse_philippines",
        split="dev",
        language="en",
        name="Maria Santos",
        headline="Registered nurse",
        contact="maria.santos@example.com · 873 555-0150 · Saguenay",
        summary=(
            "Registered nurse with nine years in medical-surgical and long-term care units, "
            "skilled in wound care and medication administration, now completing the OIIQ "
            "integration program."
        ),
        jobs=(
            Job(
                "Staff nurse, medical-surgical unit",
                "St. Luke's Medical Center",
                "Quezon City",
                "PH",
                "2014-06",
                "2020-05",
                "06/2014 – 05/2020",
                (
                    "Cared for up to eight patients per shift",
                    "Administered medications and IV therapy",
                ),
            ),
            Job(
                "Long-term care nurse",
                "Al Noor Care Home",
                "Dubai",
                "AE",
                "2020-06",
                None,
                "June 2020 – Present",
                (
                    "Wound care and pressure-injury prevention for 40 residents",
                    "Supervised three nursing assistants",
                ),
                place="Dubai, United Arab Emirates",
            ),
        ),
        diplomas=(
            Diploma(
                "Bachelor of Science in Nursing — University of Santo Tomas, Manila, "
                "Philippines, 2014",
                "bachelor",
                "Bachelor of Science in Nursing",
                "University of Santo Tomas",
                "PH",
                2014,
            ),
        ),
        certificates=(
            Certificate(
                "Registered Nurse licence, Philippine Professional Regulation Commission, 2014",
                "Registered Nurse licence, Philippine Professional Regulation Commission",
                2014,
            ),
            Certificate("Basic Life Support (BLS), 2024", "Basic Life Support (BLS)", 2024),
        ),
        spoken=(
            Spoken("Tagalog: native", "tl"),
            Spoken("English: CELPIP General 9 (2023)", "en", 9),
            Spoken("French: TEF Canada, NCLC 5 (2024)", "fr", 5),
        ),
        skills=("Wound care", "Medication administration", "IV therapy", "Patient assessment"),
        renderings=("reportlab_one_column",),
    ),
    Person(
        slug="fr_cuisinier_haiti",
        split="dev",
        language="fr",
        name="Jean-Robert Pierre",
        headline="Cuisinier",
        contact="jrpierre@example.com · 450 555-0121 · Granby",
        summary="",
        jobs=(
            Job(
                "Cuisinier",
                "Hôtel Montana",
                "Port-au-Prince",
                "HT",
                "2016",
                "2019",
                "2016 - 2019",
                (
                    "Préparation des plats chauds pour 150 couverts",
                    "Gestion des stocks et réception des marchandises",
                ),
            ),
            Job(
                "Aide-cuisinier",
                "Restaurant Le Plaza",
                "Port-au-Prince",
                "HT",
                "2012",
                "2016",
                "2012 - 2016",
                ("Mise en place et préparation des légumes",),
            ),
        ),
        diplomas=(
            Diploma(
                "Certificat en arts culinaires — École hôtelière d'Haïti, Port-au-Prince (Haïti), 2011",
                None,
                "Certificat en arts culinaires",
                "École hôtelière d'Haïti",
                "HT",
                2011,
            ),
        ),
        certificates=(
            Certificate(
                "Certificat en hygiène et salubrité alimentaires (MAPAQ), 2023",
                "Certificat en hygiène et salubrité alimentaires (MAPAQ)",
                2023,
            ),
        ),
        spoken=(
            Spoken("Créole haïtien : langue maternelle", "ht"),
            Spoken("Français : courant", "fr"),
        ),
        skills=("Cuisine créole et internationale", "Gestion des stocks", "Hygiène alimentaire"),
        renderings=("docx_plain",),
    ),
    Person(
        slug="en_electrician_india",
        split="dev",
        language="en",
        name="Rajesh Kumar",
        headline="Industrial electrician",
        contact="rajesh.kumar@example.com · 418 555-0188 · Baie-Comeau",
        summary=(
            "Industrial electrician, ten years of maintenance on motors, drives and PLC-controlled "
            "lines in steel and cement plants."
        ),
        jobs=(
            Job(
                "Maintenance electrician",
                "Tata Steel",
                "Jamshedpur",
                "IN",
                "2018-03",
                "2023-10",
                "Mar. 2018 – Oct. 2023",
                (
                    "Troubleshot motors, variable frequency drives and PLC panels",
                    "Preventive maintenance of 11 kV switchgear",
                ),
            ),
            Job(
                "Electrician",
                "UltraTech Cement",
                "Raipur",
                "IN",
                "2012-03",
                "2018-02",
                "Mar. 2012 – Feb. 2018",
                ("Installed and maintained lighting and power circuits",),
            ),
        ),
        diplomas=(
            Diploma(
                "Diploma in Electrical Engineering — Government Polytechnic, Ranchi, India, 2011",
                None,
                "Diploma in Electrical Engineering",
                "Government Polytechnic",
                "IN",
                2011,
            ),
            Diploma(
                "ITI Electrician trade certificate — Industrial Training Institute, Ranchi, India, 2009",
                "vocational",
                "ITI Electrician trade certificate",
                "Industrial Training Institute",
                "IN",
                2009,
            ),
        ),
        certificates=(),
        spoken=(
            Spoken("Hindi: native", "hi"),
            Spoken("English: fluent — CLB 8 (CELPIP 2023)", "en", 8),
            Spoken("French: NCLC 4 (TCF Canada 2024)", "fr", 4),
        ),
        skills=("PLC troubleshooting", "Variable frequency drives", "Preventive maintenance"),
        renderings=("lo_pdf_plain",),
    ),
    # --- held out: the parser was not tuned on these -------------------------------------------
    Person(
        slug="fr_mecanicien_tunisie",
        split="test",
        language="fr",
        name="Mohamed Ben Salah",
        headline="Mécanicien industriel",
        contact="m.bensalah@example.com · 819 555-0166 · Victoriaville",
        summary=(
            "Mécanicien industriel, huit ans d'entretien de lignes de production agroalimentaires. "
            "Diagnostic de pannes, hydraulique et pneumatique."
        ),
        jobs=(
            Job(
                "Mécanicien de maintenance",
                "Société Tunisienne de Sucre",
                "Béja",
                "TN",
                "2015-02",
                "2021-06",
                "de février 2015 à juin 2021",
                (
                    "Entretien préventif et correctif des convoyeurs et des pompes",
                    "Diagnostic des circuits hydrauliques et pneumatiques",
                ),
            ),
            Job(
                "Mécanicien",
                "Laiterie Vitalait",
                "Mahdia",
                "TN",
                "2021-07",
                "2023-11",
                "juil. 2021 – nov. 2023",
                ("Réglage des machines d'emballage",),
            ),
        ),
        diplomas=(
            Diploma(
                "Brevet de technicien supérieur (BTS) en maintenance industrielle — ISET de Sousse, "
                "Tunisie, 2014",
                "college",
                "Brevet de technicien supérieur (BTS) en maintenance industrielle",
                "ISET de Sousse",
                "TN",
                2014,
            ),
        ),
        certificates=(
            Certificate(
                "Attestation SIMDUT 2015, 2024",
                "Attestation SIMDUT 2015",
                2024,
            ),
        ),
        spoken=(
            Spoken("Arabe : langue maternelle", "ar"),
            Spoken("Français : TCF Canada B2 (2024)", "fr", 7),
        ),
        skills=("Hydraulique", "Pneumatique", "Soudage de base", "Lecture de schémas"),
        renderings=("reportlab_two_columns",),
    ),
    Person(
        slug="en_it_support_nigeria",
        split="test",
        language="en",
        name="Chinedu Okafor",
        headline="IT support technician",
        contact="chinedu.okafor@example.com · 438 555-0105 · Trois-Rivières",
        summary=(
            "IT support technician, seven years of help desk and network support for 300 users; "
            "calm with frustrated users, thorough with tickets."
        ),
        jobs=(
            Job(
                "IT support technician",
                "Zenith Bank",
                "Lagos",
                "NG",
                "2021-03",
                None,
                "Since March 2021",
                (
                    "Level 1 and 2 support for 300 users (Windows, Office 365)",
                    "Set up laptops, printers and VPN access",
                ),
            ),
            Job(
                "Help desk agent",
                "MainOne",
                "Lagos",
                "NG",
                "2017",
                "2021",
                "2017–2021",
                ("Answered calls and tickets, reset accounts",),
            ),
        ),
        diplomas=(
            Diploma(
                "B.Sc. Computer Science — University of Lagos, Nigeria, 2016",
                "bachelor",
                "B.Sc. Computer Science",
                "University of Lagos",
                "NG",
                2016,
            ),
        ),
        certificates=(
            Certificate("CompTIA A+, 2018", "CompTIA A+", 2018),
            Certificate(
                "Microsoft 365 Certified: Modern Desktop Administrator Associate, 2022",
                "Microsoft 365 Certified: Modern Desktop Administrator Associate",
                2022,
            ),
        ),
        spoken=(
            Spoken("English: native", "en"),
            Spoken("Igbo: native", "ig"),
            Spoken("French: intermediate (B1)", "fr"),
        ),
        skills=("Windows 10/11", "Active Directory", "Office 365", "Networking"),
        renderings=("docx_two_columns",),
    ),
    Person(
        slug="fr_educatrice_senegal",
        split="test",
        language="fr",
        name="Aïssatou Diop",
        headline="Éducatrice à la petite enfance",
        contact="aissatou.diop@example.com · 418 555-0199 · Lévis",
        summary=(
            "Éducatrice formée au Sénégal et au Québec, sept ans auprès d'enfants de 0 à 5 ans. "
            "Créative, attentive au développement de chaque enfant."
        ),
        jobs=(
            Job(
                "Éducatrice",
                "CPE Les Petits Explorateurs",
                "Lévis",
                "CA",
                "2024-08",
                None,
                "août 2024 – aujourd'hui",
                ("Animation d'activités éducatives pour un groupe de 8 enfants de 18 mois",),
                place="Lévis (Québec)",
            ),
            Job(
                "Monitrice de jardin d'enfants",
                "École maternelle Les Colibris",
                "Dakar",
                "SN",
                "2016-10",
                "2022-07",
                "oct. 2016 – juil. 2022",
                (
                    "Préparation et animation des activités d'éveil",
                    "Communication quotidienne avec les parents",
                ),
            ),
        ),
        diplomas=(
            Diploma(
                "AEC Techniques d'éducation à l'enfance — Cégep de Lévis, Québec, 2024",
                "college",
                "AEC Techniques d'éducation à l'enfance",
                "Cégep de Lévis",
                "CA",
                2024,
            ),
            Diploma(
                "Diplôme d'État de monitrice d'enseignement préscolaire — CRFPE de Dakar, "
                "Sénégal, 2016",
                None,
                "Diplôme d'État de monitrice d'enseignement préscolaire",
                "CRFPE de Dakar",
                "SN",
                2016,
            ),
        ),
        certificates=(
            Certificate(
                "Secourisme en milieu de garde (8 h), 2024",
                "Secourisme en milieu de garde (8 h)",
                2024,
            ),
        ),
        spoken=(
            Spoken("Wolof : langue maternelle", "wo"),
            Spoken("Français : courant", "fr"),
            Spoken("Anglais : notions", "en"),
        ),
        skills=(
            "Programme éducatif Accueillir la petite enfance",
            "Observation",
            "Communication avec les parents",
        ),
        renderings=("handmade_pdf",),
    ),
    Person(
        slug="fr_cariste_algerie",
        split="test",
        language="fr",
        name="Karim Benali",
        headline="Cariste – préparateur de commandes",
        contact="karim.benali@example.com · 450 555-0144 · Saint-Hyacinthe",
        summary=(
            "Cariste expérimenté en entrepôt frigorifique et de distribution, habitué aux "
            "cadences élevées et à la lecture optique."
        ),
        jobs=(
            Job(
                "Cariste",
                "Cevital Logistique",
                "Alger",
                "DZ",
                "2017-05",
                None,
                "mai 2017 - aujourd'hui",
                (
                    "Chargement et déchargement de camions au chariot élévateur",
                    "Préparation de commandes avec lecteur optique",
                ),
            ),
            Job(
                "Magasinier",
                "Numidis",
                "Oran",
                "DZ",
                "2014-01",
                "2017-04",
                "01/2014 - 04/2017",
                ("Réception et inventaire des marchandises",),
            ),
        ),
        diplomas=(
            Diploma(
                "Baccalauréat — Lycée Émir Abdelkader, Alger (Algérie), 2012",
                None,
                "Baccalauréat",
                "Lycée Émir Abdelkader",
                "DZ",
                2012,
            ),
        ),
        certificates=(
            Certificate(
                "Formation de cariste (chariot élévateur), CFP Pierre-Dupuy, 2024",
                "Formation de cariste (chariot élévateur), CFP Pierre-Dupuy",
                2024,
            ),
            Certificate("CACES R489 catégorie 3, 2018", "CACES R489 catégorie 3", 2018),
        ),
        spoken=(
            Spoken("Arabe : langue maternelle", "ar"),
            Spoken("Français : courant — TEF Canada NCLC 8 (2024)", "fr", 8),
        ),
        skills=("Conduite de chariot élévateur", "Lecture optique", "Gestion des stocks", "SAP"),
        renderings=("fpdf_one_column",),
    ),
    Person(
        slug="en_mechanic_brazil",
        split="test",
        language="en",
        name="Lucas Oliveira",
        headline="Heavy equipment mechanic",
        contact="lucas.oliveira@example.com · 819 555-0190 · Rouyn-Noranda",
        summary=(
            "Heavy equipment mechanic from Brazil's mining sector: diesel engines, hydraulics and "
            "undercarriage on haul trucks and excavators."
        ),
        jobs=(
            Job(
                "Heavy equipment mechanic",
                "Vale S.A.",
                "Itabira",
                "BR",
                "2013-03",
                "2019-08",
                "2013-03 to 2019-08",
                (
                    "Diagnosed and repaired diesel engines on CAT 793 haul trucks",
                    "Rebuilt hydraulic cylinders and pumps",
                ),
            ),
            Job(
                "Diesel mechanic",
                "Sotreq",
                "Belo Horizonte",
                "BR",
                "2019-09",
                "2023-12",
                "Sept. 2019 – Dec. 2023",
                ("Field service on excavators and loaders",),
            ),
        ),
        diplomas=(
            Diploma(
                "Técnico em Mecânica — SENAI, Belo Horizonte, Brazil, 2012",
                None,
                "Técnico em Mecânica",
                "SENAI",
                "BR",
                2012,
            ),
        ),
        certificates=(),
        spoken=(
            Spoken("Portuguese: native", "pt"),
            Spoken("English: IELTS General 5.5 (2024)", "en", 6),
            Spoken("French: beginner", "fr"),
        ),
        skills=("Diesel engines", "Hydraulics", "Caterpillar equipment", "Welding"),
        renderings=("reportlab_one_column",),
    ),
    Person(
        slug="fr_infirmiere_liban",
        split="test",
        language="fr",
        name="Rima Haddad",
        headline="Infirmière",
        contact="rima.haddad@example.com · 418 555-0112 · Sept-Îles",
        summary=(
            "Infirmière en soins intensifs, onze ans d'expérience au Liban, en démarche "
            "d'admission à l'OIIQ."
        ),
        jobs=(
            Job(
                "Infirmière en soins intensifs",
                "Hôpital de l'Université américaine de Beyrouth",
                "Beyrouth",
                "LB",
                "2012-11",
                "2023-05",
                "11/2012 - 05/2023",
                (
                    "Surveillance des patients ventilés et des pompes à perfusion",
                    "Formation des nouvelles infirmières de l'unité",
                ),
            ),
        ),
        diplomas=(
            Diploma(
                "Licence en sciences infirmières — Université Saint-Joseph, Beyrouth (Liban), 2012",
                "bachelor",
                "Licence en sciences infirmières",
                "Université Saint-Joseph",
                "LB",
                2012,
            ),
        ),
        certificates=(
            Certificate(
                "ACLS (soins avancés en réanimation cardiovasculaire), 2022",
                "ACLS (soins avancés en réanimation cardiovasculaire)",
                2022,
            ),
        ),
        spoken=(
            Spoken("Arabe : langue maternelle", "ar"),
            Spoken("Français : courant", "fr"),
            Spoken("Anglais : avancé — IELTS 7.5 (2022)", "en", 8),
        ),
        skills=("Soins intensifs", "Ventilation mécanique", "Pompes à perfusion"),
        renderings=("lo_pdf_two_columns", "docx_two_columns"),
    ),
)
