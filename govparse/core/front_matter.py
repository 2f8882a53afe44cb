"""The front matter: the title line (organisation and year) and the preamble."""

from __future__ import annotations

import functools
import re

from govparse.diagnostics import DiagnosticSink
from govparse.document import Title, column_of, line_of
from govparse.model.report import MetaField, Paragraph

_BLANK = r"[^\S\t\n]"  # a blank, as the text grammar has it
# A title's parts, as the text grammar's ORGANIZATION, YEAR and REPORT_NAME read them:
# the organisation is whatever stands before the year (it starts with no digit).
_TITLE = re.compile(rf"(?P<org>[^\s\d\ufeff](?:.*?\S)?)?{_BLANK}*(?P<year>[12]\d{{3}}){_BLANK}*"
                    rf"(?P<name>年度?{_BLANK}*政府信息公开(?:工作)?(?:年度)?报告)(?:\*\*)?\s*")
# A crawler's field labels before a title: "标题: 某区2024年…" (标题|题目|名称|文章标题|
# 信息名称, written so that not each opens with a character: re would make a table of
# all 65,536 characters of the labels' first ones, 1M instructions of a cold start).
_FIELD_LABELS = "(?:文章)?标题|题目|(?:信息)?名称"
_FIELD_LABEL = re.compile(rf"({_FIELD_LABELS})\s*[:：]\s*")
# (_year_first_title, _no_name and _period_year are compiled when first needed: most
# reports' titles put the organisation first, and compiling them was 0.7 ms of every
# start.)


@functools.cache
def _year_first_title() -> re.Pattern:
    """A title that opens with its year, the organisation after it:
    2019年上海市人民政府办公厅政府信息公开工作年度报告, 2023年度某某局政府信息公开工作年度报告
    (the organisation: words with no digit, sentence mark, bracket or colon)."""
    return re.compile(rf"(?P<lead>(?:(?P<label>{_FIELD_LABELS}){_BLANK}*[:：]{_BLANK}*)?"
                      rf"#*{_BLANK}*(?:\*\*)?{_BLANK}*)(?P<year>[12]\d{{3}}){_BLANK}*"
                      rf"年度?{_BLANK}*(?P<org>[^\s\d\ufeff年度#*。，,；;：:！？!?、《》（）()“”\"]"
                      rf"[^\d\n。，,；;：:！？!?、《》（）()“”\"]{{0,39}}?){_BLANK}*"
                      rf"(?P<name>政府信息公开(?:工作)?(?:年度)?报告)(?:\*\*)?\s*")


@functools.cache
def _no_name() -> re.Pattern:
    """Words that stand for a body without naming it (我局, 本机关, 全市; not 本溪市, 全椒县)."""
    return re.compile(r"我|该|各|本(?:局|机关|单位|部门|委|办|院|厅|所|中心|区|市|县|镇|乡|街道)"
                      r"|全(?:市|区|县|省|国|镇|乡|州|旗)")


@functools.cache
def _period_year() -> re.Pattern:
    """The statistics period: "本报告中所列数据统计期限为2024年1月1日至12月31日" and the like."""
    return re.compile(r"统计期限[^0-9]{0,8}([12]\d{3})\s*年")


# A sentence of the overview that opens with the year and a comma ("2022年，我局收到…";
# not 2022年以来, 2022年底, 2022年度): what a report says of its own year. (Compiled
# when a report has no title: re's cache keeps it; most reports' starts need none.)
_LEAD_YEAR = r"(?:^|[。；;！？!?])[^\S\n]*([12]\d{3})[^\S\n]*年[，,]"
# "本报告由淮安市洪泽区人民政府办公室根据《条例》…编制": the body that compiled the report,
# named in full, where the title may name it short (洪泽区人民政府). The sentence opens
# with _THIS_REPORT: a preamble without those words names no such body, and the
# pattern is compiled only where one has them (its class of the characters a name
# holds none of is a table of 65,536 characters: 1.9M instructions).
# (no class of all Han characters: it takes 2 ms of every start to compile)
_THIS_REPORT = "本报告"


