"""The NOC's own words as evidence for a group (naive Bayes over its labels' word keys)."""

import numpy as np

from matchcore.language.labels import LabelRecord
from matchcore.language.title_words import GroupWords, title_words

LPN, RN, SUPERVISORS = "32101", "31301", "72014"
LABELS = [
    LabelRecord(LPN, "Infirmiers auxiliaires/infirmières auxiliaires", "fr"),
    LabelRecord(
        LPN, "Infirmier auxiliaire autorisé/infirmière auxiliaire autorisée", "fr", "example"
    ),
    LabelRecord(RN, "Infirmiers autorisés/infirmières autorisées", "fr"),
    LabelRecord(RN, "Infirmier clinicien/infirmière clinicienne", "fr", "example"),
    LabelRecord(SUPERVISORS, "Contremaître/contremaîtresse de vitriers", "fr", "example"),
]


def test_words_are_keys_without_stopwords():
    assert title_words("Infirmières auxiliaires de l'hôpital") == [
        "infirmier",
        "auxiliaire",
        "hopital",
    ]


def test_the_distinguishing_word_decides_between_close_trades():
    words = GroupWords.build(LABELS)
    lpn = words.posterior(title_words("infirmière auxiliaire"), temperature=1.0)
    rn = words.posterior(title_words("infirmière clinicienne"), temperature=1.0)
    column = {code: i for i, code in enumerate(words.groups)}
    assert lpn[column[LPN]] > 0.5 > lpn[column[RN]]
    assert rn[column[RN]] > 0.5 > rn[column[LPN]]
    assert np.isclose(lpn.sum(), 1.0)


def test_unknown_words_give_no_evidence_and_a_higher_temperature_flattens():
    words = GroupWords.build(LABELS)
    assert words.posterior(["xyzzy"], temperature=1.0) is None
    sharp = words.posterior(["contremaitre"], temperature=1.0)
    flat = words.posterior(["contremaitre"], temperature=4.0)
    assert sharp.max() > flat.max()


def test_saved_and_loaded_it_answers_the_same():
    words = GroupWords.build(LABELS)
    again = GroupWords.from_saved(words.arrays(), words.meta())
    query = title_words("infirmier auxiliaire")
    assert np.allclose(
        words.posterior(query, temperature=1.0), again.posterior(query, temperature=1.0)
    )
