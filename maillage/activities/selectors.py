"""Reads for activity pages, the schedule solver's inputs and the program's participation figures."""

from dataclasses import dataclass, field
from datetime import date

from django.db import models
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import User
from maillage.activities.models import (
    Activity,
    CandidateRegistration,
    EmployerRegistration,
    Meeting,
    MeetingConstraint,
)
from maillage.candidates.models import CandidateProfile, Relocation
from maillage.core.choices import VerificationStatus
from maillage.employers.models import Company
from maillage.matching.models import MatchResult
from maillage.prequalification.calibration import queue_threshold
from matchcore.schedule import Pair, Pin, ScheduleProblem

Status = CandidateRegistration.Status


def activity_list_upcoming(*, today: date, region=None) -> QuerySet[Activity]:
    activities = Activity.objects.upcoming(today=today).select_related("region")
    if region is not None:
        activities = activities.in_region(region)
    return activities.annotate(
        employer_count=Count("employer_registrations", distinct=True),
        candidate_count=Count(
            "candidate_registrations",
            filter=Q(candidate_registrations__status=Status.REGISTERED),
            distinct=True,
        ),
    ).order_by("date", "starts_at")


def activity_get(public_id) -> Activity:
    try:
        return Activity.objects.select_related("region", "created_by").get(public_id=public_id)
    except (Activity.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def employer_registrations(activity: Activity) -> QuerySet[EmployerRegistration]:
    return (
        activity.employer_registrations.select_related("company__municipality")
        .prefetch_related("postings")
        .order_by("company__legal_name")
    )


def candidate_registrations(activity: Activity) -> QuerySet[CandidateRegistration]:
    return activity.candidate_registrations.select_related("candidate__user").order_by(
        "status", "candidate__user__full_name"
    )


def registration_of_candidate(activity: Activity, user: User) -> CandidateRegistration | None:
    profile = getattr(user, "candidate_profile", None)
    if profile is None:
        return None
    return CandidateRegistration.objects.filter(activity=activity, candidate=profile).first()


def registration_of_company(
    activity: Activity, company: Company | None
) -> EmployerRegistration | None:
    if company is None:
        return None
    return (
        EmployerRegistration.objects.filter(activity=activity, company=company)
        .prefetch_related("postings")
        .first()
    )


def meetings_of_activity(activity: Activity) -> QuerySet[Meeting]:
    return activity.meetings.select_related(
        "activity", "candidate__user", "company", "posting"
    ).order_by("slot", "company__legal_name", "table")


def meetings_of_candidate(activity: Activity, profile: CandidateProfile) -> QuerySet[Meeting]:
    return (
        activity.meetings.filter(candidate=profile)
        .select_related("activity", "company__municipality", "posting")
        .order_by("slot")
    )


def meetings_of_company(activity: Activity, company: Company) -> QuerySet[Meeting]:
    return (
        activity.meetings.filter(company=company)
        .select_related("activity", "candidate__user", "posting")
        .order_by("slot", "table")
    )


def meeting_get(pk: int) -> Meeting:
    try:
        return Meeting.objects.select_related("activity", "company", "candidate__user").get(pk=pk)
    except Meeting.DoesNotExist as exc:
        raise Http404 from exc


def _interested_in(region_id: int) -> Q:
    """Candidates who would work in the region: they live there, chose it, or are open to any."""
    return (
        Q(candidate__municipality__region_id=region_id)
        | Q(candidate__regions_of_interest=region_id)
        | Q(candidate__is_open_to_all_regions=True)
        | Q(candidate__relocation=Relocation.YES)
    )


def invitable_candidates(
    activity: Activity, *, limit: int = 50, region_only: bool = False
) -> list[tuple[CandidateProfile, float]]:
    """The short list for invitations: verified candidates the engine found acceptable for a
    posting brought to the activity, best score first, not yet invited or registered. With
    `region_only` (a regional partner), only candidates who would work in the activity's region.
    The invitation action accepts only someone on this list (`invitable_candidate`)."""
    posting_ids = EmployerRegistration.postings.through.objects.filter(
        employerregistration__activity=activity
    ).values("jobposting_id")
    already = activity.candidate_registrations.filter(
        status__in=[Status.INVITED, Status.REGISTERED]
    ).values("candidate_id")
    best: dict[int, float] = {}
    rows = (
        MatchResult.objects.filter(posting_id__in=posting_ids, is_excluded=False)
        .exclude(candidate_id__in=already)
        .filter(candidate__verification_status=VerificationStatus.VERIFIED)
    )
    if region_only:
        rows = rows.filter(_interested_in(activity.region_id)).distinct()
    for candidate_id, score in rows.values_list("candidate_id", "score"):
        best[candidate_id] = max(score, best.get(candidate_id, 0.0))
    top = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:limit]
    profiles = CandidateProfile.objects.select_related("user").in_bulk([pk for pk, _s in top])
    return [(profiles[pk], score) for pk, score in top if pk in profiles]


