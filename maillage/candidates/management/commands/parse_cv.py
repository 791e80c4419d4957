import json
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError

from maillage.candidates.cv_import.forms import CV_TYPES
from maillage.candidates.cv_import.output import draft_json
from maillage.candidates.cv_import.parsing import cv_draft
from maillage.candidates.cv_import.reading import CvUnreadable, cv_text
from maillage.candidates.cv_import.skills import cv_skills
from maillage.core.uploads import check_upload


class Command(BaseCommand):
    help = (
        "Read a CV (PDF or DOCX) as the CV import does and print one JSON object: summary, "
        "experiences, education, certifications, languages, skills (docs/language.md, CV import). "
        "Checked and bounded like an upload; exit status 1 with the reason when it cannot be read."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--top", type=int, default=20, help="Skills to list, best first.")
        parser.add_argument("--no-skills", action="store_true", help="Skip skill extraction.")

    def handle(self, *args, file: Path, top: int = 20, no_skills: bool = False, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from None
        upload = SimpleUploadedFile(file.name, data)
        try:
            checked = check_upload(upload, allowed=CV_TYPES, max_bytes=settings.MAX_CV_UPLOAD_BYTES)
            text = cv_text(data, checked.content_type)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        except CvUnreadable as unreadable:
            raise CommandError(f"unreadable: {unreadable.reason}") from None
        draft = cv_draft(text)
        skills = [] if no_skills else cv_skills(draft.skills_text, top=max(1, min(top, 100)))
        self.stdout.write(json.dumps(draft_json(draft, skills), ensure_ascii=False, indent=2))
