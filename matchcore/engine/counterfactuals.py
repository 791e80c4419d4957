"""What would open more doors, on both sides, counted by the engine's own hard rules.

For a candidate (`doors_opened`): each single change they could make to their profile (a French or
English level, a card or licence a posting requires, the permit of a regulated occupation, a
region, moving, an earlier availability)
and the published postings it would newly admit: the changed record goes through
`rules.hard_rules`, the same function every scored pair goes through. The kinds of change are
closed on purpose: none touches the right to work, the program's eligibility or a protected ground.

For an employer (`pool_widening`): each requirement of a posting relaxed on its own, and the
eligible candidates it would newly admit: the relaxed posting goes through
`CandidateStore.admissible`, the masks the engine retrieves candidates with.

Speed: `hard_rules` on every pair costs about 0.2 s per change at 10,000 postings, so the rules
run as columns over the postings (`PostingColumns`, as `CandidateStore` runs them over the
candidates); `doors_opened_by_rules` is the pair-by-pair reference, and the property tests check
that both give the same postings.
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

import numpy as np

from matchcore.eligibility import PERMANENT_STATUSES, ImmigrationStatus
from matchcore.engine.contracts import (
    LANGUAGE_SKILLS,
    CandidateRecord,
    LanguageLevels,
    PermitHolding,
    PermitStatus,
    PostingRecord,
    Skill,
)
from matchcore.engine.factors import candidate_skill_keys, skill_keys
from matchcore.engine.policy import Policy
from matchcore.engine.rules import hard_rules
from matchcore.engine.store import NO_DATE, CandidateStore, region_bit

ALL_SKILLS = ""  # a language change to every skill below the level


class ChangeKind(StrEnum):
    FRENCH = "french"
    ENGLISH = "english"
    REGION = "region"
    RELOCATION = "relocation"
    CREDENTIAL = "credential"
    PERMIT = "permit"
    AVAILABILITY = "availability"


@dataclass(frozen=True)
class ProfileChange:
    """One change a person can make. `skill` is a French skill (ALL_SKILLS: every skill below
    `level`); `level` the language level reached; `region_code` a region accepted; `credential`
    a card, licence or skill obtained; `permit` the code of a regulated occupation's permit
    obtained (held in Québec); `available_from` the new availability date."""

    kind: ChangeKind
    skill: str = ALL_SKILLS
    level: int | None = None
    region_code: str = ""
    credential: Skill | None = None
    permit: str = ""
    available_from: date | None = None

    def apply(self, candidate: CandidateRecord) -> CandidateRecord:
        """The candidate's record as it would be after the change."""
        if self.kind == ChangeKind.FRENCH:
            return replace(candidate, french=_raised(candidate.french, self.skill, self.level))
        if self.kind == ChangeKind.ENGLISH:
            return replace(candidate, english=_raised(candidate.english, ALL_SKILLS, self.level))
        if self.kind == ChangeKind.REGION:
            return replace(candidate, region_codes=candidate.region_codes | {self.region_code})
        if self.kind == ChangeKind.RELOCATION:
            return replace(candidate, is_ready_to_relocate=True, relocates_only_with_aid=False)
        if self.kind == ChangeKind.CREDENTIAL and self.credential is not None:
            return replace(candidate, skills=(*candidate.skills, self.credential))
        if self.kind == ChangeKind.PERMIT and self.permit:
            others = tuple(p for p in candidate.permits if p.code != self.permit)
            held = PermitHolding(self.permit, PermitStatus.HELD)
            return replace(candidate, permits=(*others, held))
        if self.kind == ChangeKind.AVAILABILITY:
            return replace(candidate, available_from=self.available_from)
        return candidate


def _raised(levels: LanguageLevels, skill: str, level: int | None) -> LanguageLevels:
    if level is None:
        return levels
    skills = LANGUAGE_SKILLS if skill == ALL_SKILLS else (skill,)
    values = {name: levels.get(name) for name in LANGUAGE_SKILLS}
    for name in skills:
        if values[name] is None or values[name] < level:
            values[name] = level
    return LanguageLevels(**values)


@dataclass(frozen=True)
class DoorsOpened:
    """The postings a change would newly admit, and how many in each region."""

    change: ProfileChange
    posting_ids: tuple[int | str, ...]
    by_region: Mapping[str, int]

    @property
    def count(self) -> int:
        return len(self.posting_ids)


