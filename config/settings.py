"""Maillage settings: one module, read from the environment.

MAILLAGE_ENV=production turns on the production checks (HTTPS, HSTS, secure cookies) and requires
SECRET_KEY and ALLOWED_HOSTS. DATABASE_URL (default: embedded SQLite) and REDIS_URL (default: none,
tasks run eagerly and the cache lives in memory) pick the real components.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from maillage.core.periodic import beat_schedule_collect

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("MAILLAGE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean, got {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


MAILLAGE_ENV = os.environ.get("MAILLAGE_ENV", "development")
if MAILLAGE_ENV not in {"development", "production"}:
    raise ImproperlyConfigured("MAILLAGE_ENV must be 'development' or 'production'")
IS_PRODUCTION = MAILLAGE_ENV == "production"

DEBUG = env_bool("DEBUG", default=not IS_PRODUCTION)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if IS_PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY is required when MAILLAGE_ENV=production")
    SECRET_KEY = "development-only-key-never-use-in-production-0123456789abcdefghijklmnop"
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if IS_PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
if IS_PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required when MAILLAGE_ENV=production")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_countries",
    "axes",
    "ninja",
    "maillage.core",
    "maillage.accounts",
    "maillage.regions",
    "maillage.taxonomy",
    "maillage.candidates",
    "maillage.employers",
    "maillage.matching",
    "maillage.activities",
    "maillage.notifications",
    "maillage.households",
    "maillage.prequalification",
    "maillage.interviews",
    "maillage.api",
    "maillage.privacy",
    "maillage.fairness",
    "maillage.analytics",
    "maillage.site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "maillage.api.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "maillage.accounts.time_zones.user_time_zone_middleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

if IS_PRODUCTION:
    # Serves collected static files from gunicorn; in development runserver serves them itself.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "maillage.site.context_processors.site",
            ],
            "builtins": ["maillage.core.templatetags.formatting"],
        },
    }
]

# Database: embedded SQLite unless DATABASE_URL says otherwise (postgres://user@host:5432/name).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'maillage.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60 if IS_PRODUCTION else 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # a fresh clone has no var/ yet
    # WAL lets the dev server read while a command writes; IMMEDIATE avoids "database is locked"
    # upgrades inside transactions.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "site:dashboard"
LOGOUT_REDIRECT_URL = "site:home"

# Login rate limit: 5 failures for one account from one address lock it for 15 minutes; 30
# failures from one address over any accounts (one password sprayed) lock that address.
# Every password check goes through it: see maillage/accounts/lockout.py.
AXES_HANDLER = "maillage.accounts.lockout.LockoutHandler"
AXES_USERNAME_CALLABLE = "maillage.accounts.lockout.axes_username"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_IP_FAILURE_LIMIT = env_int("AXES_IP_FAILURE_LIMIT", 30)
# E-mails anyone may trigger (password reset, confirmation link): per address and per client, per
# hour (maillage/accounts/mail_limits.py).
MAIL_LIMIT_PER_ADDRESS_PER_HOUR = env_int("MAIL_LIMIT_PER_ADDRESS_PER_HOUR", 3)
MAIL_LIMIT_PER_IP_PER_HOUR = env_int("MAIL_LIMIT_PER_IP_PER_HOUR", 20)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
# The lockout page says, in the person's language, how long the block lasts (HTTP 429).
AXES_LOCKOUT_CALLABLE = "maillage.accounts.views.locked_out"
# Behind a reverse proxy, the client's address is the last X-Forwarded-For hop the proxy added.
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if AXES_IPWARE_PROXY_COUNT else ("REMOTE_ADDR",)
)

# Languages: French first, English complete.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/Toronto"  # Québec's time zone (America/Montreal is its alias)
FORMAT_MODULE_PATH = ["config.formats"]
LANGUAGE_COOKIE_NAME = "maillage_language"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if IS_PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Uploaded files are private: they are served only through views that check permissions.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
MAX_DOCUMENT_UPLOAD_BYTES = env_int("MAX_DOCUMENT_UPLOAD_BYTES", 5 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640
# An upload larger than 2.5 MB is spooled to a file here while the request reads it; a web
# process killed mid-upload leaves that file behind, and orphan_files_sweep removes it (a folder
# of its own, so the sweep never touches other programs' temporary files).
FILE_UPLOAD_TEMP_DIR = str(Path(os.environ.get("FILE_UPLOAD_TEMP_DIR", VAR_DIR / "upload-tmp")))
Path(FILE_UPLOAD_TEMP_DIR).mkdir(parents=True, exist_ok=True)
# CVs read to pre-fill a profile (PDF or DOCX): never stored.
MAX_CV_UPLOAD_BYTES = env_int("MAX_CV_UPLOAD_BYTES", 3 * 1024 * 1024)
# Built language tools (title normaliser, skill extractor): rebuilt by load_reference_data when
# the reference data change, memory-mapped and shared by the server's processes.
LANGUAGE_TOOLS_DIR = Path(os.environ.get("LANGUAGE_TOOLS_DIR", VAR_DIR / "language"))

# Background work: Celery on Redis in production, eager (in-process) without a broker.
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
# A worker process killed mid-task (OOM, deploy) gives its task back instead of acknowledging it;
# a whole worker lost gives its tasks back after the visibility timeout (longer than any task).
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600)}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
# Periodic work, run by `celery -A config beat`: each app lists its entries in `<app>/beat.py`.
CELERY_BEAT_SCHEDULE = beat_schedule_collect(INSTALLED_APPS)

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# E-mail: printed on the console in development, SMTP in production.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if IS_PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Maillage <no-reply@maillage.localhost>")

# Security headers everywhere, so tests see the production policy; HTTPS-only parts in production.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
if IS_PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

# API rate limits (django-ninja throttling, counted in the cache: Redis in production).
API_RATE_ANONYMOUS = os.environ.get("API_RATE_ANONYMOUS", "120/m")
API_RATE_PERSON = os.environ.get("API_RATE_PERSON", "600/m")
NINJA_NUM_PROXIES = AXES_IPWARE_PROXY_COUNT or 0
# API tokens stop working this many days after their creation (and at once on a password change).
API_TOKEN_LIFETIME_DAYS = env_int("API_TOKEN_LIFETIME_DAYS", 90)

# Retention periods (Law 25: keep personal data only as long as its purpose needs), in days;
# `manage.py privacy_retention` removes what is past them (run it daily from Celery beat or cron).
RETENTION_DAYS = {
    "inactive_account": env_int("RETENTION_INACTIVE_ACCOUNT_DAYS", 3 * 365),
    "unconfirmed_account": env_int("RETENTION_UNCONFIRMED_ACCOUNT_DAYS", 30),
    "proof_document_after_decision": env_int("RETENTION_PROOF_DOCUMENT_DAYS", 365),
    "profile_view": env_int("RETENTION_PROFILE_VIEW_DAYS", 2 * 365),
    "login_attempt": env_int("RETENTION_LOGIN_ATTEMPT_DAYS", 90),
    "revoked_api_token": env_int("RETENTION_REVOKED_API_TOKEN_DAYS", 365),
}

# Figures shown outside the program team (regional partners, the public page) hide any count
# under this number, so that nobody can be recognised; the fairness audit hides such groups.
SMALL_COUNT_THRESHOLD = env_int("SMALL_COUNT_THRESHOLD", 5)

# --- The program ---
# Regions the program serves: every administrative region but Montréal (06) and Laval (13).
PROGRAM_REGION_CODES = env_list(
    "PROGRAM_REGION_CODES",
    ["01", "02", "03", "04", "05", "07", "08", "09", "10", "11", "12", "14", "15", "16", "17"],
)
# Version of the privacy notice a person consents to; bump it when the notice changes.
PRIVACY_NOTICE_VERSION = "2026-11-01"
# Newcomers are eligible during this many years after their admission to Québec.
ELIGIBILITY_YEARS = 5

# Video rooms (interviews, virtual activities): Jitsi Meet by default, or any service that opens a
# room at <base>/<room name>.
VIDEO_ROOM_BASE_URL = os.environ.get("VIDEO_ROOM_BASE_URL", "https://meet.jit.si")
# Region videos (MP4 or WebM), checked with PyAV on upload.
MAX_VIDEO_UPLOAD_BYTES = env_int("MAX_VIDEO_UPLOAD_BYTES", 200 * 1024 * 1024)
# Meeting schedules: CP-SAT's time limit when advisors pin meetings to slots (the flow is instant).
SCHEDULE_TIME_LIMIT_SECONDS = env_int("SCHEDULE_TIME_LIMIT_SECONDS", 20)
# Region maps: no tile server by default (outlines and markers only); set a tile URL template such
# as https://tile.openstreetmap.org/{z}/{x}/{y}.png to draw a base map (and allow it in the CSP).
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")
if MAP_TILE_URL:
    from urllib.parse import urlsplit

    _tiles = urlsplit(MAP_TILE_URL)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        f"{_tiles.scheme}://{_tiles.netloc.replace('{s}', '*')}"
    )
# Prequalification: how many engine proposals per posting reach the advisors' queue (and from
# which score), how many days a candidate has to answer, how many candidates an employer's short
# list holds at a time.
PREQUALIFICATION_PROPOSALS_PER_POSTING = env_int("PREQUALIFICATION_PROPOSALS_PER_POSTING", 10)
# Empty (or 0): the engine's calibrated threshold (maillage.matching.calibration).
PREQUALIFICATION_MIN_SCORE = env_int("PREQUALIFICATION_MIN_SCORE", 0) or None
PREQUALIFICATION_CONSENT_DAYS = env_int("PREQUALIFICATION_CONSENT_DAYS", 7)
PREQUALIFICATION_SHORTLIST_SIZE = env_int("PREQUALIFICATION_SHORTLIST_SIZE", 5)
# Matching: results kept per posting and per candidate, the size above which the vector index
# replaces exact search, and the seed of everything random in the engine.
MATCHING_RESULTS_PER_POSTING = env_int("MATCHING_RESULTS_PER_POSTING", 50)
MATCHING_RESULTS_PER_CANDIDATE = env_int("MATCHING_RESULTS_PER_CANDIDATE", 50)
MATCHING_ANN_MIN_CANDIDATES = env_int("MATCHING_ANN_MIN_CANDIDATES", 50_000)
MATCHING_SEED = env_int("MATCHING_SEED", 2026)
# Labelled decisions needed before a learned ranker may replace the hand-set policy.
MATCHING_MIN_LABELS = env_int("MATCHING_MIN_LABELS", 200)
