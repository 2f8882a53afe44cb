"""From the raw parts of a parse to the Report model, with what was noticed on the way."""

from __future__ import annotations

import functools
import re

import attrs

from govparse.cells import (FIGURE_KINDS, CellLine, SeparatorLines, cell_stream,
                            detect_layout, strip_blanks)
from govparse.diagnostics import DiagnosticSink
from govparse.detect import evidence, template_for_year
from govparse.model import Figure, MetaField, Paragraph, Report, Section, table_classes
from govparse.tables import LogicalRow, TableReader, is_prose, logical_rows
from govparse.template import TEMPLATES, catalogue, label_key, load_template
from govparse.sections import SECTION_KINDS, SECTION_NAMES, TABLE_SECTIONS, near_misses
from govparse.transformer import RawReport, RawSection, RawTitle


# "本报告中所列数据统计期限为2024年1月1日至12月31日" and the like.
_PERIOD_YEAR = re.compile(r"统计期限[^0-9]{0,8}([12]\d{3})\s*年")


class MergedSection:
    """A section of the template: the parts under its heading, joined if it repeats.
    (Plain classes here and below: a NamedTuple is slower to define at start-up.)"""

    __slots__ = ("kind", "heading", "line", "column", "paragraphs", "lines")

    def __init__(self, kind: str, heading: str, line: int, column: int,
                 paragraphs: tuple[Paragraph, ...],
                 lines: tuple[CellLine | SeparatorLines, ...]) -> None:
        self.kind = kind
        self.heading = heading
        self.line = line
        self.column = column
        self.paragraphs = paragraphs
        self.lines = lines


def build_report(raw: RawReport, sink: DiagnosticSink) -> Report:
    organization, year, title, preamble = _front_matter(raw.front_matter, raw.sections, sink)
    sections = _merge_sections(raw.sections, sink, preamble)
    prepared = {kind: _prepare_table(kind, sections.get(kind), sink) for kind in TABLE_SECTIONS}
    template, table_templates = _choose_templates(prepared, year.value, sink)
    tables = {}
    for kind, table in prepared.items():
        figures = {}
        if table is not None:
            reader = TableReader(catalogue(table_templates[kind], kind), sink)
            figures = reader.read(table.rows, table.heading_line)
        tables[kind] = _table_model(kind, figures, table_templates[kind])
    model_sections = tuple(
        Section(
            SECTION_KINDS.index(s.kind) + 1,
            s.heading,
            s.paragraphs + (prepared[s.kind].prose if prepared.get(s.kind) else ()),
            s.line,
        )
        for s in sorted(sections.values(), key=lambda s: SECTION_KINDS.index(s.kind))
    )
    return Report(
        organization=organization,
        year=year,
        title=title,
        preamble=preamble,
        sections=model_sections,
        template=template,
        **tables,
    )


# ---------------------------------------------------------------- front matter


def _front_matter(items, sections: tuple[RawSection, ...], sink: DiagnosticSink):
    titles = [i for i in items if isinstance(i, RawTitle)]
    preamble = []
    for item in items:
        if isinstance(item, Paragraph):
            preamble.append(item)
        elif item is not titles[0]:
            # A second title line stays in the text, as a paragraph, and is said aloud.
            text = strip_blanks("".join(str(t) for t in (item.organization, item.year,
                                                          item.name) if t))[0]
            start = item.organization or item.year
            sink.add("GP109", f"a second title line '{text}'; the first (line "
                     f"{titles[0].year.line}) names the organisation and year, this one is "
                     "kept as a paragraph", start.line, start.column, length=len(text))
            preamble.append(Paragraph(text, start.line, start.column))
    preamble = tuple(preamble)
    if titles:
        raw = titles[0]
        org = None
        if raw.organization is not None:
            unmarked = raw.organization.lstrip("#")  # a markdown title: # 某区2024年…
            text, offset = strip_blanks(unmarked)
            offset += len(raw.organization) - len(unmarked)
            if text:
                org = MetaField(text, raw.organization.line, raw.organization.column + offset)
        if org is None:
            sink.add("GP101", "the title line names no organisation", raw.year.line,
                     raw.year.column)
        year = MetaField(int(raw.year), raw.year.line, raw.year.column)
        title_text = "".join(str(t) for t in (raw.organization, raw.year, raw.name) if t)
        title_text = strip_blanks(title_text)[0]
        return org or MetaField(), year, title_text, preamble
    first = preamble[0] if preamble else None
    sink.add(
        "GP101",
        "no title line (organisation + year + 政府信息公开工作年度报告); the organisation is "
        "missing",
        first.line if first else 1, first.column if first else 1,
        hint="a report begins with a line like 某某区2024年政府信息公开工作年度报告",
    )
    candidates = list(preamble)
    for section in sections:
        if section.kind == "overview":
            candidates.extend(section.paragraphs)
    for paragraph in candidates:
        found = _PERIOD_YEAR.search(paragraph.text)
        if found:
            column = paragraph.column + found.start(1)
            sink.add("GP102", f"the year {found.group(1)} was taken from the statistics "
                     "period stated in the text", paragraph.line, column, length=4)
            return MetaField(), MetaField(int(found.group(1)), paragraph.line, column), None, \
                preamble
    return MetaField(), MetaField(), None, preamble


# ---------------------------------------------------------------- sections