class PostingColumns:
    """The published postings as columns, for one candidate's hard rules over all of them at
    once (the mirror of `CandidateStore`, which holds candidates for one posting). `excluded`
    must agree with `rules.hard_rules` on every pair; the property tests check it."""

    def __init__(self, postings: Sequence[PostingRecord], *, policy: Policy):
        self.policy = policy
        self.ids = [posting.id for posting in postings]
        self.region_codes = [posting.place.region_code or "" for posting in postings]
        self.region = np.array([region_bit(p.place.region_code) for p in postings], np.uint32)
        grace = timedelta(days=policy.availability_grace_days)
        self.start = np.array([_day(p.start_date) for p in postings], np.int32)
        self.latest_start = np.array(
            [_day(p.start_date and p.start_date + grace) for p in postings], np.int32
        )
        self.accepts_employer_specific = np.array(
            [p.accepts_employer_specific_permit for p in postings], np.bool_
        )
        self.offers_relocation_allowance = np.array(
            [p.offers_relocation_allowance for p in postings], np.bool_
        )
        self.french = np.array(
            [[p.min_french.get(skill) or 0 for skill in LANGUAGE_SKILLS] for p in postings],
            np.uint8,
        ).reshape(len(postings), len(LANGUAGE_SKILLS))
        self.english = np.array([p.min_english or 0 for p in postings], np.uint8)
        # Must-haves that exclude (not capped): how many per posting, and which posting each
        # skill key belongs to, to count the ones a candidate holds.
        self.must_have_count = np.zeros(len(postings), np.int32)
        owners: dict[str, list[tuple[int, int]]] = {}
        for row, posting in enumerate(postings):
            if posting.must_haves and not posting.must_haves_cap:
                self.must_have_count[row] = len(posting.must_haves)
                for index, skill in enumerate(posting.must_haves):
                    for key in skill_keys(skill):
                        owners.setdefault(key, []).append((row, index))
        self._must_have_owners = owners
        # Required permits that exclude (not capped), the same way.
        self.permit_count = np.zeros(len(postings), np.int32)
        permit_owners: dict[str, list[int]] = {}
        for row, posting in enumerate(postings):
            if posting.required_permits and not posting.must_haves_cap:
                codes = set(posting.required_permits)
                self.permit_count[row] = len(codes)
                for code in codes:
                    permit_owners.setdefault(code, []).append(row)
        self._permit_owners = permit_owners

    def __len__(self) -> int:
        return len(self.ids)

    def excluded(self, candidate: CandidateRecord, *, today: date) -> np.ndarray:
        """Postings that one of the hard rules excludes for this candidate."""
        size = len(self.ids)
        # The rules that read only the candidate (eligibility), through the rules themselves.
        if any(
            r.is_exclusion
            for r in hard_rules(candidate, _NO_REQUIREMENT, today=today, policy=self.policy)
        ):
            return np.ones(size, np.bool_)
        out = np.zeros(size, np.bool_)
        if candidate.immigration_status == ImmigrationStatus.EMPLOYER_SPECIFIC_PERMIT:
            out |= ~self.accepts_employer_specific
        if (
            candidate.permit_expires_on is not None
            and candidate.immigration_status not in PERMANENT_STATUSES
        ):
            out |= (self.start != NO_DATE) & (candidate.permit_expires_on.toordinal() < self.start)
        for i, skill in enumerate(LANGUAGE_SKILLS):
            level = candidate.french.get(skill)
            if level is not None:
                out |= level < self.french[:, i]
        english = [level for _s, level in candidate.english.items() if level is not None]
        if english:
            out |= min(english) < self.english
        if not (candidate.is_open_to_all_regions or candidate.is_ready_to_relocate) and (
            candidate.region_codes
        ):
            accepted = region_bit(candidate.home.region_code)
            for code in candidate.region_codes:
                accepted |= region_bit(code)
            elsewhere = (self.region != 0) & ((self.region & accepted) == 0)
            if candidate.relocates_only_with_aid:
                elsewhere &= ~self.offers_relocation_allowance
            out |= elsewhere
        if candidate.available_from is not None:
            late = candidate.available_from.toordinal() > self.latest_start
            out |= (self.start != NO_DATE) & late
        out |= self._missing_must_haves(candidate)
        out |= self._missing_permits(candidate)
        return out

    def _missing_permits(self, candidate: CandidateRecord) -> np.ndarray:
        rows = [row for code in candidate.permits_held for row in self._permit_owners.get(code, ())]
        counts = np.bincount(np.array(rows, np.int64), minlength=len(self.ids))
        return counts < self.permit_count

    def _missing_must_haves(self, candidate: CandidateRecord) -> np.ndarray:
        held = set()
        for key in candidate_skill_keys(candidate):
            held.update(self._must_have_owners.get(key, ()))
        counts = np.bincount(
            np.array([row for row, _index in held], np.int64), minlength=len(self.ids)
        )
        return counts < self.must_have_count


