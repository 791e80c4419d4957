"""The candidates as columns: the hard rules become numpy masks over a million rows.

Rows are append-only: updating a candidate appends a new row and marks the old one dead, so the
vector index can stay incremental (matchcore.engine.index). `admissible` must agree with
matchcore.engine.rules.hard_rules on every pair; the property tests check it.
"""

from array import array
from collections import defaultdict
from datetime import date, timedelta

import numpy as np

from matchcore.eligibility import PERMANENT_STATUSES, PERMIT_STATUSES, ImmigrationStatus, add_years
from matchcore.engine.contracts import LANGUAGE_SKILLS, CandidateRecord, PostingRecord, Skill
from matchcore.engine.factors import candidate_skill_keys, skill_keys
from matchcore.engine.policy import Policy

STATUS_CODES = {status.value: code for code, status in enumerate(ImmigrationStatus, start=1)}
_PERMANENT = {STATUS_CODES[s] for s in PERMANENT_STATUSES}
_PERMITS = {STATUS_CODES[s] for s in PERMIT_STATUSES}
_EMPLOYER_SPECIFIC = STATUS_CODES["employer_specific_permit"]
NO_DATE = 0
_NEVER = np.iinfo(np.int32).max
_UNKNOWN_LEVEL = 255
_ALL_REGIONS = np.iinfo(np.uint32).max


def region_bit(code: str | None) -> int:
    if code is None or not code.isdigit() or not 1 <= int(code) <= 31:
        return 0
    return 1 << int(code)


def _ordinal(day: date | None) -> int:
    return NO_DATE if day is None else day.toordinal()


