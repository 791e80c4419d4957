"""Reading a CV (PDF or DOCX) into a draft profile the candidate reviews field by field.

    text = reading.cv_text(data, content_type)   # in a limited child process; CvUnreadable
    draft = parsing.cv_draft(text)               # experiences, education, certifications…

Nothing here saves anything: the views show the draft as a form, and only what the candidate
keeps goes through services.cv_import_apply. A field the CV does not state stays empty (a CV never
turns into invented data); NOC codes, ESCO skills and language levels are suggestions to tick.
This package's __init__ imports nothing: extract.py runs alone in the sandbox.
"""
