"""Commands that read one text per line on stdin and write one JSON object per line on stdout.

A line that cannot be read (invalid UTF-8, empty, too long, binary) gets {"input", "error"} and the
run goes on: one bad line never stops a batch.
"""

import json
from collections.abc import Callable, Iterable
from typing import Any, BinaryIO, TextIO

from matchcore.language.terms import input_problem


def json_lines_run(
    source: BinaryIO | Iterable[bytes],
    out: TextIO,
    *,
    max_chars: int,
    handle: Callable[[str], dict[str, Any]],
) -> tuple[int, int]:
    """Apply `handle` to each readable line; return (lines read, lines in error)."""
    read = errors = 0
    for raw in source:
        read += 1
        text = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        problem = input_problem(text, max_chars=max_chars)
        if problem is None:
            try:
                result = {"input": text, **handle(text)}
            except ValueError as error:
                result = {"input": text, "error": str(error)}
        else:
            result = {"input": text, "error": problem}
        errors += "error" in result
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return read, errors
