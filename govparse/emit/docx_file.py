"""A Report written as a Word file (.docx): ``dumps(report, "docx")`` gives its bytes.

The title, headings and narrative are paragraphs; the three tables are Word tables
with the template's merged cells (govparse/emit/spanned.py) as real Word reports have
them: a cell spanning columns has ``w:gridSpan``, one spanning rows starts a
``w:vMerge`` and the places below it are ``w:vMerge`` continue cells. Reading the file
gives the same report (positions aside): tests/frontends/word holds the two to that.

The package is the least Word opens: [Content_Types].xml, the relationships and
word/document.xml, written with the standard library's zipfile and XML escaping.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from govparse.emit.outline import Tables, outline
from govparse.emit.spanned import Spanned, spanned_rows, width
from govparse.model.report import Report
from govparse.template.spec import load_template

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>")
_RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>")


def dumps_docx(report: Report) -> bytes:
    template = load_template(report.template)
    body: list[str] = []
    for item in outline(report):
        if isinstance(item, Tables):
            for_table = template.table(item.kind)
            body.append(_table(spanned_rows(report, for_table)))
            body.append(_paragraph(""))  # Word wants a paragraph between tables
        elif item:
            body.append(_paragraph(item))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{_W}"><w:body>{"".join(body)}</w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELATIONSHIPS)
        package.writestr("word/document.xml", document)
    return out.getvalue()


def _paragraph(text: str) -> str:
    if not text:
        return "<w:p/>"
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _table(rows: list[list[Spanned]]) -> str:
    """A Word table from rows that give each spanning cell once: the places a cell
    covers below it are written as vMerge continue cells, as Word writes them."""
    columns = width(rows)
    out = ["<w:tbl><w:tblGrid>", "<w:gridCol/>" * columns, "</w:tblGrid>"]
    below: dict[int, tuple[int, int]] = {}  # grid column -> (rows still covered, colspan)
    for row in rows:
        out.append("<w:tr>")
        cells = iter(row)
        column = 0
        while column < columns:
            if column in below:
                left, colspan = below[column]
                out.append(_cell("", colspan, merge="continue"))
                if left > 1:
                    below[column] = (left - 1, colspan)
                else:
                    del below[column]
                column += colspan
                continue
            cell = next(cells, None)
            if cell is None:
                break  # a short row: nothing more stands in it
            if cell.rowspan > 1:
                below[column] = (cell.rowspan - 1, cell.colspan)
            out.append(_cell(cell.text, cell.colspan,
                             merge="restart" if cell.rowspan > 1 else None))
            column += cell.colspan
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _cell(text: str, colspan: int, merge: str | None = None) -> str:
    properties = (f'<w:gridSpan w:val="{colspan}"/>' if colspan > 1 else "") + (
        f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else
        "<w:vMerge/>" if merge == "continue" else "")
    head = f"<w:tcPr>{properties}</w:tcPr>" if properties else ""
    return f"<w:tc>{head}{_paragraph(text)}</w:tc>"