@functools.cache
def _compiled_by() -> re.Pattern:
    return re.compile(rf"{_THIS_REPORT}(?:是)?由(?P<body>[^\s，,。；;：:、《》“”\"'0-9]{{2,40}}?)"
                      r"(?:根据|依据|依照|按照|编制)")


_GENERAL_OFFICE = ("办公室", "办")  # a body's general office compiles its report
_DIVISIONS = ("省", "自治区", "市", "州", "盟", "地区", "县", "区", "旗")
# The characters of a place's division (某某市, 某某区, 某某旗): a body's name with one of
# them names the place it stands in.
DIVISION_CHARACTERS = "省市县区镇乡州旗盟"
_BLANKS = ("\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
           "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\t")


class TitleParts:
    __slots__ = ("organization", "org_at", "year", "year_at", "text", "at", "field_label")

    def __init__(self, title: Title) -> None:
        found = _TITLE.fullmatch(title.text)
        if found is None:
            found = _year_first_title().fullmatch(title.text)
            if found is None:
                raise ValueError(f"not a title line: {title.text!r}")
            self._year_first(found, title.location)
            return
        at = title.location
        org = found.group("org")
        self.organization = None
        self.field_label = None
        # a markdown title: # 某区2024年…, or in bold: **某区2024年…**
        bold = org is not None and org.lstrip("#" + _BLANKS).startswith("**")
        if org is not None:
            unmarked = org.lstrip("#")
            if bold:
                unmarked = unmarked.replace("**", "  ", 1)
            label = _FIELD_LABEL.match(unmarked.lstrip(_BLANKS))
            if label is not None and label.end() < len(unmarked.lstrip(_BLANKS)):
                self.field_label = label.group(1)
                skipped = len(unmarked) - len(unmarked.lstrip(_BLANKS)) + label.end()
                unmarked = " " * skipped + unmarked[skipped:]
            text = unmarked.strip(_BLANKS)
            if text.endswith("关于"):  # (某某县人民政府关于2023年度…报告: the body before it)
                text = text[:-2].rstrip(_BLANKS)
            elif text.startswith("关于"):  # (关于某某县财政局2023年度…报告: the body after it)
                text = text[2:].lstrip(_BLANKS)
                unmarked = unmarked.replace("关于", "  ", 1)
            if text:
                offset = len(org) - len(unmarked) + len(unmarked) - len(unmarked.lstrip(_BLANKS))
                self.organization = text
                self.org_at = at.moved(offset) if at is not None else None
        self.year = int(found.group("year"))
        if title.year_location is not None:  # over two lines: the second starts with it
            self.year_at = title.year_location
        else:
            self.year_at = at.moved(found.start("year")) if at is not None else None
        if bold:
            org = org.replace("**", "", 1)  # (a title in bold is read without the marks)
        self.text = ((org or "") + found.group("year") + found.group("name")).strip(_BLANKS)
        self.at = at


    def _year_first(self, found: re.Match, at) -> None:
        """2019年上海市人民政府办公厅政府信息公开工作年度报告: the year, then the organisation."""
        self.organization = found.group("org").strip(_BLANKS)
        self.org_at = at.moved(found.start("org")) if at is not None else None
        self.field_label = found.group("label")  # (a crawler's: 标题: 2019年…)
        self.year = int(found.group("year"))
        self.year_at = at.moved(found.start("year")) if at is not None else None
        self.text = found.string[found.start("year"):found.end("name")].strip(_BLANKS)
        self.at = at


def is_title(text: str) -> bool:
    return _TITLE.fullmatch(text) is not None or is_year_first_title(text)


def is_year_first_title(text: str) -> bool:
    """A title that opens with its year (2019年上海市人民政府办公厅政府信息公开工作年度报告),
    which the text grammar's title line (the organisation first) does not read."""
    if "政府信息公开" not in text:
        return False
    found = _year_first_title().fullmatch(text)
    return found is not None and _no_name().match(found.group("org")) is None


