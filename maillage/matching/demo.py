"""Demo step of matching: compute the demo's matches, as the platform does when profiles and
postings change."""

from maillage.core.demo_steps import DemoContext, DemoStage, DemoStep
from maillage.matching.engine_state import engine_reset
from maillage.matching.services import rematch_all


def _build(context: DemoContext) -> None:
    engine_reset()
    rematch_all(today=context.today, description="Demo matches")


DEMO = DemoStep(DemoStage.MATCHES, _build)
