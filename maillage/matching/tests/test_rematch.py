"""Rematching stores explained results; saving a profile or a posting recomputes them."""

from datetime import date

import numpy as np
import pytest
from django.apps import apps
from django.core.management import call_command

from maillage.accounts.models import User
from maillage.candidates import services as candidate_services
from maillage.candidates.models import Relocation
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers import services as employer_services
from maillage.employers.models import PostingStatus
from maillage.matching.models import CandidateVector, MatchResult
from maillage.matching.services import candidate_rematch, posting_rematch
from maillage.matching.tests.conftest import TODAY
from matchcore.engine import DEFAULT_POLICY

pytestmark = pytest.mark.django_db


def _reason(result: MatchResult, code: str) -> dict:
    return next(r for r in result.reasons if r["code"] == code)


def test_posting_rematch_stores_the_candidate_with_score_stars_and_reasons(welding_posting, welder):
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    assert posting_rematch(posting_id=welding_posting.pk, today=TODAY) == 1
    result = MatchResult.objects.get(candidate=welder, posting=welding_posting)
    assert not result.is_excluded
    assert result.engine_version == DEFAULT_POLICY.version
    assert 4 <= result.stars <= 5
    assert 0 < result.score <= 100
    assert _reason(result, "required_skills_covered")["evidence"] == {
        "matched": ["soudage MIG", "lecture de plans"],
        "missing": ["oxycoupage"],
        "count": 2,
        "total": 3,
    }
    assert _reason(result, "same_occupation")["evidence"]["via"] == "experience"
    points = sum(f["points"] for f in result.breakdown["factors"].values())
    assert points == pytest.approx(result.score, abs=0.1)


def test_a_candidate_below_the_french_minimum_is_stored_as_excluded_with_the_reason(
    welding_posting, welder
):
    welder.french_oral_production = 5
    welder.save()
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    result = MatchResult.objects.get(candidate=welder, posting=welding_posting)
    assert result.is_excluded
    assert _reason(result, "french_below_minimum") == {
        "code": "french_below_minimum",
        "evidence": {"skill": "oral_production", "required": 6, "has": 5},
        "is_exclusion": True,
    }
    posting_rematch(posting_id=welding_posting.pk, today=TODAY)
    assert not MatchResult.objects.filter(posting=welding_posting, is_excluded=False).exists()


def test_saving_a_profile_section_recomputes_after_the_commit(
    welding_posting, welder, django_capture_on_commit_callbacks
):
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    before = MatchResult.objects.get(candidate=welder, posting=welding_posting)
    assert _reason(before, "required_skills_covered")["evidence"]["count"] == 2
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        candidate_services.candidate_skill_add(profile=welder, label="Oxycoupage")
    assert len(callbacks) == 1
    after = MatchResult.objects.get(candidate=welder, posting=welding_posting)
    assert _reason(after, "required_skills_covered")["evidence"]["missing"] == []
    assert after.score > before.score


def test_publishing_a_posting_finds_its_candidates_after_the_commit(
    welding_posting, welder, django_capture_on_commit_callbacks
):
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    MatchResult.objects.all().delete()
    welding_posting.status = PostingStatus.DRAFT
    welding_posting.save()
    with django_capture_on_commit_callbacks(execute=True):
        employer_services.posting_publish(posting=welding_posting, today=TODAY)
    assert MatchResult.objects.filter(posting=welding_posting, candidate=welder).exists()


def test_a_draft_posting_is_not_matched(welding_posting, welder):
    welding_posting.status = PostingStatus.DRAFT
    welding_posting.save()
    assert posting_rematch(posting_id=welding_posting.pk, today=TODAY) == 0
    assert not MatchResult.objects.exists()


def _declare(profile, **values) -> None:
    """A self-declaration for the fairness audit, reached by name: matching may not import the
    fairness app (import-linter), which is the point."""
    declaration = apps.get_model("fairness", "AuditDeclaration")
    declaration.objects.update_or_create(candidate=profile, defaults=values)


@pytest.mark.parametrize(
    "change",
    [
        {"full_name": "Zoé Tremblay-Nguyen"},
        {"email": "autre.adresse@example.org"},
        {"full_name": "Mohammed Al-Fassi", "email": "m.alfassi@example.org"},
        {"audit": {"gender": "woman", "age_band": "55_plus"}},
        {"audit": {"world_region": "africa_sub_saharan", "visible_minority": "yes"}},
    ],
)
def test_changing_the_name_email_or_audit_declaration_changes_no_score_and_no_explanation(
    welding_posting, welder, change
):
    other = CandidateProfileFactory(french_oral_production=9)
    _declare(welder, gender="man", age_band="25_34", world_region="europe", visible_minority="no")
    for profile in (welder, other):
        candidate_rematch(candidate_id=profile.pk, today=TODAY)
    posting_rematch(posting_id=welding_posting.pk, today=TODAY)

    def snapshot():
        return {
            (r.candidate_id, r.posting_id): (
                r.score,
                r.stars,
                r.is_excluded,
                r.breakdown,
                r.reasons,
            )
            for r in MatchResult.objects.order_by("pk")
        }

    before = snapshot()
    change = dict(change)
    if "audit" in change:
        _declare(welder, **change.pop("audit"))
    User.objects.filter(pk=welder.user_id).update(**change)
    for profile in (welder, other):
        candidate_rematch(candidate_id=profile.pk, today=TODAY)
    posting_rematch(posting_id=welding_posting.pk, today=TODAY)
    assert snapshot() == before


