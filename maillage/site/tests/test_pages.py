from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import translation

from maillage.accounts.models import User
from maillage.core.templatetags.formatting import format_money, number

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("amount", "language", "expected"),
    [
        (Decimal("75000"), "fr", "75\u00a0000\u00a0$"),
        (Decimal("25.5"), "fr", "25,50\u00a0$"),
        (Decimal("75000"), "en", "$75,000"),
        (Decimal("25.5"), "en", "$25.50"),
    ],
)
def test_money_is_written_the_quebec_way(amount, language, expected):
    with translation.override(language):
        assert format_money(amount) == expected


def test_numbers_have_a_non_breaking_space_in_french():
    with translation.override("fr"):
        assert number(8635156) == "8\u00a0635\u00a0156"


def test_home_is_french_by_default_and_english_one_click_away(client):
    french = client.get("/")
    assert french.status_code == 200
    assert '<html lang="fr-CA">' in french.content.decode()
    assert 'href="/en/"' in french.content.decode()
    english = client.get("/en/")
    assert '<html lang="en-CA">' in english.content.decode()
    assert 'href="/"' in english.content.decode()


def test_health_answers_without_language_prefix(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_unknown_page_gets_the_site_404(client):
    response = client.get("/nothing-here/")
    assert response.status_code == 404


def test_pages_send_a_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy


def test_demo_data_prints_four_logins_and_loads_once(capsys):
    call_command("load_demo_data", candidates=8, companies=4)
    out = capsys.readouterr().out
    for email in [
        "candidat@example.org",
        "employeur@example.org",
        "conseillere@example.org",
        "gestion@example.org",
    ]:
        assert email in out
    users = User.objects.count()
    call_command("load_demo_data", candidates=8, companies=4)
    assert User.objects.count() == users
    assert User.objects.get(email="employeur@example.org").company_membership.company.is_verified
