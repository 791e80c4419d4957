"""Train the skill ranker's logistic layer (matchcore.language.skill_ranking) and write its
weights to data/trained/skill_ranking.json (small, committed). `make train-language`.

Training texts, built only from ESCO and SkillSpan's training split (never from the dev sets'
sentences, which are left out even where SkillSpan repeats them):
- SkillSpan training sentences (English job ads): each annotated span that is an ESCO label
  (preferred or alternative) linked to that skill (distant supervision);
- ESCO skill descriptions (English): the description implies its skill without always naming it;
- ESCO alternative labels in French and English inside a job-ad phrase: the same skills in both
  languages, so one threshold means the same in French and English.
Each text's candidates get FEATURES; the layer is a logistic regression (scikit-learn, lbfgs,
deterministic under the seed).

Then the layer's scores are calibrated per language (Platt scaling: one logistic regression over
the layer's logit for French, English, and texts whose words tell neither), on ESCO skills that
have labels in both languages and were not used for training: each such skill gives one French
and one English phrase (an alternative or preferred label, alone or in a job-ad template). Half
of these phrases fit the scaling, the other half checks it: precision and recall at a score of
0.5 in each language are written beside the weights.
"""

import json
import random
import time

import numpy as np
from django.core.management.base import BaseCommand

from benchmarks.language_data import skillspan_sentences
from benchmarks.skill_linking import dev_sentence_texts
from maillage.core.progress import progress
from maillage.taxonomy.language import SKILL_RANKING_WEIGHTS, language_tools
from maillage.taxonomy.models import EscoSkill
from matchcore.language.skill_ranking import FEATURES, RankingWeights, SkillRanker
from matchcore.language.skills import content_key
from matchcore.language.terms import detect_language, tokenize

TEMPLATES = {
    "en": ["You will {}.", "Experience with {} is required.", "{}"],
    "fr": ["Vous devrez {}.", "Expérience en {} requise.", "{}"],
}


def training_texts(ranker: SkillRanker, seed: int, sizes: dict[str, int]):
    """(text, gold URIs, source) triples."""
    rng = random.Random(seed)
    dev = dev_sentence_texts()
    texts = []
    sentences = [
        s for part in ("tech", "house") for s in skillspan_sentences(part) if s[0] not in dev
    ]
    rng.shuffle(sentences)
    for text, spans in sentences:
        gold = set()
        for start, end in spans:
            # Distant supervision as in Decorte et al. (2022): a span that is an ESCO label
            # (preferred or alternative, up to case, plural and small words) names that skill.
            entries = ranker.extractor.phrases.get(content_key(tokenize(text[start:end])), [])
            if entries and entries[0][1] < 2:
                gold.add(entries[0][0])
        if gold:
            texts.append((text, gold, "skillspan"))
        if sum(source == "skillspan" for _, _, source in texts) >= sizes["skillspan"]:
            break
    skills = list(
        EscoSkill.objects.order_by("uri").values_list(
            "uri", "description_en", "alt_labels_en", "alt_labels_fr", "label_fr"
        )
    )
    rng.shuffle(skills)
    for uri, description, *_ in skills[: sizes["descriptions"]]:
        first = description.split(". ")[0].strip()
        if first:
            texts.append((first, {uri}, "description"))
    for uri, _, alt_en, alt_fr, label_fr in skills[
        sizes["descriptions"] : sizes["descriptions"] * 2
    ]:
        # ESCO's French alternative labels are few (v1.0.x): the preferred label stands in.
        for language, labels in (("en", alt_en), ("fr", alt_fr or label_fr)):
            options = [label for label in labels.splitlines() if label.strip()]
            if options:
                template = rng.choice(TEMPLATES[language])
                texts.append((template.format(rng.choice(options)), {uri}, f"label_{language}"))
    return texts


MIN_CALIBRATION_TEXTS = 20  # per language and half


def calibration_texts(seed: int, exclude: set[str], count: int):
    """(text, gold URIs, language) for `count` ESCO skills with labels in both languages: one
    French and one English phrase each."""
    rng = random.Random(seed + 1)
    skills = [
        row
        for row in EscoSkill.objects.exclude(alt_labels_fr="")
        .exclude(label_fr="")
        .order_by("uri")
        .values_list("uri", "label_en", "alt_labels_en", "label_fr", "alt_labels_fr")
        if row[0] not in exclude
    ]
    rng.shuffle(skills)
    texts = []
    for uri, label_en, alt_en, label_fr, alt_fr in skills[:count]:
        for language, labels in (
            ("fr", [label_fr, *alt_fr.splitlines()]),
            ("en", [label_en, *alt_en.splitlines()]),
        ):
            label = rng.choice([label for label in labels if label.strip()])
            texts.append((rng.choice(TEMPLATES[language]).format(label), {uri}, language))
    return texts


