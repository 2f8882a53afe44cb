"""A title written over several lines (govparse/frontends/title_lines.py): its pieces
joined into one title with a note (GP111), in a text, a page and a Word file alike;
lines that are no piece of it (a page's own name, its way back, a sentence) left."""

import io

import docx
import pytest

import govparse
from govparse import Severity

OVERVIEW = "\n一、总体情况\n2019年，本机关做好公开工作。\n"


def read(head: str):
    return govparse.parse(head + OVERVIEW)


@pytest.mark.parametrize("head, organisation, lines", [
    # the organisation on a line of its own
    ("某某市某某区人民政府办公室\n2019年度政府信息公开工作年度报告\n", "某某市某某区人民政府办公室", 2),
    # the organisation over two lines: the lower names no place
    ("平潭综合实验区\n管委会办公室\n2019年度政府信息公开工作年度报告\n", "平潭综合实验区管委会办公室", 3),
    ("某某市某某区\n\n人民政府办公室\n\n2019年度政府信息公开工作年度报告\n", "某某市某某区人民政府办公室", 3),
    ("某某市\n交通运输局\n2019年度政府信息公开工作年度报告\n", "某某市交通运输局", 3),
    # the title line's own organisation is the end of the line above's
    ("某某市某某区人民政府\n办公室2019年度政府信息公开工作年度报告\n", "某某市某某区人民政府办公室", 2),
    # the title wrapped inside its name or year
    ("某某市某某区人民政府办公室2019年度政府信息\n公开工作年度报告\n", "某某市某某区人民政府办公室", 2),
    ("某某市某某区人民政府办公室2019年\n度政府信息公开工作年度报告\n", "某某市某某区人民政府办公室", 2),
    ("某某市某某区人民政府办公室\n2019年度政府信息公开\n工作年度报告\n", "某某市某某区人民政府办公室", 3),
    ("2019年度某某市某某区人民政府办公室\n政府信息公开工作年度报告\n", "某某市某某区人民政府办公室", 2),
])
def test_a_title_over_several_lines_is_read_as_one(head, organisation, lines):
    report = read(head)
    assert (report.organization.value, report.year.value) == (organisation, 2019)
    assert report.organization.line == 1 and report.preamble == ()
    (note,) = [d for d in report.diagnostics if d.code == "GP111"]
    assert note.severity == Severity.NOTE and note.line == 1
    assert f"over {('two', 'three')[lines - 2]} lines" in note.message
    assert report.title.startswith((organisation, "2019年度"))
    assert report.title.endswith("政府信息公开工作年度报告")


def test_the_year_s_place_is_the_line_that_opens_with_it():
    report = read("平潭综合实验区\n管委会办公室\n2019年度政府信息公开工作年度报告\n")
    assert (report.year.line, report.year.column) == (3, 1)
    report = read("某某区人民政府办公室2019年度政府信息\n公开工作年度报告\n")
    assert (report.year.line, report.year.column) == (1, 11)


@pytest.mark.parametrize("head, organisation", [
    # a page's own name above the body's: no part of it
    ("某某市人民政府门户网站\n某某区人民政府办公室\n2019年度政府信息公开工作年度报告\n", "某某区人民政府办公室"),
    ("首页 > 政务公开 > 年报\n某某区人民政府办公室\n2019年度政府信息公开工作年度报告\n", "某某区人民政府办公室"),
    # a name with its place is whole: the line above stays
    ("某某市\n某某区人民政府办公室\n2019年度政府信息公开工作年度报告\n", "某某区人民政府办公室"),
    # a line above that ends in no place, and a name that opens as a name may
    ("中华人民共和国\n教育部\n2019年度政府信息公开工作年度报告\n", "教育部"),
])
def test_lines_above_the_organisation_that_are_none_of_it(head, organisation):
    report = read(head)
    assert report.organization.value == organisation
    assert len(report.preamble) == 1


@pytest.mark.parametrize("above", ["某某市人民政府门户网站", "欢迎访问某某区人民政府"])
def test_a_page_s_own_name_is_no_organisation(above):
    report = read(f"{above}\n2019年度政府信息公开工作年度报告\n")
    assert report.organization.value is None and report.year.value == 2019
    assert "GP111" not in {d.code for d in report.diagnostics}
    assert [p.text for p in report.preamble] == [above]


