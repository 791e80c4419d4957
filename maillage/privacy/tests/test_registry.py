"""Every app that stores something about a person says how to export and erase it."""

from django.apps import apps
from django.conf import settings
from django.db import models

from maillage.candidates.models import CandidateProfile
from maillage.privacy.registry import privacy_modules

PERSON_MODELS = {settings.AUTH_USER_MODEL.lower(), "candidates.candidateprofile"}


def _points_to_a_person(model) -> bool:
    relations = (models.ForeignKey, models.OneToOneField, models.ManyToManyField)
    targets = {
        field.related_model._meta.label_lower
        for field in model._meta.get_fields()
        if isinstance(field, relations) and not field.auto_created
    }
    return bool(targets & PERSON_MODELS) or model._meta.label_lower in PERSON_MODELS


def test_apps_holding_personal_data_have_a_privacy_module_with_export_and_erase():
    modules = {entry.app_label: entry.module for entry in privacy_modules()}
    holders = {
        model._meta.app_label
        for model in apps.get_models()
        if model.__module__.startswith("maillage.") and _points_to_a_person(model)
    }
    missing = sorted(label for label in holders if label not in modules)
    incomplete = sorted(
        label
        for label, module in modules.items()
        if not (hasattr(module, "export") and hasattr(module, "erase"))
    )
    assert {"accounts", "candidates", "employers", "matching", "api"} <= holders
    assert missing == []
    assert incomplete == []


def test_sections_have_distinct_names():
    sections = [entry.section for entry in privacy_modules()]
    assert len(sections) == len(set(sections))
    assert CandidateProfile  # the candidates app is installed
