import factory
from django.utils import timezone

from maillage.accounts.models import Role, User

PASSWORD = "un-mot-de-passe-solide-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="fr_CA")
    role = Role.CANDIDATE
    language = "fr"
    email_confirmed_at = factory.LazyFunction(timezone.now)
    password = factory.django.Password(PASSWORD)


class AdvisorFactory(UserFactory):
    role = Role.ADVISOR


class ManagerFactory(UserFactory):
    role = Role.MANAGER
    is_staff = True
