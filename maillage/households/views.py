"""« Notre ménage »: the candidate's household page (invite, answer, end) and the joint search."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts.models import Role
from maillage.accounts.permissions import role_required
from maillage.households import selectors, services
from maillage.households.forms import InviteForm, SearchShareForm

candidate_required = role_required(Role.CANDIDATE)


def _page(
    request: HttpRequest,
    form: InviteForm | None = None,
    *,
    share_form: SearchShareForm | None = None,
    status: int = 200,
):
    profile = request.user.candidate_profile
    household = selectors.household_of(profile)
    partner = household.other_than(profile) if household else None
    if household and share_form is None:
        is_shared = household.search_shared_at(profile) is not None
        share_form = SearchShareForm(initial={"share": "yes" if is_shared else "no"})
    return render(
        request,
        "households/mine.html",
        {
            "household": household,
            "partner": partner,
            "search": selectors.household_search(profile, partner) if partner else None,
            "sent": None if household else selectors.invitation_sent(profile),
            "received": [] if household else selectors.invitations_received(profile),
            "form": form or InviteForm(),
            "share_form": share_form,
            # The line an employer of the partner would read about this person, word for word.
            "my_search": selectors.work_search_of(profile) if household else None,
            "my_search_shared_at": household.search_shared_at(profile) if household else None,
            "partner_search_shared_at": household.search_shared_at(partner) if household else None,
        },
        status=status,
    )


@candidate_required
def mine(request: HttpRequest) -> HttpResponse:
    return _page(request)


@candidate_required
@require_POST
def invite(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        services.household_invite(
            inviter=request.user.candidate_profile, email=form.cleaned_data["email"]
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _page(request, form, status=400)
    messages.success(
        request,
        _(
            "Invitation sent. If this address belongs to a candidate of the program, or once "
            "its owner creates a candidate account, they can answer from their “Our "
            "household” page."
        ),
    )
    return redirect("households:mine")


def _link(request: HttpRequest, public_id):
    link = selectors.link_of(request.user.candidate_profile, public_id)
    if link is None:
        raise Http404
    return link


@candidate_required
@require_POST
def answer(request: HttpRequest, public_id) -> HttpResponse:
    link = _link(request, public_id)
    profile = request.user.candidate_profile
    try:
        if request.POST.get("decision") == "accept":
            services.household_accept(link=link, by=profile)
            messages.success(request, _("You are now linked. Your joint search is below."))
        elif request.POST.get("decision") == "decline":
            services.household_decline(link=link, by=profile)
            messages.success(request, _("Invitation declined. Nothing was linked."))
        else:
            messages.error(request, _("Choose “Accept” or “Decline”."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("households:mine")


@candidate_required
@require_POST
def end(request: HttpRequest, public_id) -> HttpResponse:
    services.household_end(link=_link(request, public_id), by=request.user.candidate_profile)
    messages.success(request, _("The link has ended. Neither of you sees the other's jobs now."))
    return redirect("households:mine")


@candidate_required
@require_POST
def share_search(request: HttpRequest, public_id) -> HttpResponse:
    """A person of the household changes their own choice (404 for anybody else)."""
    profile = request.user.candidate_profile
    household = selectors.household_of(profile)
    if household is None or household.public_id != public_id:
        raise Http404
    form = SearchShareForm(request.POST)
    if not form.is_valid():
        return _page(request, share_form=form, status=400)
    services.household_search_share(link=household, by=profile, share=form.cleaned_data["share"])
    messages.success(
        request,
        _("Your choice is saved: employers may now read the work you are looking for.")
        if form.cleaned_data["share"]
        else _("Your choice is saved: employers read nothing about the work you are looking for."),
    )
    return redirect("households:mine")
