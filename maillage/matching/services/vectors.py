"""Stored text vectors: embedded again only when the text changed."""

import hashlib

import numpy as np
from django.db import transaction

from maillage.candidates.models import CandidateProfile
from maillage.employers.models import JobPosting
from maillage.matching.models import CandidateVector, PostingVector
from maillage.matching.records import candidate_text, posting_text
from matchcore.language.embedding import MODEL_NAME, embed_texts


def _embed(text: str) -> np.ndarray | None:
    """Embed a text sentence by sentence (the model averages over words: one long block blurs)
    and average; None for an empty text."""
    sentences = [line.strip() for line in text.replace(". ", ".\n").splitlines() if line.strip()]
    if not sentences:
        return None
    vectors = embed_texts(sentences)
    mean = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return (mean / norm).astype("<f4") if norm > 0 else None


def _sha1(text: str) -> str:
    return hashlib.sha1(f"{MODEL_NAME}\n{text}".encode()).hexdigest()


@transaction.atomic
def candidate_vector_refresh(*, profile: CandidateProfile) -> CandidateVector:
    """Embed the profile's text if it changed; always touch the row, which tells every worker's
    engine to reload this candidate."""
    text = candidate_text(profile)
    digest = _sha1(text)
    stored = CandidateVector.objects.select_for_update().filter(candidate=profile).first()
    if stored is not None and stored.text_sha1 == digest:
        stored.save(update_fields=["updated_at"])
        return stored
    vector = _embed(text)
    stored = stored or CandidateVector(candidate=profile)
    stored.model_name = MODEL_NAME
    stored.text_sha1 = digest
    stored.vector = b"" if vector is None else vector.tobytes()
    stored.save()
    return stored


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
