"""Diagnostics as people read them, in the manner of rustc and ruff:

    warning[GP202]: header cell '本年度止件数' is not a column label of this table
      --> report.txt:22:13
       |
    22 | 信息内容    本年制发件数    本年度止件数    现行有效件数
       |                             ^^^^^^^^^^^^
       = help: did you mean 本年废止件数?

Carets are placed by display width (CJK characters take two columns, a tab is
shown as four spaces), not by character count, so they stand under the text.

A source line wider than WINDOW columns is cut, as rustc does, to a window
around what is marked, with … on the side(s) cut off; the carets stay under
their text. When the markers of one line (the figures of a validator finding)
are too far apart for one window, the line is shown once per window, each time
with its line number and the markers that fall in it. Measuring starts from the
marked column and stops at the window's width, so a diagnostic costs the same
on a line of 1 MB as on a short one.

render_each prints at most MAX_SHOWN diagnostics of a file and MAX_PER_LINE of
one source line; a last line counts the others, by severity. Only the display
is capped: the report, and --format json, keep every one.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from govparse.diagnostics import Diagnostic, Severity
from govparse.locations import lines_as_written

TAB = "    "
_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.NOTE: "cyan"}


@lru_cache(maxsize=4096)  # a report has a few hundred distinct characters
def char_width(char: str) -> int:
    """Columns a character takes as printed: 2 for wide and full-width (CJK)
    characters, 0 for combining marks, 1 for a control character (printed as
    U+FFFD, see _shown), a tab as TAB."""
    if char == "\t":
        return len(TAB)
    if unicodedata.combining(char):
        return 0
    if unicodedata.category(char) in ("Cc", "Cf"):
        return 1
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    if text.isascii():  # one column a character, but a tab
        return len(text) + (len(TAB) - 1) * text.count("\t")
    return sum(map(char_width, text))


def _shown(text: str) -> str:
    """A source line as printed: tabs expanded, control characters made visible."""
    out = []
    for char in text:
        if char == "\t":
            out.append(TAB)
        elif unicodedata.category(char) in ("Cc", "Cf"):
            out.append("\ufffd")
        else:
            out.append(char)
    return "".join(out)


MAX_FIGURES_SHOWN = 8
WINDOW = 120  # display columns of a source line shown, the … marks included
ELLIPSIS = "…"
MAX_SHOWN = 200  # diagnostics printed for a file...
MAX_PER_LINE = 10  # ...and for one source line; the others are counted


def render(diagnostic: Diagnostic, source_lines: Sequence[str] | None = None,
           *, color: bool = False) -> str:
    def style(text: str, **kw) -> str:
        if not color:
            return text
        import click

        return click.style(text, **kw)

    sev = diagnostic.severity
    head = style(f"{sev.value}[{diagnostic.code}]", fg=_COLORS[sev], bold=True)
    lines = [f"{head}{style(': ' + diagnostic.message, bold=True)}"]
    path = diagnostic.path or "<input>"
    line_no, col = diagnostic.line, diagnostic.column
    located = []  # "= …" lines for places that are not a text's line and column
    if diagnostic.location is not None:
        # a cell of an HTML, PDF or Word table: no source line worth showing
        lines.append(f"  --> {path}: {diagnostic.location.where()}")
        located.extend(_context_lines(diagnostic))
        line_no = None
    else:
        lines.append(f"  --> {path}:{line_no}:{col or 1}" if line_no is not None
                     else f"  --> {path}")

    # Snippets: the diagnostic's own place (^) and, for a finding of the validator,
    # every figure it is about (-), each under its source line.
    snippets: dict[tuple[int, int], list] = {}
    if line_no is not None:
        snippets[(line_no, col or 1)] = ["^", diagnostic.length, None]
    figures, hidden = _figures_to_show(diagnostic)
    for fig in figures:
        label = f"{fig.id} = {_value(fig.value)}"
        if fig.location is not None:
            located.append(f"{label} at {fig.location.where()}")
            continue
        key = (fig.line, fig.col or 1)
        if key in snippets:
            snippets[key][2] = label
        else:
            snippets[key] = ["-", display_width(_value(fig.value)), label]
    visible = {k: v for k, v in snippets.items()
               if source_lines is not None and 0 < k[0] <= len(source_lines)}
    gutter = " " * max([len(str(k[0])) for k in visible] + [2])
    bar = style("|", fg="blue")
    if visible:
        lines.append(f"{gutter} {bar}")
    by_line: dict[int, list] = {}
    for (at_line, at_col), (marker, length, label) in sorted(visible.items()):
        source = source_lines[at_line - 1]
        start = min(max(at_col - 1, 0), len(source))
        by_line.setdefault(at_line, []).append((start, marker, length, label))
    for at_line, markers in by_line.items():
        source = source_lines[at_line - 1]
        # each source line (or window of a long one) once, its markers under it
        for lo, hi, group in _windows(source, markers):
            lines.append(f"{style(str(at_line).rjust(len(gutter)), fg='blue')} {bar} "
                         f"{_excerpt(source, lo, hi)}")
            for start, marker, length, label in group:
                caret = _caret(source, lo, hi, start, marker, length)
                colour = _COLORS[sev] if marker == "^" else "blue"
                lines.append(f"{gutter} {bar} {style(caret, fg=colour)}"
                             + (f" {label}" if label else ""))
    lines.extend(f"{gutter} = {text}" for text in located)
    if hidden:
        lines.append(f"{gutter} = and {hidden} more figures, all 0")
    missing = [f for f in diagnostic.figures if f.value is None]
    if missing:
        lines.append(f"{gutter} = missing: {', '.join(f.id for f in missing)}")
    if diagnostic.expected is not None or diagnostic.actual is not None:
        lines.append(f"{gutter} = expected {_value(diagnostic.expected)}, "
                     f"the report says {_value(diagnostic.actual)}")
    if diagnostic.hint:
        lines.append(f"{gutter} = help: {diagnostic.hint}")
    return "\n".join(lines)


def _cost(char: str) -> int:
    """Columns a character counts for in a window: its width, but at least 1, so
    that a window also holds at most WINDOW characters (zero-width ones too)."""
    return max(char_width(char), 1)


def _is_long(source: str) -> bool:
    return len(source) > WINDOW or sum(_cost(c) for c in source) > WINDOW


def _forward(source: str, i: int, stop: int, room: int) -> tuple[int, int]:
    """From character i toward stop, as many characters as fit in room columns:
    the index reached and the columns they take."""
    used = 0
    while i < stop and used + _cost(source[i]) <= room:
        used += _cost(source[i])
        i += 1
    return i, used


def _backward(source: str, i: int, room: int) -> tuple[int, int]:
    """From character i toward the start of the line, as _forward."""
    used = 0
    while i > 0 and used + _cost(source[i - 1]) <= room:
        used += _cost(source[i - 1])
        i -= 1
    return i, used


def _window(source: str, start: int, end: int) -> tuple[int, int]:
    """The characters [lo, hi) of a long line shown around the span [start, end):
    the span (cut at the window's width if wider), then half the room left over
    on its left, the rest on its right, and what the right leaves on the left."""
    room = WINDOW - 2 * display_width(ELLIPSIS)
    hi, used = _forward(source, start, end, room)
    lo, left = _backward(source, start, (room - used) // 2)
    hi, right = _forward(source, hi, len(source), room - used - left)
    lo, _ = _backward(source, lo, room - used - left - right)
    return lo, hi


def _windows(source: str, markers: list) -> list[tuple[int, int, list]]:
    """A source line's markers (start, marker, length, label; by start) in
    windows: a short line is one window, the whole line; on a long one a marker
    joins the window before it when both spans fit in one, or opens its own."""
    if not _is_long(source):
        return [(0, len(source), markers)]
    room = WINDOW - 2 * display_width(ELLIPSIS)
    groups: list[list] = []
    for marker in markers:
        start, end = marker[0], min(marker[0] + max(marker[2], 1), len(source))
        if groups:
            first, last, group = groups[-1]
            joint = max(last, end)
            if _forward(source, first, joint, room)[0] == joint:
                groups[-1] = [first, joint, group + [marker]]
                continue
        groups.append([start, end, [marker]])
    return [(*_window(source, first, last), group) for first, last, group in groups]


def _excerpt(source: str, lo: int, hi: int) -> str:
    return ((ELLIPSIS if lo > 0 else "") + _shown(source[lo:hi])
            + (ELLIPSIS if hi < len(source) else ""))


def _caret(source: str, lo: int, hi: int, start: int, marker: str, length: int) -> str:
    """The marker line under _excerpt(source, lo, hi): ^ as wide as the text it
    marks, - as wide as the figure's value; cut where the window is."""
    if marker == "^":
        width = max(display_width(source[start:min(start + length, hi)]), 1)
    else:
        width = max(length, 1)
        if hi < len(source):
            width = min(width, max(display_width(source[start:hi]), 1))
    indent = (display_width(ELLIPSIS) if lo > 0 else 0) + display_width(source[lo:start])
    return " " * indent + marker * width


def _context_lines(diagnostic: Diagnostic) -> list[str]:
    """What stands around a table cell that has no text line: its row, column, text."""
    context = diagnostic.context
    if context is None:
        return []
    return ([f"row: {context.row}"] if context.row else []) + (
        [f"column: {context.column}"] if context.column else []) + [f"cell: '{context.text}'"]


def _figures_to_show(diagnostic: Diagnostic):
    """The figures worth showing: all of a short relation; of a long one, the
    subject and the figures that are not 0."""
    placed = [f for f in diagnostic.figures if f.line is not None or f.location is not None]
    if len(placed) <= MAX_FIGURES_SHOWN:
        return placed, 0
    subject = (diagnostic.table_id, diagnostic.row_id, diagnostic.column_id)
    shown = [f for f in placed if f.value != 0 or (f.table, f.row, f.column) == subject]
    return shown, len(placed) - len(shown)


def _value(value) -> str:
    return "missing" if value is None else str(value)


def render_all(diagnostics: Iterable[Diagnostic], source: str | None = None,
               *, color: bool = False) -> str:
    """Every diagnostic (no cap), separated by blank lines."""
    return "\n\n".join(render_each(diagnostics, source, color=color,
                                   max_shown=None, max_per_line=None))


def render_each(diagnostics: Iterable[Diagnostic], source: str | None = None,
                *, color: bool = False, max_shown: int | None = MAX_SHOWN,
                max_per_line: int | None = MAX_PER_LINE) -> Iterator[str]:
    """Each diagnostic rendered in turn, the source split into lines once. Past
    max_shown for the file, or max_per_line for one source line (None: no cap),
    a diagnostic is only counted, and a last chunk says how many were not shown."""
    source_lines = lines_as_written(source) if source is not None else None
    per_line: Counter = Counter()
    shown, hidden = 0, []
    for d in diagnostics:
        if (max_shown is not None and shown >= max_shown) or (
                max_per_line is not None and d.line is not None
                and per_line[d.line] >= max_per_line):
            hidden.append(d)
            continue
        shown += 1
        per_line[d.line] += 1
        yield render(d, source_lines, color=color)
    if hidden:
        yield not_shown(hidden, max_shown, max_per_line)


def not_shown(hidden: Sequence[Diagnostic], max_shown: int | None,
              max_per_line: int | None) -> str:
    caps = [f"{n} {where}" for n, where in ((max_per_line, "a source line"),
                                             (max_shown, "a file")) if n is not None]
    return (f"{len(hidden)} more diagnostics not shown ({summary(hidden)}): at most "
            f"{' and '.join(caps)} are printed; --format json (or the library) has every one")


def summary(diagnostics: Sequence[Diagnostic]) -> str:
    counts = {s: sum(1 for d in diagnostics if d.severity is s) for s in Severity}
    parts = [f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    return ", ".join(parts) if parts else "no problems"


def file_report(name: str, diagnostics: Sequence[Diagnostic], source: str | None = None, *,
                error=None, show_notes: bool = False, color: bool = False,
                figures: tuple[int, int] | None = None) -> str:
    """What the command line says of one file on standard error: its diagnostics
    (notes only with ``show_notes``), under each the source line where there is
    one, then a verdict line (``name: 2 errors, 1 warning``, with ``; 188 of 200
    figures`` when ``figures`` gives how many were found of how many; ``name: not
    read: …`` for a file stopped by ``error``, a GovParseError)."""
    from govparse.errors import StrictModeError

    shown = [d for d in diagnostics if show_notes or d.severity is not Severity.NOTE]
    chunks = [chunk + "\n" for chunk in render_each(shown, source, color=color)]
    hidden = len(diagnostics) - len(shown)
    verdict = summary(diagnostics)
    if isinstance(error, StrictModeError):
        verdict = f"rejected in strict mode: {verdict}"
    elif error is not None:
        verdict = f"not read: {error.code} {error.message}"
        if not shown:
            chunks.append(f"error[{error.code}]: {error.message}\n  --> {name}\n")
    tail = f" ({hidden} note{'s' if hidden != 1 else ''} not shown; --notes shows them)" \
        if hidden else ""
    found = f"; {figures[0]} of {figures[1]} figures" if figures and error is None else ""
    chunks.append(f"{name}: {verdict}{found}{tail}")
    return "\n".join(chunks)
