from datetime import date

import pytest

from maillage.candidates.cv_import.parsing import cv_draft, date_range, education_drafts
from maillage.candidates.tests.cv_files import CV_EN, CV_FR


@pytest.mark.parametrize(
    ("line", "start", "end", "is_current", "is_year_only"),
    [
        ("Soudeuse — janv. 2016 à déc. 2023", date(2016, 1, 1), date(2023, 12, 1), False, False),
        ("Aide-soudeuse | 2013 - 2015", date(2013, 1, 1), date(2015, 12, 1), False, True),
        ("03/2018 – 11/2020", date(2018, 3, 1), date(2020, 11, 1), False, False),
        ("Depuis mars 2021", date(2021, 3, 1), None, True, False),
        ("Février 2019 à aujourd'hui", date(2019, 2, 1), None, True, False),
        ("March 2019 – present", date(2019, 3, 1), None, True, False),
        ("Since 2020", date(2020, 1, 1), None, True, True),
    ],
)
def test_date_ranges_in_french_and_english(line, start, end, is_current, is_year_only):
    assert date_range(line)[:4] == (start, end, is_current, is_year_only)


def test_no_range_when_the_dates_say_none_or_run_backwards():
    assert date_range("Soudage MIG et TIG") is None
    assert date_range("2020 - 2015") is None


def test_education_levels_come_only_from_explicit_diploma_words():
    drafts = education_drafts(
        "DEP en soudage-montage, 2014\nMaster en génie civil (2019)\nBaccalauréat, 2010\nLoisirs variés"
    )
    assert [(d.field, d.level, d.year) for d in drafts] == [
        ("DEP en soudage-montage", 2, 2014),
        ("Master en génie civil", 5, 2019),
        ("Baccalauréat", None, 2010),
    ]


@pytest.mark.django_db
def test_french_cv_sections_become_a_draft():
    draft = cv_draft("\n".join(CV_FR))
    assert draft.language == "fr"
    assert draft.summary.startswith("Soudeuse d'expérience")
    assert [e.title for e in draft.experiences] == ["Soudeuse-monteuse", "Aide-soudeuse"]
    assert (
        draft.experiences[0].description.splitlines()[0]
        == "- Soudage MIG et TIG de structures en acier et en aluminium"
    )
    assert "lecture de plans" in draft.skills_text


@pytest.mark.django_db
def test_english_cv_sections_become_a_draft():
    draft = cv_draft("\n".join(CV_EN))
    assert draft.language == "en"
    assert [(e.title, e.employer, e.is_current) for e in draft.experiences] == [
        ("Licensed practical nurse", "Lagos General Hospital (Nigeria)", True),
        ("Patient care aide", "Sunrise Care Home", False),
    ]
    assert draft.languages == ["English: native", "French: intermediate (B1)"]
