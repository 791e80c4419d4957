"""The log of who opened a candidate's record is written in the candidate's language."""

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy

from maillage.accounts.models import ProfileView
from maillage.accounts.services import profile_view_record
from maillage.accounts.tests.factories import AdvisorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Pièce justificative\u00a0: diplome.pdf"),
        ("en", "Proof document: diplome.pdf"),
    ],
)
def test_the_entry_is_in_the_candidates_language_whatever_the_viewers(language, expected):
    candidate = UserFactory(language=language)
    with translation.override("en" if language == "fr" else "fr"):
        profile_view_record(
            viewer=AdvisorFactory(),
            subject=candidate,
            what=gettext_lazy("Proof document: %(name)s"),
            params={"name": "diplome.pdf"},
        )
    assert ProfileView.objects.get().what == expected


def test_her_own_views_are_not_logged():
    candidate = UserFactory()
    profile_view_record(viewer=candidate, subject=candidate, what="profile")
    assert not ProfileView.objects.exists()
