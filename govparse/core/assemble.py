"""From a Document's blocks to the Report model: front matter, sections, tables."""

from __future__ import annotations

import functools
import re
from itertools import repeat

import attrs

from govparse.core.front_matter import read_front_matter
from govparse.core.grid import stream_of
from govparse.core.sections import near_misses
from govparse.core.figure_cells import MISSING
from govparse.core.logical_rows import LogicalRow, logical_rows
from govparse.core.positions import PositionEvidence
from govparse.core.table_reader import TableReader
from govparse.core.template_choice import evidence, template_for_year
from govparse.diagnostics import DiagnosticSink
from govparse.document import (Document, EmptyCells, Heading, Table, Title, column_of,
                               line_of)
from govparse.model.report import Figure, Paragraph, Report, Section, table_classes
from govparse.template.sections import (SECTION_KINDS, SECTION_NAMES, TABLE_SECTIONS,
                                        heading_kind, heading_pattern)
from govparse.template.spec import (catalogue, load_template, normalize_label,
                                   numbering_length)


class MergedSection:
    """A section of the template: the blocks under its heading, joined if it repeats.
    (Plain classes here and below: a NamedTuple is slower to define at start-up.)"""

    __slots__ = ("kind", "heading", "line", "column", "paragraphs", "rows", "run_together",
                 "filled_cells", "overdrawn_cells")

    def __init__(self, kind: str, heading: str, line: int | None, column: int | None) -> None:
        self.kind = kind
        self.heading = heading
        self.line = line
        self.column = column
        self.paragraphs: list[Paragraph] = []
        self.rows: list = []  # the rows of its tables, in order
        self.run_together = False  # its tables are run-together text (label, run) rows
        self.filled_cells: set[tuple[int, int]] = set()  # (its Tables')
        self.overdrawn_cells: set[tuple[int, int]] = set()


def assemble(document: Document, sink: DiagnosticSink) -> Report:
    """The report a Document holds; what was noticed goes to ``sink``."""
    front, parts = _sections_of(document.blocks)
    overview = [p for heading, kind, blocks in parts if kind == "overview"
                for p in _paragraphs(blocks)]
    organization, year, title, preamble = read_front_matter(front, overview, sink)
    sections = _merge_sections(parts, sink)
    prepared = {kind: _prepare_table(sections.get(kind), sink) for kind in TABLE_SECTIONS}
    _report_missing_sections(sections, prepared, preamble, sink)
    template, table_templates = _choose_templates(prepared, year.value, sink)
    tables = {}
    rows_found = False
    parted: dict = {}  # cells of digits parted by a blank, placed as missing figures
    # (shared by the tables: whether positions can be trusted, and on which page)
    evidence = PositionEvidence(document.page_starts)
    readers: list[TableReader] = []  # (for a second look at rows once all are read)
    for kind, table in prepared.items():
        figures = {}
        if type(table) is RunTogetherTable:
            from govparse.core.run_reader import read_runs  # (run-together text only)

            figures = read_runs(table.rows, table_templates[kind], kind, sink,
                                table.heading_line)
            rows_found = rows_found or bool(table.rows)  # (its runs: after rows' labels)
        elif table is not None:
            reader = TableReader(catalogue(table_templates[kind], kind), sink,
                                 table_templates[kind], evidence)
            figures = reader.read(table.rows, table.heading_line, table.trailing_cells,
                                  table.disowned_rows, table.filled_cells,
                                  table.overdrawn_cells)
            rows_found = rows_found or bool(reader.seen_rows)
            parted.update(reader.parted_cells)
            readers.append(reader)
        tables[kind] = figures
    if not document.cells_measured:
        wrapped = any(reader.wrapped_numbers() for reader in readers)
        for reader in readers:
            reader.rows_in_doubt_in_a_text(wrapped)
    tables = {kind: _table_model(kind, figures, table_templates[kind])
              for kind, figures in tables.items()}
    # The readers the evidence holds each hold it: a reference cycle, which left the
    # readers of a text with positions (a spaced table's), with their rows, cells and
    # verdicts (about a thousand objects), to the garbage collector's next pass, not
    # freed as assemble returns. Every table is read: the evidence is done with.
    evidence.readers.clear()
    if not rows_found:
        sink.add("GP112", "no statistics table was found: no row of the template's three "
                 "tables is in the input, so it holds none of a report's figures",
                 hint="govparse reads reports as text, web pages, PDF and Word files; a "
                      "page that only links to its report, or a scan, holds no table")
    model_sections = tuple(
        Section(SECTION_KINDS.index(s.kind) + 1, s.heading, tuple(s.paragraphs), s.line)
        for s in sorted(sections.values(), key=lambda s: SECTION_KINDS.index(s.kind))
    )
    report = Report(
        organization=organization,
        year=year,
        title=title,
        preamble=preamble,
        sections=model_sections,
        template=template,
        **tables,
    )
    if parted:
        from govparse.core.parted_numbers import confirm_parted  # (a wrapped number's cell)

        report = confirm_parted(report, parted, sink)
    return report


# ---------------------------------------------------------------- blocks to sections


