"""normalize_titles and extract_skills: one JSON object per input line; bad lines get an error and
the run goes on."""

import io
import json
import sys

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

BAD_LINES = [
    b"",
    b"a" * 10_000,
    b"\x00\x01\x02PK\x03\x04\xff\xfe",
    "🔥🔥🔥".encode(),
]


def run(monkeypatch, command: str, lines: list[bytes], *args: str) -> list[dict]:
    monkeypatch.setattr(
        sys, "stdin", type("Stdin", (), {"buffer": io.BytesIO(b"\n".join(lines) + b"\n")})()
    )
    out, err = io.StringIO(), io.StringIO()
    call_command(command, *args, stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_normalize_titles_writes_one_object_per_line_and_survives_bad_lines(monkeypatch):
    lines = [
        b"Soudeur / Soudeuse",
        *BAD_LINES,
        "Préposée aux bénéficiaires".encode(),
        "Soudeur welder 🔥".encode(),  # mixed languages and an emoji: still a title
    ]
    results = run(monkeypatch, "normalize_titles", lines, "--scheme", "noc", "--top", "3")
    assert len(results) == len(lines)
    assert results[0]["input"] == "Soudeur / Soudeuse"
    assert [m["code"] for m in results[0]["matches"]][0] == "72106"
    assert set(results[0]["matches"][0]) == {"code", "label", "score"}
    assert len(results[0]["matches"]) == 3
    assert [r.get("error") for r in results[1:5]] == [
        "empty",
        "too long: 10000 characters, at most 300",
        "binary data, not text",
        "no letters",
    ]
    assert results[5]["matches"][0]["code"] == "33102"
    assert results[6]["matches"][0]["code"] == "72106"


def test_normalize_titles_to_esco(monkeypatch):
    [result] = run(monkeypatch, "normalize_titles", [b"Soudeuse"], "--scheme", "esco", "--top", "1")
    assert result["matches"][0]["code"].startswith("http://data.europa.eu/esco/occupation/")
    assert result["matches"][0]["label"] == "soudeur/soudeuse"


def test_extract_skills_gives_spans_into_the_input(monkeypatch):
    text = "Exigences : conduite de chariot élévateur, travail d'équipe et anglais fonctionnel"
    results = run(monkeypatch, "extract_skills", [text.encode(), *BAD_LINES], "--top", "5")
    assert len(results) == 1 + len(BAD_LINES)
    skills = results[0]["skills"]
    assert 1 <= len(skills) <= 5
    for skill in skills:
        if skill["span"] is not None:  # None: implied by the text as a whole
            start, end = skill["span"]
            assert text[start:end] == skill["text"]
        assert set(skill) == {"uri", "label", "span", "text", "score"}
    assert "utiliser un chariot élévateur" in [s["label"] for s in skills]
    scores = [s["score"] for s in skills]
    assert scores == sorted(scores, reverse=True)
    assert [r["error"] for r in results[1:]] == [
        "empty",
        "too long: 10000 characters, at most 5000",
        "binary data, not text",
        "no letters",
    ]


def test_extract_skills_min_score_leaves_out_weaker_skills(monkeypatch):
    text = b"Vous assurerez le suivi des commandes et la conduite du chariot elevateur"
    [everything] = run(monkeypatch, "extract_skills", [text], "--top", "10")
    [strong] = run(monkeypatch, "extract_skills", [text], "--top", "10", "--min-score", "0.5")
    assert all(s["score"] >= 0.5 for s in strong["skills"])
    assert len(strong["skills"]) < len(everything["skills"]) == 10


def test_invalid_utf8_is_reported_not_fatal(monkeypatch):
    results = run(monkeypatch, "normalize_titles", [b"Soudeur \xc3\x28", b"Soudeur"])
    assert results[0]["error"] == "not valid UTF-8 text"
    assert results[1]["matches"][0]["code"] == "72106"
