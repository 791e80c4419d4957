# French as written in Québec (fr-CA): "26 novembre 2026", "14 h 30", ISO short dates, "75 000,50".
from django.conf.locale.fr_CA.formats import *  # noqa: F403

# Django 5.2's fr_CA formats leave the "h" of "13 h 40" unescaped, so it prints the 12-hour hour
# ("13 01 40"); escaped here.
TIME_FORMAT = "H\xa0\\h\xa0i"
DATETIME_FORMAT = "j F Y, H\xa0\\h\xa0i"
SHORT_DATETIME_FORMAT = "Y-m-d H\xa0\\h\xa0i"