def test_a_profile_with_missing_pieces_is_matched_and_says_what_is_missing(welding_posting):
    sparse = CandidateProfileFactory(
        municipality=None, available_from=None, relocation=Relocation.YES
    )
    candidate_rematch(candidate_id=sparse.pk, today=TODAY)
    result = MatchResult.objects.get(candidate=sparse, posting=welding_posting)
    codes = {r["code"] for r in result.reasons}
    assert not result.is_excluded
    assert {
        "occupation_missing",
        "skills_missing",
        "education_missing",
        "location_missing",
        "availability_missing",
        "text_missing",
    } <= codes


def test_the_text_is_embedded_again_only_when_it_changes(welder):
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    first = CandidateVector.objects.get(candidate=welder)
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    second = CandidateVector.objects.get(candidate=welder)
    assert second.text_sha1 == first.text_sha1
    assert second.updated_at >= first.updated_at
    welder.summary = "Soudeuse de structures d'acier, certifiée CWB."
    welder.save()
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    assert CandidateVector.objects.get(candidate=welder).text_sha1 != first.text_sha1


def test_the_model_gets_each_sentence_cut_to_its_first_words_and_a_new_cut_embeds_again(
    welder, monkeypatch
):
    """A long summary costs the model no more than its first words (the model's time is per
    token); changing the cut changes the stored digest, so every vector is embedded again."""
    from maillage.matching.services import vectors
    from matchcore.language import embedding

    words = [f"mot{i}" for i in range(40)]
    assert vectors._sentences(" ".join(words) + "\nSoudage MIG") == [
        " ".join(words[: embedding.CONDENSED_WORDS]),
        "Soudage MIG",
    ]
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    first = CandidateVector.objects.get(candidate=welder)
    monkeypatch.setattr(vectors, "CONDENSED_WORDS", embedding.CONDENSED_WORDS + 1)
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    assert CandidateVector.objects.get(candidate=welder).text_sha1 != first.text_sha1


def test_rematch_all_command_matches_every_posting_and_candidate(welding_posting, welder, capsys):
    call_command("rematch_all")
    out = capsys.readouterr().out
    assert out.startswith("1 postings, 1 candidates, ")
    assert out.strip().endswith(f"({DEFAULT_POLICY.version})")
    assert MatchResult.objects.filter(candidate=welder, posting=welding_posting).count() == 1


def test_an_engine_loaded_before_a_candidate_changed_picks_up_the_change(welding_posting, welder):
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    posting_rematch(posting_id=welding_posting.pk, today=TODAY)
    welder.french_oral_comprehension = 4
    welder.save()
    candidate_rematch(candidate_id=welder.pk, today=TODAY)  # touches the stored vector row
    posting_rematch(posting_id=welding_posting.pk, today=date(2026, 11, 27))
    assert MatchResult.objects.get(candidate=welder, posting=welding_posting).is_excluded


def test_a_task_for_a_record_deleted_meanwhile_does_nothing(welding_posting, welder):
    posting_id, candidate_id = welding_posting.pk, welder.pk
    welding_posting.delete()
    welder.delete()
    assert posting_rematch(posting_id=posting_id, today=TODAY) == 0
    assert candidate_rematch(candidate_id=candidate_id, today=TODAY) == 0


def test_a_posting_saved_tops_up_the_advisors_queue_with_its_best_candidates(
    welding_posting, welder, django_capture_on_commit_callbacks
):
    from maillage.prequalification.models import Proposal

    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    welding_posting.status = PostingStatus.DRAFT
    welding_posting.save()
    with django_capture_on_commit_callbacks(execute=True):
        employer_services.posting_publish(posting=welding_posting, today=TODAY)
    proposal = Proposal.objects.get(posting=welding_posting)
    result = MatchResult.objects.get(posting=welding_posting, candidate=welder)
    assert proposal.candidate_id == welder.pk
    assert (proposal.score, proposal.engine_version) == (result.score, result.engine_version)


def test_the_engine_knows_the_taxonomy_of_the_database():
    from maillage.matching.records import taxonomy

    known = taxonomy()
    assert "72106" in known.noc_codes
    assert len(known.noc_codes) == 516
    assert known.esco_skill_uris is not None and len(known.esco_skill_uris) > 10_000
    # Welders and machinists share many ESCO skills: related through the crosswalk links.
    assert any("72106" in others for others in known.related_nocs.values())


def test_vectors_embedded_together_are_those_embedded_one_by_one(welder):
    from maillage.matching import selectors
    from maillage.matching.services import candidate_vector_refresh, candidate_vectors_refresh

    other = CandidateProfileFactory(summary="Cuisinière. J'ai tenu la cuisine d'un bistro.")
    silent = CandidateProfileFactory(summary="")
    one_by_one = {}
    for profile in (welder, other, silent):
        one_by_one[profile.pk] = bytes(candidate_vector_refresh(profile=profile).vector)
    CandidateVector.objects.all().delete()

    profiles = list(selectors.candidates_for_engine(updated_after=None))
    assert candidate_vectors_refresh(profiles=profiles) == 3
    together = {row.candidate_id: bytes(row.vector) for row in CandidateVector.objects.all()}
    assert together.keys() == one_by_one.keys()
    for pk, vector in one_by_one.items():
        assert np.allclose(
            np.frombuffer(together[pk], dtype="<f4"), np.frombuffer(vector, dtype="<f4"), atol=1e-5
        )
    assert candidate_vectors_refresh(profiles=profiles) == 0  # nothing changed, nothing embedded
