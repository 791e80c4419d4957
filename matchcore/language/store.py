"""Saving built structures to a folder and loading them back: numpy arrays as .npy files (memory
mapped on load, so the worker processes of one server share one copy through the page cache) and
plain data as JSON."""

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

META_FILE = "meta.json"


def bundle_save(directory: Path, *, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
    """Write the bundle into a temporary sibling folder, then move it in place: a reader never
    sees half a bundle."""
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}-", dir=directory.parent))
    try:
        for name, array in arrays.items():
            np.save(staging / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)
        (staging / META_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        if directory.exists():
            shutil.rmtree(directory)
        os.replace(staging, directory)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def bundle_load(directory: Path) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
    arrays = {
        path.stem: np.load(path, mmap_mode="r", allow_pickle=False)
        for path in sorted(directory.glob("*.npy"))
    }
    return arrays, meta


def bundle_exists(directory: Path) -> bool:
    return (directory / META_FILE).is_file()


def bundle_size_bytes(directory: Path) -> int:
    return sum(path.stat().st_size for path in directory.iterdir() if path.is_file())
