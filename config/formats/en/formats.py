# Canadian English: ISO short dates as in Québec's public services.
from django.conf.locale.en_CA.formats import *  # noqa: F403

THOUSAND_SEPARATOR = ","  # "$75,000", as English-speaking Quebecers write it
