import os

# One BLAS thread per request: the engine's products are small, and threaded numpy spends more
# time starting threads than computing (docs/matching.md). Set before numpy is first imported.
for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.urls import get_resolver  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()
# Import every view (OR-Tools, pandas, the CV readers…) while the worker starts, not during the
# first request it serves: that request took ~1.7 s, and under load it held up the ones behind it.
get_resolver().url_patterns  # noqa: B018
