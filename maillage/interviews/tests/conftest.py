import pytest

from maillage.accounts.tests.factories import AdvisorFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.prequalification.tests.factories import ProposalFactory


@pytest.fixture
def advisor(db):
    return AdvisorFactory(full_name="Isabelle Tremblay")


@pytest.fixture
def member(db):
    return CompanyMemberFactory(
        company__legal_name="Usinage du Fjord inc.", user__full_name="Marc Bouchard"
    )


@pytest.fixture
def posting(member):
    return JobPostingFactory(company=member.company, title="Soudeur/soudeuse")


@pytest.fixture
def candidate(db):
    """A candidate still in France: her times are shown in Paris time."""
    return CandidateProfileFactory(
        user__full_name="Amina Diallo", user__time_zone="Europe/Paris", current_country="FR"
    )


@pytest.fixture
def shortlisted(posting, candidate, advisor):
    return ProposalFactory(
        shortlisted=True, posting=posting, candidate=candidate, decided_by=advisor
    )
