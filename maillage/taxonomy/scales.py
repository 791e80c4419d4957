"""The scales profiles and postings are measured on: languages (Échelle québécoise / NCLC) and
education levels. Values are the ones the engine compares."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LanguageSkill(models.TextChoices):
    ORAL_COMPREHENSION = "oral_comprehension", _("Oral comprehension")
    ORAL_PRODUCTION = "oral_production", _("Oral production")
    WRITTEN_COMPREHENSION = "written_comprehension", _("Written comprehension")
    WRITTEN_PRODUCTION = "written_production", _("Written production")


class LanguageLevel(models.IntegerChoices):
    """The 12 levels of the Échelle québécoise des niveaux de compétence en français (= NCLC/CLB)."""

    LEVEL_1 = 1, _("1 – Beginner: initial")
    LEVEL_2 = 2, _("2 – Beginner: developing")
    LEVEL_3 = 3, _("3 – Beginner: adequate")
    LEVEL_4 = 4, _("4 – Beginner: fluent")
    LEVEL_5 = 5, _("5 – Intermediate: initial")
    LEVEL_6 = 6, _("6 – Intermediate: developing")
    LEVEL_7 = 7, _("7 – Intermediate: adequate")
    LEVEL_8 = 8, _("8 – Intermediate: fluent")
    LEVEL_9 = 9, _("9 – Advanced: initial")
    LEVEL_10 = 10, _("10 – Advanced: developing")
    LEVEL_11 = 11, _("11 – Advanced: adequate")
    LEVEL_12 = 12, _("12 – Advanced: fluent")


LANGUAGE_LEVEL_MIN = 1
LANGUAGE_LEVEL_MAX = 12


class EducationLevel(models.IntegerChoices):
    """Highest diploma, in the order of Québec's school system."""

    NONE = 0, _("No diploma")
    SECONDARY = 1, _("Secondary school diploma (DES or equivalent)")
    VOCATIONAL = 2, _("Vocational diploma (DEP, ASP or equivalent)")
    COLLEGE = 3, _("College diploma (DEC, AEC or equivalent)")
    BACHELOR = 4, _("Bachelor's degree")
    MASTER = 5, _("Master's degree or graduate diploma")
    DOCTORATE = 6, _("Doctorate")