def _meta(value, location) -> MetaField:
    return MetaField(value, line_of(location), column_of(location))


@functools.cache
def _blanks_between_han() -> re.Pattern:
    return re.compile(rf"(?<=[\u3400-\u9fff]){_BLANK}+(?=[\u3400-\u9fff])")


def _without_layout_blanks(name: str, at, sink: DiagnosticSink) -> str:
    """The organisation's name without blanks between its Han characters, which no
    Chinese name holds: a centred title spaced out (平 潭 综 合 实 验 区), a converter's
    blank where two pieces of markup meet (平潭综合实验区 管委会办公室). Blanks beside a
    Latin letter or a digit stay, and so does one between two bodies' names, each
    whole (a joint report: 中共某某县委办公室　某某县人民政府办公室). Said with a note
    (GP116)."""
    if not any(c in _BLANKS for c in name):
        return name
    joined = _blanks_between_han().sub(
        lambda blank: blank.group() if _two_bodies(name, blank) else "", name)
    if joined != name:
        sink.add("GP116", f"the organisation is written '{name}'; read without the blanks "
                 f"between its characters: '{joined}'", line_of(at), column_of(at),
                 length=len(name))
    return joined


def _two_bodies(name: str, blank: re.Match) -> bool:
    """Whether the blank parts two whole bodies' names: the words before it (from the
    name's start or the blank before) and after it (to the next blank or the end)
    each end as a body's name does and hold a place."""
    before = re.split(rf"{_BLANK}+", name[:blank.start()])[-1]
    after = re.split(rf"{_BLANK}+", name[blank.end():])[0]
    return all(len(words) >= 4 and words.endswith(_BODY_NAME_ENDS)
               and any(division in words for division in DIVISION_CHARACTERS)
               for words in (before, after))


def _in_full(org: MetaField, preamble: tuple, sink: DiagnosticSink) -> MetaField:
    """The organisation as the preamble names it in full, when the title names it
    short: the body that compiled the report (本报告由…编制), less its general office,
    is the title's name with the administrative divisions it stands in before it
    (淮安市 + 洪泽区人民政府). Otherwise the title's name, as it is."""
    # (a sentence wraps over the lines of a PDF's text: the first lines joined)
    lines = ["".join(p.text.split()) for p in preamble[:6]]
    text = "".join(lines)
    found = _compiled_by().search(text) if _THIS_REPORT in text else None
    if found is None:
        return org
    at, start = 0, found.start()
    while start >= len(lines[at]):  # the line the sentence starts on
        start -= len(lines[at])
        at += 1
    paragraph = preamble[at]
    body = found.group("body")
    for full in (body, *(body[:-len(end)] for end in _GENERAL_OFFICE if body.endswith(end))):
        prefix = full[:-len(org.value)]
        if full.endswith(org.value) and prefix and prefix.endswith(_DIVISIONS):
            sink.add("GP113", f"the title names the organisation '{org.value}'; the "
                     f"preamble names it in full, '{full}', as the body that compiled "
                     "the report: read as that", paragraph.line, paragraph.column,
                     hint="the title's own words are in the report's title field")
            return MetaField(full, paragraph.line, paragraph.column)
    return org


# What no body's name holds: a path, a link, a crawler's field label other than a
# title's (本地目录: zwgk/…/97791_平潭综合实验区2024年度政府信息公开工作年度报告 reads
# like a title line). (A colon alone may be a name's: 某市：某区.)
_MARKS_OF_NO_NAME = frozenset("/\\_:：.")  # one of them is in each of the below


@functools.cache
def _no_name_marks() -> re.Pattern:
    return re.compile(r"[/\\_]|https?:|www\.|^\W*(?:本地目录|原文链接|链接|网址|来源|发布机构|"
                      r"发布时间|发布日期|文号|栏目|索引号|所属机构|附件|文件名|路径|地址|"
                      r"上一篇|下一篇|上一条|下一条|相关链接|相关文章)\s*[:：]")


