import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from maillage.candidates.models import CandidateProfile, ProofDocument
from maillage.site.demo import load_demo_data

pytestmark = pytest.mark.django_db


def test_every_demo_candidate_shows_a_proof_that_says_it_is_a_demo_document():
    load_demo_data(candidates=6, companies=3, today=timezone.localdate(), with_matches=False)
    assert ProofDocument.objects.count() == CandidateProfile.objects.count() == 6
    proof = ProofDocument.objects.select_related("candidate__user").first()
    assert proof.content_type == "application/pdf"
    text = PdfReader(io.BytesIO(proof.file.read())).pages[0].extract_text()
    assert "DOCUMENT DE DÉMONSTRATION — SANS VALEUR" in text
    assert proof.candidate.user.full_name in text
