import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_mail_limits():
    """The e-mail limits count in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()
