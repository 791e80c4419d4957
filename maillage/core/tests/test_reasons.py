import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from maillage.core.reasons import other_reason_note_check


def test_other_reason_needs_a_note_and_says_where_to_write_it():
    other_reason_note_check("meets_requirements", "")
    other_reason_note_check("other", "Connue de l'équipe")
    with translation.override("en"), pytest.raises(ValidationError) as note:
        other_reason_note_check("other", "   ")
    assert note.value.messages == ["You chose “Other reason”: write it in the note."]
    assert note.value.code == "note_required"
    with translation.override("fr"), pytest.raises(ValidationError) as message:
        other_reason_note_check("other", "", written_in="message")
    assert "message" in message.value.messages[0]
