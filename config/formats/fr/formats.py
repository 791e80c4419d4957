# French as written in Québec (fr-CA): "26 novembre 2026", "14 h 30", ISO short dates, "75 000,50".
from django.conf.locale.fr_CA.formats import *  # noqa: F403