def _merge_sections(raw_sections, sink: DiagnosticSink,
                    preamble: tuple[Paragraph, ...]) -> dict[str, MergedSection]:
    merged: dict[str, MergedSection] = {}
    last_index = -1
    for raw in raw_sections:
        heading, offset = strip_blanks(raw.heading)
        column = raw.heading.column + offset
        index = SECTION_KINDS.index(raw.kind)
        if raw.kind in merged:
            first = merged[raw.kind]
            sink.add("GP104", f"the heading '{heading}' appears again (first at line "
                     f"{first.line}); the two parts are read as one section",
                     raw.heading.line, column, length=len(heading))
            first.paragraphs += raw.paragraphs
            first.lines += raw.lines
            continue
        if index < last_index:
            sink.add("GP105", f"section '{heading}' stands after a later section of the "
                     "template", raw.heading.line, column, length=len(heading))
        last_index = max(last_index, index)
        merged[raw.kind] = MergedSection(raw.kind, heading, raw.heading.line, column,
                                         raw.paragraphs, raw.lines)
    missing = [kind for kind in SECTION_KINDS if kind not in merged]
    found = near_misses(missing, _text_lines(preamble, merged.values())) if missing else {}
    for kind in missing:
        message = f"section {SECTION_NAMES[kind]} is not in the report"
        code = "GP108" if kind in TABLE_SECTIONS else "GP103"
        if code == "GP108":
            message += "; its figures are missing"
        if kind not in found:
            sink.add(code, message, None, None)
        else:
            text, line, column = found[kind]
            sink.add(code, message, line, column, length=len(text),
                     hint=f"is '{text}' meant as its heading? A heading is read when it has "
                          f"the template's words: {SECTION_NAMES[kind]}")
    return merged


def _text_lines(preamble, sections):
    """(text, line, column) of every line read as text: paragraphs, and table lines
    that hold a single label."""
    for paragraph in preamble:
        yield paragraph.text, paragraph.line, paragraph.column
    for section in sections:
        for paragraph in section.paragraphs:
            yield paragraph.text, paragraph.line, paragraph.column
        for ln in section.lines:
            cell = ln.lone_label
            if cell is not None:
                yield cell.text, cell.line, cell.column


# ---------------------------------------------------------------- tables


class PreparedTable:
    """A table section's cells, read into logical rows, before a template is chosen."""

    __slots__ = ("layout", "rows", "prose", "heading_line")

    def __init__(self, layout: str, rows: list[LogicalRow], prose: tuple[Paragraph, ...],
                 heading_line: int) -> None:
        self.layout = layout
        self.rows = rows
        self.prose = prose
        self.heading_line = heading_line


def _prepare_table(kind: str, section: MergedSection | None, sink: DiagnosticSink):
    if section is None:
        return None
    lines, prose = _split_prose(section.lines, kind)
    layout = detect_layout(lines)
    stream = cell_stream(lines, layout, sink)
    _note_wrapped_rows(stream, layout, sink)
    return PreparedTable(layout, logical_rows(stream), prose, section.line)


def _choose_templates(prepared, year: int | None, sink: DiagnosticSink):
    """The report's template and each table's, from the labels the tables use."""
    decided: dict[str, str] = {}
    for kind in ("active_disclosure", "applications"):
        if prepared.get(kind) is None:
            continue
        scores = evidence(kind, prepared[kind].rows)
        best = max(scores, key=scores.get)
        if scores[best] > min(scores.values()):
            decided[kind] = best
    if decided:
        template = decided.get("active_disclosure") or decided["applications"]
    else:
        template = template_for_year(year)
    if len(set(decided.values())) > 1:
        first = prepared["applications"].rows[0].labels[0] if prepared["applications"].rows \
            and prepared["applications"].rows[0].labels else None
        sink.add(
            "GP106",
            "the tables follow different templates: "
            + ", ".join(f"{SECTION_NAMES[k]} the {t} template" for k, t in decided.items())
            + "; each table is read on its own template",
            first.line if first else None, first.column if first else None,
        )
    if year is not None and template_for_year(year) != template:
        sink.add("GP107", f"the report is for {year}, but its tables follow the {template} "
                 f"template (the {template_for_year(year)} template is the one for {year})",
                 None, None)
    return template, {kind: decided.get(kind, template) for kind in TABLE_SECTIONS}


def _split_prose(lines: tuple[CellLine | SeparatorLines, ...], kind: str):
    """Sentences written in a table section are its paragraphs, not cells."""
    known = _known_labels(kind)
    cells, prose = [], []
    for ln in lines:
        cell = ln.lone_label if type(ln) is CellLine and len(ln.separators) <= 1 else None
        if cell is not None and label_key(cell.text) not in known and is_prose(cell.text):
            prose.append(Paragraph(cell.text, cell.line, cell.column))
        else:
            cells.append(ln)
    return cells, tuple(prose)


@functools.cache
def _known_labels(kind: str) -> frozenset[str]:
    return frozenset(key for template in TEMPLATES
                     for key in catalogue(template, kind).labels_by_key)


def _note_wrapped_rows(stream, layout: str, sink: DiagnosticSink) -> None:
    if layout == "cells":
        return
    previous = None
    for cell in stream:
        if previous is not None and previous.kind in FIGURE_KINDS and cell.kind in FIGURE_KINDS \
                and cell.line != previous.line:
            sink.add("GP306", f"the figures of a row continue on line {cell.line}; read as one "
                     "row", cell.line, cell.column)
        previous = cell


def _table_model(kind: str, figures: dict[tuple[str, str], Figure], template: str):
    table_spec = load_template(template).table(kind)
    table_cls = table_classes(template)[kind]
    row_classes = _row_classes(table_cls)
    return table_cls(**{
        row.id: row_classes[row.id](**{c.id: figures.get((row.id, c.id), MISSING)
                                       for c in row.columns})
        for row in table_spec.rows
    })


MISSING = Figure()  # immutable, so one serves every missing cell


@functools.cache
def _row_classes(table_cls) -> dict[str, type]:
    empty = table_cls()
    return {f.name: type(getattr(empty, f.name)) for f in attrs.fields(table_cls)}
