"""The privacy app's own record about a person is the fact that their account was erased: it
holds nothing else, and it must outlive the erasure (see maillage.privacy.registry)."""

from maillage.accounts.models import User

SECTION = "erasure"


def export(user: User) -> None:
    return None  # a person who can still export has not been erased


def erase(user: User) -> None:
    return None
