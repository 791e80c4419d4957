"""Montréal and Laval are offered as regions of interest with a word that the program has no job
there."""

import pytest

from maillage.candidates.forms import PreferencesForm
from maillage.candidates.tests.factories import CandidateProfileFactory

pytestmark = pytest.mark.django_db


def test_unserved_regions_say_so_next_to_their_name():
    form = PreferencesForm(instance=CandidateProfileFactory())
    labels = [str(label) for _value, label in form.fields["regions_of_interest"].choices]
    assert "Bas-Saint-Laurent" in labels
    assert "Montréal (région non desservie par le programme\u00a0: aucun emploi offert)" in labels
