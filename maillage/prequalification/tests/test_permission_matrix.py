"""Every page and route of prequalification, interviews and notifications, for every role.

Each case builds the same small world on a fresh database, sends one request as one person and
asserts the exact answer. When the answer refuses (403, 404, or the login page for anonymous
visitors), nothing may have changed: no status, no label, no e-mail, no audit entry, no
notification read. When it accepts a change (302), something did change.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.models import ProfileView, Role
from maillage.accounts.tests.factories import AdvisorFactory, ManagerFactory, UserFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.interviews.models import (
    FollowUp,
    Interview,
    InterviewSlot,
    InterviewStatus,
    Placement,
)
from maillage.interviews.tests.factories import (
    InterviewFactory,
    InterviewSlotFactory,
    in_days,
    scheduled_interview,
)
from maillage.notifications.models import Notification
from maillage.prequalification.models import (
    DecisionLabel,
    Proposal,
    ProposalStatus,
    ReviewRequest,
)
from maillage.prequalification.tests.factories import ProposalFactory, complete_profile

pytestmark = pytest.mark.django_db

ROLES = [
    "candidate",
    "other_candidate",
    "employer",
    "other_employer",
    "advisor",
    "manager",
    "partner",
    "anonymous",
]
LOGIN = "/accounts/login/"


@dataclass
class World:
    people: dict[str, Any]
    proposed: Proposal
    asked: Proposal
    declined: Proposal
    rejected: Proposal
    reviewed: Proposal
    shortlisted: Proposal
    awaiting: Interview
    upcoming: Interview
    held: Interview
    review: ReviewRequest
    follow_up: FollowUp
    notification: Notification
    free_slot: InterviewSlot


def build_world() -> World:
    member = CompanyMemberFactory()
    other_member = CompanyMemberFactory()
    candidate = complete_profile(CandidateProfileFactory())
    other_candidate = CandidateProfileFactory()
    advisor = AdvisorFactory()
    people = {
        "candidate": candidate.user,
        "other_candidate": other_candidate.user,
        "employer": member.user,
        "other_employer": other_member.user,
        "advisor": advisor,
        "manager": ManagerFactory(),
        "partner": UserFactory(role=Role.PARTNER),
        "anonymous": None,
    }
    JobPostingFactory(company=other_member.company)  # the other employer has its own posting

    def proposal(**fields) -> Proposal:
        return ProposalFactory(
            candidate=candidate,
            posting=JobPostingFactory(company=member.company),
            decided_by=advisor,
            **fields,
        )

    rejected_fields = {"status": ProposalStatus.REJECTED, "decision_reason": "location"}
    reviewed = proposal(**rejected_fields)
    review = ReviewRequest.objects.create(
        proposal=reviewed, requested_by=candidate.user, message="Je suis prêt à déménager."
    )
    invited = {"shortlisted": True, "status": ProposalStatus.INVITED}
    awaiting_proposal = proposal(**invited)
    free_slot = InterviewSlotFactory(posting=awaiting_proposal.posting, starts_at=in_days(3))
    awaiting = InterviewFactory(
        proposal=awaiting_proposal, created_by=member.user, offered=[free_slot]
    )
    upcoming = scheduled_interview(
        proposal=proposal(**invited), starts_at=in_days(5), by=member.user
    )
    held = scheduled_interview(proposal=proposal(**invited), starts_at=in_days(-1), by=member.user)
    hired = scheduled_interview(
        proposal=proposal(**invited),
        starts_at=in_days(-200),
        by=member.user,
        status=InterviewStatus.COMPLETED,
        outcome="hired",
    )
    placement = Placement.objects.create(
        interview=hired,
        candidate=candidate,
        posting=hired.proposal.posting,
        company=member.company,
        position="Soudeur",
        municipality=hired.proposal.posting.municipality,
        region=hired.proposal.posting.municipality.region,
        start_date=(timezone.now() - timedelta(days=190)).date(),
    )
    follow_up = FollowUp.objects.create(
        placement=placement, months=3, due_on=placement.start_date + timedelta(days=92)
    )
    return World(
        people=people,
        proposed=proposal(),
        asked=proposal(asked=True),
        declined=proposal(
            asked=True, status=ProposalStatus.DECLINED, consent_answered_at=timezone.now()
        ),
        rejected=proposal(**rejected_fields),
        reviewed=reviewed,
        shortlisted=proposal(shortlisted=True),
        awaiting=awaiting,
        upcoming=upcoming,
        held=held,
        review=review,
        follow_up=follow_up,
        notification=Notification.objects.create(
            recipient=candidate.user,
            code="prequalification.review_answered",
            params={"posting": "Soudeur"},
        ),
        free_slot=free_slot,
    )


def state() -> tuple:
    """Everything a request of this feature could change."""
    return (
        sorted(Proposal.objects.values_list("pk", "status", "shared_sections", "decided_at")),
        DecisionLabel.objects.count(),
        sorted(ReviewRequest.objects.values_list("pk", "status", "answer")),
        sorted(Interview.objects.values_list("pk", "status", "slot_id", "outcome")),
        sorted(InterviewSlot.objects.values_list("pk", "withdrawn_at")),
        Placement.objects.count(),
        sorted(FollowUp.objects.values_list("pk", "status")),
        sorted(Notification.objects.values_list("pk", "read_at")),
        ProfileView.objects.count(),
        len(mail.outbox),
    )


def local_input(days: int, hour: int) -> str:
    moment = timezone.localtime(timezone.now() + timedelta(days=days))
    return moment.replace(hour=hour, minute=0).strftime("%Y-%m-%dT%H:%M")


A = "anonymous"
TEAM = {"advisor": 200, "manager": 200}
TEAM_DECIDES = {"advisor": 302, "manager": 403}


def expect(default: int, **answers: int) -> dict[str, int]:
    table = dict.fromkeys(ROLES, default)
    table[A] = 302
    table.update(answers)
    return table


# (name, method, url(world), data(world), expected answer per role)
ROUTES = [
    ("notifications:list", "get", lambda w: reverse("notifications:list"), None, expect(200)),
    (
        "notifications:open",
        "post",
        lambda w: reverse("notifications:open", args=[w.notification.pk]),
        lambda w: {},
        expect(404, candidate=302),
    ),
    (
        "notifications:read-all",
        "post",
        lambda w: reverse("notifications:read-all"),
        lambda w: {},
        expect(302),
    ),
    (
        "prequalification:queue",
        "get",
        lambda w: reverse("prequalification:queue"),
        None,
        expect(403, **TEAM),
    ),
    (
        "prequalification:queue-decide",
        "post",
        lambda w: reverse("prequalification:queue-decide"),
        lambda w: {
            "proposals": [str(w.proposed.public_id)],
            "decision": "reject",
            "rejection_reason": "location",
        },
        expect(403, **TEAM_DECIDES),
    ),
    (
        "prequalification:proposal-detail",
        "get",
        lambda w: reverse("prequalification:proposal-detail", args=[w.proposed.public_id]),
        None,
        expect(403, **TEAM),
    ),
    (
        "prequalification:proposal-decide",
        "post",
        lambda w: reverse("prequalification:proposal-decide", args=[w.proposed.public_id]),
        lambda w: {"decision": "reject", "reject-reason": "location"},
        expect(403, **TEAM_DECIDES),
    ),
    (
        "prequalification:posting-list",
        "get",
        lambda w: reverse("prequalification:posting-list"),
        None,
        expect(403, **TEAM),
    ),
    (
        "prequalification:posting-proposals",
        "get",
        lambda w: reverse(
            "prequalification:posting-proposals", args=[w.proposed.posting.public_id]
        ),
        None,
        expect(403, **TEAM),
    ),
    (
        "prequalification:posting-add-candidate",
        "post",
        lambda w: reverse(
            "prequalification:posting-add-candidate", args=[w.proposed.posting.public_id]
        ),
        lambda w: {"email": w.people["other_candidate"].email, "reason": "known_to_team"},
        expect(403, **TEAM_DECIDES),
    ),
    (
        "prequalification:review-list",
        "get",
        lambda w: reverse("prequalification:review-list"),
        None,
        expect(403, **TEAM),
    ),
    (
        "prequalification:review-answer",
        "post",
        lambda w: reverse("prequalification:review-answer", args=[w.review.pk]),
        lambda w: {f"review-{w.review.pk}-answer": "La décision est maintenue."},
        expect(403, **TEAM_DECIDES),
    ),
    (
        "prequalification:audit-log",
        "get",
        lambda w: reverse("prequalification:audit-log"),
        None,
        expect(403, **TEAM),
    ),
    (
        "prequalification:program-settings",
        "get",
        lambda w: reverse("prequalification:program-settings"),
        None,
        expect(403, manager=200),
    ),
    (
        "prequalification:mine",
        "get",
        lambda w: reverse("prequalification:mine"),
        None,
        expect(403, candidate=200, other_candidate=200),
    ),
    (
        "prequalification:mine-detail",
        "get",
        lambda w: reverse("prequalification:mine-detail", args=[w.asked.public_id]),
        None,
        expect(403, candidate=200, other_candidate=404),
    ),
    (
        "prequalification:mine-consent",
        "post",
        lambda w: reverse("prequalification:mine-consent", args=[w.asked.public_id]),
        lambda w: {"decision": "accept", "shared_sections": ["contact"]},
        expect(403, candidate=302, other_candidate=404),
    ),
    (
        "prequalification:mine-decline-undo",
        "post",
        lambda w: reverse("prequalification:mine-decline-undo", args=[w.declined.public_id]),
        lambda w: {},
        expect(403, candidate=302, other_candidate=404),
    ),
    (
        "prequalification:mine-withdraw",
        "post",
        lambda w: reverse("prequalification:mine-withdraw", args=[w.shortlisted.public_id]),
        lambda w: {},
        expect(403, candidate=302, other_candidate=404),
    ),
    (
        "prequalification:mine-review",
        "post",
        lambda w: reverse("prequalification:mine-review", args=[w.rejected.public_id]),
        lambda w: {"message": "Mon français est de niveau 8 depuis mars."},
        expect(403, candidate=302, other_candidate=404),
    ),
    (
        "prequalification:shortlist",
        "get",
        lambda w: reverse("prequalification:shortlist"),
        None,
        expect(403, employer=200, other_employer=200),
    ),
    (
        "prequalification:shortlist-posting",
        "get",
        lambda w: reverse(
            "prequalification:shortlist-posting", args=[w.shortlisted.posting.public_id]
        ),
        None,
        expect(403, employer=200, other_employer=404),
    ),
    (
        "prequalification:shortlist-candidate",
        "get",
        lambda w: reverse("prequalification:shortlist-candidate", args=[w.shortlisted.public_id]),
        None,
        expect(403, employer=200, other_employer=404),
    ),
    (
        "prequalification:shortlist-decline",
        "post",
        lambda w: reverse("prequalification:shortlist-decline", args=[w.shortlisted.public_id]),
        lambda w: {"reason": "experience"},
        expect(403, employer=302, other_employer=404),
    ),
    (
        "interviews:list",
        "get",
        lambda w: reverse("interviews:list"),
        None,
        expect(200, partner=403),
    ),
    (
        "interviews:invite/get",
        "get",
        lambda w: reverse("interviews:invite", args=[w.shortlisted.public_id]),
        None,
        expect(403, employer=200, other_employer=404),
    ),
    (
        "interviews:invite/post",
        "post",
        lambda w: reverse("interviews:invite", args=[w.shortlisted.public_id]),
        lambda w: {"start_1": local_input(10, 10), "minutes": "30", "video_kind": "jitsi"},
        expect(403, employer=302, other_employer=404),
    ),
    (
        "interviews:detail",
        "get",
        lambda w: reverse("interviews:detail", args=[w.awaiting.public_id]),
        None,
        expect(404, candidate=200, employer=200, partner=403, **TEAM),
    ),
    (
        "interviews:pick",
        "post",
        lambda w: reverse("interviews:pick", args=[w.awaiting.public_id]),
        lambda w: {"slot": str(w.free_slot.public_id)},
        expect(403, candidate=302, other_candidate=404),
    ),
    (
        "interviews:other-slots",
        "post",
        lambda w: reverse("interviews:other-slots", args=[w.awaiting.public_id]),
        lambda w: {"message": "Les mardis matin, heure de Paris."},
        expect(403, candidate=302, other_candidate=404),
    ),
    (
        "interviews:slots/get",
        "get",
        lambda w: reverse("interviews:slots", args=[w.awaiting.public_id]),
        None,
        expect(403, employer=200, other_employer=404),
    ),
    (
        "interviews:slots/post",
        "post",
        lambda w: reverse("interviews:slots", args=[w.awaiting.public_id]),
        lambda w: {"start_1": local_input(11, 10), "minutes": "30"},
        expect(403, employer=302, other_employer=404),
    ),
    (
        "interviews:reschedule",
        "post",
        lambda w: reverse("interviews:reschedule", args=[w.upcoming.public_id]),
        lambda w: {"reschedule-reason": "Un imprévu ce jour-là."},
        expect(403, candidate=302, employer=302, other_candidate=404, other_employer=404),
    ),
    (
        "interviews:cancel",
        "post",
        lambda w: reverse("interviews:cancel", args=[w.upcoming.public_id]),
        lambda w: {"cancel-reason": "J'ai accepté un autre emploi."},
        expect(403, candidate=302, employer=302, other_candidate=404, other_employer=404),
    ),
    (
        "interviews:outcome/get",
        "get",
        lambda w: reverse("interviews:outcome", args=[w.held.public_id]),
        None,
        expect(403, employer=200, other_employer=404),
    ),
    (
        "interviews:outcome/post",
        "post",
        lambda w: reverse("interviews:outcome", args=[w.held.public_id]),
        lambda w: {"outcome": "no_show"},
        expect(403, employer=302, other_employer=404),
    ),
    (
        "interviews:calendar",
        "get",
        lambda w: reverse("interviews:calendar", args=[w.upcoming.public_id]),
        None,
        expect(403, candidate=200, employer=200, other_candidate=404, other_employer=404),
    ),
    (
        "interviews:follow-up-list",
        "get",
        lambda w: reverse("interviews:follow-up-list"),
        None,
        expect(403, **TEAM),
    ),
    (
        "interviews:follow-up-record",
        "post",
        lambda w: reverse("interviews:follow-up-record", args=[w.follow_up.pk]),
        lambda w: {
            f"follow-up-{w.follow_up.pk}-is_still_employed": "yes",
            f"follow-up-{w.follow_up.pk}-is_still_in_region": "yes",
        },
        expect(403, **TEAM_DECIDES),
    ),
]

CASES = [pytest.param(route, role, id=f"{route[0]}[{role}]") for route in ROUTES for role in ROLES]
# Mutations answered 302 that change nothing by design (marking one's own, empty, list read).
NO_CHANGE_EXPECTED = {("notifications:read-all", role) for role in ROLES}


def test_the_matrix_covers_every_route_of_the_three_apps():
    from django.urls import get_resolver

    names = set()
    for namespace in ("prequalification", "interviews", "notifications"):
        resolver = get_resolver().namespace_dict[namespace][1]
        names |= {f"{namespace}:{name}" for name in resolver.reverse_dict if isinstance(name, str)}
    covered = {route[0].split("/")[0] for route in ROUTES}
    assert names == covered
    assert len(CASES) == len(ROUTES) * len(ROLES)


@pytest.mark.parametrize(("route", "role"), CASES)
def test_answer_and_nothing_changed_when_refused(client, route, role):
    name, method, url, data, expected = route
    world = build_world()
    person = world.people[role]
    if person is not None:
        client.force_login(person)
    path = url(world)
    mail.outbox.clear()
    before = state()

    response = getattr(client, method)(path, data(world) if data else None)

    answer = expected[role]
    assert response.status_code == answer, response.content.decode()[:2000]
    is_login_redirect = response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert is_login_redirect == (role == A)
    after = state()
    if answer in (403, 404) or is_login_redirect:
        assert after == before
    elif method == "post" and (name, role) not in NO_CHANGE_EXPECTED:
        assert after != before
