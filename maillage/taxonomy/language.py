"""The language tools of matchcore.language, fed with the reference data of the database.

`language_tools()` returns the title normaliser, the skill extractor and the skill graph, loaded
once per process from LANGUAGE_TOOLS_DIR (memory-mapped: a server's processes share one copy).
`load_reference_data` builds them when the NOC or ESCO data change (every label is embedded once;
under a minute on two cores, `build_side_by_side`); a process that finds them missing builds them
itself.
"""

import hashlib
import json
import logging
import multiprocessing
import os
import shutil
from pathlib import Path

import numpy as np
from django.conf import settings

from maillage.core.loading import LoadResult
from maillage.core.models import ReferenceDataset
from maillage.core.progress import progress_bar
from maillage.taxonomy.models import (
    EscoOccupation,
    EscoOccupationSkill,
    EscoRelation,
    EscoSkill,
    NocEscoLink,
    NocExampleTitle,
    NocGroup,
)
from matchcore.language.crosswalk import NocEscoLink as CrosswalkLink
from matchcore.language.embedding import embed_texts
from matchcore.language.labels import LabelRecord, reusing_vectors
from matchcore.language.skill_graph import OccupationSkill
from matchcore.language.skill_ranking import RankingWeights
from matchcore.language.terms import clean_title, text_key
from matchcore.language.titles import SCHEMES, TitleNormalizer, TitleRanking
from matchcore.language.tools import VERSION, LanguageTools, ReferenceRecords

logger = logging.getLogger(__name__)

TOOLS_DATASETS = ("noc2021", "esco", "noc_esco")
EMBED_SLICE = 4096
# The skill ranker's trained layer (`make train-language`, small, committed with the code).
SKILL_RANKING_WEIGHTS = settings.BASE_DIR / "data" / "trained" / "skill_ranking.json"
# The title normaliser's trained ranking layer (`manage.py train_title_ranking`, committed).
TITLE_RANKING_WEIGHTS = settings.BASE_DIR / "data" / "trained" / "title_ranking.json"
_loaded: dict[str, LanguageTools] = {}


def reference_records(*, held_out: frozenset[str] = frozenset()) -> ReferenceRecords:
    """The labels, relations and links of the database as plain records. Labels whose key
    (terms.text_key of the cleaned title) is in `held_out` are left out: the benchmark uses it to
    keep its test titles away from everything the normaliser sees."""

    def keep(text: str) -> bool:
        return bool(text.strip()) and (not held_out or text_key(clean_title(text)) not in held_out)

    noc_labels = []
    for code, title_fr, title_en in NocGroup.objects.unit_groups().values_list(
        "code", "title_fr", "title_en"
    ):
        noc_labels += [LabelRecord(code, title_fr, "fr"), LabelRecord(code, title_en, "en")]
    noc_labels = [r for r in noc_labels if keep(r.text)] + [
        LabelRecord(code, title, language, "example")
        for code, language, title in NocExampleTitle.objects.values_list(
            "noc_id", "language", "title"
        )
        if keep(title)
    ]
    occupation_labels = _labels(
        EscoOccupation.objects.values_list(
            "uri", "label_en", "label_fr", "alt_labels_en", "alt_labels_fr"
        ),
        keep,
    )
    skill_labels = _labels(
        EscoSkill.objects.values_list(
            "uri", "label_en", "label_fr", "alt_labels_en", "alt_labels_fr"
        ),
        keep,
    )
    relations = [
        OccupationSkill(occupation, skill, relation == EscoRelation.ESSENTIAL)
        for occupation, skill, relation in EscoOccupationSkill.objects.values_list(
            "occupation_id", "skill_id", "relation"
        ).order_by("occupation_id", "id")
    ]
    links = [
        CrosswalkLink(noc, occupation, confidence, path, inherited)
        for noc, occupation, confidence, path, inherited in NocEscoLink.objects.values_list(
            "noc_id", "occupation_id", "confidence", "path", "is_inherited"
        )
    ]
    return ReferenceRecords(noc_labels, occupation_labels, skill_labels, relations, links)


def _labels(rows, keep) -> list[LabelRecord]:
    records = []
    for uri, label_en, label_fr, alt_en, alt_fr in rows:
        records += [LabelRecord(uri, label_en, "en"), LabelRecord(uri, label_fr, "fr")]
        records += [LabelRecord(uri, text, "en", "alternative") for text in alt_en.splitlines()]
        records += [LabelRecord(uri, text, "fr", "alternative") for text in alt_fr.splitlines()]
    return [record for record in records if keep(record.text)]


def tools_directory() -> Path:
    """Where the tools built from the reference data now in the database live."""
    checksums = dict(
        ReferenceDataset.objects.filter(name__in=TOOLS_DATASETS).values_list("name", "checksum")
    )
    parts = [VERSION] + [f"{name}={checksums.get(name, '')}" for name in TOOLS_DATASETS]
    return settings.LANGUAGE_TOOLS_DIR / hashlib.sha256("|".join(parts).encode()).hexdigest()[:20]


def language_tools() -> LanguageTools:
    """The tools for the reference data now loaded (built on first use if missing)."""
    directory = tools_directory()
    tools = _loaded.get(str(directory))
    if tools is None:
        if not LanguageTools.exists(directory):
            logger.warning(
                "Language tools missing in %s: building them (about a minute)", directory
            )
            _build(directory)
        tools = LanguageTools.load(directory)
        tools.ranking_weights = trained_ranking_weights()
        tools.titles.ranking = trained_title_ranking()
        _loaded.clear()
        _loaded[str(directory)] = tools
    return tools


