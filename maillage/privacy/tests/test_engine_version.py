"""Every automated score stored anywhere records the engine version that produced it: the field
is required, or (where a row may have no score, e.g. a person's own addition) a check constraint
says that a score comes with its version."""

import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import IntegrityError, models, transaction


def _has_score_version_constraint(model) -> bool:
    conditions = [
        str(c.condition) for c in model._meta.constraints if isinstance(c, models.CheckConstraint)
    ]
    return any("engine_version" in text and "score__isnull" in text for text in conditions)


def test_every_model_with_a_score_records_the_engine_version():
    scored = [
        model
        for model in apps.get_models()
        if model.__module__.startswith("maillage.")
        and any(f.name == "score" for f in model._meta.get_fields())
    ]
    missing = []
    for model in scored:
        try:
            version = model._meta.get_field("engine_version")
        except FieldDoesNotExist:
            missing.append(model._meta.label)
            continue
        score = model._meta.get_field("score")
        required = not version.null and not version.blank and not score.null
        if not required and not _has_score_version_constraint(model):
            missing.append(model._meta.label)
    assert {"matching.MatchResult", "prequalification.Proposal"} <= {m._meta.label for m in scored}
    assert missing == []


@pytest.mark.django_db
def test_a_proposal_scored_without_an_engine_version_is_refused_by_the_database():
    from maillage.prequalification.tests.factories import ProposalFactory

    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalFactory(score=70.0, engine_version="")
    assert ProposalFactory(score=None, engine_version="").score is None
