"""What every layout of the printer shares: the report in print order (``outline``),
the title line, and a figure's text in its cell."""

from __future__ import annotations

from decimal import Decimal

import attrs

from govparse.model.report import Figure, Report
from govparse.template.sections import SECTION_KINDS, SECTION_NAMES, TABLE_SECTIONS

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
