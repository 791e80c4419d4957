"""A CV file (PDF or DOCX) → its lines of text, in reading order, within fixed bounds.

This module runs in a sandboxed child process (see sandbox.py: `python -I extract.py KIND`, the
file on stdin, JSON on stdout) and imports neither Django nor the rest of the project, so that a
hostile file costs a bounded, killable process and never a web worker.

- PDF (pypdf): text placed by position. Fragments on one baseline make one line; a page set in
  two columns is read column by column (a full-width line, such as the name at the top, cuts the
  page into bands); a line wrapped by the word processor is joined to the line it continues; bullet
  glyphs, whatever the font made of them, become "• ".
- DOCX (lxml, streaming): only word/document.xml, read at most MAX_XML_BYTES decompressed and
  MAX_XML_ELEMENTS elements, no DTD and no entities; paragraphs in order, list paragraphs as
  bullets, a table row of one-line cells as one line "a | b", a layout table (cells of several
  paragraphs, a two-column CV) cell by cell; text boxes once (not their fallback copy).
"""

import io
import json
import re
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

MAX_PAGES = 15  # a CV is a few pages; a longer PDF is read up to here
MAX_PDF_FRAGMENTS = 40_000  # text pieces over all pages read (a dense 15-page CV: ~15,000)
MAX_XML_BYTES = 12 * 1024 * 1024  # word/document.xml decompressed (a 10-page CV: < 1 MB)
MAX_XML_ELEMENTS = 400_000  # XML elements in it (a 10-page CV: < 60,000)
MAX_ZIP_ENTRIES = 2_000
MAX_LINES = 5_000
MAX_SECONDS = 6.0  # our own check between pages and elements, before the sandbox's hard limits
BULLET = "• "

# Glyphs that fonts turn bullets into: Symbol/Wingdings private-use codes, WinAnsi 0x95 read as
# a C1 control, DEL, and the usual dingbats.
_BULLET_GLYPHS = (
    "•◦▪▫●○■□◆◇♦►▶▸‣⁃∙·➢➤➣✓✔☐❖⦿⚫"
    "\x7f\x95\x81\x8d\x8f\x90\x9d\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0e8\uf0f0\uf0de"
)
_LEADING_BULLET = re.compile(rf"^\s*(?:[{re.escape(_BULLET_GLYPHS)}]|[-*–]\s)\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\uf8ff]")


class Unreadable(Exception):
    """reason: "encrypted", "broken" or "too_complex" (over a bound)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _Clock:
    def __init__(self, seconds: float):
        self.deadline = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise Unreadable("too_complex")


def read_lines(data: bytes, kind: str, *, seconds: float = MAX_SECONDS) -> list[str]:
    """The file's lines (bullets as "• "), or Unreadable."""
    clock = _Clock(seconds)
    if kind == "pdf":
        lines = _pdf_lines(data, clock)
    elif kind == "docx":
        lines = _docx_lines(data, clock)
    else:
        raise Unreadable("broken")
    return [clean_line(line) for line in lines[:MAX_LINES] if clean_line(line)]


def clean_line(line: str) -> str:
    """One line with its bullet, whatever glyph it was, written "• ", and no control characters."""
    line = line.replace("\t", " ")
    bullet = _LEADING_BULLET.match(line)
    if bullet:
        line = BULLET + line[bullet.end() :]
    line = _CONTROL.sub(" ", line)
    return re.sub(r"[ \u00a0\u2000-\u200b]+", " ", line).strip()


# --- PDF ----------------------------------------------------------------------------------------


@dataclass
class _Fragment:
    x: float
    end: float  # x where the text ends
    y: float
    height: float
    text: str


@dataclass
class _Line:
    x: float
    end: float
    y: float
    height: float
    text: str


def _pdf_lines(data: bytes, clock: _Clock) -> list[str]:
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError

    limits = {
        "zlib_maximum_output_length": 20_000_000,
        "stream_decoding_work_maximum_length": 60_000_000,
        "stream_parsing_work_maximum_count": 400_000,
        "page_tree_maximum_entries": 10_000,
        "page_tree_maximum_page_entries": 20_000,
        "xform_maximum_invocations_per_extraction": 500,
    }
    with apply_configuration(**limits):
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise Unreadable("encrypted")
            pages = list(_first_pages(reader))
        except Unreadable:
            raise
        except LimitReachedError as error:
            raise Unreadable("too_complex") from error
        except Exception as error:  # pypdf raises many kinds of errors on damaged files
            raise Unreadable(
                "encrypted" if "decrypt" in str(error).lower() else "broken"
            ) from error
        lines: list[str] = []
        fragments_read = 0
        for page in pages:
            clock.check()
            try:
                fragments = _page_fragments(page)
            except LimitReachedError as error:
                raise Unreadable("too_complex") from error
            except Exception:  # a page pypdf cannot lay out: its plain text still helps
                fragments = None
            if fragments is None:
                try:
                    lines += (page.extract_text() or "").splitlines()
                except LimitReachedError as error:
                    raise Unreadable("too_complex") from error
                except Exception as error:
                    raise Unreadable("broken") from error
                continue
            fragments_read += len(fragments)
            if fragments_read > MAX_PDF_FRAGMENTS:
                raise Unreadable("too_complex")
            lines = _join_pages(lines, page_lines(fragments))
    return lines


