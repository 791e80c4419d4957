"""Reading a CV (PDF or DOCX) into a draft profile the candidate reviews field by field.

    text = cv_text(data, content_type)        # raises CvUnreadable (encrypted, no text, broken)
    draft = cv_draft(text)                    # experiences, education, languages, skills text…

Nothing here saves anything: the candidates views show the draft as a form, and only what the
candidate keeps goes through services.cv_import_apply. A field the CV does not state stays empty
(a CV never turns into invented data); the NOC codes and ESCO skills are suggestions to tick.
"""

from maillage.candidates.cv_import.parsing import CvDraft, EducationDraft, ExperienceDraft, cv_draft
from maillage.candidates.cv_import.reading import CvUnreadable, cv_text

__all__ = ["CvDraft", "CvUnreadable", "EducationDraft", "ExperienceDraft", "cv_draft", "cv_text"]
