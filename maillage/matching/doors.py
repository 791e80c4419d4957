"""What would open more doors (a candidate) and what would widen the pool (a posting): reads.

Both figures come from the engine (`matchcore.engine.counterfactuals`): the candidate's changed
profile goes through the hard rules over every published posting; the posting's relaxed
requirement through the masks over every candidate of the process's engine. Counts of people
under SMALL_CELL are shown as « moins de 5 » and no person is ever named.
"""

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Max
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maillage.candidates.models import CandidateProfile
from maillage.core.templatetags.formatting import format_date
from maillage.employers.models import JobPosting, PostingStatus
from maillage.matching.engine_state import current_engine
from maillage.matching.records import candidate_record, posting_record
from maillage.matching.selectors import candidate_for_engine
from maillage.regions.models import Region
from maillage.taxonomy.models import RegulatedOccupation
from maillage.taxonomy.selectors import permits_by_code
from matchcore.engine import DEFAULT_POLICY, Skill
from matchcore.engine.counterfactuals import (
    ALL_SKILLS,
    ChangeKind,
    DoorsOpened,
    PostingColumns,
    ProfileChange,
    Relaxation,
    RelaxationKind,
    best_doors,
    doors_opened,
    feasible_changes,
    pool_widening,
)

DOORS_SHOWN = 5
REGIONS_NAMED = 3
SMALL_CELL = 5
# A later start the employer could offer, and how far a French minimum is lowered.
LATER_START_DAYS = 60
FRENCH_STEP_DOWN = 2
FRANCIZATION_URL = "https://www.quebec.ca/education/apprendre-le-francais"

_lock = threading.Lock()
_columns: tuple[tuple, list, PostingColumns] | None = None


def published_columns() -> tuple[list, PostingColumns]:
    """The published postings' records and columns, rebuilt only when a posting changed."""
    global _columns
    published = JobPosting.objects.filter(status=PostingStatus.PUBLISHED)
    version = tuple(published.aggregate(n=Count("pk"), latest=Max("updated_at")).values())
    with _lock:
        if _columns is None or _columns[0] != version:
            postings = published.select_related("municipality__region").prefetch_related("skills")
            records = [posting_record(p, vector=None) for p in postings.order_by("pk")]
            _columns = (version, records, PostingColumns(records, policy=DEFAULT_POLICY))
        return _columns[1], _columns[2]


def columns_reset() -> None:
    """Forget the process's posting columns (tests)."""
    global _columns
    with _lock:
        _columns = None


@dataclass(frozen=True)
class RegionCount:
    name: str
    count: int
    url: str


@dataclass(frozen=True)
class Door:
    """A change, its sentence, where it opens jobs and what helps make it."""

    sentence: str
    count: int
    regions: list[RegionCount]
    help_label: str
    help_url: str


def _french_skill(skill: str) -> str:
    names = {
        "oral_comprehension": _("oral comprehension"),
        "oral_production": _("oral production"),
        "written_comprehension": _("written comprehension"),
        "written_production": _("written production"),
    }
    return names[skill]


