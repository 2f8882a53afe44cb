"""The style sheets a page read from a file links beside it.

A page saved whole ("Webpage, Complete": its sheets in ``page_files/``) or mirrored
by a crawler (``wget --page-requisites --convert-links``, HTTrack: the site's sheets
under the mirror) links its sheets by a relative path, and a class of one of them may
hide digits among a table's figures against copying (``.cp { display: none }``,
``6<span class="cp">7</span>2`` shows 62). Such a sheet is read as the page's own
``<style>`` is (hiding.style_sheets), in its place among them.

A link is followed where it is a relative path (not a URL, nor a path from the site's
root) to a regular file of at most MAX_SHEET_BYTES, its query kept in the file's name
as wget keeps it (``site.css?v=2``) or left out; decoded as UTF-8, else GB18030. A
page read from text, or from a file whose links lead nowhere, is read as before:
what its sheets hide is read (the page's own ``<style>`` sheets still apply).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

MAX_SHEET_BYTES = 1 << 20  # (hiding.MAX_STYLE_TEXT: no more of all sheets is read)
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


def local_sheets(path: str | None):
    """For a page read from the file ``path``: a function from a link's href to the
    sheet's text (None where it leads to none); None where the page is no file."""
    if not path or path == "-":
        return None
    try:
        page = Path(path)
        if not page.is_file():
            return None
        folder = page.parent
    except (OSError, ValueError):
        return None

    read: dict[str, str | None] = {}  # (a sheet linked again: read once)

    def sheet(href: str) -> str | None:
        if href not in read:
            read[href] = _sheet(href)
        return read[href]

    def _sheet(href: str) -> str | None:
        href = href.strip()
        if not href or _SCHEME.match(href) or href.startswith(("/", "\\", "#")):
            return None  # (a URL, a path from the site's root: not on this disk)
        href = href.split("#", 1)[0]
        names = [unquote(href)]
        if "?" in href:
            names.append(unquote(href.split("?", 1)[0]))
        for name in names:
            text = _read(folder / name)
            if text is not None:
                return text
        return None

    return sheet


def _read(path: Path) -> str | None:
    try:
        if not path.is_file() or path.stat().st_size > MAX_SHEET_BYTES:
            return None
        data = path.read_bytes()
    except (OSError, ValueError):
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None
