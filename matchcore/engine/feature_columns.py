"""The candidates' factor inputs as columns: a ranking's first stage without a loop per candidate.

`FactorColumns` keeps, row for row with `CandidateStore`, what the factors read (occupations,
months of experience, skills, education, language levels, regions, home, salary), and
`features` gives for many rows of one posting what `PostingFeatures` gives pair by pair: the
same values bit for bit (the property tests compare them). Sums are taken in the factors' own
order and rounding-sensitive functions (haversine, powers) run in Python once per distinct home,
so no value moves by a rounding. Only the text vector is read from the records: keeping a million
512-float vectors here would double the engine's memory.

Variable-length lists (experiences, desired occupations, skills) are flat arrays with a start per
row (CSR); codes, skills, region choices and homes are interned, so a posting works out a
verdict once per distinct value, not once per candidate.
"""

import math
from array import array

import numpy as np

from matchcore.engine.contracts import (
    LANGUAGE_SKILLS,
    CandidateRecord,
    PostingRecord,
    ReasonCode,
    Skill,
    Taxonomy,
)
from matchcore.engine.factors import (
    _EXPERIENCE_SHARE,
    _REGION_VALUES,
    closeness,
    distance_km,
    skill_keys,
)
from matchcore.engine.policy import Policy

FACTOR_COUNT = 10  # ALL_FACTORS