class CandidateStore:
    def __init__(self, *, policy: Policy, capacity: int = 1024):
        self.policy = policy
        self.size = 0
        self._capacity = 0
        self.ids: list[int | str] = []
        self.row_of: dict[int | str, int] = {}
        # Inverted lists (compact arrays of rows) for candidate generation.
        self.by_noc: dict[str, array] = defaultdict(lambda: array("q"))
        self.by_skill: dict[str, array] = defaultdict(lambda: array("q"))
        self.by_permit: dict[str, array] = defaultdict(lambda: array("q"))  # permits held
        self._columns: dict[str, np.ndarray] = {}
        self._grow(capacity)

    _SPEC = {
        "alive": (np.bool_, ()),
        "status": (np.uint8, ()),
        "admission": (np.int32, ()),
        "period_end": (np.int32, ()),
        "permit": (np.int32, ()),
        "verified": (np.bool_, ()),
        "refused": (np.bool_, ()),
        # Per-posting rules, each stored so that it is one comparison (unknown values pass):
        "temporary_permit": (np.int32, ()),  # expiry of a non-permanent status, else the maximum
        "employer_specific": (np.bool_, ()),
        "french_0": (np.uint8, ()),  # the four French skills, 255 when unknown
        "french_1": (np.uint8, ()),
        "french_2": (np.uint8, ()),
        "french_3": (np.uint8, ()),
        "english_min": (np.uint8, ()),  # the lowest known English level, 255 when none
        "region_accept": (np.uint32, ()),  # bits of the acceptable regions (all when flexible)
        # The same under a relocation allowance: all, too, for those who move only with one.
        "region_accept_aided": (np.uint32, ()),
        "region_chosen": (np.uint32, ()),  # bits of the chosen regions and the home region
        "available": (np.int32, ()),  # 0 when unknown
    }

    def _grow(self, capacity: int) -> None:
        for name, (dtype, shape) in self._SPEC.items():
            column = np.zeros((capacity, *shape), dtype=dtype)
            if name in self._columns:
                column[: self.size] = self._columns[name][: self.size]
            self._columns[name] = column
        self._capacity = capacity

    def __getattr__(self, name: str) -> np.ndarray:
        columns = self.__dict__.get("_columns", {})
        if name in columns:
            return columns[name][: self.__dict__["size"]]
        raise AttributeError(name)

    def add(self, records: list[CandidateRecord]) -> np.ndarray:
        """Append the records (replacing any earlier row of the same id); returns their rows."""
        if self.size + len(records) > self._capacity:
            self._grow(max(self._capacity * 2, self.size + len(records)))
        rows = np.arange(self.size, self.size + len(records))
        c = self._columns
        years = self.policy.eligibility_years
        values: dict[str, list] = {name: [] for name in self._SPEC}
        dead = []
        for row, record in zip(rows.tolist(), records, strict=True):
            old = self.row_of.get(record.id)
            if old is not None:
                dead.append(old)
            self.row_of[record.id] = row
            self.ids.append(record.id)
            status = STATUS_CODES.get(record.immigration_status or "", 0)
            permit = _ordinal(record.permit_expires_on)
            wanted = 0
            for code in record.region_codes:
                wanted |= region_bit(code)
            values["alive"].append(True)
            values["status"].append(status)
            values["admission"].append(_ordinal(record.admission_date))
            values["period_end"].append(
                add_years(record.admission_date, years).toordinal() - 1
                if record.admission_date
                else NO_DATE
            )
            values["permit"].append(permit)
            values["temporary_permit"].append(
                _NEVER if status in _PERMANENT or permit == NO_DATE else permit
            )
            values["employer_specific"].append(status == _EMPLOYER_SPECIFIC)
            values["verified"].append(record.is_verified)
            values["refused"].append(record.is_refused)
            for i, skill in enumerate(LANGUAGE_SKILLS):
                level = record.french.get(skill)
                values[f"french_{i}"].append(_UNKNOWN_LEVEL if level is None else level)
            english = [level for _s, level in record.english.items() if level is not None]
            values["english_min"].append(min(english) if english else _UNKNOWN_LEVEL)
            home = region_bit(record.home.region_code)
            flexible = record.is_open_to_all_regions or record.is_ready_to_relocate or wanted == 0
            values["region_accept"].append(_ALL_REGIONS if flexible else wanted | home)
            aided = flexible or record.relocates_only_with_aid
            values["region_accept_aided"].append(_ALL_REGIONS if aided else wanted | home)
            values["region_chosen"].append(wanted | home)
            values["available"].append(_ordinal(record.available_from))
            nocs = {e.noc for e in record.experiences if e.noc} | set(record.desired_occupations)
            for noc in nocs:
                self.by_noc[noc].append(row)
            for key in candidate_skill_keys(record):
                self.by_skill[key].append(row)
            for code in record.permits_held:
                self.by_permit[code].append(row)
        if records:
            for name, (dtype, shape) in self._SPEC.items():
                c[name][rows[0] : rows[-1] + 1] = np.array(values[name], dtype=dtype).reshape(
                    len(records), *shape
                )
            c["alive"][dead] = False
        self.size += len(records)
        return rows

    def remove(self, candidate_id: int | str) -> None:
        row = self.row_of.pop(candidate_id, None)
        if row is not None:
            self._columns["alive"][row] = False

    def eligible(self, *, today: date) -> np.ndarray:
        """Rows that pass the program's eligibility (matchcore.eligibility) on `today`."""
        t = today.toordinal()
        status, permit = self.status, self.permit
        is_permit = np.isin(status, list(_PERMITS))
        mask = self.alive.copy()
        mask &= self.admission != NO_DATE
        mask &= status != 0
        mask &= ~(is_permit & (permit == NO_DATE))
        mask &= self.admission <= t
        mask &= t <= self.period_end
        mask &= ~(is_permit & (permit < t))
        mask &= ~self.refused
        if self.policy.require_verified:
            mask &= self.verified
        return mask

    def admissible(
        self,
        posting: PostingRecord,
        *,
        today: date,
        base: np.ndarray | None = None,
        region_wanted_only: bool = False,
    ) -> np.ndarray:
        """Rows that no hard rule excludes for this posting. `region_wanted_only` (an advisor's
        filter) keeps only those who chose the posting's region or live there."""
        mask = self.eligible(today=today) if base is None else base.copy()
        both = np.logical_and
        if not posting.accepts_employer_specific_permit:
            both(mask, ~self.employer_specific, out=mask)
        if posting.start_date is not None:
            both(mask, self.temporary_permit >= posting.start_date.toordinal(), out=mask)
            latest = posting.start_date + timedelta(days=self.policy.availability_grace_days)
            both(mask, self.available <= latest.toordinal(), out=mask)
        for i, skill in enumerate(LANGUAGE_SKILLS):
            minimum = posting.min_french.get(skill)
            if minimum is not None:
                both(mask, getattr(self, f"french_{i}") >= minimum, out=mask)
        if posting.min_english is not None:
            both(mask, self.english_min >= posting.min_english, out=mask)
        if posting.must_haves and not posting.must_haves_cap:
            for skill in posting.must_haves:
                both(mask, self._holding(skill), out=mask)
        if posting.required_permits and not posting.must_haves_cap:
            for code in posting.required_permits:
                both(mask, self._holding_permit(code), out=mask)
        bit = region_bit(posting.place.region_code)
        if bit:
            accept = (
                self.region_accept_aided
                if posting.offers_relocation_allowance
                else self.region_accept
            )
            both(mask, (accept & bit) != 0, out=mask)
            if region_wanted_only:
                both(mask, (self.region_chosen & bit) != 0, out=mask)
        return mask

    def _holding(self, skill: Skill) -> np.ndarray:
        """Rows holding the skill (by ESCO URI or folded label, as the skills factor matches)."""
        held = np.zeros(self.size, dtype=np.bool_)
        for key in skill_keys(skill):
            if key in self.by_skill:
                held[np.frombuffer(self.by_skill[key], dtype=np.int64)] = True
        return held

    def _holding_permit(self, code: str) -> np.ndarray:
        held = np.zeros(self.size, dtype=np.bool_)
        if code in self.by_permit:
            held[np.frombuffer(self.by_permit[code], dtype=np.int64)] = True
        return held

    def sharing_skills(self, posting: PostingRecord, mask: np.ndarray, limit: int) -> np.ndarray:
        """Rows passing the mask that hold the most of the posting's skills (required count
        double), at most `limit`, most shared first (ties by row).

        Counted over the rows that pass the mask only (a few per cent of a million under a
        typical posting's rules), not over a count per stored row."""
        wanted = [(skill, 2) for skill in posting.required_skills]
        wanted += [(skill, 1) for skill in posting.nice_skills]
        holders, which = [], []
        for i, (skill, _weight) in enumerate(wanted):
            for key in skill_keys(skill):
                if key in self.by_skill:
                    rows = np.frombuffer(self.by_skill[key], dtype=np.int64)
                    rows = rows[mask[rows]]
                    holders.append(rows)
                    which.append(np.full(len(rows), i, dtype=np.int64))
        if not sum(len(rows) for rows in holders):
            return np.empty(0, dtype=np.int64)
        # One (row, wanted skill) pair per holding, however many of the skill's keys matched,
        # sorted by row: one sort for the whole posting.
        pairs = np.unique(np.concatenate(holders) * len(wanted) + np.concatenate(which))
        held_by, skill_of = np.divmod(pairs, len(wanted))
        starts = np.flatnonzero(np.r_[True, held_by[1:] != held_by[:-1]])
        rows = held_by[starts]
        counts = np.add.reduceat(np.array([w for _s, w in wanted])[skill_of], starts)
        if len(rows) > limit:
            rows = rows[np.lexsort((rows, -counts))[:limit]]
        return rows
