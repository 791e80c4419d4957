"""Every results file says where its numbers come from (benchmarks/provenance.py)."""

import json

from benchmarks import provenance


def test_a_run_records_commit_machine_load_and_command(tmp_path, monkeypatch):
    monkeypatch.setattr(provenance, "RESULTS_DIR", tmp_path)
    monkeypatch.setattr(provenance, "QUICK_DIR", tmp_path / "quick")
    run = provenance.start("example", command_line="python -m benchmarks.example --quick")
    written = json.loads(run.write({"p95_ms": 12}).read_text())
    record = written["provenance"]
    assert written["p95_ms"] == 12
    assert record["command"] == "python -m benchmarks.example --quick"
    assert len(record["commit"]["sha"]) == 40
    assert record["machine"]["cores"] >= 1 and record["machine"]["memory_gb"] > 0
    assert len(record["load_average_before"]) == 3 and len(record["load_average_after"]) == 3
    assert record["started_at"] <= record["finished_at"]


def test_a_quick_run_never_replaces_the_cited_file(tmp_path, monkeypatch):
    monkeypatch.setattr(provenance, "RESULTS_DIR", tmp_path)
    monkeypatch.setattr(provenance, "QUICK_DIR", tmp_path / "quick")
    (tmp_path / "schedule.json").write_text('{"cited": true}')
    path = provenance.start("schedule", quick=True).write({"cited": False})
    assert path == tmp_path / "quick" / "schedule.json"
    assert json.loads((tmp_path / "schedule.json").read_text()) == {"cited": True}


def test_in_ci_even_a_full_run_leaves_the_cited_file_alone(tmp_path, monkeypatch):
    # CI runs `make fuzz-api` in full, then checks the docs' figures against the cited files.
    monkeypatch.setattr(provenance, "RESULTS_DIR", tmp_path)
    monkeypatch.setattr(provenance, "QUICK_DIR", tmp_path / "quick")
    monkeypatch.setenv("BENCH_RESULTS_SCRATCH", "1")
    (tmp_path / "fuzz-api.json").write_text('{"requests": 2105}')
    path = provenance.start("fuzz-api").write({"requests": 2111})
    assert path == tmp_path / "quick" / "fuzz-api.json"
    assert json.loads((tmp_path / "fuzz-api.json").read_text()) == {"requests": 2105}


def test_ci_runs_with_scratch_results():
    ci_script = (provenance.ROOT / ".ci" / "run").read_text()
    assert "export BENCH_RESULTS_SCRATCH=1" in ci_script


def test_passwords_in_database_urls_are_not_recorded(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://maillage:secret@db:5432/maillage")
    record = provenance.start("example").record()
    assert record["environment"]["DATABASE_URL"] == "postgres://maillage:***@db:5432/maillage"
