import pytest

from matchcore.language.skill_words import slash_alternatives
from matchcore.language.terms import (
    clean_title,
    detect_language,
    input_problem,
    strip_posting_details,
    text_key,
    title_variants,
    tokenize,
    word_key,
)


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("Soudeur / Soudeuse", "Soudeur"),
        ("soudeur/soudeuse", "soudeur"),
        ("soudeur(euse)", "soudeur"),
        ("Soudeur·euse (H/F) - temps plein", "Soudeur"),
        ("Préposé(e) aux bénéficiaires", "Préposé aux bénéficiaires"),
        ("Infirmier/ère auxiliaire", "Infirmier auxiliaire"),
        ("Cariste H/F", "Cariste"),
        ("Directeur adjoint/directrice adjointe d'école", "Directeur adjoint d'école"),
        (
            "Contremaître cantonnier/contremaîtresse cantonnière - secteur ferroviaire",
            "Contremaître cantonnier - secteur ferroviaire",
        ),
        ("Technicien / analyste", "Technicien / analyste"),
        ("Soudeur 🔥 URGENT", "Soudeur"),
        ("Boulanger(ère)-pâtissier(ère)", "Boulanger-pâtissier"),
        ("Adjoint(e) administratif(ve)", "Adjoint administratif"),
    ],
)
def test_clean_title_drops_gender_marks_and_noise(title, cleaned):
    assert clean_title(title) == cleaned


@pytest.mark.parametrize(
    ("title", "stripped"),
    [
        ("Soudeur(euse) - 2e quart - 28 $/h", "Soudeur(euse)"),
        ("Magasinier - quart de jour - 22,50 $/h", "Magasinier"),
        ("Infirmière clinicienne - urgence - jour", "Infirmière clinicienne - urgence"),
        ("Plongeur - soir et fin de semaine", "Plongeur"),
        ("Cariste - 2e quart (soir) - prime de soir", "Cariste"),
        ("Couvreur - 40h/sem - 28$/heure", "Couvreur"),
        ("Camionneur classe 1 25 $/h", "Camionneur classe 1"),
        ("Camionneur - 1 200 $/semaine", "Camionneur"),
        ("Cuisinier - $1,200.50/week", "Cuisinier"),
        ("PAB - 3 jours/semaine", "PAB"),
        ("Caissière à temps partiel", "Caissière"),
        ("Night shift nurse - $32/hr", "nurse"),
        ("Journalier de production (quart de soir)", "Journalier de production"),
        ("Développeuse web - télétravail", "Développeuse web"),
        ("Data analyst (Remote)", "Data analyst"),
        ("Comptable - en mode hybride", "Comptable"),
    ],
)
def test_a_job_ad_s_pay_hours_and_shifts_are_taken_out_of_its_title(title, stripped):
    assert " ".join(strip_posting_details(title).split()) == stripped


@pytest.mark.parametrize(
    "title",
    [
        "Gardien de nuit",
        "Infirmière de nuit",
        "Chauffeur-livreur - classe 5",
        "Conseillère - mode",
        "Soudeur",
        "- jour",
    ],
)
def test_titles_that_name_a_job_are_left_as_written(title):
    assert strip_posting_details(title) == title


def test_a_quebec_equivalent_is_found_when_the_little_words_differ():
    assert "magasinier" in title_variants("Commis à l'entrepôt")
    assert "magasinier" in title_variants("commis d'entrepôt")


def test_elisions_are_split_and_spans_point_into_the_text():
    text = "Commis d'entrepôt, C++ et Node.js"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["Commis", "d", "entrepôt", "C++", "et", "Node.js"]
    assert [text[t.start : t.end] for t in tokens] == [t.text for t in tokens]
    assert tokens[2].folded == "entrepot"


@pytest.mark.parametrize(
    ("feminine_or_plural", "masculine"),
    [
        ("soudeuses", "soudeur"),
        ("préposée", "préposé"),
        ("adjointe", "adjoint"),
        ("infirmières", "infirmier"),
        ("technicienne", "technicien"),
        ("directrice", "directeur"),
        ("contremaîtresse", "contremaître"),
        ("journalière", "journalier"),
        ("bouchère", "boucher"),
        ("boulangères", "boulanger"),
        ("professeure", "professeur"),
        ("ingénieures", "ingénieur"),
        ("adjointe administrative", "adjoint administratif"),
        ("directrice générale", "directeur général"),
        ("conseillère principale", "conseiller principal"),
        ("technicienne professionnelle", "technicien professionnel"),
        ("bûcheronne", "bûcheron"),
        ("apprentie", "apprenti"),
    ],
)
def test_gender_and_plural_share_one_key(feminine_or_plural, masculine):
    assert text_key(feminine_or_plural) == text_key(masculine)


