"""A step of the demo data. An app that adds demo rows has `<app>/demo.py` with
`DEMO = DemoStep(stage, build)`; the site app's load_demo_data first creates the people, companies
and postings, then runs every app's step by stage and, within a stage, in INSTALLED_APPS order."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import IntEnum


class DemoStage(IntEnum):
    SHOWCASE = 1  # public pages, people's documents, an activity: skipped with with_showcase=False
    MATCHES = 2  # the engine's matches: skipped with with_matches=False
    PATH = 3  # proposals, interviews: built on the matches, skipped with them


@dataclass(frozen=True)
class DemoContext:
    today: date
    seed: int
    candidate_email: str
    employer_email: str
    advisor_email: str


@dataclass(frozen=True)
class DemoStep:
    stage: DemoStage
    build: Callable[[DemoContext], object]
