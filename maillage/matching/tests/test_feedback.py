"""Decisions become labels; enough of them train a learned ranker that then scores."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import JobPostingFactory
from maillage.matching.models import FeedbackOutcome, MatchFeedback, MatchResult, RankerModel
from maillage.matching.services import candidate_rematch, match_feedback_record, ranker_retrain
from maillage.matching.tests.conftest import TODAY

pytestmark = pytest.mark.django_db


def test_feedback_keeps_the_factor_values_the_person_saw(welding_posting, welder):
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    result = MatchResult.objects.get(candidate=welder, posting=welding_posting)
    feedback = match_feedback_record(
        candidate=welder, posting=welding_posting, outcome=FeedbackOutcome.ADVISOR_APPROVED
    )
    assert feedback.grade == 1
    assert feedback.engine_version == "policy-1"
    assert feedback.features["required_skills"] == pytest.approx(2 / 3, abs=1e-4)
    assert feedback.features == {k: v["value"] for k, v in result.breakdown["factors"].items()}


def test_too_few_labels_keep_the_hand_set_policy(welding_posting, welder):
    match_feedback_record(candidate=welder, posting=welding_posting, outcome=FeedbackOutcome.HIRED)
    model, report = ranker_retrain()
    assert model is None
    assert not report.is_trained
    assert report.why_not == "1 labels in 1 groups; needs 200 in 10"
    assert not RankerModel.objects.exists()


@override_settings(MATCHING_MIN_LABELS=40)
def test_enough_labels_train_an_active_model_whose_version_goes_with_the_scores(
    welding_posting, welder, capsys
):
    postings = [JobPostingFactory() for _ in range(10)]
    people = [CandidateProfileFactory() for _ in range(5)]
    for p_index, posting in enumerate(postings):
        for c_index, person in enumerate(people):
            good = (p_index + c_index) % 3 == 0
            MatchFeedback.objects.create(
                candidate=person,
                posting=posting,
                outcome=FeedbackOutcome.INTERVIEW if good else FeedbackOutcome.ADVISOR_REJECTED,
                features={
                    "required_skills": 0.9 if good else 0.2,
                    "occupation": 1.0 if good else 0.3,
                },
                engine_version="policy-1",
                decided_at=welder.created_at,
            )
    call_command("train_ranker")
    model = RankerModel.objects.get(is_active=True)
    assert capsys.readouterr().out == f"Trained {model.version} on 50 labels; now active.\n"
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    result = MatchResult.objects.get(candidate=welder, posting=welding_posting)
    assert result.engine_version == model.version
    assert 0 <= result.score <= 100
