"""ESCO occupations → NOC 2021 unit groups through the published crosswalks.

No official table links ESCO and the NOC. Two public ones meet at O*NET:
ESCO → O*NET-SOC 2010 (Nesta, 2020, with a confidence 0.5 / 1 / 2), O*NET-SOC 2010 → 2019 (O*NET
Resource Center, for the codes that changed) and O*NET-SOC 2019 → NOC 2021 (BC government, with
the share of each O*NET occupation that goes to each NOC). A link's confidence is the product of
the steps' confidences; the path says which codes it went through.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Nesta's confidence levels, scaled to 0–1.
NESTA_CONFIDENCE = {2.0: 1.0, 1.0: 0.75, 0.5: 0.5}
# ESCO occupations below Nesta's level inherit their parent's match, a little less surely.
INHERITED_FACTOR = 0.9
# The BC mapping uses Census's aggregate 00018 for the five senior-manager unit groups.
SENIOR_MANAGERS_AGGREGATE = "00018"
SENIOR_MANAGER_GROUPS = ("00011", "00012", "00013", "00014", "00015")


@dataclass(frozen=True)
class EscoOnetMatch:
    esco_uri: str
    onet_2010: str
    confidence: float  # Nesta's: 0.5, 1 or 2


@dataclass(frozen=True)
class OnetNocShare:
    onet_2019: str
    noc_code: str
    share: float  # part of the O*NET occupation that goes to this NOC (sums to 1 per O*NET code)


@dataclass(frozen=True)
class NocEscoLink:
    noc_code: str
    esco_uri: str
    confidence: float  # 0–1
    path: str  # "ESCO … → O*NET-SOC 2010 … → O*NET-SOC 2019 … → NOC …" (strongest path)
    is_inherited: bool  # the ESCO occupation took its parent's match


def link_esco_to_noc(
    *,
    esco_matches: Iterable[EscoOnetMatch],
    onet_2010_to_2019: Mapping[str, list[str]],
    onet_to_noc: Iterable[OnetNocShare],
    esco_parents: Mapping[str, str],
    noc_unit_groups: frozenset[str],
) -> list[NocEscoLink]:
    """Every (NOC unit group, ESCO occupation) pair the crosswalks connect, with its confidence.

    `onet_2010_to_2019` holds only the codes that changed (others are the same in both years);
    `esco_parents` maps an ESCO occupation to its broader occupation (not to ISCO groups).
    """
    shares: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for row in onet_to_noc:
        if row.noc_code == SENIOR_MANAGERS_AGGREGATE:
            for code in SENIOR_MANAGER_GROUPS:
                shares[row.onet_2019].append((code, row.share / len(SENIOR_MANAGER_GROUPS)))
        elif row.noc_code in noc_unit_groups:
            shares[row.onet_2019].append((row.noc_code, row.share))

    direct: dict[str, list[tuple[str, float, str]]] = defaultdict(list)  # esco → (noc, conf, path)
    for match in esco_matches:
        base = NESTA_CONFIDENCE.get(match.confidence, 0.5)
        for onet_2019, split in _onet_2019_codes(match.onet_2010, onet_2010_to_2019, shares):
            for noc_code, share in shares[onet_2019]:
                path = _path(match.onet_2010, onet_2019, noc_code)
                direct[match.esco_uri].append((noc_code, base * split * share, path))

    links: dict[tuple[str, str], NocEscoLink] = {}
    for esco_uri, contributions in direct.items():
        _merge(links, esco_uri, contributions, factor=1.0, inherited=False)
    for child, parent in esco_parents.items():
        if child in direct:
            continue
        ancestor = parent
        seen = {child}
        while ancestor not in direct and ancestor in esco_parents and ancestor not in seen:
            seen.add(ancestor)
            ancestor = esco_parents[ancestor]
        if ancestor in direct:
            _merge(links, child, direct[ancestor], factor=INHERITED_FACTOR, inherited=True)
    return sorted(links.values(), key=lambda link: (link.noc_code, -link.confidence, link.esco_uri))


def _onet_2019_codes(
    onet_2010: str,
    onet_2010_to_2019: Mapping[str, list[str]],
    shares: Mapping[str, list[tuple[str, float]]],
) -> list[tuple[str, float]]:
    """The O*NET-SOC 2019 codes of a 2010 code with the part of it each takes. When a code is
    absent from the BC mapping, its siblings of the same SOC occupation (same six digits) stand in."""
    targets = onet_2010_to_2019.get(onet_2010, [onet_2010])
    resolved = []
    for target in targets:
        if target in shares:
            resolved.append([target])
        else:
            siblings = sorted(code for code in shares if code[:7] == target[:7])
            resolved.append(siblings)
    resolved = [codes for codes in resolved if codes]
    return [(code, 1.0 / len(resolved) / len(codes)) for codes in resolved for code in codes]


def _path(onet_2010: str, onet_2019: str, noc_code: str) -> str:
    steps = [f"O*NET-SOC 2010 {onet_2010}"]
    if onet_2019 != onet_2010:
        steps.append(f"O*NET-SOC 2019 {onet_2019}")
    steps.append(f"NOC 2021 {noc_code}")
    return " → ".join(steps)


def _merge(
    links: dict[tuple[str, str], NocEscoLink],
    esco_uri: str,
    contributions: list[tuple[str, float, str]],
    *,
    factor: float,
    inherited: bool,
) -> None:
    by_noc: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for noc_code, confidence, path in contributions:
        by_noc[noc_code].append((confidence * factor, path))
    for noc_code, items in by_noc.items():
        total = min(1.0, sum(confidence for confidence, _ in items))
        strongest = max(items)[1]
        prefix = "ESCO (broader occupation's match) → " if inherited else "ESCO → "
        links[(noc_code, esco_uri)] = NocEscoLink(
            noc_code=noc_code,
            esco_uri=esco_uri,
            confidence=round(total, 4),
            path=prefix + strongest,
            is_inherited=inherited,
        )
