"""The demo's cast: who the companies are and who the candidates are, written to fit together.

Names go with the country a person comes from, French levels with the languages spoken there,
companies hire the trades their kind of business hires. Everything here is invented; only the
occupations (NOC 2021) and the places are real reference data.
"""

from dataclasses import dataclass

from maillage.employers.models import Sector


@dataclass(frozen=True)
class CompanyKind:
    name: str  # the start of the company's name
    sector: str
    codes: tuple[str, ...]  # NOC unit groups it hires, the main one first
    description: str


# The kinds of employers the program's regions recruit for, each with the trades it hires.
COMPANY_KINDS: tuple[CompanyKind, ...] = (
    CompanyKind(
        "Soudure et usinage",
        Sector.MANUFACTURING,
        ("72106", "72400"),
        "Atelier de fabrication métallique : structures d'acier, réservoirs et pièces sur mesure.",
    ),
    CompanyKind(
        "Résidence pour aînés",
        Sector.HEALTH,
        ("33102", "32101", "65310"),
        "Résidence privée pour aînés de 120 unités, soins et accompagnement jour et nuit.",
    ),
    CompanyKind(
        "Transport",
        Sector.TRANSPORTATION,
        ("73300",),
        "Transport de marchandises générales au Québec et en Ontario, flotte de 40 camions.",
    ),
    CompanyKind(
        "Auberge",
        Sector.ACCOMMODATION,
        ("63200", "65310"),
        "Auberge de 45 chambres avec restaurant, ouverte à l'année.",
    ),
    CompanyKind(
        "Viandes",
        Sector.MANUFACTURING,
        ("94141",),
        "Abattoir et usine de découpe de porc, 300 employés.",
    ),
    CompanyKind(
        "Ferme laitière",
        Sector.AGRICULTURE,
        ("85100", "84120"),
        "Ferme laitière familiale de 180 vaches en lactation, robot de traite.",
    ),
    CompanyKind(
        "Mécanique industrielle",
        Sector.MANUFACTURING,
        ("72400", "72106"),
        "Entretien et réparation d'équipements pour les usines de la région.",
    ),
    CompanyKind(
        "CPE",
        Sector.HEALTH,
        ("42202",),
        "Centre de la petite enfance de 80 places en deux installations.",
    ),
    CompanyKind(
        "Construction",
        Sector.CONSTRUCTION,
        ("72310", "72200"),
        "Entrepreneur général en construction résidentielle et commerciale.",
    ),
    CompanyKind(
        "Mines",
        Sector.MINING,
        ("73400", "72401"),
        "Exploitation minière à ciel ouvert, horaire 14 jours de travail et 14 jours de congé.",
    ),
    CompanyKind(
        "Électricité",
        Sector.CONSTRUCTION,
        ("72200",),
        "Entrepreneur électricien : bâtiments commerciaux, agricoles et industriels.",
    ),
    CompanyKind(
        "Services comptables",
        Sector.FINANCE,
        ("12200", "13110"),
        "Cabinet comptable au service des PME et des fermes de la région.",
    ),
    CompanyKind(
        "Solutions numériques",
        Sector.PROFESSIONAL,
        ("21232",),
        "Développement d'applications web pour les entreprises manufacturières.",
    ),
    CompanyKind(
        "Centre de santé",
        Sector.HEALTH,
        ("32101", "33102"),
        "Centre d'hébergement de soins de longue durée privé conventionné.",
    ),
    CompanyKind(
        "Serres",
        Sector.AGRICULTURE,
        ("84120",),
        "Production de légumes de serre à l'année.",
    ),
    CompanyKind(
        "Gestion immobilière",
        Sector.REAL_ESTATE,
        ("13110", "12200"),
        "Gestion de 900 logements locatifs et de locaux commerciais dans la région.",
    ),
)

# How Québec employers title their postings for each demo occupation.
POSTING_TITLES: dict[str, str] = {
    "72106": "Soudeur-monteur / soudeuse-monteuse",
    "72400": "Mécanicien industriel / mécanicienne industrielle",
    "33102": "Préposé / préposée aux bénéficiaires",
    "73300": "Camionneur / camionneuse classe 1",
    "63200": "Cuisinier / cuisinière",
    "21232": "Développeur / développeuse web",
    "72200": "Électricien / électricienne",
    "42202": "Éducateur / éducatrice à la petite enfance",
    "94141": "Boucher industriel / bouchère industrielle",
    "85100": "Ouvrier / ouvrière de production laitière",
    "13110": "Adjoint administratif / adjointe administrative",
    "32101": "Infirmier auxiliaire / infirmière auxiliaire",
    "72310": "Charpentier-menuisier / charpentière-menuisière",
    "72401": "Mécanicien / mécanicienne d'engins de chantier",
    "73400": "Opérateur / opératrice de machinerie lourde",
    "12200": "Technicien / technicienne comptable",
    "65310": "Préposé / préposée à l'entretien ménager",
    "84120": "Ouvrier / ouvrière agricole",
}

