"""The docs' figures are checked against their results files (benchmarks/doc_figures.py)."""

import json

import pytest

from benchmarks import doc_figures


@pytest.fixture
def cited(tmp_path, monkeypatch):
    """A docs/ page and a results file in a throwaway project; returns a function that writes the
    page and reports its problems."""
    monkeypatch.setattr(doc_figures, "ROOT", tmp_path)
    monkeypatch.setattr(doc_figures, "RESULTS_DIR", tmp_path / "benchmarks" / "results")
    results = tmp_path / "benchmarks" / "results"
    (results / "quick").mkdir(parents=True)
    run = {"p95_ms": 120, "rps": 23.47, "pages": [{"page": "home", "p50_ms": 17}], "share": 0.9994}
    (results / "loadtest.json").write_text(json.dumps(run))
    (results / "quick" / "loadtest.json").write_text(json.dumps(run))
    docs = tmp_path / "docs"
    docs.mkdir()

    def problems(markdown: str) -> list[str | None]:
        page = docs / "scaling.md"
        page.write_text(markdown)
        return [doc_figures.problem(c) for c in doc_figures.citations(page)]

    return problems


def test_a_figure_that_matches_its_file_passes(cited):
    page = (
        'p95 [120 ms](../benchmarks/results/loadtest.json "p95_ms"), '
        '[23.5 requests/s](../benchmarks/results/loadtest.json "rps"), '
        'home [17 ms](../benchmarks/results/loadtest.json "pages[page=home].p50_ms"), '
        '[99.9 %](../benchmarks/results/loadtest.json "share * 100"), '
        '[~24 requests/s](../benchmarks/results/loadtest.json "rps")'
    )
    assert cited(page) == [None] * 5


def test_a_figure_from_memory_fails(cited):
    [problem] = cited('p95 [110 ms](../benchmarks/results/loadtest.json "p95_ms")')
    assert "is 120" in problem


def test_a_missing_key_or_file_fails(cited):
    missing_key, missing_file = cited(
        '[120 ms](../benchmarks/results/loadtest.json "p96_ms") '
        '[120 ms](../benchmarks/results/gone.json "p95_ms")'
    )
    assert "p96_ms" in missing_key
    assert "does not exist" in missing_file


def test_a_quick_run_cannot_be_cited(cited):
    [problem] = cited('[120 ms](../benchmarks/results/quick/loadtest.json "p95_ms")')
    assert "quick run" in problem


def test_the_docs_figures_match_their_files():
    assert doc_figures.main([]) == 0
