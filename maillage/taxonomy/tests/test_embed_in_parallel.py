import numpy as np

from maillage.taxonomy import language
from matchcore.language.embedding import embed_texts


def test_labels_embedded_on_every_core_come_back_in_order_and_equal(monkeypatch):
    monkeypatch.setattr(language, "EMBED_SLICE", 4)
    texts = [f"soudeur {n}" if n % 3 else f"welder number {n}" for n in range(14)]
    np.testing.assert_allclose(language.embed_with_progress(texts), embed_texts(texts), atol=1e-6)
