"""Interview pages: the employer invites and records outcomes, the candidate picks a time, both
can reschedule or cancel with a reason and download the calendar file."""

import uuid

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from maillage.accounts.models import TEAM_ROLES, Role, User
from maillage.accounts.permissions import role_required
from maillage.accounts.time_zones import person_datetime, time_zone_name
from maillage.interviews import selectors, services
from maillage.interviews.calendar import ICS_MIMETYPE, interview_ics, interview_meeting_url
from maillage.interviews.forms import (
    InviteForm,
    OtherSlotsForm,
    OutcomeForm,
    PickForm,
    ReasonForm,
    SlotsForm,
)
from maillage.interviews.models import Interview, InterviewEvent, InterviewSlot, InterviewStatus
from maillage.interviews.services.parties import is_candidate_of, is_employer_of
from maillage.interviews.services.slots import slots_free_to_offer
from maillage.prequalification import selectors as prequalification_selectors
from maillage.prequalification.models import ProposalStatus

employer_required = role_required(Role.EMPLOYER)
candidate_required = role_required(Role.CANDIDATE)
party_or_team_required = role_required(Role.CANDIDATE, Role.EMPLOYER, *TEAM_ROLES)
party_required = role_required(Role.CANDIDATE, Role.EMPLOYER)

PAGE_SIZE = 50


def slot_label(slot: InterviewSlot, user: User) -> str:
    moment = person_datetime(slot.starts_at, time_zone=user.time_zone, language=get_language())
    return _("%(moment)s, %(minutes)d min") % {
        "moment": moment,
        "minutes": slot.duration_minutes,
    }


def _slot_choices(slots, user: User) -> list[tuple[str, str]]:
    return [(str(slot.public_id), slot_label(slot, user)) for slot in slots]


@party_or_team_required
def interview_list(request: HttpRequest) -> HttpResponse:
    interviews = selectors.interviews_visible_to(request.user).order_by("-updated_at")
    page = Paginator(interviews, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "interviews/interview_list.html", {"page": page})


def _invite_page(request: HttpRequest, proposal, form: InviteForm, status: int = 200):
    return render(
        request,
        "interviews/invite.html",
        {"proposal": proposal, "form": form, "time_zone": time_zone_name(request.user.time_zone)},
        status=status,
    )


@employer_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, public_id) -> HttpResponse:
    proposal = prequalification_selectors.proposal_for_employer(request.user, public_id)
    if proposal.status != ProposalStatus.SHORTLISTED:
        raise Http404
    now = timezone.now()
    choices = _slot_choices(slots_free_to_offer(proposal.posting, now), request.user)
    form = InviteForm(
        request.POST or None,
        slot_choices=choices,
        time_zone_name=time_zone_name(request.user.time_zone),
    )
    if request.method == "GET" or not form.is_valid():
        return _invite_page(request, proposal, form, status=200 if request.method == "GET" else 400)
    try:
        interview = services.interview_invite(
            proposal=proposal,
            by=request.user,
            slots=services.SlotChoice(
                starts=form.new_starts,
                minutes=form.cleaned_data["minutes"],
                existing_ids=form.existing_ids,
            ),
            video_kind=form.cleaned_data["video_kind"],
            video_url=form.cleaned_data["video_url"],
            message=form.cleaned_data["message"],
        )
    except services.InterviewError as error:
        form.add_error(None, error)
        return _invite_page(request, proposal, form, status=400)
    messages.success(request, _("The invitation is sent. The candidate will choose a time."))
    return redirect("interviews:detail", public_id=interview.public_id)


