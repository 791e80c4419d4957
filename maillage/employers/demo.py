"""Demo step of employers: regulated occupations as rules, through the same services as the forms.

The story: in Québec, driving a tractor-trailer takes a class 1 licence from the SAAQ (Code de la
sécurité routière). The transport companies' truck-driver postings require it as a permit (in
place of the line « permis de conduire classe 1 » typed among the skills), and each truck driver
says where they stand. Those who listed a class 1 licence among their skills hold it in Québec,
or, one in two, hold it from their country and the SAAQ has not exchanged it yet; the others are
training in a driving school (in progress), one in two, or do not have it. Each one sees why on
« Mes jumelages ». The demo candidate, a welder, holds the CWB ticket and has the CCQ card in
progress."""

from maillage.candidates.models import CandidateProfile, PermitStatus
from maillage.candidates.services import candidate_permits_update
from maillage.core.demo_steps import DemoContext, DemoStage, DemoStep
from maillage.employers.models import JobPosting, PostingStatus
from maillage.employers.services import posting_update

TRUCK_DRIVERS = "73300"
CLASS_1 = "saaq-classe-1"
CLASS_1_TYPED = "permis de conduire classe 1"
# In turn: the drivers who listed a class 1 licence among their skills, and the others.
LISTED_IN_TURN = (PermitStatus.HELD, PermitStatus.OBTAINED_ABROAD)
NOT_LISTED_IN_TURN = (PermitStatus.IN_PROGRESS, PermitStatus.NONE)
DEMO_CANDIDATE_PERMITS = {"cwb-soudeur": PermitStatus.HELD, "ccq-soudeur": PermitStatus.IN_PROGRESS}


def build_permits_demo(context: DemoContext) -> tuple[int, int]:
    """Require the class 1 licence on the truck-driver postings and record the drivers' statuses;
    returns (postings, candidates) changed."""
    postings = JobPosting.objects.filter(
        noc_id=TRUCK_DRIVERS, status=PostingStatus.PUBLISHED
    ).prefetch_related("skills")
    for posting in postings:
        skills = list(posting.skills.all())
        posting_update(
            posting=posting,
            fields={"required_permits": [CLASS_1]},
            must_haves=[s.label for s in skills if s.is_must_have and s.label != CLASS_1_TYPED],
            required_skills=[s.label for s in skills if s.is_required and not s.is_must_have],
            nice_skills=[s.label for s in skills if not s.is_required],
            skill_uris={s.label: s.esco_uri for s in skills if s.esco_uri},
        )
    drivers = (
        CandidateProfile.objects.filter(desired_occupations__code=TRUCK_DRIVERS)
        .prefetch_related("skills")
        .order_by("pk")
    )
    turns = {True: 0, False: 0}
    for driver in drivers:
        listed = any(skill.label == CLASS_1_TYPED for skill in driver.skills.all())
        statuses = LISTED_IN_TURN if listed else NOT_LISTED_IN_TURN
        status = statuses[turns[listed] % len(statuses)]
        turns[listed] += 1
        candidate_permits_update(profile=driver, statuses={CLASS_1: status})
    demo = CandidateProfile.objects.filter(user__email=context.candidate_email).first()
    if demo is not None:
        candidate_permits_update(profile=demo, statuses=dict(DEMO_CANDIDATE_PERMITS))
    return len(postings), len(drivers) + (demo is not None)


DEMO = DemoStep(DemoStage.SHOWCASE, build_permits_demo)