def trained_ranking_weights() -> RankingWeights:
    """The weights in data/trained/skill_ranking.json, or the hand-set defaults without it."""
    if not SKILL_RANKING_WEIGHTS.is_file():
        logger.warning("No trained skill ranking weights: using the defaults")
        return RankingWeights()
    try:
        return RankingWeights.from_trained(json.loads(SKILL_RANKING_WEIGHTS.read_text("utf-8")))
    except ValueError:
        # Weights of an older layer (other features): `make train-language` retrains it, and
        # needs the tools to load meanwhile.
        logger.warning("Skill ranking weights are for other features: using the defaults")
        return RankingWeights()


def trained_title_ranking() -> dict[str, TitleRanking]:
    """The layer in data/trained/title_ranking.json per scheme, or none (the hand-set score)."""
    if not TITLE_RANKING_WEIGHTS.is_file():
        logger.warning("No trained title ranking: titles are ranked by the hand-set score")
        return {}
    trained = json.loads(TITLE_RANKING_WEIGHTS.read_text("utf-8"))
    try:
        return {scheme: TitleRanking.from_trained(trained[scheme]) for scheme in SCHEMES}
    except ValueError:  # made for other FEATURES: `make train-language` (which needs none)
        logger.warning("The trained title ranking is stale: titles are ranked by the hand score")
        return {}


def held_out_title_normalizer(records: ReferenceRecords) -> TitleNormalizer:
    """A title normaliser of `records` (reference_records(held_out=…): without the benchmark's
    or the trainer's titles), with the trained layer; it reuses the built tools' label vectors."""
    normalizer = TitleNormalizer.build(
        noc_labels=records.noc_labels,
        esco_labels=records.occupation_labels,
        links=records.links,
        embed=reusing_vectors(language_tools().titles.index, embed_texts),
    )
    normalizer.ranking = trained_title_ranking()
    return normalizer


def language_tools_load_reference(*, force: bool = False) -> LoadResult:
    """Build the language tools for the reference data in the database, unless built already.

    `force` is accepted like every loader's but changes nothing: the tools' folder is named after
    the checksums of the data they come from, so an existing folder is up to date by construction
    (and rebuilding embeds ~120,000 labels)."""
    directory = tools_directory()
    if LanguageTools.exists(directory):
        return LoadResult(
            "language_tools", len(LanguageTools.load(directory).titles.index), skipped=True
        )
    tools = _build(directory)
    _loaded.clear()
    return LoadResult("language_tools", len(tools.titles.index), skipped=False)


def _build(directory: Path) -> LanguageTools:
    build_side_by_side(reference_records(), directory)
    for old in settings.LANGUAGE_TOOLS_DIR.iterdir():
        if old.is_dir() and old != directory and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
    return LanguageTools.load(directory)


class _CountingEmbedder:
    """embed_texts in slices, adding to counters shared with the parent, which draws the bar."""

    def __init__(self, done, total):
        self.done, self.total = done, total

    def __call__(self, texts: list[str]) -> np.ndarray:
        with self.total.get_lock():
            self.total.value += len(texts)
        parts = []
        for start in range(0, len(texts), EMBED_SLICE):
            parts.append(embed_texts(texts[start : start + EMBED_SLICE]))
            with self.done.get_lock():
                self.done.value += len(parts[-1])
        return np.concatenate(parts) if parts else embed_texts(texts)


def build_side_by_side(records: ReferenceRecords, directory: Path) -> None:
    """Build and save the tools with the title normaliser and the skill side (extractor and
    graph) in two processes at once: each embeds about half the labels, and the rest of the work
    (tokenizing, indexing ~220,000 labels) runs in parallel too, where slicing only the embedding
    left it serial. On one core the two share it, in the same total time. The titles are built aside and moved in last: their presence means the whole
    set is there, so a failed or interrupted build leaves nothing that looks complete."""
    context = multiprocessing.get_context("fork")  # the children inherit records and modules
    done, total = context.Value("q", 0), context.Value("q", 0)
    embed = _CountingEmbedder(done, total)
    staging = directory.with_name(f".{directory.name}-titles-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    sides = [
        context.Process(target=_build_titles, args=(records, staging, embed)),
        context.Process(target=_build_skill_side, args=(records, directory, embed)),
    ]
    try:
        for side in sides:
            side.start()
        with progress_bar(description="Embedding labels", unit=" labels") as bar:
            while any(side.is_alive() for side in sides):
                sides[0].join(0.5)
                bar.total, bar.n = max(total.value, 1), done.value
                bar.refresh()
        if any(side.exitcode != 0 for side in sides):
            codes = [side.exitcode for side in sides]
            raise RuntimeError(f"Building the language tools failed (exit codes {codes})")
        shutil.rmtree(directory / "titles", ignore_errors=True)  # an older, unfinished save
        os.replace(staging, directory / "titles")
    finally:  # interrupted (Ctrl-C) or failed: no orphan process, no half-built titles left
        for side in sides:
            if side.pid is not None and side.is_alive():
                side.terminate()
                side.join()
        shutil.rmtree(staging, ignore_errors=True)


def _build_titles(records: ReferenceRecords, staging: Path, embed) -> None:
    LanguageTools.build_titles(records, embed=embed).save(staging)


def _build_skill_side(records: ReferenceRecords, directory: Path, embed) -> None:
    LanguageTools.build_graph(records).save(directory / "graph")
    LanguageTools.build_skills(records, embed=embed).save(directory / "skills")