def _change_sentence(
    change: ProfileChange,
    count: int,
    regions: Mapping[str, Region],
    permits: Mapping[str, RegulatedOccupation],
    *,
    moves_only_with_aid: bool = False,
) -> str:
    values = {"count": count, "level": change.level}
    if change.kind == ChangeKind.FRENCH and change.skill != ALL_SKILLS:
        values["skill"] = _french_skill(change.skill)
        return (
            ngettext(
                "With level %(level)s in French %(skill)s, %(count)s more job would be open to you",
                "With level %(level)s in French %(skill)s, %(count)s more jobs would be open to you",
                count,
            )
            % values
        )
    if change.kind == ChangeKind.FRENCH:
        return (
            ngettext(
                "With level %(level)s in all four French skills, %(count)s more job would be open "
                "to you",
                "With level %(level)s in all four French skills, %(count)s more jobs would be open "
                "to you",
                count,
            )
            % values
        )
    if change.kind == ChangeKind.ENGLISH:
        return (
            ngettext(
                "With level %(level)s in English, %(count)s more job would be open to you",
                "With level %(level)s in English, %(count)s more jobs would be open to you",
                count,
            )
            % values
        )
    if change.kind == ChangeKind.CREDENTIAL and change.credential is not None:
        values["credential"] = change.credential.label
        return (
            ngettext(
                "“%(credential)s” opens %(count)s job",
                "“%(credential)s” opens %(count)s jobs",
                count,
            )
            % values
        )
    if change.kind == ChangeKind.PERMIT:
        permit = permits.get(change.permit)
        values["permit"] = permit.permit if permit else change.permit
        return (
            ngettext(
                "Obtaining “%(permit)s” opens %(count)s job",
                "Obtaining “%(permit)s” opens %(count)s jobs",
                count,
            )
            % values
        )
    if change.kind == ChangeKind.REGION:
        region = regions.get(change.region_code)
        values["region"] = region.name if region else change.region_code
        return (
            ngettext(
                "Accepting %(region)s: %(count)s job", "Accepting %(region)s: %(count)s jobs", count
            )
            % values
        )
    if change.kind == ChangeKind.RELOCATION and moves_only_with_aid:
        # The jobs offering a relocation allowance are open to her already: these are the others.
        return (
            ngettext(
                "Moving even without relocation assistance: %(count)s job",
                "Moving even without relocation assistance: %(count)s jobs",
                count,
            )
            % values
        )
    if change.kind == ChangeKind.RELOCATION:
        return (
            ngettext(
                "Being ready to move anywhere in Québec: %(count)s job",
                "Being ready to move anywhere in Québec: %(count)s jobs",
                count,
            )
            % values
        )
    values["date"] = format_date(change.available_from)
    return (
        ngettext(
            "Being available from %(date)s: %(count)s job",
            "Being available from %(date)s: %(count)s jobs",
            count,
        )
        % values
    )


def _help(
    change: ProfileChange,
    regions: Mapping[str, Region],
    permits: Mapping[str, RegulatedOccupation],
) -> tuple[str, str]:
    if change.kind == ChangeKind.PERMIT and change.permit in permits:
        permit = permits[change.permit]
        return _("The steps: %(regulator)s") % {"regulator": permit.regulator}, permit.url
    if change.kind == ChangeKind.FRENCH:
        return _("Francisation Québec: free French courses"), FRANCIZATION_URL
    if change.kind == ChangeKind.REGION and change.region_code in regions:
        region = regions[change.region_code]
        return (
            _("Discover %(region)s") % {"region": region.name},
            reverse("regions:region-detail", args=[region.slug]),
        )
    if change.kind == ChangeKind.CREDENTIAL:
        return _("Add it to your skills"), reverse("candidates:profile") + "#skills"
    if change.kind == ChangeKind.ENGLISH:
        return _("Update your languages"), reverse("candidates:section-edit", args=["languages"])
    return _("Update your regions and availability"), reverse(
        "candidates:section-edit", args=["preferences"]
    )


def _door(
    item: DoorsOpened,
    regions: Mapping[str, Region],
    permits: Mapping[str, RegulatedOccupation],
    *,
    moves_only_with_aid: bool,
) -> Door:
    counts = sorted(item.by_region.items(), key=lambda kv: (-kv[1], kv[0]))[:REGIONS_NAMED]
    named = [
        RegionCount(
            regions[code].name, count, reverse("regions:region-detail", args=[regions[code].slug])
        )
        for code, count in counts
        if code in regions
    ]
    label, url = _help(item.change, regions, permits)
    sentence = _change_sentence(
        item.change, item.count, regions, permits, moves_only_with_aid=moves_only_with_aid
    )
    return Door(sentence, item.count, named, label, url)


def candidate_doors(
    profile: CandidateProfile, *, today: date, limit: int = DOORS_SHOWN
) -> list[Door]:
    """The few single changes that would open the most published postings to the candidate."""
    loaded = candidate_for_engine(profile.pk)
    if loaded is None:
        return []
    candidate = candidate_record(loaded, today=today, vector=None)
    records, columns = published_columns()
    changes = feasible_changes(candidate, records, today=today)
    best = best_doors(doors_opened(candidate, columns, changes, today=today), limit=limit)
    regions = {region.code: region for region in Region.objects.all()}
    codes = {item.change.permit for item in best if item.change.permit}
    permits = permits_by_code(codes) if codes else {}
    aided = candidate.relocates_only_with_aid
    return [_door(item, regions, permits, moves_only_with_aid=aided) for item in best]


# --- the employer's side ---


@dataclass(frozen=True)
class Widening:
    sentence: str
    added: str  # "+12", « moins de 5 de plus », "+25 ready to move"
    regions: list[tuple[str, str]]  # (region, count shown)

    @property
    def regions_text(self) -> str:
        return ", ".join(f"{name} {count}" for name, count in self.regions)


