"""The official 2021 template as a Word file (tests/data/real/docx), filled: what a body
that writes its report in the template sends. Used by the tests and by
benchmarks/converters.py (which saves it as a PDF with LibreOffice)."""

from __future__ import annotations

import io
from pathlib import Path

from govparse.template.spec import load_template

TEMPLATE = Path(__file__).resolve().parents[2] / "data" / "real" / "docx" / "template-2021-empty.docx"


def filled_template(value_of) -> bytes:
    """The template with each figure cell filled: ``value_of(table, row, column)``,
    the rows and columns taken in the template's order."""
    import docx  # python-docx: a test dependency
    document = docx.Document(str(TEMPLATE))
    spec = load_template("2021")
    for word_table, table in zip(document.tables, spec.tables):
        slots = iter(table.slots)
        for row in word_table.rows:
            seen = set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue  # python-docx repeats a merged cell for each grid column
                seen.add(id(cell._tc))
                merged = cell._tc.tcPr is not None and cell._tc.tcPr.vMerge is not None
                if cell.text.strip() == "" and not merged:
                    row_spec, column = next(slots)
                    cell.text = str(value_of(table.id, row_spec.id, column.id))
        assert next(slots, None) is None  # every figure cell of the template was filled
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
