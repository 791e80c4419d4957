"""Fuzz the whole API with schemathesis, in process (WSGI): `make fuzz-api`.

Not part of the normal suite (the file name does not start with test_): each operation gets
FUZZ_EXAMPLES generated requests, valid and invalid, as an anonymous caller, a verified
employer and a candidate with matches. Every response must be no 5xx, have a documented status
code and content type, and match its schema. The counts are printed and written, with their
provenance (benchmarks/provenance.py), to benchmarks/results/fuzz-api.json (fewer examples than
`make fuzz-api`'s FULL_RUN_EXAMPLES: benchmarks/results/quick/fuzz-api.json).
"""

import json
import os
from collections import Counter

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from benchmarks import provenance
from maillage.api.tests.factories import ApiTokenFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.models import PostingStatus
from maillage.employers.tests.factories import (
    CompanyMemberFactory,
    JobPostingFactory,
    PostingSkillFactory,
)
from maillage.matching.models import MatchResult
from maillage.prequalification.models import ProposalStatus, SharedSection
from maillage.prequalification.tests.factories import ProposalFactory

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
FULL_RUN_EXAMPLES = 100  # make fuzz-api's default: the run whose file is kept
RUN = provenance.start(
    "fuzz-api",
    quick=EXAMPLES < FULL_RUN_EXAMPLES,
    command_line=f"FUZZ_EXAMPLES={EXAMPLES} {provenance.command()}",
)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
TALLY: Counter = Counter()
OPERATIONS: set[str] = set()


# As Django's test client does: the WSGI handler must not close the test's database connection
# (on PostgreSQL that would end the test's transaction).
signals.request_started.disconnect(close_old_connections)
signals.request_finished.disconnect(close_old_connections)

# Fetching the schema touches no table: it can happen at import, before the test database exists.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def callers(db):
    """An employer with postings of every status, a candidate with matches, their tokens."""
    member = CompanyMemberFactory()
    for status in PostingStatus.values:
        posting = JobPostingFactory(company=member.company, status=status)
        PostingSkillFactory(posting=posting)
    published = JobPostingFactory(company=member.company, status=PostingStatus.PUBLISHED)
    ProposalFactory(
        posting=published,
        status=ProposalStatus.SHORTLISTED,
        shared_sections=list(SharedSection.values),
    )
    candidate = CandidateProfileFactory()
    for score in (55.0, 82.5):
        MatchResult.objects.create(
            candidate=candidate,
            posting=JobPostingFactory(),
            score=score,
            stars=4,
            breakdown={"occupation": 1.0},
            reasons=[{"code": "same_occupation"}],
            engine_version="fuzz-1",
            computed_at=timezone.now(),
        )
    return {
        "employer": {"Authorization": f"Bearer {ApiTokenFactory(user=member.user).raw}"},
        "candidate": {"Authorization": f"Bearer {ApiTokenFactory(user=candidate.user).raw}"},
        # Random ids find nothing: every other case of an operation on one posting uses this one.
        "posting_id": str(published.public_id),
    }


def _caller(path: str) -> str:
    if path.startswith("/api/v1/employer"):
        return "employer"
    if path.startswith("/api/v1/me"):
        return "candidate"
    return "anonymous"


@schema.parametrize()
@hypothesis_settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, callers):
    caller = _caller(case.operation.path)
    TALLY[f"cases {case.operation.path}"] += 1
    if "public_id" in (case.path_parameters or {}) and TALLY[f"cases {case.operation.path}"] % 2:
        case.path_parameters["public_id"] = callers["posting_id"]
    response = case.call_and_validate(headers=callers.get(caller), checks=CHECKS)
    label = f"{case.operation.method.upper()} {case.operation.path}"
    OPERATIONS.add(label)
    TALLY["requests"] += 1
    TALLY[f"status {response.status_code // 100}xx"] += 1
    TALLY[f"{label} {response.status_code}"] += 1


def teardown_module(module):
    summary = {
        "operations": len(OPERATIONS),
        "examples_per_operation": EXAMPLES,
        "requests": TALLY["requests"],
        "by_status_class": {k: v for k, v in sorted(TALLY.items()) if k.startswith("status ")},
        "by_operation": {
            k: v for k, v in sorted(TALLY.items()) if k.startswith(("GET", "POST", "PUT"))
        },
    }
    RUN.write(summary)
    print(
        "\n"
        + json.dumps(
            {k: summary[k] for k in ("operations", "requests", "by_status_class")}, indent=2
        )
    )
