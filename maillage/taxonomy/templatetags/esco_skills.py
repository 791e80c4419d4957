from django import template

from maillage.taxonomy.selectors import esco_skill_label

register = template.Library()


@register.filter
def esco_label_if_other(skill) -> str:
    """The ESCO label a typed skill is linked to, when it reads differently from the person's
    words ("" when not linked or the same words)."""
    label = esco_skill_label(getattr(skill, "esco_uri", ""))
    return label if label and label.casefold() != skill.label.casefold() else ""
