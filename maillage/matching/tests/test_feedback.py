"""Decisions (prequalification's labels) train a learned ranker that then scores and explains."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import JobPostingFactory
from maillage.matching.models import MatchResult, RankerModel
from maillage.matching.services import candidate_rematch
from maillage.matching.tests.conftest import TODAY
from maillage.prequalification.models import DecisionLabel, LabelKind, LabelSource
from maillage.prequalification.services import ranker_retrain

pytestmark = pytest.mark.django_db


def _label(candidate, posting, kind: LabelKind, relevance: int, proposal=None) -> DecisionLabel:
    return DecisionLabel.objects.create(
        candidate=candidate,
        posting=posting,
        proposal=proposal,
        label=kind,
        relevance=relevance,
        source=LabelSource.ADVISOR,
        decided_at=timezone.now(),
    )


def test_too_few_labels_keep_the_hand_set_policy(welding_posting, welder, capsys):
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    _label(welder, welding_posting, LabelKind.HIRED, 4)
    call_command("train_ranker")
    assert capsys.readouterr().out == (
        "Not trained (1 labels in 1 groups; needs 200 in 10): the hand-set policy stays.\n"
    )
    assert not RankerModel.objects.exists()
    model, report = ranker_retrain()
    assert model is None and not report.is_trained


@override_settings(MATCHING_MIN_LABELS=40)
def test_enough_labels_train_an_active_model_whose_version_goes_with_the_scores(
    welding_posting, welder, capsys
):
    postings = [JobPostingFactory() for _ in range(10)]
    people = [CandidateProfileFactory() for _ in range(5)]
    for p_index, posting in enumerate(postings):
        for c_index, person in enumerate(people):
            good = (p_index + c_index) % 3 == 0
            MatchResult.objects.create(
                candidate=person,
                posting=posting,
                score=50,
                stars=3,
                breakdown={
                    "factors": {
                        "required_skills": {"value": 0.9 if good else 0.2},
                        "occupation": {"value": 1.0 if good else 0.3},
                    }
                },
                engine_version="policy-1",
                computed_at=timezone.now(),
            )
            # A first decision, then the one that counts (labels are append-only).
            _label(person, posting, LabelKind.ADVISOR_APPROVED, 1)
            _label(
                person,
                posting,
                LabelKind.EMPLOYER_INVITED if good else LabelKind.EMPLOYER_DECLINED,
                2 if good else 0,
            )
    call_command("train_ranker")
    model = RankerModel.objects.get(is_active=True)
    assert capsys.readouterr().out == f"Trained {model.version} on 50 labels; now active.\n"
    candidate_rematch(candidate_id=welder.pk, today=TODAY)
    result = MatchResult.objects.get(candidate=welder, posting=welding_posting)
    assert result.engine_version == model.version
    assert 0 <= result.score <= 100
    points = sum(f["points"] for f in result.breakdown["factors"].values())
    assert result.breakdown["base"] + points == pytest.approx(result.score, abs=0.05)
