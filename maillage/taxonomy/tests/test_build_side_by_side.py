"""The tools built in two processes at once are the tools built in one, and a failed build leaves
nothing that looks complete."""

import numpy as np
import pytest

from maillage.taxonomy import language
from matchcore.language.tools import LanguageTools, ReferenceRecords
from matchcore.tests import language_taxonomy as t

RECORDS = ReferenceRecords(t.NOC_LABELS, t.OCCUPATION_LABELS, t.SKILL_LABELS, t.RELATIONS, t.LINKS)


def test_tools_built_side_by_side_equal_the_tools_built_in_one_process(tmp_path):
    language.build_side_by_side(RECORDS, tmp_path)

    built = LanguageTools.load(tmp_path)
    serial = LanguageTools.build(RECORDS)
    assert LanguageTools.exists(tmp_path)
    np.testing.assert_allclose(built.titles.index.vectors, serial.titles.index.vectors, atol=1e-6)
    np.testing.assert_allclose(built.skills.index.vectors, serial.skills.index.vectors, atol=1e-6)
    for title in ("Préposée aux bénéficiaires", "cariste", "welder"):
        assert built.titles.match(title) == serial.titles.match(title)
    text = "Soudage MIG et conduite de chariot élévateur"
    assert built.skills.extract(text) == serial.skills.extract(text)
    assert built.graph.noc_skills(t.WELDERS) == serial.graph.noc_skills(t.WELDERS)


def test_a_side_that_fails_leaves_no_complete_looking_tools(tmp_path, monkeypatch):
    def broken(records, directory, embed):
        raise MemoryError("out of memory while embedding skills")

    monkeypatch.setattr(language, "_build_skill_side", broken)

    with pytest.raises(RuntimeError, match="failed"):
        language.build_side_by_side(RECORDS, tmp_path)

    assert not LanguageTools.exists(tmp_path)
    assert not (tmp_path / "titles").exists()
    assert not list(tmp_path.parent.glob(f".{tmp_path.name}-titles-*"))
