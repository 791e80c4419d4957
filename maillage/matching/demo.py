"""Demo step of matching: compute the demo's matches, as the platform does when profiles and
postings change.

First the relocation story (issue 15): the demo employer's last posting offers no relocation
allowance, and six people elsewhere who meet everything else it asks would move only with one.
The employer reads « Offrir une aide à la relocalisation : +6 personnes prêtes à déménager »
under « Ce qui élargirait le bassin »; ticking the posting form's allowance checkbox lets the six
in. Both changes go through the services the forms call."""

from dataclasses import replace

from maillage.candidates.models import Relocation
from maillage.candidates.services import candidate_profile_update
from maillage.core.demo_steps import DemoContext, DemoStage, DemoStep
from maillage.employers.models import JobPosting
from maillage.employers.services import posting_update
from maillage.matching.engine_state import engine_reset
from maillage.matching.records import candidate_record, posting_record
from maillage.matching.selectors import candidates_for_engine, postings_for_engine
from maillage.matching.services import rematch_all
from matchcore.engine import DEFAULT_POLICY, CandidateRecord, PostingRecord
from matchcore.engine.rules import hard_rules

MOVERS_WITH_AID = 6


def _admits(candidate: CandidateRecord, posting: PostingRecord, context: DemoContext) -> bool:
    reasons = hard_rules(candidate, posting, today=context.today, policy=DEFAULT_POLICY)
    return not any(reason.is_exclusion for reason in reasons)


def _without_allowance(posting: JobPosting) -> None:
    skills = list(posting.skills.all())
    posting_update(
        posting=posting,
        fields={"offers_relocation_allowance": False},
        must_haves=[s.label for s in skills if s.is_must_have],
        required_skills=[s.label for s in skills if s.is_required and not s.is_must_have],
        nice_skills=[s.label for s in skills if not s.is_required],
        skill_uris={s.label: s.esco_uri for s in skills if s.esco_uri},
    )


def build_relocation_story(context: DemoContext) -> int:
    """Returns how many people the allowance would let in: those who answered « only with
    relocation assistance » already, and people who answered yes until there are six."""
    posting = (
        postings_for_engine()
        .filter(company__members__user__email=context.employer_email)
        .order_by("pk")
        .last()
    )
    if posting is None:
        return 0
    if posting.offers_relocation_allowance:
        _without_allowance(posting)
    record = replace(posting_record(posting, vector=None), offers_relocation_allowance=False)
    offered = replace(record, offers_relocation_allowance=True)
    movers, willing = 0, []
    profiles = candidates_for_engine(updated_after=None).filter(
        relocation__in=[Relocation.YES, Relocation.WITH_AID], is_open_to_all_regions=False
    )
    for profile in profiles.exclude(user__email=context.candidate_email):
        candidate = candidate_record(profile, today=context.today, vector=None)
        aided = replace(candidate, is_ready_to_relocate=False, relocates_only_with_aid=True)
        if not _admits(aided, record, context) and _admits(aided, offered, context):
            if profile.relocation == Relocation.WITH_AID:
                movers += 1  # she said so already
            else:
                willing.append(profile)
    for profile in willing[: max(0, MOVERS_WITH_AID - movers)]:
        candidate_profile_update(profile=profile, changes={"relocation": Relocation.WITH_AID})
        movers += 1
    return movers


def _build(context: DemoContext) -> None:
    build_relocation_story(context)
    engine_reset()
    rematch_all(today=context.today, description="Demo matches")


DEMO = DemoStep(DemoStage.MATCHES, _build)
