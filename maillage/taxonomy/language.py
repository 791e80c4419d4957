"""The language tools of matchcore.language, fed with the reference data of the database.

`language_tools()` returns the title normaliser, the skill extractor and the skill graph, loaded
once per process from LANGUAGE_TOOLS_DIR (memory-mapped: a server's processes share one copy).
`load_reference_data` builds them when the NOC or ESCO data change (about a minute: every label
is embedded once); a process that finds them missing builds them itself.
"""

import hashlib
import json
import logging
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from django.conf import settings

from maillage.core.loading import LoadResult
from maillage.core.models import ReferenceDataset
from maillage.core.progress import progress
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


def embed_with_progress(texts: list[str]) -> np.ndarray:
    """embed_texts, in slices, with a progress bar: building the tools embeds ~100,000 labels.
    The slices run on every core (the model is single-threaded), so a first `make demo` on a
    two-core machine spends half the time here."""
    if len(texts) <= EMBED_SLICE:
        return embed_texts(texts)
    slices = [texts[start : start + EMBED_SLICE] for start in range(0, len(texts), EMBED_SLICE)]
    workers = min(len(slices), os.cpu_count() or 1)
    if workers == 1:
        parts = list(
            progress(map(embed_texts, slices), description="Embedding labels", total=len(slices))
        )
        return np.concatenate(parts)
    # fork: the children inherit the loaded modules; each embeds whole slices, in order.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        parts = list(
            progress(
                pool.map(embed_texts, slices), description="Embedding labels", total=len(slices)
            )
        )
    return np.concatenate(parts)


def _build(directory: Path) -> LanguageTools:
    tools = LanguageTools.build(reference_records(), embed=embed_with_progress)
    tools.save(directory)
    for old in settings.LANGUAGE_TOOLS_DIR.iterdir():
        if old.is_dir() and old != directory and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
    return tools
