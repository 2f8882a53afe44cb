"""A report's figures as a plain-text listing for people (``govparse parse``)."""

from __future__ import annotations

import functools

from govparse.model.report import Report
from govparse.emit.rendering import display_width
from govparse.template.sections import SECTION_NAMES
from govparse.template.spec import TABLE_ORDER, load_template

MISSING = "—"


def _pad(text: str, width: int, right: bool = False) -> str:
    room = " " * max(width - display_width(text), 0)
    return room + text if right else text + room


@functools.cache
def _label_width(label: str) -> int:
    """A template label's width: the templates have a few hundred labels (rows, their
    groups, columns), and a listing measures each several times (the room it needs,
    its wrapping)."""
    return display_width(label)


def _value(value) -> str:
    return MISSING if value is None else str(value)


WIDTH = 100  # the listing fits a terminal this wide (a row label wraps to fit)
INDENT = 2  # a group's rows under its label


def report_text(report: Report, name: str) -> str:
    out = [f"{name}", f"  organisation: {_value(report.organization.value)}",
           f"  year:         {_value(report.year.value)}",
           f"  template:     {report.template}"]
    for table_id in TABLE_ORDER:
        table = load_template(report.table_template(table_id)).table(table_id)
        out.append("")
        out.append(f"{SECTION_NAMES[table.id]}  [{table.id}]")
        columns = table.rows[0].columns
        if all(r.columns == columns for r in table.rows):
            out.extend(_grid(report, table, columns))
        else:
            out.extend(_pairs(report, table))
    return "\n".join(out) + "\n"


def _pairs(report: Report, table) -> list[str]:
    """Rows with columns of their own: each figure after its column's label."""
    label_width = max(_label_width(r.label) for r in table.rows) + 2
    return [_pad(row.label, label_width) + "  ".join(
                f"{c.label} {_value(report.figure(table.id, row.id, c.id).value)}"
                for c in row.columns)
            for row in table.rows]


def _grid(report: Report, table, columns) -> list[str]:
    """Rows sharing their columns: a header line, then a line a row, the figures
    under their columns; a group's label (（三）不予公开) on a line of its own above
    its rows, which stand indented under it; a label too long for the room left
    wraps onto the lines below."""
    values = {row.id: [_value(report.figure(table.id, row.id, c.id).value) for c in columns]
              for row in table.rows}
    widths = [max([_label_width(c.label), 4] + [display_width(v[i]) for v in values.values()])
              for i, c in enumerate(columns)]
    figures_width = sum(widths) + 2 * len(widths)
    needed = max(_label_width(label) + INDENT * depth
                 for row in table.rows for depth, label in enumerate(row.path)) + 2
    label_width = max(min(WIDTH - figures_width, needed), 16)
    out = [" " * label_width + "".join("  " + _pad(c.label, w, right=True)
                                       for c, w in zip(columns, widths))]
    groups: tuple[str, ...] = ()
    for row in table.rows:
        parents = row.path[:-1]
        shared = 0
        while shared < min(len(parents), len(groups)) and parents[shared] == groups[shared]:
            shared += 1
        for depth in range(shared, len(parents)):
            out.extend(_wrapped(parents[depth], depth * INDENT, label_width))
        groups = parents
        lines = _wrapped(row.label, len(parents) * INDENT, label_width)
        cells = "".join("  " + _pad(v, w, right=True) for v, w in zip(values[row.id], widths))
        out.append(_pad(lines[0], label_width) + cells)
        out.extend(lines[1:])
    return out


def _wrapped(label: str, indent: int, width: int) -> list[str]:
    """The label in lines of at most ``width`` display columns, each indented."""
    room = max(width - indent - 1, 8)
    if _label_width(label) <= room:  # (most fit: not measured character by character)
        return [" " * indent + label]
    lines, line, used = [], "", 0
    for char in label:
        width = display_width(char)
        if used + width > room:
            lines.append(line)
            line, used = "", 0
        line += char
        used += width
    lines.append(line)
    return [" " * indent + text for text in lines]
