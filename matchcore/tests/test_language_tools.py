"""The language tools on a small taxonomy with the real multilingual embedding."""

import numpy as np
import pytest

from matchcore.language.embedding import embed_texts
from matchcore.language.labels import reusing_vectors
from matchcore.language.skill_graph import SkillGraph
from matchcore.language.skills import SkillExtractor, unique_skills
from matchcore.language.terms import text_key
from matchcore.language.titles import FEATURES, MAX_TITLE_CHARS, TitleNormalizer, TitleRanking
from matchcore.language.tools import LanguageTools, ReferenceRecords
from matchcore.tests import language_taxonomy as t


@pytest.fixture(scope="module")
def tools() -> LanguageTools:
    return LanguageTools.build(
        ReferenceRecords(t.NOC_LABELS, t.OCCUPATION_LABELS, t.SKILL_LABELS, t.RELATIONS, t.LINKS)
    )


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Soudeuse", t.WELDERS),
        ("Soudeur / Soudeuse (H/F)", t.WELDERS),
        ("welder", t.WELDERS),
        ("Préposée aux bénéficiaires", t.AIDES),
        ("PAB", t.AIDES),
        ("Aide-soignante", t.AIDES),
        ("Cariste", t.MATERIAL_HANDLERS),
        ("commis d'entrepot", t.MATERIAL_HANDLERS),
        ("Comis comptable", t.ACCOUNTING_CLERKS),
    ],
)
def test_titles_find_their_noc_group(tools, title, code):
    assert tools.titles.match(title, top=3)[0].code == code


def test_matches_are_ranked_scored_and_named_in_the_titles_language(tools):
    matches = tools.titles.match("Soudeuse", top=4)
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert matches[0].label.startswith("Soudeurs/soudeuses")
    assert tools.titles.match("welder", top=1)[0].label == "Welders and related machine operators"


def test_esco_occupations_are_found_in_both_languages(tools):
    assert tools.titles.match("soudeuse", scheme="esco", top=1)[0].code == t.ESCO_WELDER
    assert tools.titles.match("forklift driver", scheme="esco", top=1)[0].code == t.ESCO_FORKLIFT


def test_a_title_without_letters_has_no_match_and_a_huge_one_is_refused(tools):
    assert tools.titles.match("🔥 42") == []
    with pytest.raises(ValueError, match="at most 300"):
        tools.titles.match("a" * (MAX_TITLE_CHARS + 1))


def test_skills_are_found_with_their_span_in_french(tools):
    text = "Profil recherché : maîtrise du soudage MIG; lecture de plans; travail d'équipe; anglais fonctionnel."
    mentions = tools.skills.extract(text)
    found = {m.uri: text[m.start : m.end] for m in mentions}
    assert found[t.WELD_MIG] == "soudage MIG"
    assert found[t.TEAMWORK] == "travail d'équipe"
    assert found[t.ENGLISH].startswith("anglais")
    assert all(m.text == text[m.start : m.end] for m in mentions)
    assert {m.language for m in mentions} == {"fr"}


def test_word_for_word_labels_ignore_small_words_and_names_need_their_capital(tools):
    text = "Gestion de stock avec Excel; excel in sales"
    word_for_word = tools.skills.extract(text, threshold=1.01)  # nothing passes by meaning
    assert [(m.uri, m.text) for m in word_for_word] == [
        (t.STOCK, "Gestion de stock"),
        (t.EXCEL, "Excel"),
    ]


def test_unique_skills_keeps_the_best_mention_of_each(tools):
    mentions = tools.skills.extract("Travail d'équipe. Work in a team. Travailler en équipe.")
    unique = unique_skills(mentions)
    assert [m.uri for m in unique].count(t.TEAMWORK) == 1
    assert unique[0].score == max(m.score for m in mentions)


def test_a_skill_written_by_a_person_is_normalised_to_esco(tools):
    assert tools.skills.normalize("conduite de chariot élévateur")[0].uri == t.FORKLIFT
    assert tools.skills.normalize("gestion des stocks")[0].uri == t.STOCK
    assert tools.skills.normalize("  ") == []


def test_noc_skills_weigh_essential_and_optional_by_link_confidence(tools):
    welders = {s.uri: s for s in tools.graph.noc_skills(t.WELDERS)}
    assert welders[t.WELD_MIG].weight == 1.0
    assert welders[t.WELD_MIG].is_essential
    assert welders[t.TEAMWORK].weight == 0.5
    assert not welders[t.TEAMWORK].is_essential
    assert tools.graph.noc_skills("99999") == ()
    assert tools.graph.occupation_skills(t.ESCO_FORKLIFT).essential == (t.FORKLIFT,)
    assert tools.graph.noc_occupations(t.AIDES) == [(t.ESCO_NURSING_AIDE, 0.75)]


