"""Diagnostics as people read them, in the manner of rustc and ruff:

    warning[GP202]: header cell '本年度止件数' is not a column label of this table
      --> report.txt:22:13
       |
    22 | 信息内容    本年制发件数    本年度止件数    现行有效件数
       |                             ^^^^^^^^^^^^
       = help: did you mean 本年废止件数?

Carets are placed by display width (CJK characters take two columns, a tab is
shown as four spaces), not by character count, so they stand under the text.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable, Sequence

from govparse.diagnostics import Diagnostic, Severity

TAB = "    "
_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.NOTE: "cyan"}


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
    return sum(char_width(c) for c in text)


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
    lines.append(f"  --> {path}:{line_no}:{col or 1}" if line_no is not None else f"  --> {path}")

    # Snippets: the diagnostic's own place (^) and, for a finding of the validator,
    # every figure it is about (-), each under its source line.
    snippets: dict[tuple[int, int], list] = {}
    if line_no is not None:
        snippets[(line_no, col or 1)] = ["^", diagnostic.length, None]
    figures, hidden = _figures_to_show(diagnostic)
    for fig in figures:
        label = f"{fig.id} = {_value(fig.value)}"
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
    shown_line = None
    for (at_line, at_col), (marker, length, label) in sorted(visible.items()):
        source = source_lines[at_line - 1]
        if at_line != shown_line:  # each source line once, its markers under it
            lines.append(f"{style(str(at_line).rjust(len(gutter)), fg='blue')} {bar} "
                         f"{_shown(source)}")
            shown_line = at_line
        start = max(at_col - 1, 0)
        span = source[start:start + length] if marker == "^" else ""
        width = max(display_width(span), 1) if marker == "^" else max(length, 1)
        caret = " " * display_width(source[:start]) + marker * width
        colour = _COLORS[sev] if marker == "^" else "blue"
        lines.append(f"{gutter} {bar} {style(caret, fg=colour)}"
                     + (f" {label}" if label else ""))
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


def _figures_to_show(diagnostic: Diagnostic):
    """The figures worth showing: all of a short relation; of a long one, the
    subject and the figures that are not 0."""
    placed = [f for f in diagnostic.figures if f.line is not None]
    if len(placed) <= MAX_FIGURES_SHOWN:
        return placed, 0
    subject = (diagnostic.table_id, diagnostic.row_id, diagnostic.column_id)
    shown = [f for f in placed if f.value != 0 or (f.table, f.row, f.column) == subject]
    return shown, len(placed) - len(shown)


def _value(value) -> str:
    return "missing" if value is None else str(value)


def render_all(diagnostics: Iterable[Diagnostic], source: str | None = None,
               *, color: bool = False) -> str:
    source_lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n") \
        if source is not None else None
    return "\n\n".join(render(d, source_lines, color=color) for d in diagnostics)


def summary(diagnostics: Sequence[Diagnostic]) -> str:
    counts = {s: sum(1 for d in diagnostics if d.severity is s) for s in Severity}
    parts = [f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    return ", ".join(parts) if parts else "no problems"
