from collections.abc import Iterable

from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.taxonomy.models import EscoSkill

MAX_TICKED_SKILLS = 60


class EscoSkillChoiceField(forms.MultipleChoiceField):
    """ESCO skills a person ticked among suggestions (taxonomy:skill-suggestions). Only URIs of
    real ESCO skills are valid; the form calls `set_ticked` with the submitted ones."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Suggested skills (ESCO)"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple(attrs={"class": "choice-list"}))
        super().__init__(**kwargs)

    def set_ticked(self, uris: Iterable[str]) -> None:
        wanted = list(dict.fromkeys(uris))[:MAX_TICKED_SKILLS]
        skills = EscoSkill.objects.in_bulk(wanted)
        self.choices = [(uri, skills[uri].label) for uri in wanted if uri in skills]

    @staticmethod
    def labels(uris: Iterable[str]) -> dict[str, str]:
        """Label (current language) → URI of the ticked skills."""
        skills = EscoSkill.objects.in_bulk(list(uris))
        return {skill.label: uri for uri, skill in skills.items()}
