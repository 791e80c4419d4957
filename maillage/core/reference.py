"""Reading the reference files shipped in data/ and remembering which version is loaded."""

import csv
import gzip
import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from maillage.core.models import ReferenceDataset

DATA_DIR = settings.BASE_DIR / "data"


def data_path(relative: str) -> Path:
    return DATA_DIR / relative


def file_checksum(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a CSV file (plain or .gz), UTF-8 with or without BOM."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as text:
        yield from csv.DictReader(text)


def dataset_is_current(name: str, checksum: str) -> bool:
    return ReferenceDataset.objects.filter(name=name, checksum=checksum).exists()


def dataset_record(name: str, checksum: str, rows: int) -> None:
    ReferenceDataset.objects.update_or_create(
        name=name, defaults={"checksum": checksum, "rows": rows}
    )
