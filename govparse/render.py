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

from typing import Iterable, Sequence

from wcwidth import wcwidth

from govparse.diagnostics import Diagnostic, Severity

TAB = "    "
_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.NOTE: "cyan"}


def display_width(text: str) -> int:
    width = 0
    for char in text:
        if char == "\t":
            width += len(TAB)
        else:
            w = wcwidth(char)
            width += max(w, 0)  # control characters take no room
    return width


def _shown(text: str) -> str:
    """A source line as printed: tabs expanded, control characters made visible."""
    out = []
    for char in text:
        if char == "\t":
            out.append(TAB)
        elif wcwidth(char) < 0:
            out.append("\ufffd")
        else:
            out.append(char)
    return "".join(out)


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
    if line_no is None:
        lines.append(f"  --> {path}")
    else:
        lines.append(f"  --> {path}:{line_no}:{col or 1}")
    if line_no is not None and source_lines is not None and 0 < line_no <= len(source_lines):
        source = source_lines[line_no - 1]
        gutter = " " * len(str(line_no))
        start = max((col or 1) - 1, 0)
        span = source[start:start + diagnostic.length] or " "
        caret = " " * display_width(source[:start]) + "^" * max(display_width(span), 1)
        lines.append(f"{gutter} {style('|', fg='blue')}")
        lines.append(f"{style(str(line_no), fg='blue')} {style('|', fg='blue')} "
                     f"{_shown(source)}")
        lines.append(f"{gutter} {style('|', fg='blue')} {style(caret, fg=_COLORS[sev])}")
        if diagnostic.hint:
            lines.append(f"{gutter} = help: {diagnostic.hint}")
    elif diagnostic.hint:
        lines.append(f"   = help: {diagnostic.hint}")
    return "\n".join(lines)


def render_all(diagnostics: Iterable[Diagnostic], source: str | None = None,
               *, color: bool = False) -> str:
    source_lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n") \
        if source is not None else None
    return "\n\n".join(render(d, source_lines, color=color) for d in diagnostics)


def summary(diagnostics: Sequence[Diagnostic]) -> str:
    counts = {s: sum(1 for d in diagnostics if d.severity is s) for s in Severity}
    parts = [f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    return ", ".join(parts) if parts else "no problems"
