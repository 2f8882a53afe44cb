"""A title written over several lines, joined into one Title block, with a note (GP111).

Titles are centred in large type, and a long one wraps where the line is full: a PDF's
text, a Word file's paragraphs and a page's lines give it in pieces.

- **The organisation above** (示例区管委会办公室 / 2024年度政府信息公开工作年度报告): the
  line above a title that opens with its year (or 关于 and its year), when it is words
  alone (no sentence, no figure, no page chrome) that end as a body's or a place's
  name does (not a page's column, 通知公告, nor its chrome, 字体 大 中 小, nor a red-headed
  document's 某某县人民政府办公室文件).
- **The organisation over two lines** (平潭综合实验区 / 管委会办公室 / 2019年度…; 某某市某某区
  人民政府 / 办公室2019年度…): a name found so far that names no place and could not
  start a body's name (管委会办公室, 人民政府办公室, 办公室; 交通运输局 under a line that
  ends in a division, 某某市) is joined to the line above it when the two together
  name a body with its place. A name that opens with its level (市财政局) or a
  national body's (国家统计局) is whole. A page's own name, way about and columns
  (某某市人民政府门户网站, 首页, 政务公开, 年报) and an attachment's mark (附件) are no
  part of it.
- **The title wrapped inside its year or name** (某区人民政府办公室2019年度政府信息 /
  公开工作年度报告; 2019年度某某局 / 政府信息公开工作年度报告): two or three short lines,
  none a title alone, that together are one, where no title line stands before the
  first heading; the fewest lines that end with the line that completes it, so that a
  line above is weighed as above. A year alone on its line (2023年度: a page's tabs of
  years) is no piece of one.

Only the first title before the first heading: a second one is text of the preamble
(GP109), whatever stands around it.
"""

from __future__ import annotations

import functools
import re

from govparse.core.front_matter import (DIVISION_CHARACTERS, TitleParts, ends_as_a_body,
                                         is_title)
from govparse.diagnostics import DiagnosticSink
from govparse.document import Heading, Paragraph, TextLocation, Title

_SENTENCE_MARKS = frozenset("。，；;：:！？,")
LONGEST_ORGANISATION = 40  # characters: a line above a title longer than this is prose
# a page's way back (首页 > 政务公开 > …) or a crawler's field (标题:) is no organisation
_CHROME_MARKS = frozenset("<>›»|/\\")
# a page's own name or chrome (某某市人民政府门户网站, 首页, 当前位置): no body's name
_CHROME_WORDS = ("网站", "门户", "首页", "当前位置", "您的位置", "所在位置", "欢迎", "登录",
                 "搜索", "打印", "字号", "字体", "返回", "分享", "发布时间", "来源", "浏览",
                 "作者", "主办", "承办", "供稿", "走进", "繁体", "关怀", "本站", "大厅", "发布会",
                 "下载", "智慧")
# a page's columns: no body's name either, though a title's pieces hold some of them
_COLUMN_WORDS = ("政务公开", "信息公开", "专区", "专栏", "年报", "年度报告")
_NATIONAL = ("国家", "中国", "中华人民共和国", "全国")  # (国家统计局: a body in its own right)
_PIECES = 3  # the most lines a title's name, or its organisation, is written over
# The places a body stands in (某某市, 某某区, 某某街道): a name with none of them is no
# whole body's (管委会办公室, 交通运输局), and a line that ends in one may go on below.
_DIVISIONS = frozenset(DIVISION_CHARACTERS)
# Words a body's name never opens with: what follows its place (某区 + 人民政府办公室).
_TAIL_HEADS = ("人民政府", "政府", "办公室", "办公厅", "管委会", "管理委员会", "委员会",
               "办事处", "街道办事处", "党工委", "工委")


def join_split_title(blocks: list, sink: DiagnosticSink) -> list:
    """The blocks with the first title's pieces joined into one Title (GP111 says so)."""
    blocks, pieces = _title_of_pieces(blocks)
    for i, block in enumerate(blocks):
        if type(block) is Heading:
            break
        if type(block) is Title:
            return _organisation_above(blocks, i, pieces or [block], sink)
    return blocks


def _title_of_pieces(blocks: list) -> tuple[list, list | None]:
    """Two or three lines before the first heading that are a title together (and no
    title line among the blocks before that heading): for each line that may end one,
    the fewest lines before it that make one, so that a line above the title (附件, a
    page's name) is left to ``_organisation_above`` to weigh."""
    end = next((i for i, block in enumerate(blocks) if type(block) is Heading), len(blocks))
    if any(type(block) is Title for block in blocks[:end]):
        return blocks, None
    for last in range(1, end):
        for count in range(2, _PIECES + 1):
            first = last - count + 1
            if first < 0:
                break
            pieces = blocks[first:last + 1]
            if not all(map(_a_piece, pieces)):
                break
            text = "".join(piece.text for piece in pieces)
            if not is_title(text) or _a_year_alone(pieces):
                continue
            return blocks[:first] + [_joined(pieces)] + blocks[last + 1:], pieces
    return blocks, None


def _a_piece(block) -> bool:
    """A short line of words that is no title alone: maybe a piece of one."""
    return (type(block) is Paragraph and len(block.text) <= LONGEST_ORGANISATION
            and _SENTENCE_MARKS.isdisjoint(block.text) and _CHROME_MARKS.isdisjoint(block.text)
            and not _chrome(block.text) and not is_title(block.text))