# What a person trained abroad writes as their job title, a few ways per occupation, as a man and
# as a woman would write it.
EXPERIENCE_TITLES: dict[str, tuple[tuple[str, str], ...]] = {
    "72106": (
        ("Soudeur", "Soudeuse"),
        ("Soudeur-monteur", "Soudeuse-monteuse"),
        ("Soudeur TIG et MIG", "Soudeuse TIG et MIG"),
    ),
    "72400": (
        ("Mécanicien industriel", "Mécanicienne industrielle"),
        ("Technicien de maintenance", "Technicienne de maintenance"),
    ),
    "33102": (("Aide-soignant", "Aide-soignante"), ("Auxiliaire de vie", "Auxiliaire de vie")),
    "73300": (
        ("Chauffeur poids lourd", "Chauffeuse poids lourd"),
        ("Conducteur routier", "Conductrice routière"),
    ),
    "63200": (("Cuisinier", "Cuisinière"), ("Chef de partie", "Cheffe de partie")),
    "21232": (("Développeur web", "Développeuse web"), ("Programmeur", "Programmeuse")),
    "72200": (
        ("Électricien", "Électricienne"),
        ("Électricien du bâtiment", "Électricienne du bâtiment"),
    ),
    "42202": (
        ("Éducateur de jeunes enfants", "Éducatrice de jeunes enfants"),
        ("Moniteur d'enfants", "Monitrice d'enfants"),
    ),
    "94141": (("Boucher", "Bouchère"), ("Découpeur de viande", "Découpeuse de viande")),
    "85100": (("Ouvrier en élevage laitier", "Ouvrière en élevage laitier"), ("Vacher", "Vachère")),
    "13110": (
        ("Secrétaire", "Secrétaire"),
        ("Assistant administratif", "Assistante administrative"),
    ),
    "32101": (("Infirmier auxiliaire", "Infirmière auxiliaire"), ("Infirmier", "Infirmière")),
    "72310": (("Menuisier", "Menuisière"), ("Charpentier", "Charpentière")),
    "72401": (
        ("Mécanicien d'engins", "Mécanicienne d'engins"),
        ("Mécanicien diesel", "Mécanicienne diesel"),
    ),
    "73400": (
        ("Conducteur d'engins", "Conductrice d'engins"),
        ("Opérateur de pelle hydraulique", "Opératrice de pelle hydraulique"),
    ),
    "12200": (("Aide-comptable", "Aide-comptable"), ("Comptable", "Comptable")),
    "65310": (
        ("Agent d'entretien", "Agente d'entretien"),
        ("Valet de chambre", "Femme de chambre"),
    ),
    "84120": (
        ("Ouvrier agricole", "Ouvrière agricole"),
        ("Ouvrier maraîcher", "Ouvrière maraîchère"),
    ),
}

# How many of every 44 candidates train in each trade: the regions' demand, roughly (welders
# over-represented: the demo employer is a welding shop).
CAST: dict[str, int] = {
    "72106": 8,
    "33102": 4,
    "73300": 3,
    "72400": 3,
    "94141": 3,
    "63200": 3,
    "65310": 2,
    "32101": 2,
    "42202": 2,
    "85100": 2,
    "84120": 2,
    "72200": 2,
    "72310": 2,
    "73400": 1,
    "72401": 1,
    "12200": 2,
    "13110": 1,
    "21232": 1,
}


@dataclass(frozen=True)
class Origin:
    country: str  # ISO 3166 alpha-2
    name_fr: str  # « en France », « au Maroc »: where the person worked
    women: tuple[str, ...]
    men: tuple[str, ...]
    last_names: tuple[str, ...]
    french: tuple[int, int]  # usual range of the person's French levels (Échelle québécoise)
    english: tuple[int, int]


