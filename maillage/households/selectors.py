"""Reads of the households app: a person's household and invitations, the joint search, and
the partners the advisors' queue marks."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from maillage.candidates.models import CandidateProfile, WorkExperience
from maillage.employers.models import JobPosting
from maillage.households.models import HouseholdLink
from maillage.matching.selectors import CandidateMatchFilters, matches_of_candidate
from maillage.regions.models import Region
from matchcore.households import (
    DEFAULT_GOOD_STARS,
    DEFAULT_MAX_KM,
    JointSearch,
    RankedPosting,
    joint_search,
)

PAIRS_SHOWN = 10


def household_of(profile: CandidateProfile) -> HouseholdLink | None:
    """The person's accepted link, with both people."""
    return (
        HouseholdLink.objects.accepted()
        .involving(profile)
        .select_related("inviter__user", "partner__user")
        .first()
    )


def invitation_sent(profile: CandidateProfile) -> HouseholdLink | None:
    return HouseholdLink.objects.pending().filter(inviter=profile).first()


def invitations_received(profile: CandidateProfile) -> list[HouseholdLink]:
    """Invitations waiting for this person's answer (sent to their address)."""
    return list(
        HouseholdLink.objects.pending()
        .filter(invitee_email=profile.user.email.lower())
        .exclude(inviter=profile)
        .select_related("inviter__user")
        .order_by("created_at")
    )


def link_of(profile: CandidateProfile, public_id) -> HouseholdLink | None:
    """A link the person takes part in or is invited to, by its public id."""
    return (
        HouseholdLink.objects.filter(public_id=public_id)
        .filter(
            Q(inviter=profile) | Q(partner=profile) | Q(invitee_email=profile.user.email.lower())
        )
        .select_related("inviter__user")
        .first()
    )


def ranking_for_household(profile: CandidateProfile) -> list[RankedPosting]:
    """The engine's ranking of the person (their stored match results on published postings,
    admissible ones only) with the place of each posting: one query, no model built."""
    rows = matches_of_candidate(profile, CandidateMatchFilters(min_stars=1)).values_list(
        "posting_id",
        "score",
        "stars",
        "posting__municipality__region__code",
        "posting__municipality__latitude",
        "posting__municipality__longitude",
    )
    return [RankedPosting(*row) for row in rows]


@dataclass(frozen=True)
class ShownPair:
    mine: JobPosting
    mine_rank: RankedPosting
    theirs: JobPosting
    theirs_rank: RankedPosting
    km: float
    joint_score: float


@dataclass(frozen=True)
class ShownRegion:
    region: Region
    good_pairs: int


@dataclass(frozen=True)
class HouseholdSearch:
    pairs: list[ShownPair]
    regions: list[ShownRegion]
    unplaced: int
    max_km: float
    good_stars: int


def household_search(
    profile: CandidateProfile, partner: CandidateProfile, *, limit: int = PAIRS_SHOWN
) -> HouseholdSearch:
    """Pairs of postings, one for each partner, within commuting distance, best joint score
    first, and the regions with the most good pairs: `matchcore.households.joint_search` on
    the two rankings."""
    found: JointSearch = joint_search(
        ranking_for_household(profile),
        ranking_for_household(partner),
        max_km=DEFAULT_MAX_KM,
        limit=limit,
        good_stars=DEFAULT_GOOD_STARS,
    )
    ids = {p.first.posting_id for p in found.pairs} | {p.second.posting_id for p in found.pairs}
    postings = JobPosting.objects.select_related("company", "municipality__region").in_bulk(ids)
    regions = Region.objects.in_bulk([r.region_code for r in found.regions], field_name="code")
    return HouseholdSearch(
        pairs=[
            ShownPair(
                mine=postings[pair.first.posting_id],
                mine_rank=pair.first,
                theirs=postings[pair.second.posting_id],
                theirs_rank=pair.second,
                km=pair.km,
                joint_score=pair.joint_score,
            )
            for pair in found.pairs
        ],
        regions=[ShownRegion(regions[r.region_code], r.good_pairs) for r in found.regions],
        unplaced=found.unplaced,
        max_km=found.max_km,
        good_stars=DEFAULT_GOOD_STARS,
    )


