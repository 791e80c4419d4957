"""Which imports run up the layers of `maillage`: a number to watch, not a linter.

    .venv/bin/python .ci/import_graph.py            # summary
    .venv/bin/python .ci/import_graph.py --list     # every upward import, with its line

Layers are read from the import-linter `layers` contract in pyproject.toml when there is one
(the same list `lint-imports` enforces), else from LAYERS below. Tests and migrations are left
out: a test may import any app. An import is "upward" when a module of a lower layer imports a
module of a higher layer; app pairs count each (lower app, higher app) once, and names count the
names those imports bring in.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
# Bottom first. Apps on one line share a layer.
LAYERS = [
    ["core"],
    ["accounts", "notifications", "regions", "taxonomy"],
    ["candidates", "employers"],
    ["matching"],
    ["prequalification"],
    ["activities", "interviews"],
    ["analytics", "api", "fairness", "privacy"],
    ["site"],
]


def layers_from_pyproject() -> list[list[str]] | None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    for contract in config.get("tool", {}).get("importlinter", {}).get("contracts", []):
        if contract.get("type") == "layers":
            top_first = [re.split(r"\s*[|:]\s*", layer.strip()) for layer in contract["layers"]]
            return [
                [app.removeprefix("maillage.") for app in layer] for layer in reversed(top_first)
            ]
    return None


def is_left_out(module: str) -> bool:
    parts = module.split(".")
    return "tests" in parts or "migrations" in parts


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--list", action="store_true", help="print every upward import")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    layers = layers_from_pyproject() or LAYERS
    level = {app: index for index, layer in enumerate(layers) for app in layer}
    graph = grimp.build_graph("maillage")

    def app_of(module: str) -> str | None:
        parts = module.split(".")
        return parts[1] if len(parts) > 1 else None

    upward = []
    core_imports = collections.Counter()
    for importer in sorted(graph.modules):
        if is_left_out(importer) or app_of(importer) is None:
            continue
        for imported in graph.find_modules_directly_imported_by(importer):
            if not imported.startswith("maillage.") or is_left_out(imported):
                continue
            low, high = app_of(importer), app_of(imported)
            if low == high or high is None:
                continue
            if low == "core":
                core_imports[high] += 1
            if level.get(low, -1) < level.get(high, -1):
                details = graph.get_import_details(importer=importer, imported=imported)
                upward.append((importer, imported, details))

    pairs = collections.Counter((app_of(a), app_of(b)) for a, b, _ in upward)
    names = 0
    for _, _, details in upward:
        for detail in details:
            text = detail["line_contents"]
            imported_names = text.split(" import ", 1)[1] if " import " in text else text
            names += len([n for n in re.split(r"[,()\s]+", imported_names) if n and n != "as"])
    unknown = sorted({app_of(m) for m in graph.modules if app_of(m)} - set(level) - {"__init__"})

    print("layers (bottom first):", " < ".join("|".join(layer) for layer in layers))
    print(f"upward imports (module → module): {len(upward)}")
    print(f"app pairs importing upward: {len(pairs)} ({names} names)")
    for (low, high), count in sorted(pairs.items()):
        print(f"  {low} → {high}: {count}")
    print(f"apps core imports: {len(core_imports)} {sorted(core_imports)}")
    if unknown:
        print("apps in no layer:", unknown)
    if args.list:
        for importer, imported, details in upward:
            for detail in details:
                print(f"{importer}:{detail['line_number']} → {imported}: {detail['line_contents']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
