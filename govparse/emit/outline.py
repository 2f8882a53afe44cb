"""What every layout of the printer shares: the report in print order (``outline``),
the title line, a figure's text in its cell, and the official tables as printed rows
(``table_blocks``)."""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence

import attrs

from govparse.model.report import Figure, Report
from govparse.template.sections import SECTION_KINDS, SECTION_NAMES, TABLE_SECTIONS
from govparse.template.spec import EXTRA_HEADER_LABELS, TableSpec

REPORT_NAME = "年政府信息公开工作年度报告"


@attrs.frozen
class Tables:
    """In an outline: where a table section's tables stand."""

    kind: str


def outline(report: Report):
    """The report in print order: each line of text (a blank line after each part)
    and, after a table section's paragraphs, a Tables for its tables."""
    title = title_line(report)
    if title:
        yield from (title, "")
    for paragraph in report.preamble:
        yield from (paragraph.text, "")
    for number, kind in enumerate(SECTION_KINDS, start=1):
        yield from (SECTION_NAMES[kind], "")
        section = report.section(number)
        for paragraph in section.paragraphs if section else ():
            yield from (paragraph.text, "")
        if kind in TABLE_SECTIONS:
            yield Tables(kind)


def title_line(report: Report) -> str | None:
    """The title: organisation, year, 年政府信息公开工作年度报告; none without a year.
    An organisation that begins with a digit is written after a markdown heading
    mark (``# 3号…``): a title line read plainly takes a leading digit for the year's."""
    if report.year.value is None:
        return None
    organization = report.organization.value or ""
    if organization[:1].isdecimal():
        organization = f"# {organization}"
    return f"{organization}{report.year.value}{REPORT_NAME}"


def figure_text(value) -> str:
    if value is None:
        return ""
    return str(value) if not isinstance(value, Decimal) else format(value, "f")


def cell_text(figure: Figure) -> str:
    """A figure's cell: the number as written plainly (no thousands separators,
    ASCII digits, a Decimal with its places), and the unit the cell carried
    (1个, 246900元), which is part of the figure. A missing figure is an empty cell."""
    if figure.value is None:
        return ""
    return figure_text(figure.value) + (figure.unit or "")


# ---------------------------------------------------------------- the official tables


@attrs.frozen
class PrintedRow:
    labels: tuple[str | None, ...]
    figures: tuple[str, ...] = ()  # "" for a missing figure


Block = list  # rows printed as one table (markdown: one table with one rule)


def table_blocks(report: Report, table: TableSpec) -> list[Block]:
    def figures(row) -> tuple[str, ...]:
        return tuple(cell_text(report.figure(table.id, row.id, c.id)) for c in row.columns)

    if table.id == "active_disclosure":
        blocks: list[Block] = []
        for row in table.rows:
            article = row.path[0]
            if not blocks or blocks[-1][0].labels[0] != article:
                header = ("信息内容",) + tuple(c.label for c in row.columns)
                blocks.append([PrintedRow((article,)), PrintedRow(header)])
            blocks[-1].append(PrintedRow((row.label,), figures(row)))
        return blocks
    if table.id == "applications":
        note, applicants, legal_persons = EXTRA_HEADER_LABELS["applications"]
        cols = [c.label for c in table.rows[0].columns]
        block: Block = [
            PrintedRow((note, None, None, applicants)),
            PrintedRow((None, None, None, cols[0], legal_persons, None, None, None, None,
                        cols[-1])),
            PrintedRow((None, None, None, None) + tuple(cols[1:-1])),
        ]
        previous: Sequence[str] = ()
        for row in table.rows:
            labels = tuple(
                None if i < len(row.path) - 1 and previous[:i + 1] == row.path[:i + 1] else part
                for i, part in enumerate(row.path)
            )
            block.append(PrintedRow(labels, figures(row)))
            previous = row.path
        return [block]
    # review_litigation: a two-level header over one row of fifteen figures
    outcomes = tuple(c.label for c in table.rows[0].columns)
    review, direct, after = table.rows
    gap = (None,) * (len(outcomes) - 1)
    return [[
        PrintedRow((review.path[0],) + gap + (direct.path[0],)),
        PrintedRow(outcomes + (direct.path[1],) + gap + (after.path[1],)),
        PrintedRow((None,) * len(outcomes) + outcomes + outcomes),
        PrintedRow((), sum((figures(r) for r in table.rows), ())),
    ]]
