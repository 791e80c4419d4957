"""Stored text vectors: embedded again only when the text changed."""

import hashlib
from collections.abc import Sequence

import numpy as np
from django.db import transaction
from django.utils import timezone

from maillage.candidates.models import CandidateProfile
from maillage.employers.models import JobPosting
from maillage.matching.models import CandidateVector, PostingVector
from maillage.matching.records import candidate_text, posting_text
from matchcore.language.embedding import CONDENSED_WORDS, MODEL_NAME, condensed, embed_texts


def _embed(text: str) -> np.ndarray | None:
    """Embed a text sentence by sentence (the model averages over words: one long block blurs)
    and average; None for an empty text."""
    sentences = _sentences(text)
    return _mean_unit(embed_texts(sentences)) if sentences else None


def _sentences(text: str) -> list[str]:
    """The text's sentences (lines, and sentences within a line), each `condensed` to its first
    words: the model's time is per token, and the tail of a long sentence changes little."""
    lines = (line.strip() for line in text.replace(". ", ".\n").splitlines())
    return [sentence for line in lines if line and (sentence := condensed(line))]


def _mean_unit(vectors: np.ndarray) -> np.ndarray | None:
    if not len(vectors):
        return None
    mean = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return (mean / norm).astype("<f4") if norm > 0 else None


def _sha1(text: str) -> str:
    # What the model was given (the sentences' cut too), so that changing either embeds again.
    return hashlib.sha1(f"{MODEL_NAME}\nwords={CONDENSED_WORDS}\n{text}".encode()).hexdigest()


def candidate_vector_refresh(*, profile: CandidateProfile) -> CandidateVector:
    """Embed the profile's text if it changed; always touch the row, which tells every worker's
    engine to reload this candidate."""
    candidate_vectors_refresh(profiles=[profile])
    return CandidateVector.objects.get(candidate=profile)


@transaction.atomic
def posting_vector_refresh(*, posting: JobPosting) -> PostingVector:
    text = posting_text(posting)
    digest = _sha1(text)
    stored = PostingVector.objects.select_for_update().filter(posting=posting).first()
    if stored is not None and stored.text_sha1 == digest:
        return stored
    vector = _embed(text)
    stored = stored or PostingVector(posting=posting)
    stored.model_name = MODEL_NAME
    stored.text_sha1 = digest
    stored.vector = b"" if vector is None else vector.tobytes()
    stored.save()
    return stored


def texts_embed(texts: Sequence[str]) -> list[np.ndarray | None]:
    """`_embed` for many texts at once: the sentences of every text go to the model together
    (each distinct sentence once), which is many times faster than one call per text."""
    sentences = [_sentences(text) for text in texts]
    flat = [sentence for parts in sentences for sentence in parts]
    vectors = embed_texts(flat) if flat else np.zeros((0, 0), dtype=np.float32)
    out, start = [], 0
    for parts in sentences:
        out.append(_mean_unit(vectors[start : start + len(parts)]))
        start += len(parts)
    return out


@transaction.atomic
def candidate_vectors_refresh(*, profiles: Sequence[CandidateProfile]) -> int:
    """`candidate_vector_refresh` for many profiles at once (a bulk import, `rematch_all`): the
    sentences of every changed text go to the model together, which is many times faster than
    one call per profile. Returns how many vectors were embedded again."""
    texts = {profile.pk: candidate_text(profile) for profile in profiles}
    stored = {
        row.candidate_id: row
        for row in CandidateVector.objects.select_for_update().filter(candidate_id__in=texts)
    }
    changed = [
        pk for pk, text in texts.items() if pk not in stored or stored[pk].text_sha1 != _sha1(text)
    ]
    vectors = texts_embed([texts[pk] for pk in changed])
    to_create, to_update = [], []
    for pk, vector in zip(changed, vectors, strict=True):
        row = stored.get(pk) or CandidateVector(candidate_id=pk)
        row.model_name = MODEL_NAME
        row.text_sha1 = _sha1(texts[pk])
        row.vector = b"" if vector is None else vector.tobytes()
        (to_update if row.pk else to_create).append(row)
    CandidateVector.objects.bulk_create(to_create, batch_size=500)
    CandidateVector.objects.bulk_update(
        to_update, ["model_name", "text_sha1", "vector"], batch_size=500
    )
    # Touch every row, changed or not: it tells each worker's engine to reload these candidates.
    CandidateVector.objects.filter(candidate_id__in=texts).update(updated_at=timezone.now())
    return len(changed)
