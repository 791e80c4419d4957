"""The language tools as one object: title normaliser, skill extractor and skill graph, built from
plain records (the Django side reads them from the database) and saved to / loaded from a folder.

    tools = LanguageTools.load(path)
    tools.titles.match("Soudeuse", scheme="noc")          # → [TitleMatch("72106", …), …]
    tools.skills.extract("Maîtrise du soudage MIG")       # → [SkillMention(uri, span, …), …]
    tools.graph.noc_skills("72106")                       # → (WeightedSkill(uri, weight, …), …)
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from matchcore.language.crosswalk import NocEscoLink
from matchcore.language.embedding import MODEL_NAME, embed_texts
from matchcore.language.labels import Embedder, LabelRecord
from matchcore.language.skill_graph import OccupationSkill, SkillGraph
from matchcore.language.skill_ranking import RankingWeights, SkillRanker
from matchcore.language.skills import SkillExtractor
from matchcore.language.store import bundle_exists, bundle_size_bytes
from matchcore.language.titles import TitleNormalizer

# Bump when the saved format or the way labels are prepared changes: saved tools are rebuilt.
FORMAT_VERSION = 7
VERSION = f"{FORMAT_VERSION}-{MODEL_NAME}"


@dataclass(frozen=True)
class ReferenceRecords:
    """Everything the tools are built from, as plain values."""

    noc_labels: Sequence[LabelRecord]  # official titles (preferred) and example titles
    occupation_labels: Sequence[LabelRecord]  # ESCO occupations: preferred and alternative labels
    skill_labels: Sequence[LabelRecord]  # ESCO skills: preferred and alternative labels
    relations: Sequence[OccupationSkill]  # ESCO occupation → essential / optional skills
    links: Sequence[NocEscoLink]  # NOC unit group ↔ ESCO occupation


@dataclass
class LanguageTools:
    titles: TitleNormalizer
    skills: SkillExtractor
    graph: SkillGraph
    ranking_weights: RankingWeights = field(default_factory=RankingWeights)

    @cached_property
    def ranker(self) -> SkillRanker:
        """Skill linking as ranking (built from the extractor and the graph in about a second)."""
        return SkillRanker(
            self.skills,
            occupation_counts=self.graph.skill_occupation_counts(),
            weights=self.ranking_weights,
        )

    @classmethod
    def build(cls, records: ReferenceRecords, *, embed: Embedder = embed_texts) -> "LanguageTools":
        return cls(
            titles=cls.build_titles(records, embed=embed),
            skills=cls.build_skills(records, embed=embed),
            graph=cls.build_graph(records),
        )

    # Each part on its own, so that a caller may build them at once (they share nothing).
    @staticmethod
    def build_titles(
        records: ReferenceRecords, *, embed: Embedder = embed_texts
    ) -> TitleNormalizer:
        return TitleNormalizer.build(
            noc_labels=records.noc_labels,
            esco_labels=records.occupation_labels,
            links=records.links,
            embed=embed,
        )

    @staticmethod
    def build_skills(records: ReferenceRecords, *, embed: Embedder = embed_texts) -> SkillExtractor:
        return SkillExtractor.build(records.skill_labels, embed=embed)

    @staticmethod
    def build_graph(records: ReferenceRecords) -> SkillGraph:
        return SkillGraph.build(relations=records.relations, links=records.links)

    def save(self, directory: Path) -> None:
        self.graph.save(directory / "graph")
        self.skills.save(directory / "skills")
        self.titles.save(directory / "titles")  # last: its presence means the whole set is there

    @classmethod
    def load(cls, directory: Path, *, embed: Embedder = embed_texts) -> "LanguageTools":
        return cls(
            titles=TitleNormalizer.load(directory / "titles", embed=embed),
            skills=SkillExtractor.load(directory / "skills", embed=embed),
            graph=SkillGraph.load(directory / "graph"),
        )

    @staticmethod
    def exists(directory: Path) -> bool:
        return all(bundle_exists(directory / part) for part in ("graph", "skills", "titles"))

    @staticmethod
    def size_bytes(directory: Path) -> int:
        return sum(bundle_size_bytes(directory / part) for part in ("graph", "skills", "titles"))
