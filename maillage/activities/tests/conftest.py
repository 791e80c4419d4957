import pytest

from maillage.activities.services import scheduling


@pytest.fixture(autouse=True)
def scores_as_stored(request, monkeypatch):
    """Most schedule tests set each pair's score by hand (MatchResultFactory) to know the optimum;
    the engine must not rescore them. Tests marked `engine_scores` let it score the registrations."""
    if "engine_scores" not in request.keywords:
        monkeypatch.setattr(scheduling, "pairs_rematch", lambda **_kwargs: 0)
