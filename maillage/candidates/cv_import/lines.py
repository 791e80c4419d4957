"""What the parts of a CV parser share about lines: bullets, the separators of a job's header,
the characters trimmed at a segment's edges."""

import re

BULLET = re.compile(r"^\s*[-•·*▪●■◆♦►✓✔➢]\s*")
STRONG_SEPARATORS = re.compile(r"\s+[—–|·@]\s+|\s+-\s+|\s*\|\s*|\s+(?:chez|at)\s+")
EDGES = " -–—|,;:•·"
EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")


def entries(text: str) -> list[str]:
    return [BULLET.sub("", line).strip() for line in text.splitlines() if line.strip()]