def _join_pages(lines: list[str], following: list[str]) -> list[str]:
    """A sentence cut by a page break (the page ends on a comma or a small word) goes on."""
    if lines and following and _ENDS_CLAUSE.search(clean_line(lines[-1])):
        first = clean_line(following[0])
        if first and not first.startswith(BULLET.strip()) and not _DATE_START.match(first):
            return lines[:-1] + [lines[-1].rstrip() + " " + following[0].strip()] + following[1:]
    return lines + following


def _first_pages(reader) -> Iterator:
    for number, page in enumerate(reader.pages):
        if number >= MAX_PAGES:
            return
        yield page


def _page_fragments(page) -> list[_Fragment] | None:
    """Positioned pieces of text (pypdf's layout-mode pass, which knows each glyph's width)."""
    from pypdf._text_extraction import _layout_mode
    from pypdf.generic import ContentStream

    contents = page.get("/Contents")
    if contents is None:
        return []
    fonts = page._layout_mode_fonts()
    operations = ContentStream(contents.get_object(), page.pdf, "bytes").operations
    groups = _layout_mode.text_show_operations(iter(operations), fonts, strip_rotated=True)
    if not groups and "/XObject" in str(page.get("/Resources", {})):
        return None  # text drawn inside forms: the plain extraction reads those
    return [
        _Fragment(
            x=group["tx"],
            end=max(group["displaced_tx"], group["tx"]),
            y=group["ty"] * group["flip_sort"],
            height=max(group["font_height"], 1.0),
            text=group["text"],
        )
        for group in groups
        if group["text"].strip()
    ]


def page_lines(fragments: list[_Fragment]) -> list[str]:
    """A page's lines in reading order: bands cut by full-width text, columns within a band,
    lines within a column, wrapped lines joined."""
    gutter = _gutter(fragments)
    if gutter is None:
        return _joined(_baseline_lines(fragments))
    out: list[str] = []
    band: list[_Fragment] = []
    crossing: list[_Fragment] = []
    for fragment in sorted(fragments, key=lambda item: (-round(item.y, 0), item.x)):
        if fragment.x < gutter < fragment.end:  # text across both columns closes the band
            out += _band_lines(band, gutter)
            band = []
            crossing.append(fragment)
        else:
            if crossing:
                out += _joined(_baseline_lines(crossing))
                crossing = []
            band.append(fragment)
    if crossing:
        out += _joined(_baseline_lines(crossing))
    return out + _band_lines(band, gutter)


def _band_lines(band: list[_Fragment], gutter: float) -> list[str]:
    left = [fragment for fragment in band if fragment.end <= gutter]
    right = [fragment for fragment in band if fragment.x >= gutter]
    return _joined(_baseline_lines(left)) + _joined(_baseline_lines(right))


def _baseline_lines(fragments: list[_Fragment]) -> list[_Line]:
    """Fragments on one baseline and close to each other → one line; far apart (another column)
    → separate lines."""
    lines: list[_Line] = []
    for fragment in sorted(fragments, key=lambda f: (-round(f.y, 0), f.x)):
        last = lines[-1] if lines else None
        if (
            last
            and abs(last.y - fragment.y) < 0.5 * min(last.height, fragment.height)
            and fragment.x - last.end < 2.5 * fragment.height
            and fragment.x >= last.x
        ):
            gap = fragment.x - last.end
            glue = (
                " "
                if gap > 0.15 * fragment.height
                and not last.text.endswith(" ")
                and not fragment.text.startswith(" ")
                else ""
            )
            last.text += glue + fragment.text
            last.end = max(last.end, fragment.end)
        else:
            lines.append(
                _Line(fragment.x, fragment.end, fragment.y, fragment.height, fragment.text)
            )
    return [line for line in lines if line.text.strip()]