def _a_year_alone(pieces: list) -> bool:
    """Whether a piece is a year and nothing else (2023年度): a page's tabs of years
    (2025年度 / 2024年度 / 2023年度) over a column's name, no title's piece."""
    return any(_year_alone().fullmatch(_compact(piece.text)) for piece in pieces)


@functools.cache  # (compiled when a title is first looked for in pieces: not at start-up)
def _year_alone() -> re.Pattern:
    return re.compile(r"[12]\d{3}年度?")


def _joined(pieces: list) -> Title:
    """The title the pieces make, with where it starts and where its year does (the
    piece that holds it: a piece's location is its line's own, moved along it)."""
    text = "".join(piece.text for piece in pieces)
    offset = TitleParts(Title(text, TextLocation(1, 1))).year_at.column - 1
    for piece in pieces:
        if offset < len(piece.text):
            at = piece.location
            return Title(text, pieces[0].location,
                         at.moved(offset) if at is not None else None)
        offset -= len(piece.text)
    return Title(text, pieces[0].location)


def _organisation_above(blocks: list, i: int, pieces: list, sink: DiagnosticSink) -> list:
    """The title at ``i`` with the lines above it that are its organisation's;
    ``pieces``: the lines the title was made of (one: the title line itself)."""
    title = blocks[i]
    name = TitleParts(title).organization
    start = i
    while start > 0 and i - start < _PIECES - 1:
        above = blocks[start - 1]
        if type(above) is not Paragraph or not _organisation_only(above.text):
            break
        if name is None:  # a title that opens with its year: the line above names it
            if not (_opens_with_its_year(title.text) and _ends_as_a_body_s_name(above.text)
                    and is_title(above.text + title.text)):
                break
        elif not _continued_below(above.text, name):
            break
        name = above.text + (name or "")
        start -= 1
    if start == i:
        if len(pieces) > 1:
            _note(sink, pieces, title)
        return blocks
    joined = _joined(blocks[start:i] + pieces)
    _note(sink, blocks[start:i] + pieces, joined)
    return blocks[:start] + [joined] + blocks[i + 1:]


def _ends_as_a_body_s_name(text: str) -> bool:
    """Whether a line ends as a body's or a place's name does (front_matter.
    ends_as_a_body), a 中心 with its place or a national one's (某某市政务服务中心,
    国家信息中心: not a page's column, 新闻中心)."""
    text = _compact(text)
    if _DIVISIONS.issuperset(text.replace("街道", "")):
        return False  # (县市区, 乡镇街道: a page's column of divisions, no body)
    return ends_as_a_body(text) and (not text.endswith("中心") or _has_place(text)
                                     or text.startswith(_NATIONAL))


def _opens_with_its_year(title: str) -> bool:
    """2024年度政府信息公开…, or 关于2024年度…: no organisation before the year."""
    title = title.removeprefix("关于").lstrip()
    return title[:4].isdigit()


def _continued_below(above: str, name: str) -> bool:
    """Whether ``name``, the organisation read so far, is the end of one that starts on
    the line ``above``: it names no place and opens with words no name opens with
    (管委会办公室, 人民政府办公室), or the line above ends in a place (某某市 /
    交通运输局); and the two together name a body in its place. A name that opens with
    its level (市财政局, 县教育局) or is a national body's (国家统计局) is whole."""
    name, above = _compact(name), _compact(above)
    if _has_place(name) or name[0] in _DIVISIONS or name.startswith(_NATIONAL):
        return False
    if not (name.startswith(_TAIL_HEADS) or above.endswith(tuple(_DIVISIONS)) or
            above.endswith("街道")):
        return False
    return _has_place(above + name)


def _has_place(name: str) -> bool:
    """A name with the place it stands in, not opening with the division alone (某某区
    人民政府, not 区政府)."""
    return (len(name) >= 3 and name[0] not in _DIVISIONS
            and (not _DIVISIONS.isdisjoint(name[1:]) or "街道" in name))


def _organisation_only(text: str) -> bool:
    return (len(text) <= LONGEST_ORGANISATION and _SENTENCE_MARKS.isdisjoint(text)
            and _CHROME_MARKS.isdisjoint(text) and not any(c.isdigit() for c in text)
            and not _chrome(text) and not any(word in text for word in _COLUMN_WORDS))


def _chrome(text: str) -> bool:
    """A page's own words, no body's name: its name (某某市人民政府门户网站, 中国政府网),
    its way about (首页, 当前位置, 打印本页), an attachment's mark (附件). (Its columns,
    政务公开, 政府信息公开专区, 年报, are no organisation either: _COLUMN_WORDS.)"""
    text = _compact(text)
    return any(word in text for word in _CHROME_WORDS) or text.endswith("网") \
        or text.startswith("附件")


def _compact(text: str) -> str:
    return "".join(text.split())


def _note(sink: DiagnosticSink, pieces: list, title: Title) -> None:
    lines = " / ".join(f"'{piece.text}'" for piece in pieces)
    first = pieces[0]
    count = ("two", "three", "four")[len(pieces) - 2]
    sink.add("GP111", f"the title is written over {count} lines, {lines}; read as one "
             f"title: '{title.text}'", getattr(first.location, "line", None),
             getattr(first.location, "column", None), length=len(first.text))
