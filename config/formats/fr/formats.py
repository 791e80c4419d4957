# French as written in Québec (fr-CA): "26 novembre 2026", "14 h 30", ISO short dates, "75 000,50".
from django.conf.locale.fr_CA.formats import *  # noqa: F403

# Django 5.2's fr_CA formats leave the "h" of "13 h 40" unescaped, so it prints the 12-hour hour
# ("13 01 40"); escaped here, and the hour without a leading zero (« 9 h 30 », not « 09 h 30 »).
# « 1er » for the first of the month: maillage.core.templatetags.formatting.format_date.
TIME_FORMAT = "G\xa0\\h\xa0i"
DATETIME_FORMAT = "j F Y, G\xa0\\h\xa0i"
SHORT_DATETIME_FORMAT = "Y-m-d G\xa0\\h\xa0i"
