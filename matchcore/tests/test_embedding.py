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


def test_a_repeated_text_gets_the_vector_it_gets_alone():
    texts = ["soudeur", "Lecture de plans", "soudeur", "", "Lecture de plans", "welder"]
    together = embed_texts(texts)
    one_by_one = np.stack([embed_texts([text])[0] for text in texts])
    assert np.allclose(together, one_by_one, atol=1e-6)
    assert np.array_equal(together[0], together[2])
