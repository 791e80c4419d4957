from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class NocLevel(models.IntegerChoices):
    BROAD_CATEGORY = 1, _("Broad occupational category")
    MAJOR_GROUP = 2, _("Major group")
    SUB_MAJOR_GROUP = 3, _("Sub-major group")
    MINOR_GROUP = 4, _("Minor group")
    UNIT_GROUP = 5, _("Unit group")


class NocGroupQuerySet(models.QuerySet["NocGroup"]):
    def unit_groups(self) -> "NocGroupQuerySet":
        return self.filter(level=NocLevel.UNIT_GROUP)


class NocGroup(models.Model):
    """A class of the National Occupational Classification 2021 (CNP 2021), any level."""

    code = models.CharField(_("code"), max_length=5, primary_key=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=NocLevel.choices)
    teer = models.PositiveSmallIntegerField(_("TEER category"), null=True, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    title_en = models.CharField(_("English title"), max_length=250)
    title_fr = models.CharField(_("French title"), max_length=250)
    definition_en = models.TextField(_("English definition"), blank=True)
    definition_fr = models.TextField(_("French definition"), blank=True)

    objects = NocGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("NOC 2021 group")
        verbose_name_plural = _("NOC 2021 groups")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} – {self.title}"

    @property
    def title(self) -> str:
        return self.title_en if get_language() == "en" else self.title_fr

    @property
    def definition(self) -> str:
        return self.definition_en if get_language() == "en" else self.definition_fr

    @property
    def broad_category_code(self) -> str:
        return self.code[0]


class NocExampleTitle(models.Model):
    """An example job title of a unit group, in English or French, as published by StatCan."""

    noc = models.ForeignKey(NocGroup, on_delete=models.CASCADE, related_name="example_titles")
    language = models.CharField(_("language"), max_length=2)
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        verbose_name = _("NOC example title")
        verbose_name_plural = _("NOC example titles")
        constraints = [
            models.UniqueConstraint(
                fields=["noc", "language", "title"], name="taxonomy_example_title_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title
