import pytest
from django.urls import reverse
from django.utils import translation

from maillage.accounts.tests.factories import UserFactory
from maillage.notifications.models import Notification
from maillage.notifications.services import notification_send

pytestmark = pytest.mark.django_db


def test_a_notification_is_stored_as_a_code_and_read_in_the_readers_language():
    person = UserFactory()
    notification = notification_send(
        recipient=person,
        code="prequalification.review_answered",
        params={"posting": "Soudeur"},
        url_name="prequalification:mine",
    )
    assert notification.params == {"posting": "Soudeur"}
    with translation.override("en"):
        assert notification.message == "An advisor answered your review request about “Soudeur”."
        assert notification.url == "/en/prequalification/mine/"
    with translation.override("fr"):
        assert notification.url == "/prequalification/mine/"


def test_an_unknown_code_or_a_missing_parameter_fails_where_it_is_sent():
    person = UserFactory()
    with pytest.raises(ValueError, match="Unknown notification code"):
        notification_send(recipient=person, code="nope")
    with pytest.raises(KeyError):
        notification_send(recipient=person, code="prequalification.review_answered")
    assert not Notification.objects.exists()


def test_the_header_counts_unread_and_opening_marks_read(client):
    person = UserFactory()
    other = UserFactory()
    mine = notification_send(
        recipient=person,
        code="prequalification.review_answered",
        params={"posting": "Soudeur"},
        url_name="notifications:list",
    )
    notification_send(
        recipient=person, code="prequalification.review_answered", params={"posting": "Cuisinier"}
    )
    notification_send(
        recipient=other, code="prequalification.review_answered", params={"posting": "Autre"}
    )
    client.force_login(person)
    html = client.get(reverse("notifications:list")).content.decode()
    assert 'class="badge badge-info notifications-count">2' in html
    response = client.post(reverse("notifications:open", args=[mine.pk]))
    assert response["Location"] == reverse("notifications:list")
    mine.refresh_from_db()
    assert mine.read_at is not None
    client.post(reverse("notifications:read-all"))
    assert Notification.objects.filter(recipient=person, read_at__isnull=True).count() == 0
    assert Notification.objects.filter(recipient=other, read_at__isnull=True).count() == 1


def test_nobody_opens_someone_elses_notification(client):
    theirs = notification_send(
        recipient=UserFactory(),
        code="prequalification.review_answered",
        params={"posting": "Soudeur"},
    )
    client.force_login(UserFactory())
    assert client.post(reverse("notifications:open", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_a_deleted_account_leaves_no_name_in_other_peoples_notifications_or_exports():
    from maillage.notifications import privacy

    leaving = UserFactory(full_name="Carlos Gómez")
    advisor = UserFactory(language="en")
    notification_send(
        recipient=advisor,
        code="prequalification.consent_withdrawn",
        params={"candidate": "Carlos Gómez", "posting": "Soudeur"},
    )
    privacy.erase(leaving)
    notice = Notification.objects.get(recipient=advisor)
    assert "Carlos Gómez" not in str(notice.params)
    assert "Carlos Gómez" not in str(privacy.export(advisor))
    with translation.override("fr"):
        assert "a supprimé son compte" in notice.message
        assert "Soudeur" in notice.message