def _day(day: date | None) -> int:
    return NO_DATE if day is None else day.toordinal()


# A posting that asks nothing, so that `hard_rules` on it gives only the rules about the candidate
# alone (eligibility). It accepts employer-specific permits: that rule depends on the posting and
# is a column below (a posting refusing them would exclude every such candidate here).
_NO_REQUIREMENT = PostingRecord(id="", accepts_employer_specific_permit=True)


def doors_opened(
    candidate: CandidateRecord,
    postings: PostingColumns,
    changes: Sequence[ProfileChange],
    *,
    today: date,
) -> list[DoorsOpened]:
    """For each change that opens at least one posting, the postings it newly admits; most
    first (ties in the order of `changes`)."""
    closed = postings.excluded(candidate, today=today)
    if not closed.any():
        return []
    opened = []
    for change in changes:
        rows = np.flatnonzero(closed & ~postings.excluded(change.apply(candidate), today=today))
        if len(rows):
            regions = Counter(postings.region_codes[row] for row in rows.tolist())
            ids = tuple(postings.ids[row] for row in rows.tolist())
            opened.append(DoorsOpened(change, ids, dict(regions)))
    order = {id(item): i for i, item in enumerate(opened)}
    return sorted(opened, key=lambda item: (-item.count, order[id(item)]))


def doors_opened_by_rules(
    candidate: CandidateRecord,
    postings: Sequence[PostingRecord],
    changes: Sequence[ProfileChange],
    *,
    today: date,
    policy: Policy,
) -> list[DoorsOpened]:
    """The reference `doors_opened` checks against: `hard_rules` on every pair, before and
    after each change (slow: for tests)."""

    def is_open(record: CandidateRecord, posting: PostingRecord) -> bool:
        reasons = hard_rules(record, posting, today=today, policy=policy)
        return not any(r.is_exclusion for r in reasons)

    closed = [p for p in postings if not is_open(candidate, p)]
    opened = []
    for change in changes:
        changed = change.apply(candidate)
        now_open = [p for p in closed if is_open(changed, p)]
        if now_open:
            regions = Counter(p.place.region_code or "" for p in now_open)
            opened.append(DoorsOpened(change, tuple(p.id for p in now_open), dict(regions)))
    order = {id(item): i for i, item in enumerate(opened)}
    return sorted(opened, key=lambda item: (-item.count, order[id(item)]))


def feasible_changes(
    candidate: CandidateRecord, postings: Sequence[PostingRecord], *, today: date
) -> list[ProfileChange]:
    """The single changes worth trying: the French and English levels the postings ask above the
    candidate's, the must-haves they lack, the regions they do not accept yet, moving, and being
    available today. Languages by rising level, so that among equal counts the lowest wins."""
    french: dict[str, set[int]] = {skill: set() for skill in LANGUAGE_SKILLS}
    english: set[int] = set()
    credentials: dict[frozenset[str], Skill] = {}
    permits: set[str] = set()
    held = candidate.permits_held
    regions: set[str] = set()
    have = candidate_skill_keys(candidate)
    known_english = [level for _s, level in candidate.english.items() if level is not None]
    lowest_english = min(known_english, default=None)
    for posting in postings:
        for skill, minimum in posting.min_french.items():
            level = candidate.french.get(skill)
            if minimum is not None and level is not None and level < minimum:
                french[skill].add(minimum)
        if lowest_english is not None and (posting.min_english or 0) > lowest_english:
            english.add(posting.min_english)
        for skill in posting.must_haves:
            keys = skill_keys(skill)
            if not keys & have:
                credentials.setdefault(keys, skill)
        permits.update(code for code in posting.required_permits if code not in held)
        if posting.place.region_code:
            regions.add(posting.place.region_code)
    changes = [
        ProfileChange(ChangeKind.FRENCH, skill=skill, level=level)
        for skill in LANGUAGE_SKILLS
        for level in sorted(french[skill])
    ]
    changes += [
        ProfileChange(ChangeKind.FRENCH, level=level)
        for level in sorted(set().union(*french.values()))
    ]
    changes += [ProfileChange(ChangeKind.ENGLISH, level=level) for level in sorted(english)]
    changes += [
        ProfileChange(ChangeKind.CREDENTIAL, credential=skill)
        for skill in sorted(credentials.values(), key=lambda s: (s.label, s.esco_uri))
    ]
    changes += [ProfileChange(ChangeKind.PERMIT, permit=code) for code in sorted(permits)]
    flexible = candidate.is_open_to_all_regions or candidate.is_ready_to_relocate
    if not flexible and candidate.region_codes:
        accepted = candidate.region_codes | {candidate.home.region_code}
        changes += [
            ProfileChange(ChangeKind.REGION, region_code=code)
            for code in sorted(regions - accepted)
        ]
        changes.append(ProfileChange(ChangeKind.RELOCATION))
    if candidate.available_from is not None and candidate.available_from > today:
        changes.append(ProfileChange(ChangeKind.AVAILABILITY, available_from=today))
    return changes