def _gutter(lines: list[_Fragment]) -> float | None:
    """The x of a vertical gap that splits the page into two columns, each with a good share of
    the text; None for a one-column page."""
    if len(lines) < 8:
        return None
    left_edge = min(line.x for line in lines)
    right_edge = max(line.end for line in lines)
    width = right_edge - left_edge
    if width <= 0:
        return None
    starts = sorted({round(line.x) for line in lines})
    best: tuple[int, float] | None = None
    for x in starts:
        if not left_edge + 0.2 * width <= x <= left_edge + 0.8 * width:
            continue
        crossing = sum(1 for line in lines if line.x < x - 2 < line.end)
        left = sum(1 for line in lines if line.end <= x - 2)
        right = sum(1 for line in lines if line.x >= x - 2)
        if min(left, right) < 0.15 * len(lines) or crossing > 0.1 * len(lines):
            continue
        score = min(left, right) - 4 * crossing
        if best is None or score > best[0]:
            best = (score, x - 2)
    return best[1] if best else None


def _joined(lines: list[_Line]) -> list[str]:
    """Lines of one column, top to bottom; a line wrapped by the word processor is joined to the
    one it continues (it follows at the usual spacing, the previous line ran to the column's right
    edge or ends mid-sentence, and it starts neither a bullet nor a new entry)."""
    ordered = sorted(lines, key=lambda line: -line.y)
    if not ordered:
        return []
    right_edge = max(line.end for line in ordered)
    left_edge = min(line.x for line in ordered)
    out: list[_Line] = []
    for line in ordered:
        previous = out[-1] if out else None
        if previous and _continues(previous, line, left_edge, right_edge):
            joiner = "" if previous.text.endswith("-") and line.text[:1].islower() else " "
            previous.text = previous.text.rstrip() + joiner + line.text.strip()
            previous.y, previous.end = line.y, max(previous.end, line.end)
        else:
            out.append(_Line(line.x, line.end, line.y, line.height, line.text))
    return [line.text for line in out]


_DATE_START = re.compile(
    r"^(?:[a-zéû]{3,9}\.?\s+)?(?:\d{1,2}\s*[/.-]\s*)?(?:19|20)\d\d\b|^(?:depuis|since|from)\s+\S*\s*(?:19|20)\d\d",
    re.IGNORECASE,
)
_LABELLED = re.compile(r"^[^\s:]{2,25}(?: [^\s:]{1,20}){0,2} ?: ")
_ENDS_CLAUSE = re.compile(
    r"[,;(/–-]$|\b(?:et|de|du|des|la|le|les|en|à|au|and|of|the|in|for|with)$", re.IGNORECASE
)
_ENDS_MONTH = re.compile(
    r"\b(?:janv?|févr?|fevr?|mars|avr|mai|juin|juil|août|aout|sept?|oct|nov|déc|dec|jan|feb|mar|apr|"
    r"may|jun|jul|aug|janvier|février|fevrier|avril|juillet|septembre|octobre|novembre|décembre|"
    r"january|february|march|april|june|july|august|september|october|november|december)\.?$",
    re.IGNORECASE,
)


def _continues(previous: _Line, line: _Line, left_edge: float, right_edge: float) -> bool:
    text = clean_line(line.text)
    if not text or text.startswith(BULLET.strip()) or _LEADING_BULLET.match(line.text):
        return False
    spacing = previous.y - line.y
    if not 0 < spacing <= 1.6 * max(previous.height, line.height):
        return False
    if abs(previous.height - line.height) > 0.25 * previous.height:
        return False  # another font size: a heading or a title
    previous_text = clean_line(previous.text)
    dangling = bool(_ENDS_CLAUSE.search(previous_text) or _ENDS_MONTH.search(previous_text))
    if _DATE_START.match(text) and not dangling:
        return False  # a line opening with a date starts an entry
    if previous_text.endswith((".", "!", "?")) or (
        previous_text.endswith(":") and not text[:1].islower()
    ):
        return False
    if dangling:
        return True
    if _LABELLED.match(text):
        return False  # « Français : courant »: an entry of its own
    # Wrapped: the next line's first word would not have fitted at the end of this one; a
    # capital after a line that stops short of the edge starts something new.
    first_word = text.split(" ", 1)[0]
    word_width = (line.end - line.x) * (len(first_word) + 1) / max(len(line.text.strip()), 1)
    wrapped = previous.end + word_width >= right_edge - 0.5 * previous.height
    if text[:1].isupper() or text[:1].isdigit():
        width = right_edge - left_edge
        wrapped = wrapped and previous.end - left_edge >= 0.85 * width
    return wrapped


# --- DOCX ---------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_LIST_STYLES = re.compile(r"list|liste|puce|bullet", re.IGNORECASE)