# A list item's mark or a link's number before a title (a page's list of other
# reports, as converters print it: w3m's "• ", pandoc's "-   ", lynx's "* [3]"):
# a link to another report, whose organisation and year are not this one's.
@functools.cache  # (compiled when a title is first read: not at start-up)
def _list_item_or_link() -> re.Pattern:
    return re.compile(r"\s*(?:[•·●○◦▪▫■□◆◇►▸‣⁃※]|[*+\-]\s|\[\d+\])")


# A page's way back to it (当前位置：首页 > 政务公开 > 某区2024年…年度报告): its last step
# may be the report's title, but what stands before the year is the way, no body.
_WAY_BACK_MARKS = frozenset(">›»＞→")


def _names_no_body(parts: TitleParts) -> bool:
    """A line read as a title whose organisation is a file's path or a field of a
    crawler's, the page's way back to it, or that is an item of a list of links
    (another report's title, as a page lists its previous years'): a paragraph, not
    the report's title (GP101 says there is none)."""
    org = parts.organization
    if org is None:
        return False
    if _list_item_or_link().match(org) is not None or not _WAY_BACK_MARKS.isdisjoint(org):
        return True
    return not _MARKS_OF_NO_NAME.isdisjoint(org) and _no_name_marks().search(org) is not None


def read_front_matter(items: list, section_paragraphs, sink: DiagnosticSink):
    """Organisation, year, title text and preamble, from the blocks before the first
    heading. ``section_paragraphs``: the overview's paragraphs, where a statistics
    period, or else the sentences that open with the year, may name it when no title
    does."""
    read = {id(item): TitleParts(item) for item in items if type(item) is Title}
    titles = [parts for parts in read.values() if not _names_no_body(parts)]
    chosen = _the_reports_title(titles, items, section_paragraphs, sink)
    preamble = []
    for item in items:
        parts = read.get(id(item))
        if parts is None or _names_no_body(parts) or chosen is None:
            preamble.append(Paragraph(item.text, line_of(item.location), column_of(item.location)))
        elif parts is not chosen:
            # A second title line stays in the text, as a paragraph, and is said aloud.
            sink.add("GP109", f"a second title line '{parts.text}'; the "
                     f"{'first' if chosen is titles[0] else 'one'} (line "
                     f"{line_of(chosen.year_at)}) names the organisation and year, this one "
                     "is kept as a paragraph", line_of(parts.at), column_of(parts.at),
                     length=len(parts.text))
            preamble.append(Paragraph(parts.text, line_of(parts.at), column_of(parts.at)))
    preamble = tuple(preamble)
    if chosen is not None:
        first = chosen
        org = None
        if first.organization is not None:
            org = _meta(_without_layout_blanks(first.organization, first.org_at, sink),
                        first.org_at)
            org = _in_full(org, preamble, sink)
            if first.field_label is not None:
                sink.add("GP110", f"the title line starts with the field label "
                         f"'{first.field_label}'; the organisation is read after it: "
                         f"{first.organization}", line_of(first.at), column_of(first.at),
                         length=len(first.field_label))
        else:
            sink.add("GP101", "the title line names no organisation", line_of(first.year_at),
                     column_of(first.year_at))
            org = _organization_of_overview(section_paragraphs, sink)
        return org or MetaField(), _meta(first.year, first.year_at), first.text, preamble
    head = preamble[0] if preamble else None
    org = _organization_of_overview(section_paragraphs, sink)
    sink.add(
        "GP101",
        "no title line (organisation + year + 政府信息公开工作年度报告); the organisation is "
        + ("missing" if org.value is None else "taken from the overview (GP114)"),
        head.line if head else 1, head.column if head else 1,
        hint="a report begins with a line like 某某区2024年政府信息公开工作年度报告",
    )
    stated = _stated_period((*preamble, *section_paragraphs))
    if stated is not None:
        year, line, column = stated
        sink.add("GP102", f"the year {year} was taken from the statistics "
                 "period stated in the text", line, column, length=4)
        return org, MetaField(year, line, column), None, preamble
    return org, _year_of_overview(section_paragraphs, sink), None, preamble