ORIGINS: tuple[Origin, ...] = (
    Origin(
        "FR",
        "en France",
        ("Camille", "Léa", "Manon"),
        ("Julien", "Thomas", "Nicolas"),
        ("Martin", "Bernard", "Lefèvre", "Moreau"),
        (10, 12),
        (3, 7),
    ),
    Origin(
        "BE",
        "en Belgique",
        ("Charlotte", "Elise"),
        ("Maxime", "Arnaud"),
        ("Peeters", "Dubois", "Lambert"),
        (10, 12),
        (4, 8),
    ),
    Origin(
        "MA",
        "au Maroc",
        ("Fatima Zahra", "Salma", "Imane"),
        ("Youssef", "Mehdi", "Hamza"),
        ("El Amrani", "Benali", "Tazi", "Alaoui"),
        (7, 11),
        (2, 6),
    ),
    Origin(
        "DZ",
        "en Algérie",
        ("Amina", "Lydia", "Sarah"),
        ("Karim", "Sofiane", "Riad"),
        ("Haddad", "Belkacem", "Boudiaf"),
        (7, 11),
        (2, 5),
    ),
    Origin(
        "TN",
        "en Tunisie",
        ("Rim", "Nour"),
        ("Oussama", "Ahmed"),
        ("Trabelsi", "Ben Salah", "Gharbi"),
        (7, 11),
        (3, 6),
    ),
    Origin(
        "SN",
        "au Sénégal",
        ("Aïssatou", "Fatou", "Khady"),
        ("Moussa", "Ousmane", "Cheikh"),
        ("Diop", "Ndiaye", "Fall", "Sow"),
        (8, 11),
        (2, 5),
    ),
    Origin(
        "CI",
        "en Côte d'Ivoire",
        ("Aya", "Mariam"),
        ("Koffi", "Yao", "Serge"),
        ("Kouassi", "Konan", "Traoré"),
        (8, 11),
        (2, 5),
    ),
    Origin(
        "CM",
        "au Cameroun",
        ("Carine", "Sandrine"),
        ("Hervé", "Brice"),
        ("Mbarga", "Nkoulou", "Tchouameni"),
        (8, 11),
        (4, 8),
    ),
    Origin(
        "HT",
        "en Haïti",
        ("Guerline", "Nadège"),
        ("Wilner", "Jean-Robert"),
        ("Jean-Baptiste", "Pierre", "Joseph"),
        (7, 10),
        (2, 5),
    ),
    Origin(
        "CO",
        "en Colombie",
        ("Valentina", "Daniela", "Luisa"),
        ("Andrés", "Santiago", "Camilo"),
        ("Gómez", "Rodríguez", "Martínez", "Restrepo"),
        (4, 8),
        (3, 7),
    ),
    Origin(
        "MX",
        "au Mexique",
        ("Guadalupe", "Fernanda"),
        ("Luis", "Alejandro", "Jorge"),
        ("Hernández", "López", "García"),
        (4, 7),
        (4, 7),
    ),
    Origin(
        "BR",
        "au Brésil",
        ("Ana Clara", "Juliana"),
        ("Thiago", "Rafael"),
        ("Silva", "Souza", "Oliveira"),
        (4, 7),
        (3, 7),
    ),
    Origin(
        "PH",
        "aux Philippines",
        ("Maricel", "Jennifer", "Rowena"),
        ("Mark Anthony", "Rodel"),
        ("Santos", "Reyes", "Dela Cruz"),
        (3, 6),
        (8, 11),
    ),
    Origin(
        "IN",
        "en Inde",
        ("Priya", "Anjali"),
        ("Rahul", "Gurpreet", "Arjun"),
        ("Sharma", "Singh", "Patel"),
        (3, 6),
        (8, 11),
    ),
    Origin(
        "UA",
        "en Ukraine",
        ("Olena", "Iryna", "Kateryna"),
        ("Oleksandr", "Dmytro"),
        ("Kovalenko", "Shevchenko", "Bondarenko"),
        (4, 8),
        (4, 8),
    ),
    Origin(
        "LB",
        "au Liban",
        ("Rania", "Maya"),
        ("Georges", "Karim"),
        ("Khoury", "Haddad", "Nassar"),
        (8, 11),
        (6, 9),
    ),
)

# Regions where a kind of employer is usually found (codes); empty: any region the program serves.
KIND_REGIONS: dict[str, tuple[str, ...]] = {
    "Mines": ("08", "09", "10"),
    "Ferme laitière": ("12", "17", "01", "05"),
    "Serres": ("16", "17", "03"),
    "Viandes": ("12", "17", "16"),
    "Transport": ("12", "16", "04", "02"),
}

# The people who run the demo companies (Québec names, invented pairs).
EMPLOYER_FIRST_NAMES = (
    "Marie-Ève",
    "Stéphane",
    "Julie",
    "Martin",
    "Isabelle",
    "Sylvain",
    "Geneviève",
    "Éric",
    "Nathalie",
    "Patrick",
    "Mélanie",
    "François",
)
EMPLOYER_LAST_NAMES = (
    "Gagnon",
    "Tremblay",
    "Côté",
    "Bouchard",
    "Gauthier",
    "Morin",
    "Lavoie",
    "Fortin",
    "Pelletier",
    "Bélanger",
    "Lévesque",
    "Bergeron",
)

# The first job some newcomers took in Québec while looking for one in their trade.
FIRST_JOBS_IN_QUEBEC: tuple[tuple[str, tuple[str, str], str], ...] = (
    (
        "65310",
        ("Préposé à l'entretien ménager", "Préposée à l'entretien ménager"),
        "Hôtel du Vieux-Port",
    ),
    (
        "94141",
        ("Journalier en usine alimentaire", "Journalière en usine alimentaire"),
        "Aliments du Terroir",
    ),
    (
        "84120",
        ("Ouvrier agricole saisonnier", "Ouvrière agricole saisonnière"),
        "Ferme maraîchère Tremblay",
    ),
    ("65310", ("Agent d'entretien", "Agente d'entretien"), "Entretien commercial Lavoie"),
)

# The first word of the names of the employers abroad (the last name of a founder follows).
FOREIGN_EMPLOYER_WORDS = ("Groupe", "Société", "Atelier", "Établissements", "Entreprise")
