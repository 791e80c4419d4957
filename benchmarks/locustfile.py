"""Load test scenarios (run by benchmarks/loadtest.py; `make loadtest`).

Three kinds of people work at the same time, with a think time between pages:
- candidates (60 %) browse regions and postings, search postings through the API, open their
  profile and their matches;
- employers (20 %) open their company, their postings and their short lists;
- advisors (20 %) work their queues: candidates and employers to verify, a record to review.

Logins happen in on_start (password hashing is deliberately slow: about half a second of CPU
each) and are left out of the figures: the statistics are reset once every person has logged in,
and the measured window starts then. Each request is named by its page.
"""

import json
import os
import random
import re
import time

from locust import HttpUser, between, events, task

CANDIDATES = int(os.environ.get("LOADTEST_CANDIDATES", "100000"))
COMPANIES = int(os.environ.get("LOADTEST_COMPANIES", "6150"))
PASSWORD = "demo-maillage-2026"
REGION_CODES = [
    "01",
    "02",
    "03",
    "04",
    "05",
    "07",
    "08",
    "09",
    "10",
    "11",
    "12",
    "14",
    "15",
    "16",
    "17",
]
REGION_SLUGS: list[str] = []
NOC_CODES = ["72106", "72400", "33102", "73300", "63200", "21232", "72200", "42202", "7", "3", "6"]
WORDS = ["soudeur", "cuisinier", "mécanicien", "préposé", "camionneur", "électricien", "commis"]
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


LOGGED_IN = {"count": 0, "measuring_since": None}