def language_calibration(ranker: SkillRanker, texts, seed: int) -> tuple[dict, dict]:
    """Platt scaling of the layer's logit per detected language, fitted on the phrases of half
    the skills; precision and recall at 0.5 on the other half's."""
    from sklearn.linear_model import LogisticRegression

    groups: dict[str, dict[str, list]] = {}
    for number, (text, gold, _) in enumerate(
        progress(texts, description="Calibration", total=len(texts))
    ):
        concepts, features, _ = ranker.features(text)
        if not concepts:
            continue
        key = detect_language(text) or "none"
        part = groups.setdefault(key, {"fit": [], "check": []})
        uris = [ranker.index.concepts[c] for c in concepts]
        # Texts come in pairs (the French and English phrases of one skill): a skill is either
        # fitted or checked.
        part["fit" if number // 2 % 2 == 0 else "check"].append(
            (ranker.logits(features), np.asarray([uri in gold for uri in uris]))
        )
    calibration, check = {}, {}
    for key, part in sorted(groups.items()):
        if min(len(part["fit"]), len(part["check"])) < MIN_CALIBRATION_TEXTS:
            continue  # too few: the English scaling stands in
        logits = np.concatenate([logit for logit, _ in part["fit"]]).reshape(-1, 1)
        labels = np.concatenate([label for _, label in part["fit"]])
        if labels.all() or not labels.any():
            continue
        model = LogisticRegression(C=100.0, max_iter=1000, random_state=seed)
        model.fit(logits, labels)
        a, b = float(model.coef_[0][0]), float(model.intercept_[0])
        calibration[key] = [round(a, 5), round(b, 5)]
        check[key] = threshold_check(part["check"], a, b)
    return calibration, check


def threshold_check(rows, a: float, b: float, threshold: float = 0.5) -> dict:
    """Precision (kept skills that are right) and recall (texts whose skill is kept) at the
    threshold, over held-out texts."""
    kept = right = found = 0
    for logits, labels in rows:
        above = 1.0 / (1.0 + np.exp(-(a * logits + b))) >= threshold
        kept += int(above.sum())
        right += int((above & labels).sum())
        found += int((above & labels).any())
    return {
        "texts": len(rows),
        "precision_at_0_5": round(right / kept, 3) if kept else None,
        "recall_at_0_5": round(found / len(rows), 3) if rows else None,
    }


def feature_rows(ranker: SkillRanker, texts):
    rows, labels, groups = [], [], []
    for number, (text, gold, _) in enumerate(
        progress(texts, description="Candidates", total=len(texts))
    ):
        concepts, features, _ = ranker.features(text)
        uris = [ranker.index.concepts[c] for c in concepts]
        rows.append(features)
        labels += [uri in gold for uri in uris]
        groups += [number] * len(uris)
    return np.concatenate(rows), np.asarray(labels), np.asarray(groups)


class Command(BaseCommand):
    help = "Train the skill ranker's logistic layer; write data/trained/skill_ranking.json."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--skillspan", type=int, default=600)
        parser.add_argument(
            "--calibration",
            type=int,
            default=800,
            help="ESCO skills whose French and English phrases calibrate the scores per language",
        )
        parser.add_argument(
            "--descriptions",
            type=int,
            default=0,
            help="ESCO descriptions and FR/EN label phrases added (0: SkillSpan only, which did "
            "best on the tune half of the dev sets, see docs/language.md)",
        )

    def handle(
        self, *args, seed: int, skillspan: int, descriptions: int, calibration: int, **options
    ):
        from sklearn.linear_model import LogisticRegression

        started = time.perf_counter()
        ranker = SkillRanker(
            language_tools().skills,
            occupation_counts=language_tools().graph.skill_occupation_counts(),
            weights=RankingWeights(),
        )
        texts = training_texts(ranker, seed, {"skillspan": skillspan, "descriptions": descriptions})
        counts = {}
        for _, _, source in texts:
            counts[source] = counts.get(source, 0) + 1
        self.stdout.write(f"Training texts: {counts}")
        features, labels, _ = feature_rows(ranker, texts)
        model = LogisticRegression(C=0.05, max_iter=1000, random_state=seed)
        model.fit(features, labels)
        coefficients = [round(float(c), 5) for c in model.coef_[0]]
        intercept = round(float(model.intercept_[0]), 5)
        trained = SkillRanker(
            ranker.extractor,
            occupation_counts=language_tools().graph.skill_occupation_counts(),
            weights=RankingWeights(coefficients=tuple(coefficients), intercept=intercept),
        )
        used = {uri for _, gold, _ in texts for uri in gold}
        scaling, check = language_calibration(
            trained, calibration_texts(seed, used, calibration), seed
        )
        self.stdout.write(f"Calibration check (held-out ESCO phrases): {check}")
        weights = {
            "features": list(FEATURES),
            "coefficients": coefficients,
            "intercept": intercept,
            "calibration": scaling,
            "calibration_check": check,
            "seed": seed,
            "texts": counts,
            "candidates": int(len(labels)),
            "positives": int(labels.sum()),
            "seconds": round(time.perf_counter() - started),
        }
        SKILL_RANKING_WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
        SKILL_RANKING_WEIGHTS.write_text(json.dumps(weights, indent=2) + "\n", encoding="utf-8")
        self.stdout.write(json.dumps(weights))
