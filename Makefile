# Maillage — the commands a new user, a developer and CI run. Python 3.11 and make are assumed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements/base.txt requirements/dev.txt | sha1sum | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/maillage
# QUICK=1: every benchmark in its short form, results in benchmarks/results/quick/ (not cited).
QUICK_FLAG = $(if $(QUICK),--quick)
# The benchmarks `make bench` runs, in order; add yours here (it must accept QUICK=1).
BENCH_TARGETS := bench-matching bench-households bench-taxonomy bench-schedule bench-cv loadtest chaos \
	bench-first-start

.PHONY: help install demo serve test test-postgres lint format check messages lock clean bench \
	bench-households bench-schedule bench-matching bench-taxonomy bench-cv bench-first-start check-deploy audit fuzz-api loadtest \
	check-figures chaos vendor-axe train-language

help:  ## This list: every target with what it does
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-15s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# --no-compile: each module is compiled on its first import instead; compiling every module of
# every package took half the install's time, for modules a run mostly never imports.
$(STAMP): requirements/base.txt requirements/dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=25"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-compile \
		-r requirements/base.txt -r requirements/dev.txt
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: $(STAMP)  ## Create .venv and install the pinned dependencies

# One BLAS thread per request: the engine's products are small (docs/matching.md); config/wsgi.py
# does the same under gunicorn.
ONE_BLAS_THREAD := OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1

demo: install  ## Migrate the SQLite database, load reference and demo data, serve on :8000
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference_data
	$(BIN)/python manage.py load_demo_data
	$(ONE_BLAS_THREAD) $(BIN)/python manage.py runserver $(HOST):$(PORT)

serve: install  ## Serve without reloading demo data
	$(ONE_BLAS_THREAD) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install  ## The whole suite: unit, integration and browser tests
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres: install  ## The same suite against PostgreSQL (DATABASE_URL, default local server)
	@$(BIN)/python -m benchmarks.services $${DATABASE_URL:-$(POSTGRES_URL)}
	DATABASE_URL=$${DATABASE_URL:-$(POSTGRES_URL)} $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install  ## ruff, import boundaries, migrations and translations in sync
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py check_translations
	$(BIN)/python -m benchmarks.doc_figures

check-figures: install  ## Every figure docs/ cite matches its benchmarks/results/*.json (also in lint)
	$(BIN)/python -m benchmarks.doc_figures

check-deploy: install  ## Django's deployment checklist on the production settings; any warning fails
	MAILLAGE_ENV=production SECRET_KEY="$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
		ALLOWED_HOSTS="$${ALLOWED_HOSTS:-maillage.example.org}" \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

audit: install  ## pip-audit of requirements/*.txt (exit 2 if the vulnerability service is unreachable; AUDIT_OFFLINE_OK=1 tolerates that)
	$(BIN)/python .ci/pip_audit.py

fuzz-api: install  ## schemathesis over every API operation, in process: no 5xx, every answer as documented
	API_RATE_ANONYMOUS=1000000/m API_RATE_PERSON=1000000/m FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-100} \
		$(BIN)/python -m pytest -p no:randomly -q maillage/api/tests/fuzz_api.py

loadtest: install  ## locust, 50 users, gunicorn + PostgreSQL (own database, created) + Redis (QUICK=1: 5 users, 20 s)
	$(BIN)/python benchmarks/loadtest.py $(QUICK_FLAG) $(LOADTEST_ARGS)

chaos: install  ## Faults on gunicorn + 2 Celery workers + beat + private PostgreSQL/Redis: benchmarks/results/chaos.json
	$(BIN)/python -m benchmarks.chaos $(QUICK_FLAG)

format: install  ## ruff: fix what can be fixed, format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install  ## Extract strings into the .po files and compile them
	$(BIN)/python manage.py update_translations

lock:  ## Re-pin requirements/*.txt from the .in files, with hashes
	$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe -o requirements/base.txt requirements/base.in
	$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe -o requirements/dev.txt requirements/dev.in

bench: install  ## Every benchmark in turn (BENCH_TARGETS); QUICK=1: the short forms CI runs
	@set -e; started=$$(date +%s); for target in $(BENCH_TARGETS); do \
		echo "== make $$target $(if $(QUICK),QUICK=1)"; t0=$$(date +%s); \
		$(MAKE) --no-print-directory $$target QUICK=$(QUICK); \
		echo "== $$target: $$(( $$(date +%s) - t0 )) s"; \
	done; echo "== make bench: $$(( $$(date +%s) - started )) s"

bench-households: install  ## Household joint search: two rankings over 10,000 postings joined on place (40 km): benchmarks/results/household_speed.json
	$(BIN)/python -m benchmarks.household_speed $(QUICK_FLAG)

bench-schedule: install  ## Meeting-schedule solver vs greedy on 200 employers × 1,000 candidates × 12 slots
	$(BIN)/python -m benchmarks.schedule $(QUICK_FLAG)

bench-taxonomy: install  ## Quality and speed of title normalisation and skill extraction
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference_data
	OMP_NUM_THREADS=1 $(BIN)/python benchmarks/taxonomy_eval.py $(QUICK_FLAG)

bench-cv: install  ## CV import: field precision/recall on the CV test set, cost of a hostile DOCX
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference_data
	$(BIN)/python benchmarks/cv_eval.py $(QUICK_FLAG)

bench-first-start: install  ## `make demo` on a fresh clone, timed to the first page (QUICK=1: reuses .venv)
	$(BIN)/python -m benchmarks.first_start $(QUICK_FLAG)

train-language: install  ## Retrain the skill ranker's and the title ranking's layers (data/trained/*.json; seed 7, ~20 min on one core)
	$(BIN)/python manage.py load_reference_data
	OMP_NUM_THREADS=1 $(BIN)/python manage.py train_language --seed 7
	OMP_NUM_THREADS=1 $(BIN)/python manage.py train_title_ranking --seed 7

bench-matching: install  ## Matching quality (gold set needs reference data) and speed, text embedding speed: benchmarks/results/matching_*.json, embedding_speed.json
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference_data
	$(BIN)/python -m benchmarks.matching_quality $(if $(QUICK),--quick)
	$(BIN)/python -m benchmarks.matching_speed $(if $(QUICK),--quick)
	$(BIN)/python -m benchmarks.embedding_speed $(if $(QUICK),--quick)

clean:  ## Remove .venv, var/ (databases, media), collected static files and screenshots
	rm -rf $(VENV) var staticfiles e2e/screenshots

vendor-axe:  ## Refresh the vendored axe-core from the npm registry
	cd /tmp && npm pack axe-core@4 --silent && tar xzf axe-core-4.*.tgz package/axe.min.js package/LICENSE
	cp /tmp/package/axe.min.js /tmp/package/LICENSE e2e/vendor/axe-core/
