"""Tables drawn with lines (govparse/frontends/text/grids.py): box-drawing grids as
w3m prints them, ASCII grid tables and ruled (simple) tables as pandoc prints them;
each read as the grid it draws, spans included; and real pages through both
converters, every figure right."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

import govparse
from govparse.document import Table, TextLocation
from govparse.frontends.text.grids import find_drawn, read_drawn
from govparse.frontends.text.reader import read_text

from conftest import HERE

TEXTS = HERE / "data" / "real" / "text"


def drawn(text: str) -> list[Table]:
    lines = dict(enumerate(text.split("\n"), start=1))
    return [read_drawn(lines, kind, run) for kind, run in find_drawn(lines)]


def grid(table: Table):
    return [["·" if c.covered else c.text for c in row] for row in table.rows]


BOX = """\
┌──────────┬──────────────┐
│          │申请人情况    │
│          ├──────┬───────┤
│（本列）  │自然人│商业   │
│          │      │企业   │
├──────────┼──────┼───────┤
│一、本年新│217   │1      │
│收        │      │       │
└──────────┴──────┴───────┘"""


def test_a_box_drawing_grid_is_read_as_the_grid_it_draws():
    (table,) = drawn(BOX)
    assert grid(table) == [["（本列）", "申请人情况", "·"],
                           ["·", "自然人", "商业企业"],
                           ["一、本年新收", "217", "1"]]
    first = table.rows[2][1]
    assert (first.location, first.rowspan, first.colspan) == (TextLocation(7, 8), 1, 1)
    assert table.rows[0][0].rowspan == 2 and table.rows[0][1].colspan == 2


ASCII = """\
+-------------+-----+------+
| 行政许可    | 58  | +17  |
+-------------+-----+------+
| 其他对外管  | -3  | 1    |
| 理服务事项  |     | 2    |
+=============+=====+======+"""


def test_an_ascii_grid_keeps_signs_and_never_joins_two_numbers():
    (table,) = drawn(ASCII)
    assert grid(table) == [["行政许可", "58", "+17"], ["其他对外管理服务事项", "-3", "1 2"]]


RULED = """\
  ---------------- ------------ ------------
  第二十条第（一）
  信息内容         本年制发件数 本年废止件数
  规章             0            3
  1. 其他 事项     62           33
  ---------------- ------------ ------------"""


def test_a_ruled_table_takes_its_columns_from_the_rule():
    (table,) = drawn(RULED)
    assert grid(table) == [["第二十条第（一）", "", ""],
                           ["信息内容", "本年制发件数", "本年废止件数"],
                           ["规章", "0", "3"],
                           ["1. 其他 事项", "62", "33"]]


def test_a_markdown_table_is_no_drawn_table():
    assert drawn("| a | b |\n|---|---|\n| 1 | 2 |") == []


def test_a_drawn_table_in_a_report_becomes_one_table_block():
    text = "某区2024年政府信息公开工作年度报告\n\n四、政府信息公开行政复议、行政诉讼情况\n\n" + BOX + "\n"
    tables = [b for b in read_text(text).blocks if type(b) is Table]
    assert len(tables) == 1 and grid(tables[0])[2] == ["一、本年新收", "217", "1"]


def expected_figures(name: str) -> dict:
    out = {}
    with open(TEXTS / "expected.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["report"] == name and row["table"] != "report":
                out[(row["table"], row["row"], row["column"])] = row["value"].split("|")
    return out


@pytest.mark.parametrize("name", ["006.w3m", "009.w3m", "006.pandoc", "009.pandoc"])
def test_every_figure_of_a_converted_page_is_right(name):
    report = govparse.parse_file(TEXTS / f"{name}.txt")
    expected = expected_figures(name)
    assert len(expected) == 200
    wrong = {}
    for key, values in expected.items():
        got = report.figure(*key).value
        if not any(v == "missing" and got is None
                   or v != "missing" and got is not None and Decimal(str(got)) == Decimal(v)
                   for v in values):
            wrong[key] = (got, values)
    assert wrong == {}


@pytest.mark.parametrize("name, organization, year", [
    # no title in the page: the organisation from the overview's opening sentence
    # (2024年，平潭综合实验区坚持以…; GP114), the year from the statistics period
    ("006.w3m", "平潭综合实验区", 2024), ("006.pandoc", "平潭综合实验区", 2024),
    # the overview opens with a clause (2022年，在区管委会办公室…指导下，我局…): no body
    ("009.w3m", None, 2022), ("009.pandoc", None, 2022),
])
def test_organisation_and_year_of_a_converted_page_without_a_title(name, organization, year):
    report = govparse.parse_file(TEXTS / f"{name}.txt")
    assert (report.organization.value, report.year.value) == (organization, year)
    with open(TEXTS / "expected.tsv", encoding="utf-8") as handle:
        truth = {row["column"]: row["value"] for row in csv.DictReader(handle, delimiter="\t")
                 if row["report"] == name and row["table"] == "report"}
    assert truth["year"] == str(year)
    if organization is not None:
        assert truth["organization"] == organization