def test_short_words_and_codes_keep_their_key():
    assert word_key("cnc") == "cnc"
    assert word_key("c++") == "c++"
    assert word_key("heure") == "heure"  # too short to be a feminine « -eure »


def test_different_trades_keep_different_keys():
    assert text_key("infirmière auxiliaire") != text_key("infirmière autorisée")
    assert text_key("bouchère") != text_key("boulangère")


@pytest.mark.parametrize(
    ("title", "variant"),
    [
        ("Tech. en électronique", "technicien en électronique"),
        ("PAB", "préposé aux bénéficiaires"),
        ("Aide-soignante de nuit", "préposé aux bénéficiaires de nuit"),
        ("Cariste", "conducteur de chariot élévateur"),
        ("Journalier de production", "manoeuvre de production"),
        ("Chauffeur poids lourd", "camionneur"),
        ("Camionneuse classe 1", "camionneur"),
        ("DG d'une PME", "directeur général d'une PME"),
        ("Infirmière bachelière", "infirmière autorisée"),
        ("Opératrice de pépine", "conducteur d'équipement lourd"),
        ("PSW", "personal support worker"),
        ("RN - Long Term Care", "registered nurse - Long Term Care"),
        ("Class 1 driver", "transport truck driver"),
    ],
)
def test_variants_expand_abbreviations_and_words_of_elsewhere(title, variant):
    variants = title_variants(title)
    assert variants[0] == clean_title(title)
    assert variant in variants


def test_language_guess():
    assert detect_language("Nous recherchons un soudeur d'expérience") == "fr"
    assert detect_language("We are looking for an experienced welder") == "en"
    assert detect_language("Préposée aux bénéficiaires") == "fr"
    assert detect_language("CNC 5") is None


@pytest.mark.parametrize(
    "title",
    [
        "adjointe administrative",  # lower case, no accents: the occupation picker's input
        "agente administrative",
        "representante des ventes",
        "caissiere",
        "bouchere",
        "conseillere en vente",
        "soudeure",
        "aide-soignante",
        "directrice generale",
        "professionnelle",
        "technicienne comptable",
        "machiniste",
        "massotherapeute",
        "commis sans experience",
    ],
)
def test_short_french_titles_without_accents_are_french(title):
    assert detect_language(title) == "fr"


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("machine operator", "en"),
        ("administrative assistant", None),  # « administrative » is French too
        ("sales representative", None),
        ("executive assistant", None),
        ("wholesale representative", None),
        ("general manager", None),
        ("driver", None),
        ("nurse", None),
        ("We are looking for an experienced welder", "en"),
    ],
)
def test_english_titles_are_not_taken_for_french(title, language):
    assert detect_language(title) == language


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("a" * 10_000, "too long: 10000 characters, at most 300"),
        ("\x00\x01\x02PK\x03\x04", "binary data, not text"),
        ("soudeur \ufffd", "not valid UTF-8 text"),
        ("🔥🔥🔥", "no letters"),
        ("12345", "no letters"),
    ],
)
def test_unreadable_input_is_named(text, problem):
    assert input_problem(text, max_chars=300) == problem


@pytest.mark.parametrize(
    "text", ["Soudeur 🔥", "Soudeur welder", "Préposé aux bénéficiaires\tnuit"]
)
def test_readable_input_has_no_problem(text):
    assert input_problem(text, max_chars=300) is None


def test_french_nouns_of_action_become_verbs_and_abbreviations_are_spelled_out():
    from matchcore.language.terms import expand_skill_terms, verb_form

    assert verb_form("Lecture de plans") == "lire de plans"
    assert verb_form("gestion des stocks") == "gérer des stocks"
    assert verb_form("travail d'équipe") is None
    assert expand_skill_terms("soudage MIG") == "soudage MIG (metal inert gas, gaz inerte)"
    assert expand_skill_terms("migration") == "migration"


@pytest.mark.parametrize(
    ("typed", "alternatives"),
    [
        ("soudage MIG/TIG", ["soudage MIG", "soudage TIG"]),
        ("Lecture / interprétation de plans", ["Lecture de plans", "interprétation de plans"]),
        ("C/C++", ["C", "C++"]),
        ("lecture de plans", []),
        ("50 %/an", []),
    ],
)
def test_a_typed_skill_with_a_slash_is_read_as_each_of_its_choices(typed, alternatives):
    assert slash_alternatives(typed) == alternatives
