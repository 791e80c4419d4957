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


class EscoOccupation(models.Model):
    """An occupation of ESCO v1.1.1, with its English and French labels."""

    uri = models.CharField(_("ESCO URI"), max_length=120, primary_key=True)
    code = models.CharField(_("ESCO code"), max_length=30, blank=True)
    isco_group = models.CharField(_("ISCO-08 group"), max_length=4, blank=True)
    label_en = models.CharField(_("English label"), max_length=250)
    label_fr = models.CharField(_("French label"), max_length=250)
    # Other names, one per line (ESCO's "altLabels"); the normaliser reads them.
    alt_labels_en = models.TextField(_("other English labels"), blank=True)
    alt_labels_fr = models.TextField(_("other French labels"), blank=True)
    description_en = models.TextField(_("English description"), blank=True)
    description_fr = models.TextField(_("French description"), blank=True)

    class Meta:
        verbose_name = _("ESCO occupation")
        verbose_name_plural = _("ESCO occupations")
        ordering = ["label_en"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if get_language() == "en" else self.label_fr


class EscoSkillType(models.TextChoices):
    SKILL = "skill/competence", _("Skill or competence")
    KNOWLEDGE = "knowledge", _("Knowledge")


class EscoSkill(models.Model):
    """A skill or knowledge item of ESCO v1.1.1. French labels come from ESCO v1.0.x (see
    data/esco_v1.1.1/SOURCE.md): a few recent skills have none, and show their English label."""

    uri = models.CharField(_("ESCO URI"), max_length=120, primary_key=True)
    skill_type = models.CharField(
        _("type"), max_length=20, choices=EscoSkillType.choices, blank=True
    )
    reuse_level = models.CharField(_("reuse level"), max_length=30, blank=True)
    label_en = models.CharField(_("English label"), max_length=250)
    label_fr = models.CharField(_("French label"), max_length=250, blank=True)
    alt_labels_en = models.TextField(_("other English labels"), blank=True)
    alt_labels_fr = models.TextField(_("other French labels"), blank=True)
    description_en = models.TextField(_("English description"), blank=True)

    class Meta:
        verbose_name = _("ESCO skill")
        verbose_name_plural = _("ESCO skills")
        ordering = ["label_en"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if get_language() == "en" or not self.label_fr else self.label_fr


class EscoRelation(models.TextChoices):
    ESSENTIAL = "essential", _("Essential")
    OPTIONAL = "optional", _("Optional")


class EscoOccupationSkill(models.Model):
    """ESCO's link between an occupation and a skill it needs (essential) or may use (optional)."""

    occupation = models.ForeignKey(
        EscoOccupation, on_delete=models.CASCADE, related_name="skill_links"
    )
    skill = models.ForeignKey(EscoSkill, on_delete=models.CASCADE, related_name="occupation_links")
    relation = models.CharField(_("relation"), max_length=10, choices=EscoRelation.choices)

    class Meta:
        verbose_name = _("ESCO occupation skill")
        verbose_name_plural = _("ESCO occupation skills")
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "skill"], name="taxonomy_occupation_skill_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} → {self.skill_id} ({self.relation})"


class NocEscoLink(models.Model):
    """A NOC 2021 unit group and an ESCO occupation joined through the crosswalks
    (ESCO → O*NET, Nesta; O*NET → NOC 2021, BC government), with how sure the path is."""

    noc = models.ForeignKey(NocGroup, on_delete=models.CASCADE, related_name="esco_links")
    occupation = models.ForeignKey(
        EscoOccupation, on_delete=models.CASCADE, related_name="noc_links"
    )
    confidence = models.FloatField(_("confidence"))
    path = models.CharField(_("path"), max_length=250)
    is_inherited = models.BooleanField(
        _("inherited from the broader ESCO occupation"), default=False
    )

    class Meta:
        verbose_name = _("NOC–ESCO link")
        verbose_name_plural = _("NOC–ESCO links")
        ordering = ["noc", "-confidence"]
        constraints = [
            models.UniqueConstraint(fields=["noc", "occupation"], name="taxonomy_noc_esco_unique"),
            models.CheckConstraint(
                condition=models.Q(confidence__gte=0) & models.Q(confidence__lte=1),
                name="taxonomy_noc_esco_confidence_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.noc_id} ↔ {self.occupation_id} ({self.confidence:.2f})"


class RegulationKind(models.TextChoices):
    PROFESSIONAL_ORDER = "professional_order", _("Professional order")
    TEACHING_LICENCE = "teaching_licence", _("Teaching licence")
    CONSTRUCTION_CARD = "construction_card", _("Construction competency card (CCQ)")
    TRADE_QUALIFICATION = "trade_qualification", _("Mandatory trade qualification")
    DRIVING_LICENCE = "driving_licence", _("Driver's licence class (SAAQ)")
    WELDING_TICKET = "welding_ticket", _("Welding qualification")
    CARE_TRAINING = "care_training", _("Care training")


class RegulationRequirement(models.TextChoices):
    LEGAL = "legal", _("Required by law to do this work")
    TITLE = "title", _("Required only to use the title")
    USUAL = "usual", _("Usually asked by employers")


class RegulatedOccupation(models.Model):
    """A permit, card or licence a NOC unit group needs in Québec, and who issues it
    (data/regulated_occupations)."""

    noc = models.ForeignKey(NocGroup, on_delete=models.CASCADE, related_name="regulations")
    # The permit's stable code (one permit may serve several unit groups): postings require it
    # and candidates record their status by this code, so it survives a reload of the file.
    permit_code = models.CharField(_("permit code"), max_length=60, db_index=True)
    kind = models.CharField(_("kind"), max_length=30, choices=RegulationKind.choices)
    requirement = models.CharField(
        _("requirement"), max_length=10, choices=RegulationRequirement.choices
    )
    regulator_fr = models.CharField(_("French regulator name"), max_length=250)
    regulator_en = models.CharField(_("English regulator name"), max_length=250)
    permit_fr = models.CharField(_("French permit name"), max_length=300)
    permit_en = models.CharField(_("English permit name"), max_length=300)
    url = models.URLField(_("regulator's website"))
    source_url = models.URLField(_("source of the requirement"), blank=True)

    class Meta:
        verbose_name = _("regulated occupation")
        verbose_name_plural = _("regulated occupations")
        ordering = ["noc", "kind", "permit_fr"]
        constraints = [
            models.UniqueConstraint(fields=["noc", "permit_fr"], name="taxonomy_regulation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.noc_id} – {self.permit}"

    @property
    def regulator(self) -> str:
        return self.regulator_en if get_language() == "en" else self.regulator_fr

    @property
    def permit(self) -> str:
        return self.permit_en if get_language() == "en" else self.permit_fr
