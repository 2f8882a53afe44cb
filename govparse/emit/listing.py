"""A report's figures as a plain-text listing for people (``govparse parse``)."""

from __future__ import annotations

from govparse.model.report import Report
from govparse.emit.rendering import display_width
from govparse.template.sections import SECTION_NAMES
from govparse.template.spec import TABLE_ORDER, load_template

MISSING = "—"


def _pad(text: str, width: int, right: bool = False) -> str:
    room = " " * max(width - display_width(text), 0)
    return room + text if right else text + room


def _value(value) -> str:
    return MISSING if value is None else str(value)


def report_text(report: Report, name: str) -> str:
    out = [f"{name}", f"  organisation: {_value(report.organization.value)}",
           f"  year:         {_value(report.year.value)}",
           f"  template:     {report.template}"]
    for table_id in TABLE_ORDER:
        table = load_template(report.table_template(table_id)).table(table_id)
        out.append("")
        out.append(f"{SECTION_NAMES[table.id]}  [{table.id}]")
        columns = table.rows[0].columns
        shared = all(r.columns == columns for r in table.rows)
        label_width = max(display_width(r.label) for r in table.rows) + 2
        if shared:
            widths = [max(display_width(c.label), 4) for c in columns]
            out.append(_pad("", label_width) + "  ".join(
                _pad(c.label, w, right=True) for c, w in zip(columns, widths)))
        for row in table.rows:
            figures = [report.figure(table.id, row.id, c.id) for c in row.columns]
            if shared:
                cells = "  ".join(_pad(_value(f.value), w, right=True)
                                  for f, w in zip(figures, widths))
            else:
                cells = "  ".join(f"{c.label} {_value(f.value)}"
                                  for c, f in zip(row.columns, figures))
            out.append(_pad(row.label, label_width) + cells)
    return "\n".join(out) + "\n"
