"""While the database does not answer (restart, failover), pages say so with a 503, not a 500."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client


@pytest.mark.django_db
def test_a_page_answers_503_with_a_clear_message_while_the_database_is_away():
    client = Client(raise_request_exception=False)
    with mock.patch(
        "maillage.site.selectors.public_figures",
        side_effect=OperationalError("connection to server at 127.0.0.1 failed"),
    ):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Service momentanément indisponible" in response.content.decode()
    assert "Nothing you already saved is lost" in response.content.decode()


@pytest.mark.django_db
def test_any_other_error_is_still_a_500():
    client = Client(raise_request_exception=False)
    with mock.patch("maillage.site.selectors.public_figures", side_effect=ValueError("bug")):
        response = client.get("/")
    assert response.status_code == 500
    assert "Une erreur est survenue" in response.content.decode()