def best_doors(opened: Sequence[DoorsOpened], *, limit: int) -> list[DoorsOpened]:
    """The `limit` changes that open the most, most first: one per kind and skill (the lowest
    level among a language's equal counts), and none that opens exactly the postings of one
    already kept (the change listed first, the smaller one, stays: a skill before all four,
    a region before moving anywhere)."""
    seen: set[tuple[str, str, str, str, str]] = set()
    shown: set[tuple[int | str, ...]] = set()
    best = []
    for item in opened:
        change = item.change
        family = (
            change.kind,
            change.skill,
            change.region_code,
            str(change.credential),
            change.permit,
        )
        if family in seen or item.posting_ids in shown:
            continue
        seen.add(family)
        shown.add(item.posting_ids)
        best.append(item)
        if len(best) == limit:
            break
    return best


class RelaxationKind(StrEnum):
    FRENCH = "french"
    ENGLISH = "english"
    EMPLOYER_SPECIFIC_PERMIT = "employer_specific_permit"
    MUST_HAVE = "must_have"
    START_DATE = "start_date"
    RELOCATION_ALLOWANCE = "relocation_allowance"


@dataclass(frozen=True)
class Relaxation:
    """One requirement of a posting relaxed: a French skill's minimum lowered to `level` (None:
    dropped), the English minimum lowered or dropped, employer-specific permits accepted, a
    must-have dropped (`must_have`), a later start date, or a relocation allowance offered (it
    admits, outside their regions, the candidates who move only with one)."""

    kind: RelaxationKind
    skill: str = ""
    level: int | None = None
    must_have: Skill | None = None
    start_date: date | None = None

    def apply(self, posting: PostingRecord) -> PostingRecord:
        if self.kind == RelaxationKind.FRENCH:
            return replace(
                posting, min_french=replace(posting.min_french, **{self.skill: self.level})
            )
        if self.kind == RelaxationKind.ENGLISH:
            return replace(posting, min_english=self.level)
        if self.kind == RelaxationKind.EMPLOYER_SPECIFIC_PERMIT:
            return replace(posting, accepts_employer_specific_permit=True)
        if self.kind == RelaxationKind.MUST_HAVE:
            kept = tuple(s for s in posting.must_haves if s != self.must_have)
            return replace(posting, must_haves=kept)
        if self.kind == RelaxationKind.START_DATE:
            return replace(posting, start_date=self.start_date)
        if self.kind == RelaxationKind.RELOCATION_ALLOWANCE:
            return replace(posting, offers_relocation_allowance=True)
        return posting


@dataclass(frozen=True)
class PoolWidening:
    """The eligible candidates a relaxation would newly admit (ids), and the rows' count."""

    relaxation: Relaxation
    candidate_ids: tuple[int | str, ...]

    @property
    def count(self) -> int:
        return len(self.candidate_ids)


def pool_widening(
    store: CandidateStore,
    posting: PostingRecord,
    relaxations: Sequence[Relaxation],
    *,
    today: date,
    eligible: np.ndarray | None = None,
) -> tuple[int, list[PoolWidening]]:
    """How many eligible candidates the posting admits now, and for each relaxation those it
    would newly admit (most first; ties in the order given)."""
    base = store.eligible(today=today) if eligible is None else eligible
    admitted = store.admissible(posting, today=today, base=base)
    widened = []
    for relaxation in relaxations:
        relaxed = store.admissible(relaxation.apply(posting), today=today, base=base)
        rows = np.flatnonzero(relaxed & ~admitted)
        widened.append(PoolWidening(relaxation, tuple(store.ids[row] for row in rows.tolist())))
    order = {id(item): i for i, item in enumerate(widened)}
    widened.sort(key=lambda item: (-item.count, order[id(item)]))
    return int(np.count_nonzero(admitted)), widened