def _stated_period(paragraphs) -> tuple[int, int | None, int | None] | None:
    """The year of the statistics period the text states (本报告所列数据统计期限为2024年
    1月1日…), with its line and column; None where none is stated."""
    for index, paragraph in enumerate(paragraphs):
        # the sentence may wrap onto the next line (统计期限为 / 2024年1月1日…)
        after = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
        found = _period_year().search(paragraph.text + after)
        if found is None or found.start() >= len(paragraph.text):
            continue
        at, start = paragraph, found.start(1)
        if start >= len(paragraph.text):  # the year opens the next line
            at, start = paragraphs[index + 1], start - len(paragraph.text)
        return int(found.group(1)), at.line, at.column + start if at.column else None
    return None


def _the_reports_title(titles: list[TitleParts], items: list, section_paragraphs,
                       sink: DiagnosticSink) -> TitleParts | None:
    """The title line that names the report's organisation and year: the first, but
    where the title lines before the first heading name different years (a page's
    list of the body's other reports, which a converter's text shows as plain lines),
    the first of those whose year the statistics period states, and where none does,
    none is stated or those that do name different bodies, none (GP115: the
    organisation and year are then read as a report with no title has them, or
    missing)."""
    if len({parts.year for parts in titles}) < 2:
        return titles[0] if titles else None
    paragraphs = [Paragraph(item.text, line_of(item.location), column_of(item.location))
                  for item in items if type(item) is not Title]
    stated = _stated_period((*paragraphs, *section_paragraphs))
    of_the_year = [parts for parts in titles if stated is not None and parts.year == stated[0]]
    chosen = of_the_year[0] if of_the_year and _one_body(of_the_year) else None
    years = "、".join(str(parts.year) for parts in titles)
    first = titles[0]
    sink.add("GP115", f"the title lines name different years ({years}): "
             + (f"the one of {chosen.year}, the year of the statistics period, is taken"
                if chosen is not None else
                f"none is taken, those of {stated[0]}, the year of the statistics period, "
                "naming different bodies" if of_the_year else
                "none is taken, the statistics period stating none of them"),
             line_of(first.at), column_of(first.at), length=len(first.text),
             hint="a page's list of the body's other reports? check the organisation and year")
    return chosen


def _one_body(titles: list[TitleParts]) -> bool:
    """Whether the title lines name one body (or none): each organisation the others'
    or the end of theirs (玄武区人民政府, 南京市玄武区人民政府). Title lines of the
    statistics period's year that name two bodies (the side bar's list of other bodies'
    reports of that year) leave the report's own unknown."""
    names = sorted({"".join(parts.organization.split()) for parts in titles
                    if parts.organization}, key=len)
    return all(name.endswith(names[0]) for name in names)


# What a body's name ends with (平潭综合实验区, 某某市人民政府办公室, 某某街道办事处),
# and the words its overview's opening sentence goes on with (2024年，某某区坚持以…,
# 某某局在市委的领导下…): the name is the words between the two.
_BODY_ENDS = ("政府|办公厅|办公室|委员会|管委会|办事处|街道|中心|局|委|办|厅|部|院|署|所|站|队|处"
              "|会|区|县|市|旗|州|盟|镇|乡")
# What a body's name ends with, no place's (某某县人民政府办公室, 中共某某县委办公室; not
# 平潭综合实验区, 某某市): a name ends so before a blank that parts two bodies.
_BODY_NAME_ENDS = tuple(end for end in _BODY_ENDS.split("|")
                        if end != "街道" and end not in DIVISION_CHARACTERS)
_BODY_OR_PLACE_ENDS = tuple(_BODY_ENDS.split("|"))
_GOES_ON_WITH = ("坚持|深入|认真|全面|严格|紧紧|始终|按照|围绕|聚焦|持续|进一步|积极|扎实|不断|高度"
                 "|切实|贯彻|紧扣|着力|继续|牢固|立足|结合|强化|加强|狠抓|注重|大力|根据|依据|依照"
                 "|以|在")


