import re
import tomllib
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def documented_layers() -> dict[str, int]:
    text = (ROOT / "docs" / "architecture.md").read_text()
    rows = re.findall(r"^\| (\d+)[^|]* \| (\w+) \|", text, re.MULTILINE)
    return {app: int(layer) for layer, app in rows}


def enforced_layers() -> dict[str, int]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    top_first = contract["layers"]
    return {
        app.strip(): len(top_first) - index
        for index, layer in enumerate(top_first)
        for app in re.split(r"[|:]", layer)
    }


def installed_apps() -> set[str]:
    return {name.split(".")[1] for name in settings.INSTALLED_APPS if name.startswith("maillage.")}


def test_every_app_is_in_docs_architecture_in_the_layer_lint_imports_enforces():
    assert set(documented_layers()) == installed_apps()
    assert documented_layers() == enforced_layers()


def test_the_readme_links_the_architecture():
    assert "docs/architecture.md" in (ROOT / "README.md").read_text()