@pytest.mark.parametrize("head", [
    # a sentence is no piece of a title
    "本机关根据要求，编制2019年度政府信息\n公开工作年度报告\n",
    # a title line stands before the heading: pieces elsewhere are not joined
    "甲县2019年政府信息公开工作年度报告\n乙县2019年度政府信息\n公开工作年度报告\n",
])
def test_lines_that_are_no_pieces_of_a_title(head):
    report = read(head)
    assert "GP111" not in {d.code for d in report.diagnostics}
    assert report.organization.value in (None, "甲县")


@pytest.mark.parametrize("written, line, column", [
    ("平 潭 综 合 实 验 区", 1, 1),  # a centred title spaced out
    ("平潭综合实验区\u3000管委会办公室", 1, 1),  # an ideographic space where two runs met
])
def test_blanks_between_the_organisation_s_characters_are_left_out(written, line, column):
    report = read(f"{written}2019年度政府信息公开工作年度报告\n")
    assert report.organization.value == "".join(written.split())
    assert report.title == f"{written}2019年度政府信息公开工作年度报告"  # (as written)
    (note,) = [d for d in report.diagnostics if d.code == "GP116"]
    assert (note.line, note.column, note.severity) == (line, column, Severity.NOTE)
    assert f"'{written}'" in note.message


def test_blanks_beside_a_latin_letter_stay():
    report = read("某某区ABC 中心2019年度政府信息公开工作年度报告\n")
    assert report.organization.value == "某某区ABC 中心"
    assert "GP116" not in {d.code for d in report.diagnostics}


def test_a_page_s_title_in_two_paragraphs_and_a_line_break():
    page = ("<html><body><p>平潭综合实验区</p><p>管委会办公室</p>"
            "<p>2019年度政府信息公开工作年度报告</p><h2>一、总体情况</h2><p>文字。</p>"
            "</body></html>")
    report = govparse.parse(page.encode())
    assert report.organization.value == "平潭综合实验区管委会办公室"
    assert "GP111" in {d.code for d in report.diagnostics}
    for between, code in (("<br>", "GP111"), ("</span> <span>", "GP116")):
        # a line break in the paragraph; a blank between two runs of it
        one = page.replace("<p>平潭综合实验区</p><p>管委会办公室</p>",
                           f"<p><span>平潭综合实验区{between}管委会办公室</span></p>")
        report = govparse.parse(one.encode())
        assert report.organization.value == "平潭综合实验区管委会办公室"
        assert code in {d.code for d in report.diagnostics}


def test_a_word_file_s_title_wrapped_in_its_name():
    document = docx.Document()
    for text in ("某某市某某区人民政府办公室2019年度政府信息", "公开工作年度报告", "一、总体情况", "文字。"):
        document.add_paragraph(text)
    data = io.BytesIO()
    document.save(data)
    report = govparse.parse(data.getvalue())
    assert (report.organization.value, report.year.value) == ("某某市某某区人民政府办公室", 2019)
    assert "GP111" in {d.code for d in report.diagnostics}