def _sections_of(blocks):
    """The blocks before the first heading, and (heading, kind, blocks) for each part
    under a heading. A heading that opens no section of the template is text. Where a
    statistics section's heading is missing, a table's row may hold it
    (_headings_out_of_tables; only then are the tables' rows looked through)."""
    front, parts = _parted(blocks)
    found = {kind for _, kind, _ in parts}
    if not found.issuperset(TABLE_SECTIONS) and any(type(b) is Table for b in blocks):
        front, parts = _parted(list(_headings_out_of_tables(blocks)))
    return front, parts


def _parted(blocks):
    """_sections_of's reading of the blocks as they are."""
    front: list = []
    parts: list = []
    current = front
    for block in blocks:
        kind = heading_kind(block.text) if type(block) is Heading else None
        if kind is not None:
            current = []
            parts.append((block, kind, current))
        elif type(block) is Table and current is front:
            front.extend(_row_paragraphs(block))
        elif type(block) is Title and current is not front:
            current.append(block)  # read as a paragraph
        else:
            current.append(block)
    return front, parts


def _headings_out_of_tables(blocks):
    """The blocks, each table parted where a row of it is a section's numbered heading
    alone (a site's table that opens with its section's heading, 二、主动公开政府信息情况
    across the table, or holds the three statistics tables, each under its own): the
    rows before, the heading, the rows after."""
    for block in blocks:
        if type(block) is not Table or block.run_together:
            yield block
            continue
        start = 0
        for index, row in enumerate(block.rows):
            text = _heading_alone(row)
            if text is None:
                continue
            if index > start:
                yield attrs.evolve(block, rows=block.rows[start:index])
            yield Heading(text.strip(), next(c for c in row if c.text).location)
            start = index + 1
        if start == 0:
            yield block
        elif start < len(block.rows):
            yield attrs.evolve(block, rows=block.rows[start:])


def _heading_alone(row) -> str | None:
    """The text of a table's row where its one cell with text is a section's heading
    as the grammar's HEADING reads one: its numbering, then all of one section's words
    (二、主动公开政府信息情况; a column's header such as 行政诉讼 names a section's
    words without a numbering, and （四）行政复议和行政诉讼情况表 is other words)."""
    if isinstance(row, EmptyCells):
        return None
    texts = [c.text for c in row if c.text and not c.covered]
    if len(texts) != 1:
        return None
    text = normalize_label(texts[0]).strip("*")
    numbering = numbering_length(text)
    if not numbering or _heading_words().fullmatch(text[numbering:].rstrip(":：*")) is None:
        return None
    return texts[0]


@functools.cache  # (compiled when a table's row is first asked: not at start-up)
def _heading_words() -> re.Pattern:
    return re.compile(heading_pattern())


def _paragraphs(blocks) -> list[Paragraph]:
    """The model's paragraphs of a part's blocks (a table's rows as lines of text)."""
    out = []
    for block in blocks:
        if type(block) is Table:
            out.extend(_paragraph(p) for p in _row_paragraphs(block))
        else:
            out.append(_paragraph(block))
    return out


def _paragraph(block) -> Paragraph:
    return Paragraph(block.text, line_of(block.location), column_of(block.location))


def _row_paragraphs(table: Table):
    """A table where text is expected: each row's cells as a line of text."""
    from govparse.document import EmptyCells
    from govparse.document import Paragraph as Text

    for row in table.rows:
        if isinstance(row, EmptyCells):
            continue
        texts = [c.text for c in row if c.text]
        if texts:
            yield Text("\t".join(texts), row[0].location)


def _merge_sections(parts, sink: DiagnosticSink) -> dict[str, MergedSection]:
    merged: dict[str, MergedSection] = {}
    last_index = -1
    for heading, kind, blocks in parts:
        text = heading.text
        line, column = line_of(heading.location), column_of(heading.location)
        index = SECTION_KINDS.index(kind)
        if kind in merged:
            first = merged[kind]
            sink.add("GP104", f"the heading '{text}' appears again (first at line "
                     f"{first.line}); the two parts are read as one section",
                     line, column, length=len(text))
            section = first
        else:
            if index < last_index:
                sink.add("GP105", f"section '{text}' stands after a later section of the "
                         "template", line, column, length=len(text))
            last_index = max(last_index, index)
            section = merged[kind] = MergedSection(kind, text, line, column)
        for block in blocks:
            if type(block) is Table:
                if kind in TABLE_SECTIONS:
                    section.rows.extend(block.rows)
                    section.run_together |= block.run_together
                    section.filled_cells |= block.filled_cells
                    section.overdrawn_cells |= block.overdrawn_cells
                else:
                    section.paragraphs.extend(_paragraphs((block,)))
            else:
                section.paragraphs.append(_paragraph(block))
    return merged


def _report_missing_sections(merged, prepared, preamble, sink: DiagnosticSink) -> None:
    missing = [kind for kind in SECTION_KINDS if kind not in merged]
    if not missing:
        return
    found = near_misses(missing, _text_lines(preamble, merged.values(), prepared))
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