def shown_count(count: int) -> str:
    """A count of people as it may be shown: under SMALL_CELL, « fewer than 5 »."""
    if 0 < count < SMALL_CELL:
        return _("fewer than %(n)s") % {"n": SMALL_CELL}
    return str(count)


def shown_added(count: int) -> str:
    if count < SMALL_CELL:
        return _("fewer than %(n)s more") % {"n": SMALL_CELL}
    return "+" + str(count)


def shown_movers(count: int) -> str:
    """The people a relocation allowance adds: all of them would move to the job's region."""
    if count < SMALL_CELL:
        return _("fewer than %(n)s more people ready to move") % {"n": SMALL_CELL}
    return ngettext("+%(count)s person ready to move", "+%(count)s people ready to move", count) % {
        "count": count
    }


def _relaxations(posting: JobPosting, *, today: date) -> list[tuple[Relaxation, str]]:
    options: list[tuple[Relaxation, str]] = []
    for skill, minimum in posting.min_french_levels().items():
        if minimum is None:
            continue
        lower = max(1, minimum - FRENCH_STEP_DOWN)
        options.append(
            (
                Relaxation(RelaxationKind.FRENCH, skill=skill, level=lower),
                _("Require level %(lower)s instead of %(level)s in French %(skill)s")
                % {"lower": lower, "level": minimum, "skill": _french_skill(skill)},
            )
        )
    if posting.min_english is not None:
        options.append(
            (
                Relaxation(RelaxationKind.ENGLISH, level=None),
                _("Not require English (level %(level)s today)") % {"level": posting.min_english},
            )
        )
    if not posting.accepts_employer_specific_permit:
        options.append(
            (
                Relaxation(RelaxationKind.EMPLOYER_SPECIFIC_PERMIT),
                _("Accept an employer-specific work permit (LMIA)"),
            )
        )
    for skill in posting.skills.all():
        if skill.is_must_have and not posting.shows_missing_must_haves:
            options.append(
                (
                    Relaxation(
                        RelaxationKind.MUST_HAVE, must_have=Skill(skill.label, skill.esco_uri)
                    ),
                    _("Train the person for “%(skill)s” instead of requiring it")
                    % {"skill": skill.label},
                )
            )
    if not posting.offers_relocation_allowance:
        options.append(
            (Relaxation(RelaxationKind.RELOCATION_ALLOWANCE), _("Offer relocation assistance"))
        )
    start = posting.start_date or today
    later = start + timedelta(days=LATER_START_DAYS)
    options.append(
        (
            Relaxation(RelaxationKind.START_DATE, start_date=later),
            _("Start on %(date)s instead") % {"date": format_date(later)},
        )
    )
    return options


@dataclass(frozen=True)
class Pool:
    admissible: str
    widenings: list[Widening]


def posting_pool(posting: JobPosting, *, today: date) -> Pool:
    """How many eligible candidates the posting admits now, and what relaxing each of its
    requirements would add, by the candidates' home region; small cells suppressed."""
    engine = current_engine(today=today)
    record = posting_record(posting, vector=None)
    options = _relaxations(posting, today=today)
    labels = dict(options)
    admitted, widened = pool_widening(
        engine.store,
        record,
        [relaxation for relaxation, _label in options],
        today=today,
        eligible=engine.eligible(today=today),
    )
    homes = dict(
        CandidateProfile.objects.filter(
            pk__in={pk for item in widened for pk in item.candidate_ids}
        ).values_list("pk", "municipality__region__name")
    )
    widenings = []
    for item in widened:
        if not item.count:
            continue
        by_region: dict[str, int] = {}
        for pk in item.candidate_ids:
            name = homes.get(pk) or _("Outside Québec or unknown")
            by_region[name] = by_region.get(name, 0) + 1
        regions = [
            (name, shown_count(count))
            for name, count in sorted(by_region.items(), key=lambda kv: (-kv[1], kv[0]))
            if count >= SMALL_CELL
        ][:REGIONS_NAMED]
        moving = item.relaxation.kind == RelaxationKind.RELOCATION_ALLOWANCE
        added = shown_movers(item.count) if moving else shown_added(item.count)
        widenings.append(Widening(labels[item.relaxation], added, regions))
    return Pool(shown_count(admitted), widenings)
