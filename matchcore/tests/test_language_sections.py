from matchcore.language.sections import heading_kind, section_text, split_sections

POSTING = """Soudeur/soudeuse – Usinage du Fjord inc., Rimouski

TÂCHES PRINCIPALES
- Souder des pièces d'acier selon les plans

Profil recherché :
- DEP en soudage-montage
- 2 ans d'expérience

Exigences : permis de conduire; anglais fonctionnel
Avantages sociaux
- Assurances collectives
"""


def test_posting_headings_in_french_open_their_sections():
    sections = split_sections(POSTING)
    assert [(s.kind, s.heading) for s in sections] == [
        ("header", ""),
        ("duties", "TÂCHES PRINCIPALES"),
        ("requirements", "Profil recherché :"),
        ("requirements", "Exigences"),
        ("other", "Avantages sociaux"),
    ]
    assert section_text(sections, "requirements") == (
        "- DEP en soudage-montage\n- 2 ans d'expérience\n\npermis de conduire; anglais fonctionnel"
    )


def test_section_offsets_point_into_the_document():
    for section in split_sections(POSTING):
        assert POSTING[section.start : section.start + len(section.text)] == section.text


def test_cv_headings_in_french_and_english_whatever_their_decoration():
    assert heading_kind("EXPÉRIENCE PROFESSIONNELLE") == "experience"
    assert heading_kind("2. Expériences professionnelles :") == "experience"
    assert heading_kind("Formation") == "education"
    assert heading_kind("— Langues —") == "languages"
    assert heading_kind("Compétences") == "skills"
    assert heading_kind("Work Experience") == "experience"
    assert heading_kind("Requirements:") == "requirements"
    assert heading_kind("Qualifications requises") == "requirements"
    assert heading_kind("Soudage MIG et TIG de structures") is None
    assert heading_kind("Formation continue en santé et sécurité du travail, 2019") is None