def _household_of_each(
    ids: set[int], *, select: tuple[str, ...], prefetch: tuple = ()
) -> dict[int, HouseholdLink]:
    """The accepted household of each of these candidates who has one (one query, plus the
    prefetches)."""
    links = (
        HouseholdLink.objects.accepted()
        .filter(Q(inviter_id__in=ids) | Q(partner_id__in=ids))
        .select_related(*select)
        .prefetch_related(*prefetch)
    )
    found: dict[int, HouseholdLink] = {}
    for link in links:
        for person_id in (link.inviter_id, link.partner_id):
            if person_id in ids:
                found[person_id] = link
    return found


def partners_by_candidate(candidate_ids: Iterable[int]) -> dict[int, CandidateProfile]:
    """For the advisors' queue: each of these candidates who has a household, and their
    partner (one query)."""
    households = _household_of_each(set(candidate_ids), select=("inviter__user", "partner__user"))
    return {
        person_id: link.partner if person_id == link.inviter_id else link.inviter
        for person_id, link in households.items()
    }


@dataclass(frozen=True)
class WorkSearch:
    """The work a person looks for, as their partner's employers may read it: occupation titles
    and the regions they accept. Nothing else about the person (no name, no contact)."""

    occupations: tuple[str, ...]
    regions: tuple[str, ...]
    all_regions: bool
    # Whose search it is, for the audit log of who read it only: never shown nor serialised.
    user_id: int

    def sentence(self) -> str:
        """The one line an employer reads, in the active language."""
        values = {
            "occupations": ", ".join(self.occupations),
            "regions": _("every region") if self.all_regions else ", ".join(self.regions),
        }
        has_regions = self.all_regions or bool(self.regions)
        if self.occupations and has_regions:
            text = _(
                "Moves with a partner who is also looking for work: %(occupations)s; "
                "regions accepted: %(regions)s."
            )
        elif self.occupations:
            text = _("Moves with a partner who is also looking for work: %(occupations)s.")
        elif has_regions:
            text = _(
                "Moves with a partner who is also looking for work; regions accepted: %(regions)s."
            )
        else:
            text = _("Moves with a partner who is also looking for work.")
        return text % values


def work_search_of(profile: CandidateProfile) -> WorkSearch:
    """The occupations the person wants (else that of their last job) and the regions they
    accept, read from what `households_by_candidate` prefetched."""
    occupations = [noc.title for noc in profile.desired_occupations.all()]
    if not occupations:
        jobs = [e for e in profile.experiences.all() if e.noc is not None]
        last = max(
            jobs, key=lambda e: (e.end_date is None, e.end_date or e.start_date), default=None
        )
        occupations = [last.noc.title] if last else []
    return WorkSearch(
        occupations=tuple(occupations),
        regions=tuple(sorted(region.name for region in profile.regions_of_interest.all())),
        all_regions=profile.is_open_to_all_regions,
        user_id=profile.user_id,
    )


def _with_work_search(prefix: str) -> list:
    return [
        f"{prefix}__desired_occupations",
        f"{prefix}__regions_of_interest",
        Prefetch(
            f"{prefix}__experiences",
            queryset=WorkExperience.objects.select_related("noc"),
        ),
    ]


def households_by_candidate(candidate_ids: Iterable[int]) -> dict[int, HouseholdLink]:
    """Each of these candidates' accepted household, both people with what `work_search_of`
    reads (a fixed number of queries). The employer's gate decides what of it is said."""
    ids = set(candidate_ids)
    if not ids:
        return {}
    return _household_of_each(
        ids,
        select=("inviter", "partner"),
        prefetch=(*_with_work_search("inviter"), *_with_work_search("partner")),
    )