def _docx_lines(data: bytes, clock: _Clock) -> list[str]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as error:
        raise Unreadable("broken") from error
    if len(names) > MAX_ZIP_ENTRIES:
        raise Unreadable("too_complex")
    if "word/document.xml" not in names:
        raise Unreadable("broken")
    try:
        with archive.open("word/document.xml") as member:
            # Read past the bound by one byte: the size written in the archive may lie.
            xml = member.read(MAX_XML_BYTES + 1)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError) as error:
        raise Unreadable("broken") from error
    if len(xml) > MAX_XML_BYTES:
        raise Unreadable("too_complex")
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise Unreadable("broken")  # Word never writes a DTD: entity bombs have one
    return _document_lines(xml, clock)


def _document_lines(xml: bytes, clock: _Clock) -> list[str]:
    from lxml import etree

    out: list[str] = []
    paragraphs: list[list[str]] = []  # open paragraphs' text (text boxes nest them)
    bullets: list[bool] = []
    cells: list[list[str]] = []  # open table cells' paragraphs
    rows: list[list[list[str]]] = []  # open table rows' cells
    fallback_depth = 0
    elements = 0
    events = etree.iterparse(
        io.BytesIO(xml),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    try:
        for event, element in events:
            tag = element.tag
            if event == "start":
                elements += 1
                if elements > MAX_XML_ELEMENTS:
                    raise Unreadable("too_complex")
                if elements % 20_000 == 0:
                    clock.check()
                if tag == _MC_FALLBACK:
                    fallback_depth += 1
                elif fallback_depth:
                    continue
                elif tag == f"{_W}p":
                    paragraphs.append([])
                    bullets.append(False)
                elif tag == f"{_W}tr":
                    rows.append([])
                elif tag == f"{_W}tc":
                    cells.append([])
                continue
            # end
            if tag == _MC_FALLBACK:
                fallback_depth -= 1
            elif fallback_depth:
                pass
            elif tag == f"{_W}t" and paragraphs:
                paragraphs[-1].append(element.text or "")
            elif tag in (f"{_W}tab", f"{_W}ptab") and paragraphs:
                paragraphs[-1].append("\t")
            elif tag in (f"{_W}br", f"{_W}cr") and paragraphs:
                paragraphs[-1].append("\n")
            elif tag in (f"{_W}numPr",) and bullets:
                bullets[-1] = True
            elif tag == f"{_W}pStyle" and bullets:
                if _LIST_STYLES.search(element.get(f"{_W}val") or ""):
                    bullets[-1] = True
            elif tag == f"{_W}p" and paragraphs:
                text = "".join(paragraphs.pop())
                is_bullet = bullets.pop()
                found = [
                    (BULLET + part if is_bullet and n == 0 else part)
                    for n, part in enumerate(text.split("\n"))
                ]
                (cells[-1] if cells else out).extend(found)
            elif tag == f"{_W}tc" and cells:
                cell = [line for line in cells.pop() if line.strip()]
                if rows:
                    rows[-1].append(cell)
                else:
                    out.extend(cell)
            elif tag == f"{_W}tr" and rows:
                row = [cell for cell in rows.pop() if cell]
                target = cells[-1] if cells else out
                if row and all(len(cell) == 1 for cell in row) and len(row) > 1:
                    target.append(" | ".join(dict.fromkeys(cell[0].strip() for cell in row)))
                else:
                    for cell in row:
                        target.extend(cell)
            if event == "end" and element.getparent() is not None and not paragraphs:
                # Free what was read (the paragraph's text is kept above), siblings included.
                element.clear(keep_tail=False)
                while element.getprevious() is not None:
                    del element.getparent()[0]
    except etree.XMLSyntaxError as error:
        raise Unreadable("broken") from error
    return out


# --- the sandbox's side -------------------------------------------------------------------------


def _limit_self(cpu_seconds: int, memory_bytes: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # writes no file
    resource.setrlimit(resource.RLIMIT_NOFILE, (32, 32))  # opens no socket or file beyond these


def _peak_rss_kb() -> int | None:
    """This process's peak resident memory (Linux), for the logs and the benchmark."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def main(argv: list[str]) -> int:
    """`extract.py KIND CPU_SECONDS MEMORY_BYTES READ_SECONDS`: the file on stdin; prints
    {"lines": [...]} or {"error": reason}."""
    kind, cpu_seconds, memory_bytes, seconds = argv[1], int(argv[2]), int(argv[3]), float(argv[4])
    # The readers' code is loaded before the limits: they bound what the file costs.
    import lxml.etree  # noqa: F401
    import pypdf
    import pypdf._text_extraction._layout_mode  # noqa: F401

    _limit_self(cpu_seconds, memory_bytes)
    data = sys.stdin.buffer.read()
    try:
        result = {"lines": read_lines(data, kind, seconds=seconds)}
    except Unreadable as unreadable:
        result = {"error": unreadable.reason}
    except (MemoryError, RecursionError):
        result = {"error": "too_complex"}
    result["peak_rss_kb"] = _peak_rss_kb()
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