def _detail_page(request: HttpRequest, interview: Interview, status: int = 200, **forms):
    now = timezone.now()
    user = request.user
    is_candidate = is_candidate_of(interview, user)
    is_employer = is_employer_of(interview, user)
    free = selectors.slots_free_for(interview, now)
    has_happened = interview.status == InterviewStatus.SCHEDULED and interview.slot.starts_at <= now
    other_zone = None
    # Only the candidate is told the other person's time: the employer's zone is the company's,
    # the candidate's is where they live, which they did not necessarily share.
    if interview.slot is not None and is_candidate:
        other = interview.created_by
        if other is not None and other.time_zone != user.time_zone:
            other_zone = person_datetime(
                interview.slot.starts_at, time_zone=other.time_zone, language=get_language()
            )
    context = {
        "interview": interview,
        "proposal": interview.proposal,
        "is_candidate": is_candidate,
        "is_employer": is_employer,
        "free_slots": [slot_label(slot, user) for slot in free],
        "pick_form": forms.get("pick_form") or PickForm(slot_choices=_slot_choices(free, user)),
        "other_slots_form": forms.get("other_slots_form") or OtherSlotsForm(),
        "reschedule_form": forms.get("reschedule_form") or ReasonForm(prefix="reschedule"),
        "cancel_form": forms.get("cancel_form") or ReasonForm(prefix="cancel"),
        "meeting_url": interview_meeting_url(interview)
        if interview.status == InterviewStatus.SCHEDULED
        else "",
        "moment": person_datetime(
            interview.slot.starts_at, time_zone=user.time_zone, language=get_language()
        )
        if interview.slot
        else "",
        "other_zone_moment": other_zone,
        "time_zone": time_zone_name(user.time_zone),
        "has_happened": has_happened,
        "can_change": interview.status
        in {
            InterviewStatus.AWAITING_CANDIDATE,
            InterviewStatus.SLOTS_NEEDED,
            InterviewStatus.SCHEDULED,
        }
        and not has_happened
        and (is_candidate or is_employer),
        "can_record_outcome": is_employer
        and (
            has_happened
            or (interview.status == InterviewStatus.COMPLETED and interview.outcome == "offer")
        ),
        "placement": getattr(interview, "placement", None),
        "next_rounds": interview.proposal.interviews.filter(round__gt=interview.round),
        "last_request": next(
            (
                event
                for event in reversed(list(interview.events.all()))
                if event.kind
                in {InterviewEvent.Kind.OTHER_SLOTS_REQUESTED, InterviewEvent.Kind.RESCHEDULED}
            ),
            None,
        ),
    }
    return render(request, "interviews/detail.html", context, status=status)


@party_or_team_required
def detail(request: HttpRequest, public_id) -> HttpResponse:
    return _detail_page(request, selectors.interview_for(request.user, public_id))


@candidate_required
@require_POST
def pick(request: HttpRequest, public_id) -> HttpResponse:
    interview = selectors.interview_for(request.user, public_id)
    free = selectors.slots_free_for(interview, timezone.now())
    form = PickForm(request.POST, slot_choices=_slot_choices(free, request.user))
    chosen = request.POST.get("slot", "")
    if not chosen:
        form.is_valid()
        return _detail_page(request, interview, status=400, pick_form=form)
    try:
        services.interview_slot_pick(interview=interview, slot_id=_uuid(chosen), by=request.user)
    except services.InterviewError as error:
        form.is_valid()
        form.errors.pop("slot", None)
        form.add_error(None, error)
        return _detail_page(request, interview, status=400, pick_form=form)
    messages.success(
        request, _("Your interview is set. You and the employer receive a calendar invitation.")
    )
    return redirect("interviews:detail", public_id=interview.public_id)


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


@candidate_required
@require_POST
def other_slots(request: HttpRequest, public_id) -> HttpResponse:
    interview = selectors.interview_for(request.user, public_id)
    form = OtherSlotsForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, interview, status=400, other_slots_form=form)
    try:
        services.interview_other_slots_request(
            interview=interview, by=request.user, message=form.cleaned_data["message"]
        )
    except services.InterviewError as error:
        form.add_error(None, error)
        return _detail_page(request, interview, status=400, other_slots_form=form)
    messages.success(request, _("Your request is sent to the employer."))
    return redirect("interviews:detail", public_id=interview.public_id)


def _slots_page(request: HttpRequest, interview: Interview, form: SlotsForm, status: int = 200):
    return render(
        request,
        "interviews/slots.html",
        {"interview": interview, "form": form, "time_zone": time_zone_name(request.user.time_zone)},
        status=status,
    )


