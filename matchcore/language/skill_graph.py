"""Which skills an occupation needs: ESCO's essential and optional skills of each occupation, and,
through the NOC–ESCO crosswalk, the skills of a NOC 2021 unit group weighed by how surely each of
its ESCO occupations belongs to it."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from matchcore.language.crosswalk import NocEscoLink
from matchcore.language.store import bundle_load, bundle_save

OPTIONAL_WEIGHT = 0.5  # an optional skill counts half an essential one


@dataclass(frozen=True)
class OccupationSkill:
    occupation_uri: str
    skill_uri: str
    is_essential: bool


@dataclass(frozen=True)
class OccupationSkills:
    essential: tuple[str, ...]  # skill URIs, in ESCO's order
    optional: tuple[str, ...]


@dataclass(frozen=True)
class WeightedSkill:
    uri: str
    weight: float  # 0–1: confidence-weighted share of the group's ESCO occupations that need it
    is_essential: bool  # essential (not optional) for most of that weight


class SkillGraph:
    def __init__(
        self,
        *,
        occupations: list[str],
        skills: list[str],
        relation_occupation: np.ndarray,
        relation_skill: np.ndarray,
        relation_essential: np.ndarray,
        links: Sequence[tuple[str, str, float]],
    ):
        self.occupations = occupations
        self.skills = skills
        self.relation_occupation = relation_occupation
        self.relation_skill = relation_skill
        self.relation_essential = relation_essential
        self.links = list(links)  # (noc code, esco uri, confidence)
        self._rows: dict[str, tuple[int, int]] = {}
        order = np.argsort(relation_occupation, kind="stable")
        self._order = order
        bounds = np.searchsorted(relation_occupation[order], np.arange(len(occupations) + 1))
        for number, uri in enumerate(occupations):
            self._rows[uri] = (int(bounds[number]), int(bounds[number + 1]))
        self._noc: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for noc, esco, confidence in self.links:
            self._noc[noc].append((esco, confidence))
        for occupations_of_noc in self._noc.values():
            occupations_of_noc.sort(key=lambda item: (-item[1], item[0]))
        self.noc_skills = lru_cache(maxsize=1024)(self._noc_skills)

    @classmethod
    def build(
        cls, *, relations: Sequence[OccupationSkill], links: Sequence[NocEscoLink]
    ) -> "SkillGraph":
        occupations = sorted(
            {r.occupation_uri for r in relations} | {link.esco_uri for link in links}
        )
        skills = sorted({r.skill_uri for r in relations})
        occupation_number = {uri: i for i, uri in enumerate(occupations)}
        skill_number = {uri: i for i, uri in enumerate(skills)}
        return cls(
            occupations=occupations,
            skills=skills,
            relation_occupation=np.asarray(
                [occupation_number[r.occupation_uri] for r in relations], dtype=np.int32
            ),
            relation_skill=np.asarray(
                [skill_number[r.skill_uri] for r in relations], dtype=np.int32
            ),
            relation_essential=np.asarray([r.is_essential for r in relations], dtype=bool),
            links=[(link.noc_code, link.esco_uri, link.confidence) for link in links],
        )

    def occupation_skills(self, occupation_uri: str) -> OccupationSkills:
        """ESCO's essential and optional skills of an occupation (empty for an unknown URI)."""
        start, end = self._rows.get(occupation_uri, (0, 0))
        rows = self._order[start:end]
        essential = tuple(
            self.skills[self.relation_skill[r]] for r in rows if self.relation_essential[r]
        )
        optional = tuple(
            self.skills[self.relation_skill[r]] for r in rows if not self.relation_essential[r]
        )
        return OccupationSkills(essential=essential, optional=optional)

    def skill_occupation_counts(self) -> dict[str, int]:
        """How many ESCO occupations need each skill (essential or optional)."""
        counts = np.bincount(self.relation_skill, minlength=len(self.skills))
        return {uri: int(count) for uri, count in zip(self.skills, counts, strict=True)}

    def noc_occupations(self, noc_code: str) -> list[tuple[str, float]]:
        """The ESCO occupations linked to a NOC unit group, with the link's confidence, surest first."""
        return list(self._noc.get(noc_code, ()))

    def _noc_skills(self, noc_code: str) -> tuple[WeightedSkill, ...]:
        """The skills of a NOC unit group, heaviest first (cached)."""
        linked = self._noc.get(noc_code, [])
        total = sum(confidence for _, confidence in linked)
        if not total:
            return ()
        weight: dict[str, float] = defaultdict(float)
        essential: dict[str, float] = defaultdict(float)
        for uri, confidence in linked:
            skills = self.occupation_skills(uri)
            for skill in skills.essential:
                weight[skill] += confidence
                essential[skill] += confidence
            for skill in skills.optional:
                weight[skill] += confidence * OPTIONAL_WEIGHT
        ranked = sorted(weight.items(), key=lambda item: (-item[1], item[0]))
        return tuple(
            WeightedSkill(
                uri=uri, weight=round(value / total, 4), is_essential=essential[uri] * 2 >= value
            )
            for uri, value in ranked
        )

    def save(self, directory: Path) -> None:
        bundle_save(
            directory,
            arrays={
                "relation_occupation": self.relation_occupation,
                "relation_skill": self.relation_skill,
                "relation_essential": self.relation_essential,
            },
            meta={"occupations": self.occupations, "skills": self.skills, "links": self.links},
        )

    @classmethod
    def load(cls, directory: Path) -> "SkillGraph":
        arrays, meta = bundle_load(directory)
        return cls(
            occupations=meta["occupations"],
            skills=meta["skills"],
            relation_occupation=np.asarray(arrays["relation_occupation"]),
            relation_skill=np.asarray(arrays["relation_skill"]),
            relation_essential=np.asarray(arrays["relation_essential"]),
            links=[tuple(link) for link in meta["links"]],
        )
