"""Text embedding for a bulk import: candidate profiles per second on one core.

Profiles are composed from the shipped NOC 2021 and ESCO files in the shape
`maillage.matching.records.candidate_text` gives (summary, experience titles and descriptions,
field of study, skills, one a line), over every unit group with French duties (a long tail, not
the demo's few occupations): a summary of one duty, two experiences (a title, two duties each),
a field of study, four to eight skills of the unit group. They go through
`maillage.matching.services.vectors.texts_embed`, the pure part of `candidate_vectors_refresh`
(sentences, the model, the mean), by chunks of `rematch.VECTOR_CHUNK` profiles, as
`rematch_all` does; the database work (one query per chunk, bulk writes) is not measured here.

"before" is the same texts with every sentence occurrence sent to the model (what the service did
until each distinct sentence went once), "tokenizer" the pure-Python tokenizer's share of the
model's time. CPU time (`time.process_time`) is reported next to wall time: on a shared machine
wall time mostly measures the other jobs.

Run: python -m benchmarks.embedding_speed [--quick]
"""

import argparse
import json
import random
import time
from collections import defaultdict

from threadpoolctl import threadpool_limits

from benchmarks import provenance
from benchmarks.matching_data import load_catalog, read_csv
from benchmarks.matching_gold import setup_django

SEED = 2026


def _duties() -> dict[str, list[str]]:
    """French main duties of each unit group, as the demo reads them."""
    from maillage.core.reference import data_path

    duties: dict[str, list[str]] = defaultdict(list)
    for row in read_csv(data_path("noc2021/noc2021_elements_fr_unverified.csv.gz")):
        text = row["element_text_fr"].strip()
        if row["element_type_en"] == "Main duties" and text.endswith((";", ".")):
            duties[row["noc_code"]].append(text.rstrip(";.") + ".")
    return duties


def profile_texts(count: int, *, seed: int) -> list[str]:
    cat = load_catalog()
    noc_skills = cat.noc_skills()
    duties = _duties()
    codes = sorted(c for c in duties if len(duties[c]) >= 5 and cat.noc_titles.get(c, {}).get("fr"))
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        code = rng.choice(codes)
        titles = cat.noc_titles[code]["fr"]
        skills = [
            cat.skill_labels[s].get("fr") or cat.skill_labels[s]["en"]
            for s in noc_skills.get(code, [])[:12]
            if s in cat.skill_labels
        ]
        picked = rng.sample(duties[code], 5)
        parts = [picked[0]]
        for i in (1, 3):
            parts += [rng.choice(titles), " ".join(picked[i : i + 2])]
        parts.append(cat.noc_titles[rng.choice(codes)]["fr"][0])
        parts += rng.sample(skills, min(len(skills), rng.randint(4, 8)))
        texts.append("\n".join(parts))
    return texts


def _timed(work) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(texts: list[str], chunk: int) -> dict:
    from maillage.matching.services.vectors import _sentences, texts_embed
    from matchcore.language.embedding import _model

    model = _model()
    model(["échauffement"])  # loads the weights outside the timings
    chunks = [texts[i : i + chunk] for i in range(0, len(texts), chunk)]
    sentences = [[s for text in part for s in _sentences(text)] for part in chunks]
    flat = [s for part in sentences for s in part]
    distinct = sum(len(set(part)) for part in sentences)
    after = _timed(lambda: [texts_embed(part) for part in chunks])
    before = _timed(lambda: [model(part) for part in sentences])
    tokenizer = model._tokenizer
    tokenize = _timed(
        lambda: [tokenizer.encode(s, out_type=int, add_bos=True, add_eos=True) for s in flat]
    )
    n = len(texts)
    return {
        "profiles": n,
        "chunk": chunk,
        "sentences": len(flat),
        "sentences_per_profile": round(len(flat) / n, 1),
        "distinct_share": round(distinct / len(flat), 3),
        "before_profiles_per_cpu_s": round(n / before[1], 1),
        "before_profiles_per_s": round(n / before[0], 1),
        "before_sentences_per_cpu_s": round(len(flat) / before[1], 1),
        "profiles_per_cpu_s": round(n / after[1], 1),
        "profiles_per_s": round(n / after[0], 1),
        "tokenizer_share": round(tokenize[1] / before[1], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller run (< 1 minute)")
    args = parser.parse_args()
    run = provenance.start("embedding_speed", quick=args.quick)
    setup_django()
    from maillage.matching.services.rematch import VECTOR_CHUNK

    texts = profile_texts(300 if args.quick else 1_500, seed=SEED)
    with threadpool_limits(limits=1, user_api="blas"):
        result = measure(texts, VECTOR_CHUNK)
    result["machine"] = {"threads": 1}
    result["quick"] = args.quick
    run.write(result)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
