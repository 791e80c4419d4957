import numpy as np

from matchcore.language.embedding import DIMENSION, embed_texts


def test_french_and_english_job_titles_share_one_space():
    soudeur, welder, comptable = embed_texts(["soudeur", "welder", "comptable"])
    assert float(soudeur @ welder) > float(soudeur @ comptable)


def test_vectors_are_unit_length_and_empty_text_is_zero():
    vectors = embed_texts(["préposé aux bénéficiaires", "", "   "])
    assert vectors.shape == (3, DIMENSION)
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0, atol=1e-5)
    assert not vectors[1].any() and not vectors[2].any()
