"""The codebook: every figure's id (``table.row.column``) with its official Chinese
labels, for both templates, as rows; and the same rendered as text, CSV or markdown
(``govparse codebook``).

The ids are the ones every output of govparse writes: the long format's
``table``/``row``/``column`` columns and the wide format's column names."""

from __future__ import annotations

from typing import NamedTuple

from govparse.template.spec import TABLE_ORDER, TEMPLATES, load_template

LABEL_SEPARATOR = " / "  # between a row's labels, outermost first, and the column's


class CodebookEntry(NamedTuple):
    template: str  # "2021" or "2019"
    table: str
    row: str
    column: str
    row_label: str  # the row's official labels, outermost first, joined by " / "
    column_label: str
    kind: str  # count, money or signed

    @property
    def id(self) -> str:
        return figure_id(self.table, self.row, self.column)

    @property
    def label(self) -> str:
        """The row's labels and the column's: 一、本年新收政府信息公开申请数量 / 自然人."""
        return f"{self.row_label}{LABEL_SEPARATOR}{self.column_label}"


FIELDS = ("template", "id", "table", "row", "column", "kind", "row_label", "column_label")


def figure_id(table: str, row: str, column: str) -> str:
    return f"{table}.{row}.{column}"


def codebook(templates: tuple[str, ...] = TEMPLATES) -> list[CodebookEntry]:
    """Every figure of each template in ``templates``, in the template's order."""
    return [CodebookEntry(name, table.id, row.id, column.id, LABEL_SEPARATOR.join(row.path),
                          column.label, column.kind)
            for name in templates
            for table in load_template(name).tables
            for row in table.rows
            for column in row.columns]


def wide_columns(table: str | None = None) -> list[CodebookEntry]:
    """The figures of both templates once each, as the wide outputs' columns, a
    table's after another's: the rows of the 2021 template in its order, a row of the
    2019 template only after the row it follows there; a row's columns in the 2021
    template's order, then those of the 2019 template only. A figure is labelled as
    in the first template that has it. ``table``: only that table's figures."""
    rows: dict[str, list[str]] = {t: [] for t in TABLE_ORDER}
    columns: dict[tuple[str, str], dict[str, CodebookEntry]] = {}
    for name in TEMPLATES:
        previous: dict[str, int] = {t: -1 for t in TABLE_ORDER}  # where the last row stands
        for entry in codebook((name,)):
            order = rows[entry.table]
            if (entry.table, entry.row) not in columns:
                order.insert(previous[entry.table] + 1, entry.row)
                columns[(entry.table, entry.row)] = {}
            previous[entry.table] = order.index(entry.row)
            columns[(entry.table, entry.row)].setdefault(entry.column, entry)
    return [entry for t in TABLE_ORDER if table in (None, t)
            for row in rows[t] for entry in columns[(t, row)].values()]


# ---------------------------------------------------------------- rendering

def render(entries: list[CodebookEntry], format: str) -> str:
    """The codebook as ``text`` (aligned, for reading), ``csv`` or ``markdown``."""
    return _RENDERERS[format](entries)


def _as_text(entries: list[CodebookEntry]) -> str:
    # the ids are ASCII, so padding by len() aligns them; the labels come last
    width = max(len(e.id) for e in entries)
    return "".join(f"{e.template}  {e.id:<{width}}  {e.kind:<6}  {e.label}\n" for e in entries)


def _as_csv(entries: list[CodebookEntry]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    writer.writerows(fields(e) for e in entries)
    return out.getvalue()


def _as_markdown(entries: list[CodebookEntry]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["| " + " | ".join(FIELDS) + " |", "|" + " --- |" * len(FIELDS)]
    lines += ["| " + " | ".join(cell(v) for v in fields(e)) + " |" for e in entries]
    return "\n".join(lines) + "\n"


def fields(entry: CodebookEntry) -> tuple[str, ...]:
    """An entry's values in the order of FIELDS."""
    return (entry.template, entry.id, entry.table, entry.row, entry.column, entry.kind,
            entry.row_label, entry.column_label)


_RENDERERS = {"text": _as_text, "csv": _as_csv, "markdown": _as_markdown}
FORMATS = tuple(_RENDERERS)
