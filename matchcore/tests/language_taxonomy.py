"""A small taxonomy in NOC's and ESCO's words, for the language tools' unit tests (real labels of
the real codes, a few of each)."""

from matchcore.language.crosswalk import NocEscoLink
from matchcore.language.labels import LabelRecord
from matchcore.language.skill_graph import OccupationSkill

WELDERS, AIDES, MATERIAL_HANDLERS, ACCOUNTING_CLERKS = "72106", "33102", "75101", "14200"
ESCO_WELDER = "http://data.europa.eu/esco/occupation/welder"
ESCO_NURSING_AIDE = "http://data.europa.eu/esco/occupation/healthcare-assistant"
ESCO_FORKLIFT = "http://data.europa.eu/esco/occupation/forklift-operator"
WELD_MIG = "http://data.europa.eu/esco/skill/mig"
READ_BLUEPRINTS = "http://data.europa.eu/esco/skill/blueprints"
FORKLIFT = "http://data.europa.eu/esco/skill/forklift"
STOCK = "http://data.europa.eu/esco/skill/stock"
TEAMWORK = "http://data.europa.eu/esco/skill/teamwork"
ENGLISH = "http://data.europa.eu/esco/skill/english"
VITAL_SIGNS = "http://data.europa.eu/esco/skill/vital-signs"
EXCEL = "http://data.europa.eu/esco/skill/spreadsheets"


def r(concept, text, language, kind="preferred"):
    return LabelRecord(concept, text, language, kind)


NOC_LABELS = [
    r(
        WELDERS,
        "Soudeurs/soudeuses et opérateurs/opératrices de machines à souder et à braser",
        "fr",
    ),
    r(WELDERS, "Welders and related machine operators", "en"),
    r(WELDERS, "Soudeur/soudeuse", "fr", "example"),
    r(WELDERS, "Soudeur-monteur/soudeuse-monteuse", "fr", "example"),
    r(WELDERS, "Welder", "en", "example"),
    r(
        AIDES,
        "Aides-infirmiers/aides-infirmières, aides-soignants/aides-soignantes et préposés/préposées aux bénéficiaires",
        "fr",
    ),
    r(AIDES, "Nurse aides, orderlies and patient service associates", "en"),
    r(AIDES, "Préposé/préposée aux bénéficiaires", "fr", "example"),
    r(AIDES, "Patient care aide", "en", "example"),
    r(MATERIAL_HANDLERS, "Manutentionnaires", "fr"),
    r(MATERIAL_HANDLERS, "Material handlers", "en"),
    r(MATERIAL_HANDLERS, "Conducteur/conductrice de chariot élévateur", "fr", "example"),
    r(MATERIAL_HANDLERS, "Commis d'entrepôt - manutention", "fr", "example"),
    r(MATERIAL_HANDLERS, "Forklift operator", "en", "example"),
    r(ACCOUNTING_CLERKS, "Commis à la comptabilité et personnel assimilé", "fr"),
    r(ACCOUNTING_CLERKS, "Accounting and related clerks", "en"),
    r(ACCOUNTING_CLERKS, "Commis comptable", "fr", "example"),
    r(ACCOUNTING_CLERKS, "Bookkeeping clerk", "en", "example"),
]
OCCUPATION_LABELS = [
    r(ESCO_WELDER, "welder", "en"),
    r(ESCO_WELDER, "soudeur/soudeuse", "fr"),
    r(ESCO_WELDER, "MIG welder", "en", "alternative"),
    r(ESCO_NURSING_AIDE, "healthcare assistant", "en"),
    r(ESCO_NURSING_AIDE, "aide-soignant/aide-soignante", "fr"),
    r(ESCO_FORKLIFT, "forklift operator", "en"),
    r(ESCO_FORKLIFT, "cariste", "fr"),
]
LINKS = [
    NocEscoLink(WELDERS, ESCO_WELDER, 1.0, "ESCO → … → NOC 2021 72106", False),
    NocEscoLink(AIDES, ESCO_NURSING_AIDE, 0.75, "ESCO → … → NOC 2021 33102", False),
    NocEscoLink(MATERIAL_HANDLERS, ESCO_FORKLIFT, 0.5, "ESCO → … → NOC 2021 75101", False),
]
SKILL_LABELS = [
    r(WELD_MIG, "perform metal inert gas welding", "en"),
    r(WELD_MIG, "réaliser des tâches de soudage au gaz inerte", "fr"),
    r(WELD_MIG, "MIG welding", "en", "alternative"),
    r(WELD_MIG, "soudage MIG", "fr", "alternative"),
    r(READ_BLUEPRINTS, "read standard blueprints", "en"),
    r(READ_BLUEPRINTS, "lire des plans standard", "fr"),
    r(FORKLIFT, "operate forklift", "en"),
    r(FORKLIFT, "utiliser un chariot élévateur", "fr"),
    r(STOCK, "manage inventory", "en"),
    r(STOCK, "gérer des stocks", "fr"),
    r(STOCK, "gestion des stocks", "fr", "alternative"),
    r(TEAMWORK, "work in a team", "en"),
    r(TEAMWORK, "travailler en équipe", "fr"),
    r(ENGLISH, "English", "en"),
    r(ENGLISH, "anglais", "fr"),
    r(VITAL_SIGNS, "monitor patient's vital signs", "en"),
    r(VITAL_SIGNS, "surveiller les signes vitaux d’un patient", "fr"),
    r(EXCEL, "use spreadsheets software", "en"),
    r(EXCEL, "utiliser un tableur", "fr"),
    r(EXCEL, "Excel", "en", "alternative"),
]
RELATIONS = [
    OccupationSkill(ESCO_WELDER, WELD_MIG, True),
    OccupationSkill(ESCO_WELDER, READ_BLUEPRINTS, True),
    OccupationSkill(ESCO_WELDER, TEAMWORK, False),
    OccupationSkill(ESCO_FORKLIFT, FORKLIFT, True),
    OccupationSkill(ESCO_FORKLIFT, STOCK, False),
    OccupationSkill(ESCO_NURSING_AIDE, VITAL_SIGNS, True),
    OccupationSkill(ESCO_NURSING_AIDE, TEAMWORK, True),
]
