"""Text embedding for a bulk import: candidate profiles per second on one core.

Profiles are composed from the shipped NOC 2021 and ESCO files in the shape
`maillage.matching.records.candidate_text` gives (summary, experience titles and descriptions,
field of study, skills, one a line), over every unit group with French duties (a long tail, not
the demo's few occupations): a summary of one duty, two experiences (a title, two duties each),
a field of study, four to eight skills of the unit group. They go through
`maillage.matching.services.vectors.texts_embed`, the pure part of `candidate_vectors_refresh`
(sentences, the model, the mean), by chunks of `rematch.VECTOR_CHUNK` profiles, as
`rematch_all` does; the database work (one query per chunk, bulk writes) is not measured here.

Each sentence is cut to its first words (`embedding.condensed`, since 2026-12: 12 words) by the
service itself, so every form below embeds the cut sentences; "tokens_per_profile" and
"uncut_tokens_per_profile" say what the cut saves. "before" is the same texts with every
sentence occurrence sent to the model (what the service did
until each distinct sentence went once), "chunk_dedup" each distinct sentence of a chunk once
with the package's own tokenizer (what it did until the process kept sentence vectors from one
chunk to the next and the tokenizer segmented each word once), the last the service as it is,
from cold caches. "tokenizer" is the package's pure-Python tokenizer's share of the model's
time, "library_tokenizer" that of the sentencepiece library the service uses (from cold);
"min_cosine_to_before" compares each profile's vector with the "before" one (the same model on
the same sentences: only rounding may differ). CPU time (`time.process_time`) is reported next to wall time: on a shared machine
wall time mostly measures the other jobs.

Run: python -m benchmarks.embedding_speed [--quick]
"""

import argparse
import json
import random
import time
import types
from collections import defaultdict

import numpy as np
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


def _profile_means(vectors: np.ndarray, counts: list[int]) -> np.ndarray:
    out, start = [], 0
    for count in counts:
        mean = vectors[start : start + count].mean(axis=0)
        out.append(mean / np.linalg.norm(mean))
        start += count
    return np.stack(out)


def measure(texts: list[str], chunk: int) -> dict:
    from maillage.matching.services.vectors import _sentences, texts_embed
    from matchcore.language import embedding

    model = embedding._model()
    model(["échauffement"])  # loads the weights outside the timings
    backend, cache_size = model._model, embedding.SENTENCE_CACHE_SIZE
    plain_tokenizer = embedding.package_tokenizer()
    chunks = [texts[i : i + chunk] for i in range(0, len(texts), chunk)]
    sentences = [[s for text in part for s in _sentences(text)] for part in chunks]
    flat = [s for part in sentences for s in part]
    distinct = sum(len(set(part)) for part in sentences)

    def fresh(*, tokenizer, forward, cache_size: int) -> None:
        backend.sp = tokenizer
        if isinstance(forward, embedding.TokenCachedForward):
            backend._encode_batch, backend._encode = forward.encode_batch, forward.encode
        else:  # the package's own loop over micro-batches, each through `forward`
            backend._encode_batch = forward
            backend._encode = types.MethodType(type(backend)._encode, backend)
        embedding.SENTENCE_CACHE_SIZE = cache_size
        embedding.sentence_cache_clear()

    plain_forward = types.MethodType(type(backend)._encode_batch, backend)
    fresh(tokenizer=plain_tokenizer, forward=plain_forward, cache_size=0)
    before_vectors: list[np.ndarray] = []
    before = _timed(lambda: before_vectors.extend(model(part) for part in sentences))
    chunk_only = _timed(lambda: [texts_embed(part) for part in chunks])
    fresh(
        tokenizer=embedding.library_tokenizer(),
        forward=embedding.TokenCachedForward(backend),
        cache_size=cache_size,
    )
    after_vectors: list = []
    after = _timed(lambda: after_vectors.extend(v for part in chunks for v in texts_embed(part)))
    tokens: list[int] = []
    tokenize = _timed(
        lambda: tokens.extend(
            len(plain_tokenizer.encode(s, out_type=int, add_bos=True, add_eos=True)) for s in flat
        )
    )
    library = embedding.library_tokenizer()
    library_tokenize = _timed(
        lambda: [library.encode(s, out_type=int, add_bos=True, add_eos=True) for s in flat]
    )
    uncut = [line.strip() for text in texts for line in text.replace(". ", ".\n").splitlines()]
    uncut_tokens = sum(len(plain_tokenizer.encode(s, out_type=int)) for s in uncut if s)
    # Quality: the profile vectors against those of every sentence sent to the model.
    reference = _profile_means(
        np.concatenate(before_vectors), [len(_sentences(text)) for text in texts]
    )
    cosines = np.einsum("ij,ij->i", reference, np.stack(after_vectors))
    n = len(texts)
    return {
        "profiles": n,
        "chunk": chunk,
        "sentences": len(flat),
        "sentences_per_profile": round(len(flat) / n, 1),
        "tokens_per_profile": round(sum(tokens) / n, 1),
        "uncut_tokens_per_profile": round(uncut_tokens / n, 1),
        "condensed_words": embedding.CONDENSED_WORDS,
        "distinct_share": round(distinct / len(flat), 3),
        "distinct_share_whole_import": round(len(set(flat)) / len(flat), 3),
        "before_profiles_per_cpu_s": round(n / before[1], 1),
        "before_profiles_per_s": round(n / before[0], 1),
        "before_sentences_per_cpu_s": round(len(flat) / before[1], 1),
        "chunk_dedup_profiles_per_cpu_s": round(n / chunk_only[1], 1),
        "profiles_per_cpu_s": round(n / after[1], 1),
        "profiles_per_s": round(n / after[0], 1),
        "tokenizer_share": round(tokenize[1] / before[1], 3),
        "library_tokenizer_share": round(library_tokenize[1] / before[1], 3),
        "min_cosine_to_before": round(float(cosines.min()), 6),
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