def _text_lines(preamble, sections, prepared):
    """(text, line, column) of every line read as text: paragraphs, and table rows
    that hold a single label."""
    for paragraph in preamble:
        yield paragraph.text, paragraph.line, paragraph.column
    for section in sections:
        for paragraph in section.paragraphs:
            yield paragraph.text, paragraph.line, paragraph.column
        table = prepared.get(section.kind)
        if table is not None:
            for cell in table.lone_labels:
                yield cell.text, cell.line, cell.column


# ---------------------------------------------------------------- tables


class PreparedTable:
    """A table section's cells, read into logical rows, before a template is chosen."""

    __slots__ = ("rows", "lone_labels", "heading_line", "trailing_cells", "disowned_rows",
                 "filled_cells", "overdrawn_cells")

    def __init__(self, rows: list[LogicalRow], lone_labels: list, heading_line: int | None,
                 trailing_cells: dict[int, int] | None = None,
                 disowned_rows: set[int] | None = None,
                 filled_cells: set[tuple[int, int]] | None = None,
                 overdrawn_cells: set[tuple[int, int]] | None = None) -> None:
        self.rows = rows
        self.lone_labels = lone_labels
        self.heading_line = heading_line
        self.trailing_cells = trailing_cells  # (grid.Stream)
        self.disowned_rows = disowned_rows
        self.filled_cells = filled_cells  # (document.Table's)
        self.overdrawn_cells = overdrawn_cells


class RunTogetherTable:
    """A table section of run-together text: its (label, run) rows as the front-end
    gave them (govparse.core.run_reader reads them)."""

    __slots__ = ("rows", "heading_line")
    lone_labels = ()

    def __init__(self, rows: list, heading_line: int | None) -> None:
        self.rows = [row for row in rows if len(row) == 2]
        self.heading_line = heading_line

    def evidence(self, kind: str) -> dict[str, int]:
        from govparse.core.run_labels import evidence  # (imported when met: start-up)

        return evidence(kind, [label.text for label, _ in self.rows])


def _prepare_table(section: MergedSection | None, sink: DiagnosticSink):
    if section is None:
        return None
    if section.run_together:
        return RunTogetherTable(section.rows, section.line)
    # (digits parted by a blank read as a figure's place in the review table, a row of
    # fifteen figures a line: in the others a number wrapped in its cell is left to
    # the row readers of rows over lines, which tell it from a row's figures)
    stream = stream_of(section.rows, sink, parted=section.kind == "review_litigation")
    return PreparedTable(logical_rows(stream.cells), stream.lone_labels, section.line,
                         stream.trailing_cells, stream.disowned_rows, section.filled_cells,
                         section.overdrawn_cells)


def _choose_templates(prepared, year: int | None, sink: DiagnosticSink):
    """The report's template and each table's, from the labels the tables use."""
    decided: dict[str, str] = {}
    for kind in ("active_disclosure", "applications"):
        if prepared.get(kind) is None:
            continue
        table = prepared[kind]
        scores = table.evidence(kind) if type(table) is RunTogetherTable \
            else evidence(kind, table.rows)
        best = max(scores, key=scores.get)
        if scores[best] > min(scores.values()):
            decided[kind] = best
    if decided:
        template = decided.get("active_disclosure") or decided["applications"]
    else:
        template = template_for_year(year)
    if len(set(decided.values())) > 1:
        rows = getattr(prepared["applications"], "rows", None)
        first = rows[0].labels[0] if rows and type(rows[0]) is LogicalRow \
            and rows[0].labels else None
        sink.add(
            "GP106",
            "the tables follow different templates: "
            + ", ".join(f"{SECTION_NAMES[k]} the {t} template" for k, t in decided.items())
            + "; each table is read on its own template",
            at=first,
        )
    if year is not None and template_for_year(year) != template:
        sink.add("GP107", f"the report is for {year}, but its tables follow the {template} "
                 f"template (the {template_for_year(year)} template is the one for {year})",
                 None, None)
    return template, {kind: decided.get(kind, template) for kind in TABLE_SECTIONS}


def _table_model(kind: str, figures: dict[tuple[str, str], Figure], template: str):
    table_cls, rows = _table_shape(template, kind)
    get, missing = figures.get, repeat(MISSING)
    # (each row's figures looked up in C: map calls dict.get with the key and MISSING)
    return table_cls(*[row_cls(*map(get, keys, missing)) for row_cls, keys in rows])



@functools.cache
def _table_shape(template: str, kind: str):
    """A table's model class, and each row's class with the (row, column) keys of its
    figures, in the order the classes take them: made once, so that a table is built
    with positional arguments, not a dict of keywords a row."""
    table_cls = table_classes(template)[kind]
    empty = table_cls()
    rows = []
    for spec, row_field in zip(load_template(template).table(kind).rows, attrs.fields(table_cls),
                               strict=True):
        row_cls = type(getattr(empty, row_field.name))
        names = [f.name for f in attrs.fields(row_cls)]
        # the template's rows and columns are the model's fields, in the same order
        assert spec.id == row_field.name and names == [c.id for c in spec.columns], spec.id
        rows.append((row_cls, tuple((spec.id, name) for name in names)))
    return table_cls, tuple(rows)