class Person(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    email = ""

    def login(self, email: str) -> None:
        self._login(email)
        LOGGED_IN["count"] += 1
        if LOGGED_IN["count"] == self.environment.parsed_options.num_users:
            self.environment.stats.reset_all()
            LOGGED_IN["measuring_since"] = time.monotonic()

    def _login(self, email: str) -> None:
        page = self.client.get("/accounts/login/", name="login")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        response = self.client.post(
            "/accounts/login/",
            {"username": email, "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="login",
            allow_redirects=False,
        )
        if response.status_code != 302:
            response.failure(f"login of {email} failed: {response.status_code}")


class Candidate(Person):
    weight = 6

    def on_start(self) -> None:
        # verified candidates
        index = random.choice([i for i in range(1, min(CANDIDATES, 5000)) if i % 5])
        self.login(f"candidat{index + 1}@example.org")
        self.posting_ids: list[str] = []

    @task(1)
    def home(self):
        self.client.get("/", name="home")

    @task(1)
    def regions(self):
        page = self.client.get("/regions/", name="region list")
        if not REGION_SLUGS:
            REGION_SLUGS.extend(
                set(re.findall(r'href="/regions/([a-z0-9-]+)/"', page.text)) - {"municipalities"}
            )

    @task(2)
    def region(self):
        if REGION_SLUGS:
            self.client.get(f"/regions/{random.choice(REGION_SLUGS)}/", name="region detail")

    @task(4)
    def search(self):
        params = {"page_size": 20}
        kind = random.random()
        if kind < 0.4:
            params["region"] = random.choice(REGION_CODES)
        elif kind < 0.7:
            params["noc"] = random.choice(NOC_CODES)
        elif kind < 0.9:
            params["q"] = random.choice(WORDS)
        if random.random() < 0.3:
            params["page"] = random.randint(2, 5)
        response = self.client.get("/api/v1/postings", params=params, name="API postings search")
        if response.ok:
            self.posting_ids = [item["id"] for item in response.json()["items"]] or self.posting_ids

    @task(3)
    def posting(self):
        if self.posting_ids:
            self.client.get(
                f"/employers/postings/{random.choice(self.posting_ids)}/", name="posting detail"
            )

    @task(2)
    def profile(self):
        self.client.get("/candidates/profile/", name="candidate profile")

    @task(1)
    def results(self):
        self.client.get("/figures/", name="public results")

    @task(1)
    def my_proposals(self):
        self.client.get("/prequalification/mine/", name="my proposals")

    @task(2)
    def matches(self):
        self.client.get("/api/v1/me/matches", name="API my matches")


class Employer(Person):
    weight = 2

    def on_start(self) -> None:
        index = random.choice([i for i in range(1, min(COMPANIES, 3000)) if i % 7 != 6])  # verified
        self.login(f"employeur{index + 1}@example.org")
        self.posting_ids: list[str] = []

    @task(2)
    def company(self):
        self.client.get("/employers/company/", name="employer company")

    @task(3)
    def postings(self):
        page = self.client.get("/employers/postings/", name="employer postings")
        self.posting_ids = (
            re.findall(rf"/employers/postings/({UUID})/", page.text) or self.posting_ids
        )

    @task(2)
    def posting(self):
        if self.posting_ids:
            self.client.get(
                f"/employers/postings/{random.choice(self.posting_ids)}/", name="posting detail"
            )

    @task(2)
    def api_postings(self):
        self.client.get("/api/v1/employer/postings", name="API employer postings")

    @task(2)
    def shortlists(self):
        page = self.client.get("/prequalification/shortlist/", name="employer short lists")
        self.shortlist_postings = re.findall(rf"/prequalification/shortlist/({UUID})/", page.text)

    @task(3)
    def shortlist(self):
        if getattr(self, "shortlist_postings", None):
            page = self.client.get(
                f"/prequalification/shortlist/{random.choice(self.shortlist_postings)}/",
                name="short list of a posting",
            )
            self.shortlisted = re.findall(
                rf"/prequalification/shortlist/candidates/({UUID})/", page.text
            )

    @task(2)
    def shortlisted_candidate(self):
        if getattr(self, "shortlisted", None):
            self.client.get(
                f"/prequalification/shortlist/candidates/{random.choice(self.shortlisted)}/",
                name="short-listed candidate",
            )


class Advisor(Person):
    weight = 2

    def on_start(self) -> None:
        self.login("conseillere@example.org")
        self.candidate_ids: list[str] = []
        self.company_ids: list[str] = []

    @task(1)
    def team_home(self):
        self.client.get("/team/", name="team home")

    @task(3)
    def candidate_queue(self):
        page = random.randint(1, 20)
        response = self.client.get(
            f"/candidates/verification/?page={page}", name="candidates to verify"
        )
        self.candidate_ids = (
            re.findall(rf'href="/candidates/({UUID})/"', response.text) or self.candidate_ids
        )

    @task(3)
    def candidate_review(self):
        if self.candidate_ids:
            self.client.get(
                f"/candidates/{random.choice(self.candidate_ids)}/", name="candidate review"
            )

    @task(1)
    def company_queue(self):
        response = self.client.get("/employers/verification/", name="employers to verify")
        self.company_ids = (
            re.findall(rf'href="/employers/companies/({UUID})/"', response.text) or self.company_ids
        )

    @task(1)
    def company_review(self):
        if self.company_ids:
            self.client.get(
                f"/employers/companies/{random.choice(self.company_ids)}/", name="company review"
            )

    @task(3)
    def proposals_queue(self):
        page = self.client.get(
            f"/prequalification/queue/?page={random.randint(1, 20)}", name="advisor proposal queue"
        )
        found = re.findall(rf"/prequalification/proposals/({UUID})/", page.text)
        self.proposal_ids = found or getattr(self, "proposal_ids", [])

    @task(3)
    def proposal(self):
        if getattr(self, "proposal_ids", None):
            self.client.get(
                f"/prequalification/proposals/{random.choice(self.proposal_ids)}/",
                name="proposal detail",
            )


def _figures(entry) -> dict:
    return {
        "requests": entry.num_requests,
        "failures": entry.num_failures,
        "rps": round(entry.total_rps, 2),
        "p50_ms": entry.get_response_time_percentile(0.50),
        "p95_ms": entry.get_response_time_percentile(0.95),
        "p99_ms": entry.get_response_time_percentile(0.99),
    }


@events.quitting.add_listener
def write_results(environment, **kwargs) -> None:
    path = os.environ.get("LOADTEST_RESULTS")
    if not path:
        return
    stats = environment.stats
    since = LOGGED_IN["measuring_since"]
    result = {
        "users": environment.parsed_options.num_users if environment.parsed_options else None,
        "measured_s": round(time.monotonic() - since, 1) if since else None,
        **_figures(stats.total),
        "pages": [
            {"page": name, "method": method, **_figures(entry)}
            for (name, method), entry in sorted(stats.entries.items())
        ],
        # What failed, as locust words it ("HTTPError('503 Server Error: …')"): counted by kind.
        "errors": {str(error.error)[:200]: error.occurrences for error in stats.errors.values()},
    }
    with open(path, "w") as handle:
        json.dump(result, handle, indent=2)