class _Lists:
    """One list of integers per row, appended row by row (CSR)."""

    def __init__(self) -> None:
        self.starts = array("q", [0])
        self.values = array("i")

    def append(self, values: list[int]) -> None:
        self.values.extend(values)
        self.starts.append(len(self.values))

    def positions(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(where, valid): where the rows' items sit in the flat arrays, one line per row,
        padded to the longest list (valid False, where 0)."""
        starts = np.frombuffer(self.starts, dtype=np.int64)
        first, lengths = starts[rows], starts[rows + 1] - starts[rows]
        width = int(lengths.max()) if len(rows) else 0
        steps = np.arange(width)[None, :]
        valid = steps < lengths[:, None]
        return np.where(valid, first[:, None] + steps, 0), valid

    def padded(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(values, valid): the rows' lists side by side, padded to the longest (valid False)."""
        where, valid = self.positions(rows)
        if not where.size:
            return np.zeros(where.shape, dtype=np.int64), valid
        return np.frombuffer(self.values, dtype=np.int32)[where].astype(np.int64), valid


class _Interned:
    """Distinct hashable values, each given the next integer."""

    def __init__(self) -> None:
        self.index: dict[object, int] = {}
        self.values: list = []

    def __call__(self, value: object) -> int:
        found = self.index.get(value)
        if found is None:
            found = self.index[value] = len(self.values)
            self.values.append(value)
        return found


class FactorColumns:
    """The factor inputs of every stored row (rows as `CandidateStore.add` numbers them)."""

    def __init__(self) -> None:
        self.size = 0
        self._codes = _Interned()  # NOC codes (experiences and desired occupations)
        self._is_set = np.zeros(0, dtype=np.bool_)  # per code: not empty, and one more, False
        self._skills = _Interned()  # (label, ESCO URI)
        self._rows_with_key: dict[str, list[int]] = {}  # skill key -> interned skills holding it
        self._regions = _Interned()  # (chosen regions, home region)
        self._homes = _Interned()  # (latitude, longitude)
        self._experience_codes = _Lists()  # interned code, -1 when not normalised
        self._experience_months = array("d")  # max(months, 0), flat as the codes
        self._desired = _Lists()
        self._skill_lists = _Lists()
        # Levels 0–12 in a byte each (-1 when unknown), the salary as given, interned values as
        # 32-bit numbers: about 40 bytes a candidate besides the lists.
        self._levels_of: dict[str, array] = {
            name: array("b") for name in ("education", *_LEVEL_COLUMNS)
        }
        self._expected_salary = array("d")
        self._small: dict[str, array] = {
            "regions": array("i"),
            "home": array("i"),
            "open_all": array("b"),
            "relocate": array("b"),
            "relocate_with_aid": array("b"),
        }

    def add(self, records: list[CandidateRecord]) -> None:
        nan = math.nan
        for record in records:
            self._experience_codes.append(
                [-1 if e.noc is None else self._codes(e.noc) for e in record.experiences]
            )
            self._experience_months.extend(float(max(e.months, 0)) for e in record.experiences)
            self._desired.append([self._codes(code) for code in record.desired_occupations])
            self._skill_lists.append([self._skill(skill) for skill in record.skills])
            levels_of = self._levels_of
            levels_of["education"].append(_level(record.education_level))
            expected = record.hourly_salary_expectation
            self._expected_salary.append(nan if expected is None else expected)
            for side, levels in (("french", record.french), ("english", record.english)):
                for skill in LANGUAGE_SKILLS:
                    levels_of[f"{side}_{skill}"].append(_level(getattr(levels, skill)))
            home = record.home
            small = self._small
            small["regions"].append(self._regions((record.region_codes, home.region_code)))
            small["home"].append(
                self._homes((home.latitude, home.longitude)) if home.has_coordinates else -1
            )
            small["open_all"].append(record.is_open_to_all_regions)
            small["relocate"].append(record.is_ready_to_relocate)
            small["relocate_with_aid"].append(record.relocates_only_with_aid)
        self.size += len(records)

    def _skill(self, skill: Skill) -> int:
        known = len(self._skills.values)
        interned = self._skills((skill.label, skill.esco_uri))
        if interned == known:  # a new one: index it under its keys
            for key in skill_keys(skill):
                self._rows_with_key.setdefault(key, []).append(interned)
        return interned

    def _column(self, name: str, rows: np.ndarray) -> np.ndarray:
        """The rows' values: levels as floats (NaN when unknown), the others as stored."""
        if name == "salary":
            return np.frombuffer(self._expected_salary, dtype=np.float64)[rows]
        if name in self._levels_of:
            levels = np.frombuffer(self._levels_of[name], dtype=np.int8)[rows].astype(np.float64)
            levels[levels < 0] = np.nan
            return levels
        source = self._small[name]
        dtype = np.int32 if source.typecode == "i" else np.int8
        return np.frombuffer(source, dtype=dtype)[rows].astype(np.int64)

    # --- one posting, many rows ---
    def features(
        self,
        rows: np.ndarray,
        posting: PostingRecord,
        vectors: list[np.ndarray | None],
        *,
        taxonomy: Taxonomy,
        policy: Policy,
    ) -> np.ndarray:
        """`PostingFeatures(posting)(record, have)` for each row, one line each (ALL_FACTORS
        order, NaN where not measured); `vectors`: the rows' text vectors, from their records."""
        rows = np.asarray(rows, dtype=np.int64)
        out = np.full((len(rows), FACTOR_COUNT), np.nan)
        if not len(rows):
            return out
        occupation, experience, desired = self._occupations(rows, posting, taxonomy, policy)
        out[:, 0] = occupation
        out[:, 1] = self._share_held(rows, posting.required_skills)
        out[:, 2] = self._share_held(rows, posting.nice_skills)
        out[:, 3] = experience
        out[:, 4] = self._education(rows, posting)
        out[:, 5] = self._language(rows, posting)
        out[:, 6] = _semantic(vectors, posting, policy)
        out[:, 7] = desired
        out[:, 8] = self._place(rows, posting, policy)
        out[:, 9] = self._salary(rows, posting)
        return out

    def _occupations(
        self, rows: np.ndarray, posting: PostingRecord, taxonomy: Taxonomy, policy: Policy
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(occupation, experience, desired occupation) values, as `_best_occupation`,
        `_experience_value` and `_best_desired_level` give them."""
        n, nan = len(rows), np.nan
        codes, practised = self._experience_codes.padded(rows)
        wanted, desired_valid = self._desired.padded(rows)
        months = np.zeros(codes.shape)
        if codes.size:
            where, _valid = self._experience_codes.positions(rows)
            flat_months = np.frombuffer(self._experience_months, dtype=np.float64)
            months = np.where(practised, flat_months[where], 0.0)
        required = posting.min_years_experience
        has_experience = practised.any(axis=1)
        if posting.noc is None:
            share = practised.astype(np.float64)  # no occupation to compare with: all counts
            occupation = desired = np.full(n, nan)
        else:
            level_value, experience_share = self._levels(
                np.concatenate([codes[practised], wanted[desired_valid]]),
                posting.noc,
                taxonomy,
                policy,
            )
            known = practised & (codes >= 0)
            # `_best_occupation` skips an empty code, the experience factor does not
            counted = known & self._code_is_set(codes)
            lowest = -np.inf
            from_practice = np.where(counted, level_value(codes), lowest)
            wanted_value = np.where(desired_valid, level_value(wanted), lowest)
            best_wanted = wanted_value.max(axis=1, initial=lowest)
            best = np.maximum(
                from_practice.max(axis=1, initial=lowest),
                np.where(desired_valid, wanted_value * policy.desired_only_factor, lowest).max(
                    axis=1, initial=lowest
                ),
            )
            occupation = np.where(best > lowest, best, nan)
            desired = np.where(best_wanted > lowest, best_wanted, nan)
            share = np.where(known, experience_share(codes), 0.0)
        total = np.zeros(n)
        for j in range(codes.shape[1]):  # in the experiences' order, as the factor adds them
            total = total + share[:, j] * months[:, j]
        years = total / 12
        if required > 0:
            value = np.minimum(1.0, years / required)
        else:
            value = 0.6 + 0.4 * np.minimum(1.0, years / 2)
        experience = np.where(has_experience | (required > 0), value, nan)
        return occupation, experience, desired

    def _code_is_set(self, codes: np.ndarray) -> np.ndarray:
        count = len(self._codes.values)
        if len(self._is_set) != count + 1:
            self._is_set = np.array([bool(code) for code in self._codes.values] + [False])
        return self._is_set[np.where(codes >= 0, codes, count)]

    def _levels(self, codes: np.ndarray, noc: str, taxonomy: Taxonomy, policy: Policy):
        """Per interned code: the occupation value and the experience share of its closeness to
        `noc`, worked out once per distinct code of these rows."""
        distinct = np.unique(codes[codes >= 0]) if len(codes) else np.empty(0, np.int64)
        levels = [closeness(noc, self._codes.values[c], taxonomy) for c in distinct.tolist()]
        values = np.array([policy.occupation_levels[level] for level in levels] + [np.nan])
        shares = np.array([_EXPERIENCE_SHARE.get(level, 0.0) for level in levels] + [0.0])

        def position(found: np.ndarray) -> np.ndarray:
            at = np.searchsorted(distinct, found)
            hit = (at < len(distinct)) & (found >= 0)
            hit[hit] &= distinct[at[hit]] == found[hit]
            return np.where(hit, at, len(distinct))

        return (lambda found: values[position(found)]), (lambda found: shares[position(found)])

    def _share_held(self, rows: np.ndarray, wanted: tuple[Skill, ...]) -> np.ndarray:
        if not wanted:
            return np.full(len(rows), np.nan)
        held, valid = self._skill_lists.padded(rows)
        count = np.zeros(len(rows), dtype=np.int64)
        for skill in wanted:
            matching = [i for key in skill_keys(skill) for i in self._rows_with_key.get(key, ())]
            if matching:
                # a table over the interned skills: a lookup, where `np.isin` sorts both sides
                is_match = np.zeros(len(self._skills.values), dtype=np.bool_)
                is_match[matching] = True
                count += (is_match[held] & valid).any(axis=1)
        return count / len(wanted)

    def _education(self, rows: np.ndarray, posting: PostingRecord) -> np.ndarray:
        gap = posting.min_education - self._column("education", rows)
        value = np.where(gap <= 0, 1.0, np.where(gap == 1, 0.5, 0.0))
        return np.where(np.isnan(gap), np.nan, value)

    def _language(self, rows: np.ndarray, posting: PostingRecord) -> np.ndarray:
        """`_language_values`' mean: the values added in its order (French, then English when
        the posting sets a minimum), over the known levels."""
        total, count = np.zeros(len(rows)), np.zeros(len(rows), dtype=np.int64)

        def add(levels: np.ndarray, minimum: int | None) -> None:
            nonlocal total, count
            known = ~np.isnan(levels)
            if minimum is None:
                value = levels / 12
            else:
                margin = levels - minimum
                value = np.where(margin < 0, 0.0, 0.6 + 0.4 * np.minimum(margin, 4) / 4)
            total = total + np.where(known, value, 0.0)
            count += known

        for skill in LANGUAGE_SKILLS:
            add(self._column(f"french_{skill}", rows), getattr(posting.min_french, skill))
        if posting.min_english is not None:
            for skill in LANGUAGE_SKILLS:
                add(self._column(f"english_{skill}", rows), posting.min_english)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(count > 0, total / count, np.nan)

    def _place(self, rows: np.ndarray, posting: PostingRecord, policy: Policy) -> np.ndarray:
        """`_place_value` of `_region_reason` and `_distance`."""
        n, region = len(rows), posting.place.region_code
        if region is None:
            region_value = np.full(n, np.nan)
        else:
            choices = self._column("regions", rows)
            distinct, where = np.unique(choices, return_inverse=True)
            wanted = np.array(
                [
                    region in chosen or region == home
                    for chosen, home in (self._regions.values[i] for i in distinct.tolist())
                ]
            )[where]
            region_value = np.where(
                wanted,
                _REGION_VALUES[ReasonCode.REGION_WANTED],
                np.where(
                    self._column("open_all", rows) != 0,
                    _REGION_VALUES[ReasonCode.OPEN_TO_ALL_REGIONS],
                    np.where(
                        self._column("relocate", rows) != 0,
                        _REGION_VALUES[ReasonCode.READY_TO_RELOCATE],
                        np.where(
                            (self._column("relocate_with_aid", rows) != 0)
                            & posting.offers_relocation_allowance,
                            _REGION_VALUES[ReasonCode.RELOCATES_WITH_ALLOWANCE],
                            np.nan,
                        ),
                    ),
                ),
            )
        distance_value = np.full(n, np.nan)
        target = posting.place
        homes = self._column("home", rows)
        if target.has_coordinates and (homes >= 0).any():
            distinct, where = np.unique(homes, return_inverse=True)
            values = []
            for home in distinct.tolist():
                if home < 0:
                    values.append(np.nan)
                    continue
                latitude, longitude = self._homes.values[home]
                km = distance_km(latitude, longitude, target.latitude, target.longitude)  # type: ignore[arg-type]
                values.append(0.5 ** (km / policy.distance_half_km))
            distance_value = np.array(values)[where]
        return np.where(
            np.isnan(region_value),
            distance_value,
            np.where(
                np.isnan(distance_value), region_value, 0.7 * region_value + 0.3 * distance_value
            ),
        )

    def _salary(self, rows: np.ndarray, posting: PostingRecord) -> np.ndarray:
        offered = posting.hourly_salary_max
        expected = self._column("salary", rows)
        if offered is None:
            return np.full(len(rows), np.nan)
        # Unknown or zero expectations are dropped below; hypothesis also tries tiny ones.
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
            below = np.maximum(0.0, 1.0 - 3.0 * (expected - offered) / expected)
            value = np.where(offered >= expected, 1.0, below)
            return np.where(np.isnan(expected) | (expected <= 0), np.nan, value)


def _level(level: int | None) -> int:
    """A level of 0–12 as stored in a byte: -1 when unknown."""
    return -1 if level is None else int(level)


_LEVEL_COLUMNS = tuple(
    f"{side}_{skill}" for side in ("french", "english") for skill in LANGUAGE_SKILLS
)


def _semantic(
    vectors: list[np.ndarray | None], posting: PostingRecord, policy: Policy
) -> np.ndarray:
    """`_semantic_value` pair by pair: one dot product each, as the factor computes it (a matrix
    product would sum in another order and move the last bit)."""
    if posting.vector is None:
        return np.full(len(vectors), np.nan)
    target = posting.vector
    span = policy.semantic_ceiling - policy.semantic_floor
    floor = policy.semantic_floor
    return np.array(
        [
            math.nan
            if vector is None
            else min(1.0, max(0.0, (float(np.dot(vector, target)) - floor) / span))
            for vector in vectors
        ]
    )
