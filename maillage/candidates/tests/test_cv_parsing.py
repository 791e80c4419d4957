"""Reading a CV's text into a draft: dates in French and English, certifications apart from
diplomas, places, language levels from named tests, the summary; and the CV test set."""

import json
from datetime import date

import pytest

from maillage.candidates.cv_import.language_levels import ielts_level, proposed_level
from maillage.candidates.cv_import.output import draft_json
from maillage.candidates.cv_import.parsing import (
    cv_draft,
    date_range,
    education_and_certifications,
)
from maillage.candidates.tests.cv_files import CV_EN, CV_FR
from maillage.candidates.tests.cv_set import scoring


@pytest.mark.parametrize(
    ("line", "start", "end", "is_current", "is_year_only"),
    [
        ("Soudeuse — janv. 2016 à déc. 2023", date(2016, 1, 1), date(2023, 12, 1), False, False),
        ("janv. 2019 – mars 2021", date(2019, 1, 1), date(2021, 3, 1), False, False),
        ("Aide-soudeuse | 2013 - 2015", date(2013, 1, 1), date(2015, 1, 1), False, True),
        ("03/2018 – 11/2020", date(2018, 3, 1), date(2020, 11, 1), False, False),
        ("2013-03 to 2019-08", date(2013, 3, 1), date(2019, 8, 1), False, False),
        ("2017-2021", date(2017, 1, 1), date(2021, 1, 1), False, True),
        ("Depuis mars 2021", date(2021, 3, 1), None, True, False),
        ("depuis 2022", date(2022, 1, 1), None, True, True),
        ("de février 2015 à juin 2021", date(2015, 2, 1), date(2021, 6, 1), False, False),
        ("Février 2019 à aujourd'hui", date(2019, 2, 1), None, True, False),
        ("mai 2017 - aujourd’hui", date(2017, 5, 1), None, True, False),
        ("2019 – en cours", date(2019, 1, 1), None, True, True),
        ("Jan 2019 - present", date(2019, 1, 1), None, True, False),
        ("Sept. 2019 – Dec. 2023", date(2019, 9, 1), date(2023, 12, 1), False, False),
        ("March 2019 – Present", date(2019, 3, 1), None, True, False),
        ("Since 2020", date(2020, 1, 1), None, True, True),
    ],
)
def test_date_ranges_in_french_and_english(line, start, end, is_current, is_year_only):
    assert date_range(line)[:4] == (start, end, is_current, is_year_only)


def test_no_range_when_the_dates_say_none_or_run_backwards():
    assert date_range("Soudage MIG et TIG") is None
    assert date_range("2020 - 2015") is None


@pytest.mark.django_db
def test_a_pdsb_attestation_is_a_certification_not_a_high_school_diploma():
    educations, certifications = education_and_certifications(
        "Attestation PDSB (Principes de déplacement sécuritaire des bénéficiaires), 2023\n"
        "DEP en assistance à la personne en établissement de santé, CFP de Québec, 2022\n"
        "Técnico laboral en auxiliar de enfermería — SENA, Medellín (Colombie), 2015\n"
        "Baccalauréat, 2010"
    )
    assert [(c.name, c.year) for c in certifications] == [
        ("Attestation PDSB (Principes de déplacement sécuritaire des bénéficiaires)", 2023)
    ]
    assert [(e.field, e.level, e.institution, e.country, e.year) for e in educations] == [
        (
            "DEP en assistance à la personne en établissement de santé",
            2,
            "CFP de Québec",
            "",  # the line names no country: none is assumed
            2022,
        ),
        # A foreign diploma keeps its own title and country; its level is the candidate's call.
        ("Técnico laboral en auxiliar de enfermería", None, "SENA", "CO", 2015),
        ("Baccalauréat", None, "", "", 2010),  # Québec bachelor's or French secondary: not guessed
    ]


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("Français : intermédiaire avancé — TCF Canada (2023) : NCLC 7", 7),
        ("English: CLB 8 (CELPIP 2023)", 8),
        ("English: CELPIP General 9", 9),
        ("English: IELTS General Training 6.0 overall", 7),
        ("English: IELTS 7.0", 7),  # listening asks 7.5 for CLB 8
        ("English: IELTS Academic 7.5", None),  # no official chart for the academic test
        ("Français : TCF Canada B2", 7),
        ("Français : B2", None),  # no test named: not converted
        ("Français : courant", None),
    ],
)
def test_a_level_is_proposed_only_from_a_named_test(line, level):
    assert proposed_level(line) == level


