"""Production settings pass Django's deployment checklist with no warning, and the check bites."""

import os
import subprocess
import sys

from django.conf import settings

# Variables the test run sets for itself (the browser tests allow sync ORM calls
# beside Playwright's event loop) that a production server never has.
TEST_ONLY_ENV = {"DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}

PRODUCTION_ENV = {
    "MAILLAGE_ENV": "production",
    "SECRET_KEY": "x7Qp2vRk9LmZt4Wc8YhN3bFj6DsGa1UeKoPi5XrVy0TqMnBwHcEzJlAdSfGhJkLu",
    "ALLOWED_HOSTS": "maillage.example.org",
}


def _check_deploy(**overrides: str) -> subprocess.CompletedProcess:
    env = {
        **{k: v for k, v in os.environ.items() if k not in TEST_ONLY_ENV},
        **PRODUCTION_ENV,
        **overrides,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy_without_warning():
    result = _check_deploy()
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_fails_when_hsts_is_turned_off():
    result = _check_deploy(SECURE_HSTS_SECONDS="0")
    assert result.returncode == 1
    assert "security.W004" in result.stderr


def test_check_deploy_fails_without_https_redirect():
    result = _check_deploy(SECURE_SSL_REDIRECT="false")
    assert result.returncode == 1
    assert "security.W008" in result.stderr


def test_pages_carry_the_security_headers(client, db):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