def test_saved_tools_load_back_identical(tools, tmp_path):
    tools.save(tmp_path)
    assert LanguageTools.exists(tmp_path)
    loaded = LanguageTools.load(tmp_path)
    assert isinstance(loaded.titles, TitleNormalizer)
    assert isinstance(loaded.skills, SkillExtractor)
    assert isinstance(loaded.graph, SkillGraph)
    for title in ("Soudeuse", "PAB", "forklift operator"):
        assert loaded.titles.match(title) == tools.titles.match(title)
    text = "Maîtrise du soudage MIG et gestion des stocks"
    assert loaded.skills.extract(text) == tools.skills.extract(text)
    assert loaded.graph.noc_skills(t.WELDERS) == tools.graph.noc_skills(t.WELDERS)


def test_a_trained_ranking_layer_orders_the_candidates_and_keeps_their_scores(tools):
    titles = tools.titles
    found = titles.candidates("Soudeuse")
    assert found.features.shape == (len(found.concepts), len(FEATURES))
    # A layer that reads only the NOC words' evidence, backwards: the welders' group drops.
    backwards = [0.0] * len(FEATURES)
    backwards[FEATURES.index("words")] = -50.0
    try:
        titles.ranking = {"noc": TitleRanking(tuple(backwards))}
        matches = titles.match("Soudeuse", top=4)
    finally:
        titles.ranking = {}
    assert matches[0].code != t.WELDERS
    assert all(0.0 <= m.score <= 1.0 for m in matches)
    assert titles.match("Soudeuse", top=1)[0].code == t.WELDERS


def test_coverage_says_how_much_of_the_title_a_concept_names(tools):
    found = tools.titles.candidates("Soudeuse-monteuse de pipelines")
    codes = [tools.titles.index.concepts[c] for c in found.concepts]
    welders = found.features[codes.index(t.WELDERS)]
    coverage, precision = FEATURES.index("coverage"), FEATURES.index("precision")
    # « soudeur » and « monteur » are in the welders' labels, « pipeline » in none.
    assert welders[coverage] == pytest.approx(2 / 3)
    assert welders[precision] == 1.0  # all of « soudeur-monteur » is in the title
    assert all(
        0.0 <= row[coverage] <= 1.0 and 0.0 <= row[precision] <= 1.0 for row in found.features
    )


def test_a_layer_trained_for_other_features_is_refused():
    with pytest.raises(ValueError, match="retrain"):
        TitleRanking.from_trained({"features": ["hand"], "coefficients": [1.0]})


def test_reused_label_vectors_are_the_ones_the_embedding_gives(tools):
    index = tools.titles.index
    reuse = reusing_vectors(index, embed_texts)
    texts = [index.texts[0], "Soudeur de pipelines - construction", "un titre inconnu"]
    assert np.allclose(reuse(texts), embed_texts(texts), atol=1e-4)


def test_a_group_named_by_the_title_comes_first_whatever_the_layer(tools):
    """The layer never sees a title equal to an official title (its training titles are held out
    with every label of their key), so that case is not left to it."""
    titles = tools.titles
    welders_title = "Welders and related machine operators"
    found = titles.candidates(welders_title)
    codes = [titles.index.concepts[c] for c in found.concepts]
    assert found.named[codes.index(t.WELDERS)]
    assert found.named.sum() == 1
    backwards = [0.0] * len(FEATURES)
    backwards[FEATURES.index("hand")] = -50.0  # a layer that would put the welders last
    try:
        titles.ranking = {"noc": TitleRanking(tuple(backwards))}
        assert titles.match(welders_title, top=1)[0].code == t.WELDERS
        # An example title (« Welder ») is not an official title: the layer orders it.
        assert not titles.candidates("Welder").named.any()
    finally:
        titles.ranking = {}


def test_a_word_no_label_uses_is_also_looked_up_as_the_known_word_one_edit_away(tools):
    titles = tools.titles
    assert titles.spelling_variant("Prepose aux beneficaires") == "Prepose aux beneficiaires"
    # « soudeure » or « soudeuse »: the same word to the index (one key)
    assert text_key(titles.spelling_variant("Soudeuze")) == text_key("Soudeuse")
    assert titles.spelling_variant("Commis comptable") is None  # known words stay as typed
    assert titles.spelling_variant("Welder 2024") is None
    titles.correct_spelling = False
    try:
        without = titles.candidates("Prepose aux beneficaires")
    finally:
        titles.correct_spelling = True
    with_variant = titles.candidates("Prepose aux beneficaires")
    assert with_variant.features[:, 0].max() > without.features[:, 0].max()