def invitable_candidate(
    activity: Activity, public_id: str, *, region_only: bool
) -> CandidateProfile:
    """The candidate the organiser picked, only if the invitation list offered them (404 else):
    no id typed by hand reaches anybody else."""
    for profile, _score in invitable_candidates(activity, region_only=region_only):
        if str(profile.public_id) == str(public_id):
            return profile
    raise Http404


def registered_candidate(activity: Activity, public_id) -> CandidateProfile:
    """A candidate who registered for the activity (and so consented), 404 for anybody else."""
    try:
        return CandidateProfile.objects.select_related("user").get(
            public_id=public_id,
            activity_registrations__activity=activity,
            activity_registrations__status=Status.REGISTERED,
        )
    except (CandidateProfile.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def registered_company(activity: Activity, public_id) -> Company:
    try:
        return Company.objects.get(public_id=public_id, activity_registrations__activity=activity)
    except (Company.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


@dataclass(frozen=True)
class ScheduleInputs:
    problem: ScheduleProblem
    # (candidate pk, company pk) -> the brought posting with the best score for that candidate.
    best_posting: dict[tuple[int, int], int]
    # (candidate pk, company pk) -> the engine version that computed that best score.
    engine_versions: dict[tuple[int, int], str] = field(default_factory=dict)


def candidate_key(pk: int) -> str:
    return f"c{pk}"


def company_key(pk: int) -> str:
    return f"e{pk}"


def registered_candidate_ids(activity: Activity) -> list[int]:
    return list(
        activity.candidate_registrations.filter(status=Status.REGISTERED)
        .order_by("candidate_id")
        .values_list("candidate_id", flat=True)
    )


def postings_brought(activity: Activity) -> dict[int, int]:
    """The company of each posting the registered employers bring, by posting id."""
    return {
        posting_id: company_id
        for company_id, posting_id in EmployerRegistration.postings.through.objects.filter(
            employerregistration__activity=activity
        ).values_list("employerregistration__company_id", "jobposting_id")
    }


def _best_pairs(
    activity: Activity, candidate_ids: list[int]
) -> tuple[dict[tuple[int, int], tuple[float, int]], dict[tuple[int, int], str]]:
    """(candidate pk, company pk) -> (best score, −posting pk) over the postings brought, and the
    engine version of that score: the engine's non-excluded results only."""
    company_of_posting = postings_brought(activity)
    best: dict[tuple[int, int], tuple[float, int]] = {}
    results = MatchResult.objects.filter(
        candidate_id__in=candidate_ids, posting_id__in=list(company_of_posting), is_excluded=False
    ).values_list("candidate_id", "posting_id", "score", "engine_version")
    versions: dict[tuple[int, int], str] = {}
    for candidate_id, posting_id, score, engine_version in results:
        key = (candidate_id, company_of_posting[posting_id])
        clipped = min(100.0, max(0.0, float(score)))
        if key not in best or best[key] < (clipped, -posting_id):
            best[key] = (clipped, -posting_id)
            versions[key] = engine_version
    return best, versions


def schedule_inputs(activity: Activity) -> ScheduleInputs:
    """The solver's problem: registered candidates, registered employers, and as acceptable pairs
    the engine's non-excluded results for the postings each employer brings (best one per pair)
    from the advisors' queue threshold up: a meeting is worth booking when an advisor would
    propose the pair. A meeting the organiser keeps stays acceptable whatever its score."""
    candidate_ids = registered_candidate_ids(activity)
    company_ids: set[int] = set(
        activity.employer_registrations.values_list("company_id", flat=True)
    )
    best, versions = _best_pairs(activity, candidate_ids)
    forbidden, pins = set(), []
    registered = set(candidate_ids)
    for constraint in MeetingConstraint.objects.filter(activity=activity):
        if constraint.candidate_id not in registered or constraint.company_id not in company_ids:
            continue
        pair = (candidate_key(constraint.candidate_id), company_key(constraint.company_id))
        if constraint.kind == MeetingConstraint.Kind.FORBID:
            forbidden.add(pair)
        else:
            pins.append(Pin(*pair, slot=constraint.slot))
    kept = {(int(pin.candidate[1:]), int(pin.employer[1:])) for pin in pins}
    threshold = queue_threshold().score
    best = {key: v for key, v in best.items() if v[0] >= threshold or key in kept}
    ordered_companies = sorted(company_ids)
    problem = ScheduleProblem(
        candidates=tuple(candidate_key(pk) for pk in candidate_ids),
        employers=tuple(company_key(pk) for pk in ordered_companies),
        slots=activity.slot_count,
        pairs=tuple(
            Pair(candidate_key(c), company_key(e), score)
            for (c, e), (score, _p) in sorted(best.items())
        ),
        max_meetings_per_candidate=activity.max_meetings_per_candidate,
        tables={company_key(pk): activity.tables_per_employer for pk in ordered_companies},
        pins=tuple(pins),
        forbidden=frozenset(forbidden),
    )
    return ScheduleInputs(problem, {key: -neg for key, (_s, neg) in best.items()}, versions)


@dataclass(frozen=True)
class ParticipationFigures:
    verified_employers: int  # the program's employers: verified companies
    employers_who_took_part: int  # of those, with an attendance recorded at an activity

    @property
    def share(self) -> float:
        if not self.verified_employers:
            return 0.0
        return self.employers_who_took_part / self.verified_employers

    @property
    def percent(self) -> float:
        """The share in percent, to one decimal, as every page shows it."""
        return round(100 * self.share, 1)


def employer_participation(companies: QuerySet[Company] | None = None) -> ParticipationFigures:
    """The employer-participation figure, its one definition (activities' pages and the program
    figures show it): of the program's employers, the verified companies, how many took part in
    at least one activity (an attendance recorded: a meeting checked in, a visit attended).
    `companies` narrows the employers counted (the program figures' filters)."""
    verified = (Company.objects.all() if companies is None else companies).filter(
        verification_status=VerificationStatus.VERIFIED
    )
    took_part = verified.filter(activity_registrations__attended_at__isnull=False).distinct()
    return ParticipationFigures(verified.count(), took_part.count())


def activities_of_user(user: User, *, today: date) -> list[Activity]:
    """Upcoming activities a candidate or an employer is registered for (for their space)."""
    activities = Activity.objects.upcoming(today=today).select_related("region")
    profile = getattr(user, "candidate_profile", None)
    if profile is not None:
        return list(
            activities.filter(
                candidate_registrations__candidate=profile,
                candidate_registrations__status__in=[Status.REGISTERED, Status.INVITED],
            )
        )
    membership = getattr(user, "company_membership", None)
    if membership is not None:
        return list(activities.filter(employer_registrations__company_id=membership.company_id))
    return []


@dataclass(frozen=True)
class DraftMeeting:
    company: str
    candidate: str
    score: float
    table: int


def draft_schedule_grid(activity: Activity, draft: dict) -> list[tuple[int, object, object, list]]:
    """A computed draft's meetings by slot, with the names the organiser reads."""
    found = draft.get("meetings", [])
    companies = dict(
        Company.objects.filter(pk__in={m["company"] for m in found}).values_list("pk", "legal_name")
    )
    candidates = dict(
        CandidateProfile.objects.filter(pk__in={m["candidate"] for m in found}).values_list(
            "pk", "user__full_name"
        )
    )
    by_slot: dict[int, list[DraftMeeting]] = {}
    for meeting in sorted(found, key=lambda m: (m["slot"], companies.get(m["company"], ""))):
        by_slot.setdefault(meeting["slot"], []).append(
            DraftMeeting(
                company=companies.get(meeting["company"], ""),
                candidate=candidates.get(meeting["candidate"], ""),
                score=meeting["score"],
                table=meeting["table"],
            )
        )
    return [(slot, start, end, by_slot.get(slot, [])) for slot, start, end in activity.slots()]


class LeftOutReason(models.TextChoices):
    NO_COMPATIBLE_POSTING = "no_compatible", _("No posting brought to the activity fits them")
    BELOW_THRESHOLD = "below_threshold", _("Their best match is below the meeting threshold")
    NO_ROOM = "no_room", _("Employers' places went to closer matches")


@dataclass(frozen=True)
class LeftOut:
    """A registered candidate without a meeting in the computed schedule, and why."""

    registration: CandidateRegistration
    reason: str  # LeftOutReason
    best_score: float | None  # their best score with an employer present, if any


def candidates_left_out(activity: Activity) -> list[LeftOut]:
    """Registered candidates the computed schedule gives no meeting, each with the reason: no
    posting brought fits them, their best pair is below the threshold, or the places went to
    closer matches. Empty before a schedule is computed."""
    if activity.schedule_computed_at is None:
        return []
    served = set(activity.meetings.values_list("candidate_id", flat=True))
    registrations = [
        r
        for r in activity.candidate_registrations.filter(status=Status.REGISTERED)
        .select_related("candidate__user")
        .order_by("candidate_id")
        if r.candidate_id not in served
    ]
    if not registrations:
        return []
    best, _versions = _best_pairs(activity, [r.candidate_id for r in registrations])
    top: dict[int, float] = {}
    for (candidate_id, _company), (score, _p) in best.items():
        top[candidate_id] = max(score, top.get(candidate_id, 0.0))
    threshold = queue_threshold().score
    left = []
    for registration in registrations:
        score = top.get(registration.candidate_id)
        if score is None:
            reason = LeftOutReason.NO_COMPATIBLE_POSTING
        elif score < threshold:
            reason = LeftOutReason.BELOW_THRESHOLD
        else:
            reason = LeftOutReason.NO_ROOM
        left.append(LeftOut(registration, reason, score))
    return left


def left_out_of(activity: Activity, profile: CandidateProfile) -> LeftOut | None:
    """Why this candidate has no meeting in the computed schedule (None: they have one, or
    they are not registered, or no schedule yet)."""
    return next(
        (x for x in candidates_left_out(activity) if x.registration.candidate_id == profile.pk),
        None,
    )
