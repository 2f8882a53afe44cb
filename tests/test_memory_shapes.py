"""Table sections of separators only (a page's empty grid) stay within 50 times
their size in memory, and read as they did when every line was split.

A line of separators only is all empty cells: split, it cost a Cell a separator,
about a hundred times its size, and the regular expression of LINES kept ~230 bytes
a line while it matched. Such lines are now kept as one SeparatorLines a run
(govparse.core.cells), and LINES's run is possessive (grammar/report.lark). The memory
bound at every size up to 10 MB is measured by fuzz/linearity.py; here a few
hundred kilobytes of each shape, and the readings compared with the old way.
"""

import gc
import random
import tracemalloc

import pytest

import govparse
from govparse.frontends.text import lines as cells
from govparse.frontends.text import transformer
from govparse.frontends.text.lines import BLANK, SeparatorLines, split_cells
from govparse.frontends.text.grammar import lark_parser
from govparse.emit.serialize import to_dict

from conftest import EXAMPLES

BOUND = 50  # bytes at the peak a byte of input (benchmarks/bench.py's target)
SIZE = 128 * 1024
TITLE = "示例县人民政府办公室2024年政府信息公开工作年度报告\n"
HEADINGS = {
    "active": "二、主动公开政府信息情况\n",
    "applications": "三、收到和处理政府信息公开申请情况\n",
    "review": "四、政府信息公开行政复议、行政诉讼情况\n",
}
SHAPES = {
    "pipes": "|" * 40 + "\n",
    "tabs": "\t" * 40 + "\n",
    "spaced-pipes": "| " * 20 + "|\n",
    "one-pipe": "|\n",
    "one-tab": "\t\n",
    "full-width-pipes": "｜" * 3 + "\n",
    "tab-and-blank": "\t \n",
}


def grid(line: str, heading: str, size: int = SIZE) -> str:
    head = TITLE + heading
    count = (size - len(head.encode())) // len(line.encode())
    return head + line * count


def peak_ratio(text: str) -> float:
    govparse.parse(TITLE)  # the parse tables and templates are loaded already
    gc.collect()
    tracemalloc.start()
    try:
        govparse.parse(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / len(text.encode())


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("heading", ["active", "applications"])
def test_a_grid_takes_less_than_50_times_its_size(shape, heading):
    ratio = peak_ratio(grid(SHAPES[shape], HEADINGS[heading]))
    assert ratio < BOUND, f"{ratio:.1f}x"


def test_lines_of_separators_only_are_kept_whole():
    raw = lark_parser().parse(TITLE + HEADINGS["active"] + "规章\t1\n|\n\n| |\n\t\n规章\n\t\n",
                              start="start")
    first, grid_lines, last = raw.sections[0].lines[0], raw.sections[0].lines[1], \
        raw.sections[0].lines[-1]
    assert type(grid_lines) is SeparatorLines
    assert (grid_lines.line, grid_lines.last_line, grid_lines.count) == (4, 7, 3)
    assert (grid_lines.piped, grid_lines.single) == (2, 2)
    assert [ln.line for ln in grid_lines.lines()] == [4, 6, 7]
    assert [(c.location.line, c.location.column) for c in grid_lines.cells()] == \
        [(4, 2), (6, 2), (7, 2)]
    # one such line alone is a CellLine, as any other
    assert [c.kind for c in last.cells] == ["empty", "empty"] and last.indented
    assert first.cells[0].text == "规章"


# ---------------------------------------------------------------- same readings


def _every_line_split(run):
    """The transformer's table lines as they were: every line split into cells."""
    return transformer._lines(run, lambda text, line, column:
                              split_cells(text, line, column) if text.strip(BLANK) else None)


def _readings(texts):
    out = []
    for text in texts:
        try:
            out.append(to_dict(govparse.parse(text)))
        except govparse.GovParseError as exc:
            out.append(("error", exc.code, str(exc)))
    return out


GRIDS = ("\t\n", "|\n", "\t\t\n", "| |\n", "｜\n", " \t \n", "|\t|\n")


def _hand_made() -> list[str]:
    texts = []
    for heading in HEADINGS.values():
        for sep in ("|\n", "\t\n", "\t\t\n", "| |\n"):
            texts += [
                heading + sep * 50,
                # empty cells before a row's figures, among them and after them
                heading + "规章\n" + sep * 30 + "\t1\n\t2\n" + sep * 3 + "\t3\n" + sep * 30,
                heading + "行政复议\n" + sep * 30 + "\t1\n" + sep * 30 + "行政诉讼\n\t2\n"
                + sep * 10 + "\t3\n" + sep * 40,
                heading + "\t1\n" + sep * 20 + "\t0\n" + sep * 20,
                heading + "规章\t1\n" + sep * 5 + "\n\n" + sep * 5 + "规章\t2\t3\n" + sep,
                heading + sep + "---\n" + sep + sep + "---\n" + sep + "\t5\n" + sep * 8,
            ]
    return texts


def _inserted(seed: int) -> list[str]:
    """The examples with runs of separator-only lines put between their lines."""
    rng = random.Random(seed)
    texts = []
    for path in sorted(EXAMPLES.glob("report-*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for _ in range(6):
            copy = list(lines)
            for _ in range(rng.randint(1, 4)):
                run = "".join(rng.choice(GRIDS) for _ in range(rng.choice((2, 3, 8))))
                copy.insert(rng.randrange(len(copy) + 1), run[:-1])
            texts.append("\n".join(copy))
    return texts


def test_a_grid_reads_as_its_lines_one_by_one(monkeypatch):
    texts = _hand_made() + _inserted(20240101)
    monkeypatch.setattr(cells, "_CHUNK", 61)  # runs split in many chunks
    kept = _readings(texts)
    monkeypatch.setattr(transformer, "_table_lines", _every_line_split)
    assert _readings(texts) == kept


def test_a_run_is_split_a_chunk_at_a_time_into_the_same_lines(monkeypatch):
    monkeypatch.setattr(cells, "_CHUNK", 3)
    rng = random.Random(1)
    for _ in range(300):
        run = "".join(rng.choice(("a", "|", "\t", "\n", "规")) for _ in range(rng.randint(0, 30)))
        run += "\n"
        assert list(cells.split_lines(run)) == run.split("\n")[:-1]