@pytest.mark.parametrize(
    ("line", "level"),
    [
        # CO 520 → 8, CE 480 → 7, EE 12 → 8, EO 14 → 9: the lowest, 7, for the four skills
        ("Français : TCF Canada (2024) — CO 520, CE 480, EE 12/20, EO 14/20", 7),
        (
            (
                "Français : TCF Canada, compréhension orale 560, compréhension écrite 530, "
                "expression écrite 14, expression orale 16"
            ),
            9,
        ),
        ("Français : NCLC : CO 7, CE 6, EE 6, EO 7", 6),
        ("English: CELPIP-General — L 9, R 8, W 8, S 10", 8),
        ("English: IELTS General Training: Listening 8.0, Reading 7.0, Writing 6.5, Speaking 7", 8),
        # Not proposed: two skills only; below the chart; TEF's two scales; IELTS Academic
        ("Français : TCF Canada : CO 520, EO 14", None),
        ("Français : TCF Canada : CO 300, CE 480, EE 12, EO 14", None),
        ("Français : TEF Canada : CO 420, CE 380, EE 400, EO 450", None),
        ("English: IELTS Academic: L 8, R 7.5, W 7, S 7", None),
        # Results that do not convert leave the rest of the line its say: a CEFR level, an
        # overall result (not a skill's number)
        ("Français : TEF Canada B2 (CO 300, CE 250, EE 400, EO 420)", 7),
        ("Français : TCF Canada B2 (CO 520, EO 14)", 7),
        ("English: CELPIP 9 (L 9, R 8)", 9),
        ("English: CELPIP: L 9, R 8", None),
    ],
)
def test_results_per_skill_give_the_lowest_level_of_the_four(line, level):
    assert proposed_level(line) == level


def test_ielts_bands_follow_the_ircc_chart():
    assert [ielts_level(band) for band in (3.0, 4.5, 5.5, 6.5, 8.0, 9.0)] == [None, 4, 6, 7, 9, 10]


@pytest.mark.django_db
def test_french_cv_sections_become_a_draft():
    draft = cv_draft("\n".join(CV_FR))
    assert draft.language == "fr"
    assert draft.summary.startswith("Soudeuse d'expérience")
    first, second = draft.experiences
    assert (first.title, first.employer, first.city, first.country) == (
        "Soudeuse-monteuse",
        "Ateliers Métalliques du Rif",
        "Tanger",
        "MA",
    )
    assert (
        first.description.splitlines()[0]
        == "Soudage MIG et TIG de structures en acier et en aluminium"
    )
    assert (second.title, second.employer, second.is_year_only) == (
        "Aide-soudeuse",
        "Chaudronnerie Atlas",
        True,
    )
    assert "lecture de plans" in draft.skills_text
    assert [(line.language, line.as_written) for line in draft.languages] == [
        ("fr", "Français : courant"),
        ("ar", "Arabe : langue maternelle"),
    ]


@pytest.mark.django_db
def test_nothing_is_invented_for_what_the_cv_does_not_say():
    draft = draft_json(cv_draft("\n".join(CV_EN)))
    patient_aide = draft["experiences"][1]
    assert (patient_aide["city"], patient_aide["country"]) == ("", "")
    assert (patient_aide["start"], patient_aide["end"]) == ("2016", "2019")  # no month made up
    assert draft["certifications"] == []


@pytest.mark.django_db
def test_the_cv_set_is_read_field_by_field(settings):
    """Every CV of the set (13 people, 16 files, six generators) against its expected output:
    the dev CVs (those looked at while writing the parser) all but perfectly, the held-out
    ones well (benchmarks/cv_eval.py prints the figures)."""
    results = scoring.evaluate_set()
    dev, test = results["dev"]["all"], results["test"]["all"]
    assert dev["precision"] >= 0.97 and dev["recall"] >= 0.97, json.dumps(results["dev"])
    assert test["precision"] >= 0.8 and test["recall"] >= 0.8, json.dumps(results["test"])
