from django import template

from maillage.taxonomy.selectors import esco_skill_label, skill_display_label

register = template.Library()


@register.filter
def esco_label_if_other(skill) -> str:
    """The ESCO label a typed skill is linked to, when it reads differently from the person's
    words ("" when not linked or the same words)."""
    label = esco_skill_label(getattr(skill, "esco_uri", ""))
    return label if label and label.casefold() != skill_label(skill).casefold() else ""


@register.filter
def skill_label(skill) -> str:
    """A candidate's or a posting's skill as the page's reader reads it (skill_display_label)."""
    return skill_display_label(skill.label, getattr(skill, "esco_uri", ""))