@functools.cache
def _opening_body() -> re.Pattern:
    """The body an overview's sentence opens with, after its year: 2024年，平潭综合实验区坚持…
    (Han characters only; the shortest name that ends as a body's does and is followed
    by the words a sentence goes on with.)"""
    return re.compile(rf"{_LEAD_YEAR}[^\S\n]*(?P<body>[\u4e00-\u9fff]{{2,30}}?(?:{_BODY_ENDS}))"
                      rf"(?={_GOES_ON_WITH})")


def ends_as_a_body(name: str) -> bool:
    """Whether a name, written without blanks, ends as a body's or a place's does
    (某某县人民政府办公室, 平潭综合实验区, 某某街道): not a page's words (通知公告,
    字体大中小)."""
    return name.endswith(_BODY_OR_PLACE_ENDS)


def _names_a_body(name: str) -> bool:
    """A body's name with the place it stands for (某某县交通运输局, 平潭综合实验区): not
    a word that stands for a body without naming it (我局, 全区, 本机关, 分局, 管委会),
    nor a name that opens with the division alone (区政府办公室, 街道办事处: which
    one?), nor words that open a clause (在区委的领导下…), nor a party body, alone or
    with a government (某某镇党委政府, 某某区委区政府)."""
    if len(name) < 4 or name[0] in "省市县区镇乡州旗街" or "党" in name or "委" in name[:-3]:
        return False
    if not any(division in name for division in DIVISION_CHARACTERS) and "街道" not in name:
        return False  # (教育部, 管委会办公室: no place named)
    return _no_name().match(name) is None \
        and re.match(rf"(?:{_GOES_ON_WITH}|为|对|随着|面对|通过)", name) is None


def _organization_of_overview(paragraphs, sink: DiagnosticSink) -> MetaField:
    """Where no title names the organisation: the body the overview's sentences open
    with after their year (2024年，平潭综合实验区坚持以…), when every such sentence that
    names one names the same (a web page whose title is in the page's chrome)."""
    if not any("年" in paragraph.text for paragraph in paragraphs):
        return MetaField()
    found = [(paragraph, match) for paragraph in paragraphs
             for match in _opening_body().finditer(paragraph.text)
             if _names_a_body(match.group("body"))]
    bodies = {match.group("body") for _, match in found}
    if len(bodies) != 1:
        return MetaField()  # (none, or two bodies: the text does not say which)
    paragraph, match = found[0]
    body = match.group("body")
    column = paragraph.column + match.start("body") if paragraph.column else None
    sink.add("GP114", f"the organisation '{body}' was taken from the overview, whose "
             f"sentence opens with it ({match.group(1)}年，{body}…); no title names it",
             paragraph.line, column, length=len(body),
             hint="check the organisation: a report's title (某某局2022年政府信息公开工作年度报告) "
                  "states it")
    return MetaField(body, paragraph.line, column)


def _year_of_overview(paragraphs, sink: DiagnosticSink) -> MetaField:
    """Where neither a title nor a statistics period names the year: the year the
    overview's sentences open with (2022年，…), when every such sentence names the
    same one (a web page whose title is in the page's chrome, not its body)."""
    found = [(paragraph, match) for paragraph in paragraphs
             for match in re.finditer(_LEAD_YEAR, paragraph.text)]
    years = {match.group(1) for _, match in found}
    if len(years) != 1:
        return MetaField()  # (none, or sentences of two years: the text does not say)
    paragraph, match = found[0]
    year = match.group(1)
    column = paragraph.column + match.start(1) if paragraph.column else None
    sink.add("GP102", f"the year {year} was taken from the overview, whose sentences open "
             f"with it ({year}年，… {len(found)} time{'s' if len(found) > 1 else ''}); no "
             "title or statistics period names it", paragraph.line, column, length=4,
             hint="check the year: a report's title (某某局2022年政府信息公开工作年度报告) "
                  "or its statistics period states it")
    return MetaField(int(year), paragraph.line, column)
