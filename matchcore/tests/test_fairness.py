from matchcore.fairness import AuditRecord, audit

STAGES = ["proposed", "approved", "hired"]


def _people(group: str, reached: list[int]) -> list[AuditRecord]:
    return [AuditRecord({"gender": group}, stage) for stage in reached]


def test_rates_are_conditional_on_the_previous_stage_and_ratios_against_the_best_group():
    records = _people("a", [2] * 4 + [1] * 4 + [0] * 2) + _people("b", [1] * 2 + [0] * 6 + [-1] * 2)
    result = {
        (s.stage): s for s in audit(records, attributes=["gender"], stages=STAGES, min_count=5)
    }

    proposed = {g.group: g for g in result["proposed"].groups}
    assert (proposed["a"].base, proposed["a"].selected, proposed["a"].rate) == (10, 10, 1.0)
    assert (proposed["b"].base, proposed["b"].selected, proposed["b"].rate) == (10, 8, 0.8)
    assert proposed["b"].impact_ratio == 0.8
    assert not proposed["b"].is_flagged  # 0.8 is not under 0.8

    approved = {g.group: g for g in result["approved"].groups}
    assert (approved["a"].base, approved["a"].selected) == (10, 8)
    assert (approved["b"].base, approved["b"].selected) == (8, 2)
    assert approved["b"].impact_ratio == 0.25 / 0.8
    assert approved["b"].is_flagged
    assert approved["a"].is_reference


def test_small_groups_are_suppressed_and_never_the_reference():
    records = _people("a", [1] * 10) + _people("tiny", [1] * 4)
    stage = audit(records, attributes=["gender"], stages=STAGES, min_count=5)[1]
    tiny = next(g for g in stage.groups if g.group == "tiny")
    assert (tiny.is_suppressed, tiny.base, tiny.rate, tiny.is_flagged) == (True, None, None, False)


def test_undeclared_people_are_left_out_of_that_attribute():
    records = [AuditRecord({"gender": None, "age": "25-34"}, 0)] * 6
    results = audit(records, attributes=["gender", "age"], stages=STAGES)
    assert [s.groups for s in results if s.attribute == "gender"] == [(), (), ()]
    assert results[3].groups[0].base == 6
