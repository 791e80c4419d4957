"""After the interview: the outcome, the placement and its follow-ups, the labels."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core import mail

from maillage.interviews import services
from maillage.interviews.models import (
    FollowUp,
    Interview,
    InterviewStatus,
    Placement,
)
from maillage.interviews.selectors import RetentionRow, retention_figures
from maillage.interviews.tests.factories import InterviewFactory, scheduled_interview
from maillage.notifications.models import Notification
from maillage.prequalification.models import DecisionLabel
from maillage.regions.models import Municipality

pytestmark = pytest.mark.django_db

START = datetime(2027, 3, 2, 17, 0, tzinfo=UTC)
AFTER = START + timedelta(hours=2)


@pytest.fixture
def interview(shortlisted, member):
    shortlisted.status = "invited"
    shortlisted.save()
    return scheduled_interview(proposal=shortlisted, starts_at=START, by=member.user)


def state():
    return (
        list(Interview.objects.values_list("status", "outcome")),
        Placement.objects.count(),
        FollowUp.objects.count(),
        DecisionLabel.objects.count(),
    )


def hire(**overrides):
    fields = {
        "start_date": date(2027, 4, 5),
        "position": "Soudeur-assembleur",
        "municipality": Municipality.objects.get(name="Rimouski"),
        **overrides,
    }
    return services.HireDetails(**fields)


def test_a_hire_creates_the_placement_and_three_follow_ups_for_the_approving_advisor(
    interview, member, advisor, candidate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.interview_outcome_record(
            interview=interview, by=member.user, outcome="hired", hire=hire(), now=AFTER
        )
    placement = Placement.objects.get()
    assert (placement.position, placement.start_date, placement.region.name) == (
        "Soudeur-assembleur",
        date(2027, 4, 5),
        "Bas-Saint-Laurent",
    )
    assert list(placement.follow_ups.values_list("months", "due_on", "advisor")) == [
        (3, date(2027, 7, 5), advisor.pk),
        (6, date(2027, 10, 5), advisor.pk),
        (12, date(2028, 4, 5), advisor.pk),
    ]
    assert list(DecisionLabel.objects.values_list("label", "relevance", "source")) == [
        ("hired", 4, "employer")
    ]
    [message] = mail.outbox
    assert message.to == [candidate.user.email]
    assert (
        "vous embauche au poste «\xa0Soudeur-assembleur\xa0» à compter du 2027-04-05"
        in message.body
    )
    assert set(Notification.objects.filter(recipient=advisor).values_list("code", flat=True)) == {
        "interviews.outcome_advisor",
        "interviews.follow_ups_planned",
    }
    # The candidate is congratulated, not told that "a result was recorded".
    assert list(
        Notification.objects.filter(recipient=candidate.user).values_list("code", flat=True)
    ) == ["interviews.hired"]


def test_an_outcome_before_the_interview_is_refused(interview, member):
    before = state()
    with pytest.raises(services.InterviewError) as error:
        services.interview_outcome_record(
            interview=interview, by=member.user, outcome="no_show", now=START - timedelta(hours=1)
        )
    assert error.value.messages == [
        "L'entrevue n'a pas encore eu lieu\xa0: inscrivez son résultat après."
    ]
    assert state() == before


@pytest.mark.parametrize(
    "status",
    [InterviewStatus.AWAITING_CANDIDATE, InterviewStatus.SLOTS_NEEDED, InterviewStatus.CANCELLED],
)
def test_an_outcome_for_an_interview_that_did_not_happen_is_refused(shortlisted, member, status):
    interview = InterviewFactory(proposal=shortlisted, status=status, created_by=member.user)
    before = state()
    with pytest.raises(services.InterviewError) as error:
        services.interview_outcome_record(
            interview=interview, by=member.user, outcome="not_retained", reason="skills", now=AFTER
        )
    assert error.value.messages == [
        "Cette entrevue n'a pas eu lieu\xa0: il n'y a aucun résultat à inscrire."
    ]
    assert state() == before


def test_an_outcome_is_recorded_once_except_an_offer_that_becomes_a_hire(interview, member):
    services.interview_outcome_record(
        interview=interview, by=member.user, outcome="offer", now=AFTER
    )
    services.interview_outcome_record(
        interview=interview, by=member.user, outcome="hired", hire=hire(), now=AFTER
    )
    before = state()
    with pytest.raises(services.InterviewError) as error:
        services.interview_outcome_record(
            interview=interview, by=member.user, outcome="not_retained", reason="salary", now=AFTER
        )
    assert error.value.messages == ["Le résultat est déjà inscrit («\xa0Embauche\xa0»)."]
    assert state() == before
    assert list(DecisionLabel.objects.values_list("label", flat=True)) == ["offer", "hired"]


def test_not_retained_needs_a_reason_and_a_hire_its_details(interview, member):
    before = state()
    with pytest.raises(services.InterviewError) as error:
        services.interview_outcome_record(
            interview=interview, by=member.user, outcome="not_retained", now=AFTER
        )
    assert error.value.messages == ["Indiquez pourquoi la personne candidate n'est pas retenue."]
    with pytest.raises(services.InterviewError) as error:
        services.interview_outcome_record(
            interview=interview,
            by=member.user,
            outcome="hired",
            hire=hire(start_date=date(2027, 1, 1)),
            now=AFTER,
        )
    assert error.value.messages == ["La date de début ne peut pas précéder l'entrevue."]
    assert state() == before


def test_a_second_interview_opens_round_two_waiting_for_times(interview, member):
    services.interview_outcome_record(
        interview=interview, by=member.user, outcome="second_interview", now=AFTER
    )
    second = Interview.objects.get(round=2)
    assert (second.status, second.proposal_id) == (
        InterviewStatus.SLOTS_NEEDED,
        interview.proposal_id,
    )


def test_a_no_show_is_not_a_label(interview, member):
    services.interview_outcome_record(
        interview=interview, by=member.user, outcome="no_show", now=AFTER
    )
    assert not DecisionLabel.objects.exists()


class TestFollowUps:
    @pytest.fixture
    def follow_up(self, interview, member):
        services.interview_outcome_record(
            interview=interview, by=member.user, outcome="hired", hire=hire(), now=AFTER
        )
        return FollowUp.objects.get(months=3)

    def test_recorded_when_due_and_counted_in_the_figures(self, follow_up, advisor):
        services.follow_up_record(
            follow_up=follow_up,
            by=advisor,
            is_still_employed=True,
            is_still_in_region=False,
            note="A déménagé à Mont-Joli, même employeur.",
            today=date(2027, 7, 5),
        )
        assert retention_figures() == [RetentionRow(3, 1, 1, 0)]

    def test_not_before_it_is_due_and_only_once(self, follow_up, advisor):
        with pytest.raises(services.InterviewError) as error:
            services.follow_up_record(
                follow_up=follow_up,
                by=advisor,
                is_still_employed=True,
                is_still_in_region=True,
                today=date(2027, 7, 4),
            )
        assert error.value.messages == [
            "Ce suivi est prévu le 2027-07-05\xa0: inscrivez-le à partir de ce jour."
        ]
        services.follow_up_record(
            follow_up=follow_up,
            by=advisor,
            is_still_employed=True,
            is_still_in_region=True,
            today=date(2027, 7, 6),
        )
        with pytest.raises(services.InterviewError) as error:
            services.follow_up_record(
                follow_up=follow_up,
                by=advisor,
                is_still_employed=False,
                is_still_in_region=False,
                today=date(2027, 7, 7),
            )
        assert error.value.messages == ["Ce suivi est déjà inscrit."]
        follow_up.refresh_from_db()
        assert follow_up.is_still_employed is True
