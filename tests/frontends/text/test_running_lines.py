"""Running heads and feet in text made of a PDF (govparse.frontends.text.running_lines):
a line opening or ending every page of two or more, the same but for its digits, is
blanked (but on the first page, a head), line numbers kept, with one GP014 note."""

import pytest

import govparse
from govparse.frontends.text.running_lines import without_running_lines

HEAD = "某某局 2023 年政府信息公开工作年度报告"


@pytest.mark.parametrize("text, lines", [
    # (as the reader has the text: a form feed opens a line, line_ends_normalized)
    (f"{HEAD}\n一、总体情况\n\f{HEAD}\n规章 1 2 3\n\f{HEAD}\n行政许可 4\n", [3, 5]),
    ("一、总体情况\n某某局 第 1 页\n\f规章 1 2 3\n某某局 第 2 页\n\f", [2, 4]),  # feet
])
def test_a_line_opening_or_ending_every_page_is_blanked(text, lines):
    out, notes = without_running_lines(text)
    assert out.count("\n") == text.count("\n") and len(out) == len(text)
    assert out.count("\f") == text.count("\f")
    kept = out.split("\n")
    assert [n for n, line in enumerate(kept, 1) if line.strip("\f") and not line.strip()] \
        == lines
    (note,) = notes
    assert (note.code, note.line) == ("GP014", lines[0])


@pytest.mark.parametrize("text", [
    f"{HEAD}\n一、总体情况\n",                                 # one page
    f"{HEAD}\n一、总体情况\n\f规章 1 2 3\n",                    # not on every page
    "0 0 0\n规章 1 2 3\n\f0 0 0\n行政许可 4\n",                 # figures only: no running line
])
def test_what_is_not_on_every_page_or_no_words_stays(text):
    assert without_running_lines(text) == (text, [])


def test_an_empty_page_between_is_no_page():
    out, notes = without_running_lines(f"{HEAD}\n规章 1 2 3\n\f\n\f{HEAD}\n行政许可 4\n")
    assert out.count(HEAD) == 1 and [n.code for n in notes] == ["GP014"]


def test_the_first_page_s_head_is_kept_as_the_title():
    # Word's 首页不同: the title on the first page, the same words as the head of the
    # later pages; its organisation and year are read
    text = f"{HEAD}\n一、总体情况\n（文字描述）\n\f{HEAD}\n二、主动公开政府信息情况\n"
    out, notes = without_running_lines(text)
    assert out.startswith(HEAD) and out.count(HEAD) == 1
    report = govparse.parse(text)
    assert (report.organization.value, report.year.value) == ("某某局", 2023)
