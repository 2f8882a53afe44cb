"""Running heads and feet of a PDF's pages: a line that stands at the same place at the
top or the foot of every page, the same but for its digits. A browser saving a page
as a PDF writes the date and the page's title above each page and the page's address
and ``2/5`` below it; an office suite a document's running title. pdfium's text
layer puts those lines among the page's own (after its last line, or inside a table's
rows, one piece here and one there), where their digits could be read as figures and
their words as labels. Their characters are blanked before the text is read (each
keeps its place, so every other character keeps its offset), with one note (GP014).

A line counts only where it stands on every page of two or more, in the band of the
page's height that heads and feet take (``BAND``), and holds more than a page number
(``- 3 -``, ``第 2 页``: the text front-end's page markers, GP009, say those).
"""

from __future__ import annotations

from govparse.core.places import shortened
from govparse.diagnostics import Diagnostic, Severity
from govparse.frontends.pdf.pieces import union
from govparse.frontends.text.running_lines import more_than_a_page_number, running_key

BAND = 0.06  # of a page's height, at its top and at its foot: where heads and feet stand


def running_lines(pages: list) -> tuple[list[set[int]], list[str]]:
    """For each page (pdfium page, text page, its text, its characters' boxes:
    reader._CharBoxes), the offsets of the characters of its running heads and feet;
    and those lines as the first page writes them."""
    blank: list[set[int]] = [set() for _ in pages]
    if len(pages) < 2:
        return blank, []
    found: list[str] = []
    for band in ("top", "foot"):
        texts = [_band_lines(page, textpage, band) for page, textpage, _, _ in pages]
        common = set.intersection(*(set(lines) for lines in texts))
        if not common:
            continue
        for index, (page, _, raw, boxes) in enumerate(pages):
            blank[index] |= _placed(page, raw, boxes, band, common)
        found.extend(line for key, line in texts[0].items() if key in common)
    return blank, found


def _band_lines(page, textpage, band: str) -> dict[str, str]:
    """The lines of text in the page's top or foot band, by their key (running_key), those
    that are more than a page number."""
    width, height = page.get_width(), page.get_height()
    bottom, top = (height * (1 - BAND), height) if band == "top" else (0.0, height * BAND)
    text = textpage.get_text_bounded(left=0, bottom=bottom, right=width, top=top)
    out = {}
    for line in text.splitlines():
        key = running_key(line)
        if more_than_a_page_number(key):
            out[key] = line.strip()
    return out


def _placed(page, raw: str, boxes, band: str, keys: set[str]) -> set[int]:
    """The offsets in the page's text of the characters of its running lines (``keys``):
    the characters of the band that may be theirs, by the baseline they stand on, each
    baseline's where it reads as running lines, one or more side by side (a browser's
    date and the page's title)."""
    height = page.get_height()
    low, high = (height * (1 - BAND), height) if band == "top" else (0.0, height * BAND)
    wanted = set("".join(keys).replace("#", "0123456789"))
    by_baseline: dict[int, list[tuple[float, int]]] = {}
    for offset, char in enumerate(raw):
        if char not in wanted:
            continue
        (left, bottom, _, top), turned = boxes.box(offset)
        if turned or not low <= (bottom + top) / 2 <= high:
            continue  # (the body's characters: their boxes tell, the baseline not asked)
        baseline, _ = boxes.baseline(offset)
        by_baseline.setdefault(round(baseline), []).append((left, offset))
    offsets: set[int] = set()
    for chars in by_baseline.values():
        chars.sort()
        if _of_keys(running_key("".join(raw[offset] for _, offset in chars)), keys):
            offsets.update(offset for _, offset in chars)
    return offsets


def _of_keys(key: str, keys: set[str]) -> bool:
    """Whether the key is made of running lines' keys one after another."""
    ends = {0}  # (where a run of keys may end so far)
    for at in range(len(key)):
        if at in ends:
            ends.update(at + len(k) for k in keys if key.startswith(k, at))
    return len(key) in ends and bool(key)


def running_note(lines: list[str], line: int, location) -> Diagnostic:
    """The note that the running lines were dropped (``line``: the first's in the text;
    ``location``: its page and box, a PdfLocation, for the text there is blank now)."""
    shown = ", ".join(f"'{shortened(text)}'" for text in lines[:3])
    return Diagnostic(
        "GP014", Severity.NOTE,
        f"the running head{'s' if len(lines) != 1 else ''} and feet of the PDF's pages "
        f"dropped ({shown}: the same line at the top or foot of every page), so that "
        "none is read as a label or a figure", line, 1, location=location)


def first_line_box(offsets: set[int], boxes):
    """The box of the first running line of a page (its characters at ``offsets``,
    those that stand as low as the first of them)."""
    first = boxes.box(min(offsets))[0]
    return union([box for box, _ in map(boxes.box, sorted(offsets))
                  if abs(box[1] - first[1]) < first[3] - first[1]])