@employer_required
@require_http_methods(["GET", "POST"])
def slots(request: HttpRequest, public_id) -> HttpResponse:
    interview = selectors.interview_for(request.user, public_id)
    if interview.status not in {InterviewStatus.SLOTS_NEEDED, InterviewStatus.AWAITING_CANDIDATE}:
        messages.error(
            request, _("Times can be proposed only while the candidate has not chosen one.")
        )
        return redirect("interviews:detail", public_id=interview.public_id)
    now = timezone.now()
    already = set(interview.offered_slots.values_list("pk", flat=True))
    offerable = [
        s for s in slots_free_to_offer(interview.proposal.posting, now) if s.pk not in already
    ]
    form = SlotsForm(
        request.POST or None,
        slot_choices=_slot_choices(offerable, request.user),
        time_zone_name=time_zone_name(request.user.time_zone),
    )
    if request.method == "GET" or not form.is_valid():
        return _slots_page(request, interview, form, status=200 if request.method == "GET" else 400)
    try:
        services.interview_slots_propose(
            interview=interview,
            by=request.user,
            slots=services.SlotChoice(
                starts=form.new_starts,
                minutes=form.cleaned_data["minutes"],
                existing_ids=form.existing_ids,
            ),
        )
    except services.InterviewError as error:
        form.add_error(None, error)
        return _slots_page(request, interview, form, status=400)
    messages.success(request, _("The new times are sent to the candidate."))
    return redirect("interviews:detail", public_id=interview.public_id)


def _change(request: HttpRequest, public_id, *, prefix: str, service, done: str) -> HttpResponse:
    interview = selectors.interview_for(request.user, public_id)
    if not (is_candidate_of(interview, request.user) or is_employer_of(interview, request.user)):
        raise Http404
    form = ReasonForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return _detail_page(request, interview, status=400, **{f"{prefix}_form": form})
    try:
        service(interview=interview, by=request.user, reason=form.cleaned_data["reason"])
    except services.InterviewError as error:
        form.add_error(None, error)
        return _detail_page(request, interview, status=400, **{f"{prefix}_form": form})
    messages.success(request, done)
    return redirect("interviews:detail", public_id=interview.public_id)


@party_required
@require_POST
def reschedule(request: HttpRequest, public_id) -> HttpResponse:
    return _change(
        request,
        public_id,
        prefix="reschedule",
        service=services.interview_reschedule,
        done=_("The time is released; the other person is told why."),
    )


@party_required
@require_POST
def cancel(request: HttpRequest, public_id) -> HttpResponse:
    return _change(
        request,
        public_id,
        prefix="cancel",
        service=services.interview_cancel,
        done=_("The interview is cancelled; the other person is told why."),
    )


def _outcome_page(request: HttpRequest, interview: Interview, form: OutcomeForm, status=200):
    return render(
        request,
        "interviews/outcome.html",
        {"interview": interview, "proposal": interview.proposal, "form": form},
        status=status,
    )


@employer_required
@require_http_methods(["GET", "POST"])
def outcome(request: HttpRequest, public_id) -> HttpResponse:
    interview = selectors.interview_for(request.user, public_id)
    posting = interview.proposal.posting
    form = OutcomeForm(
        request.POST or None,
        initial={"position": posting.title, "municipality": posting.municipality_id},
    )
    if request.method == "GET" or not form.is_valid():
        return _outcome_page(
            request, interview, form, status=200 if request.method == "GET" else 400
        )
    data = form.cleaned_data
    hire = (
        services.HireDetails(
            start_date=data["start_date"],
            position=data["position"],
            municipality=data["municipality"],
        )
        if data["outcome"] == "hired"
        else None
    )
    try:
        services.interview_outcome_record(
            interview=interview,
            by=request.user,
            outcome=data["outcome"],
            reason=data["reason"],
            note=data["note"],
            hire=hire,
        )
    except services.InterviewError as error:
        form.add_error(None, error)
        return _outcome_page(request, interview, form, status=400)
    messages.success(request, _("The outcome is recorded. The candidate and the advisor are told."))
    return redirect("interviews:detail", public_id=interview.public_id)


@party_required
def calendar_file(request: HttpRequest, public_id) -> HttpResponse:
    interview = selectors.interview_for(request.user, public_id)
    if interview.status != InterviewStatus.SCHEDULED or interview.slot is None:
        raise Http404
    if not (is_candidate_of(interview, request.user) or is_employer_of(interview, request.user)):
        raise Http404
    response = HttpResponse(
        interview_ics(interview=interview, recipient=request.user),
        content_type=f"{ICS_MIMETYPE}; charset=utf-8",
    )
    name = "entrevue.ics" if get_language() == "fr" else "interview.ics"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
