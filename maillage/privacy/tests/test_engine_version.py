"""Every automated score stored anywhere records the engine version that produced it."""

from django.apps import apps


def test_every_model_with_a_score_has_a_required_engine_version():
    scored = [
        model
        for model in apps.get_models()
        if model.__module__.startswith("maillage.")
        and any(f.name == "score" for f in model._meta.get_fields())
    ]
    missing = []
    for model in scored:
        try:
            field = model._meta.get_field("engine_version")
        except Exception:
            missing.append(model._meta.label)
            continue
        if field.null or field.blank:
            missing.append(model._meta.label)
    assert "matching.MatchResult" in [m._meta.label for m in scored]
    assert missing == []