@pytest.mark.parametrize("head, organisation, year", [
    # (a reviewer's cases: each gave a wrong organisation or year in a first draft)
    # a line above the title's pieces is weighed as a line above a title: the nearest
    # lines that make a title are joined first
    ("附件\n某某区人民政府办公室2024年度政府信息\n公开工作年度报告\n", "某某区人民政府办公室", 2024),
    ("某某市人民政府门户网站\n某某区人民政府办公室2024年度政府信息\n公开工作年度报告\n",
     "某某区人民政府办公室", 2024),
    ("某某市人民政府门户网站\n2024年度政府信息\n公开工作年度报告\n", None, 2024),
    ("政务公开\n某某县2024年度政府信息公开\n工作年度报告\n", "某某县", 2024),
    ("打印本页\n某某区人民政府办公室2024年度政府信息\n公开工作年度报告\n", "某某区人民政府办公室", 2024),
    # a name that opens with its level, or a national body's, is whole
    ("某某县人民政府\n县教育局2024年度政府信息公开\n工作年度报告\n", "县教育局", 2024),
    ("高新区\n市财政局2024年度政府信息公开工作年度报告\n", "市财政局", 2024),
    ("政府信息公开专区\n国家统计局\n2024年度政府信息公开工作年度报告\n", "国家统计局", 2024),
    # a page's tabs of years over a column's name: no title's pieces
    ("2025年度\n2024年度\n2023年度\n政府信息公开工作年度报告\n", None, 2024),
    # a name with a word of a page's way about in it (导航) is still a name
    ("中国卫星导航系统管理办公室\n2024年度政府信息公开工作年度报告\n", "中国卫星导航系统管理办公室", 2024),
    # the organisation over two lines and the title over two more
    ("某某市某某区\n人民政府办公室\n2024年度政府信息公开\n工作年度报告\n", "某某市某某区人民政府办公室", 2024),
    ("关于某某县财政局2024年度政府信息公开工作年度报告\n", "某某县财政局", 2024),
    ("某某市政务服务中心\n2024年度政府信息公开工作年度报告\n", "某某市政务服务中心", 2024),
    # 关于 is no part of the organisation: the body before it, or the line above
    ("某某县人民政府关于2024年度政府信息公开工作年度报告\n", "某某县人民政府", 2024),
    ("某某县人民政府\n关于2024年度政府信息公开\n工作年度报告\n", "某某县人民政府", 2024),
    ("关于2024年度政府信息公开工作年度报告\n", None, 2024),
])
def test_lines_near_a_title_s_pieces(head, organisation, year):
    report = govparse.parse(head + "\n一、总体情况\n2024年，本机关做好公开工作。\n")
    assert (report.organization.value, report.year.value) == (organisation, year)


@pytest.mark.parametrize("above", [
    # a page's column, its chrome, a date, a red-headed document's 文件 (an adversarial
    # review's cases)
    "通知公告", "字体 大 中 小", "返回顶部", "发布时间 二〇二四年一月十五日", "某某县人民政府办公室文件",
    # a page's field labels and columns before a name (a third review's cases)
    "作者 某某区", "主办单位 某某县人民政府", "走进某某区", "新闻中心", "县市区",
    "繁体 关怀版 某某县人民政府", "网上办事大厅",
])
@pytest.mark.parametrize("title", ["2024年度政府信息公开工作年度报告\n",
                                   "2024年度政府信息\n公开工作年度报告\n"])
def test_a_line_that_names_no_body_above_a_year_first_title_is_no_organisation(above, title):
    report = govparse.parse(f"{above}\n{title}\n一、总体情况\n2024年，本机关做好公开工作。\n")
    assert (report.organization.value, report.year.value) == (None, 2024)


def test_a_blank_between_two_bodies_of_a_joint_report_stays():
    name = "中共某某县委办公室\u3000某某县人民政府办公室"
    report = read(f"{name}2019年度政府信息公开工作年度报告\n")
    assert report.organization.value == name
    assert "GP116" not in {d.code for d in report.diagnostics}


def test_the_year_s_place_is_on_the_line_that_holds_it():
    # (found by the fuzzer: the year was placed on the first line, at its offset in
    # the joined title)
    report = read("示例市\n自然资源和规划局2024年政府信息公开工作年度报告\n")
    assert report.organization.value == "示例市自然资源和规划局"
    assert (report.year.value, report.year.line, report.year.column) == (2024, 2, 9)
    report = read("某某区人民政府\n办公室2019年度政府信息\n公开工作年度报告\n")
    assert (report.year.line, report.year.column) == (2, 4)


@pytest.mark.parametrize("title, column", [
    ("某某县人民政府关于2024年度政府信息公开工作年度报告", 1),
    ("关于某某县财政局2024年度政府信息公开工作年度报告", 3),
    ("**某某县人民政府关于2024年度政府信息公开工作年度报告**", 3),
])
def test_the_organisation_around_guanyu_is_located_where_it_stands(title, column):
    report = govparse.parse(title + "\n一、总体情况\n2024年，本机关做好公开工作。\n")
    assert report.organization.value in ("某某县人民政府", "某某县财政局")
    assert (report.organization.line, report.organization.column) == (1, column)
