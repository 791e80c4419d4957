import pytest

from matchcore.language.crosswalk import EscoOnetMatch, OnetNocShare, link_esco_to_noc

UNITS = frozenset({"72106", "94105", "00011", "00012", "00013", "00014", "00015"})
WELDER = "esco:welder"
PIPE_WELDER = "esco:pipe-welder"
CEO = "esco:ceo"


def links(matches, shares, changed=None, parents=None):
    found = link_esco_to_noc(
        esco_matches=matches,
        onet_2010_to_2019=changed or {},
        onet_to_noc=shares,
        esco_parents=parents or {},
        noc_unit_groups=UNITS,
    )
    return {(link.noc_code, link.esco_uri): link for link in found}


def test_confidence_is_nesta_confidence_times_the_share_going_to_the_noc():
    found = links(
        [EscoOnetMatch(WELDER, "51-4121.06", 2.0)],
        [OnetNocShare("51-4121.06", "72106", 0.8), OnetNocShare("51-4121.06", "94105", 0.2)],
    )
    assert found[("72106", WELDER)].confidence == pytest.approx(0.8)
    assert found[("94105", WELDER)].confidence == pytest.approx(0.2)
    assert found[("72106", WELDER)].path == "ESCO → O*NET-SOC 2010 51-4121.06 → NOC 2021 72106"


def test_codes_changed_in_2019_go_through_the_onet_crosswalk():
    found = links(
        [EscoOnetMatch(WELDER, "51-4121.06", 1.0)],
        [OnetNocShare("51-4121.00", "72106", 1.0)],
        changed={"51-4121.06": ["51-4121.00"]},
    )
    link = found[("72106", WELDER)]
    assert link.confidence == pytest.approx(0.75)
    assert (
        link.path == "ESCO → O*NET-SOC 2010 51-4121.06 → O*NET-SOC 2019 51-4121.00 → NOC 2021 72106"
    )


def test_a_code_missing_from_the_bc_mapping_falls_back_to_its_soc_siblings():
    found = links(
        [EscoOnetMatch(WELDER, "51-4121.09", 2.0)], [OnetNocShare("51-4121.00", "72106", 1.0)]
    )
    assert found[("72106", WELDER)].confidence == pytest.approx(1.0)


def test_the_census_senior_manager_aggregate_is_split_over_the_five_unit_groups():
    found = links(
        [EscoOnetMatch(CEO, "11-1011.00", 2.0)], [OnetNocShare("11-1011.00", "00018", 1.0)]
    )
    assert sorted(noc for noc, _ in found) == ["00011", "00012", "00013", "00014", "00015"]
    assert found[("00013", CEO)].confidence == pytest.approx(0.2)


def test_narrower_esco_occupations_inherit_their_parent_match_less_surely():
    found = links(
        [EscoOnetMatch(WELDER, "51-4121.06", 2.0)],
        [OnetNocShare("51-4121.06", "72106", 1.0)],
        parents={PIPE_WELDER: WELDER},
    )
    inherited = found[("72106", PIPE_WELDER)]
    assert inherited.is_inherited
    assert inherited.confidence == pytest.approx(0.9)
    assert inherited.path.startswith("ESCO (broader occupation's match) →")


def test_several_paths_to_one_noc_add_up_to_at_most_one():
    found = links(
        [EscoOnetMatch(WELDER, "51-4121.06", 2.0), EscoOnetMatch(WELDER, "51-4122.00", 2.0)],
        [OnetNocShare("51-4121.06", "72106", 0.7), OnetNocShare("51-4122.00", "72106", 0.6)],
    )
    assert found[("72106", WELDER)].confidence == 1.0


def test_unknown_noc_codes_are_ignored():
    assert (
        links(
            [EscoOnetMatch(WELDER, "51-4121.06", 2.0)], [OnetNocShare("51-4121.06", "99999", 1.0)]
        )
        == {}
    )
