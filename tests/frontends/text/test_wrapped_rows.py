"""What the text reader's GP306 check (a row's figures that go on on the next line,
reader._note_wrapped_rows) counts on: every row a layout gives it is one line's cells,
so that figures can go on to another line only where a row starts. A layout whose rows
span lines would need the check at every cell again."""

from __future__ import annotations

import govparse
from govparse.emit.printer import CONVERTED_LAYOUTS, LAYOUTS, dumps
from govparse.frontends.text import reader
from govparse.frontends.text.lines import SeparatorLines

from conftest import HERE


def _texts():
    for path in sorted((HERE / "data").rglob("*.txt")):
        yield path.read_text("utf-8", errors="replace")
    examples = [govparse.parse_file(p) for p in sorted((HERE / "data" / "seeds").glob("*.txt"))]
    for report in examples:
        for layout in LAYOUTS + CONVERTED_LAYOUTS:
            yield dumps(report, layout)


def test_every_row_the_wrapped_rows_check_sees_stands_on_one_line(monkeypatch):
    seen = []
    check = reader._note_wrapped_rows

    def watched(rows, sink):
        rows = list(rows)
        seen.extend(row for row in rows if type(row) is not SeparatorLines)
        return check(rows, sink)

    monkeypatch.setattr(reader, "_note_wrapped_rows", watched)
    for text in _texts():
        govparse.parse(text)
    assert len(seen) > 5000, len(seen)  # (the inputs reach it: tab, pipe, markdown, spaced rows)
    spanning = [row for row in seen if len({cell.line for cell in row}) > 1]
    assert spanning == []
