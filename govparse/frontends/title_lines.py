"""A title written over several lines, joined into one Title block, with a note (GP111).

Titles are centred in large type, and a long one wraps where the line is full: a PDF's
text, a Word file's paragraphs and a page's lines give it in pieces.

- **The organisation above** (示例区管委会办公室 / 2024年度政府信息公开工作年度报告): the
  line above a title that opens with its year, when it is words alone (no sentence, no
  figure, no page chrome).
- **The organisation over two lines** (平潭综合实验区 / 管委会办公室 / 2019年度…; 某某市某某区
  人民政府 / 办公室2019年度…): a name found so far that names no place and could not
  start a body's name (管委会办公室, 人民政府办公室, 办公室; 交通运输局 under a line that
  ends in a division, 某某市) is joined to the line above it when the two together
  name a body with its place. A page's own name above the title (某某市人民政府门户网站)
  is no part of it.
- **The title wrapped inside its year or name** (某区人民政府办公室2019年度政府信息 /
  公开工作年度报告; 2019年度某某局 / 政府信息公开工作年度报告): two or three short lines,
  none a title alone, that together are one, where no title line stands before the
  first heading.

Only the first title before the first heading: a second one is text of the preamble
(GP109), whatever stands around it.
"""

from __future__ import annotations

from govparse.core.front_matter import TitleParts, is_title
from govparse.diagnostics import DiagnosticSink
from govparse.document import Heading, Paragraph, Title

_SENTENCE_MARKS = frozenset("。，；;：:！？,")
LONGEST_ORGANISATION = 40  # characters: a line above a title longer than this is prose
# a page's way back (首页 > 政务公开 > …) or a crawler's field (标题:) is no organisation
_CHROME_MARKS = frozenset("<>›»|/\\")
# a page's own name or chrome (某某市人民政府门户网站, 首页, 当前位置): no body's name
_CHROME_WORDS = ("网站", "门户", "政府网", "首页", "位置", "欢迎", "登录", "导航", "搜索", "打印",
                 "字号")
_PIECES = 3  # the most lines a title's name, or its organisation, is written over
# The places a body stands in (某某市, 某某区, 某某街道): a name with none of them is no
# whole body's (管委会办公室, 交通运输局), and a line that ends in one may go on below.
_DIVISIONS = frozenset("省市县区镇乡州旗盟")
# Words a body's name never opens with: what follows its place (某区 + 人民政府办公室).
_TAIL_HEADS = ("人民政府", "政府", "办公室", "办公厅", "管委会", "管理委员会", "委员会",
               "办事处", "街道办事处", "党工委", "工委")


def join_split_title(blocks: list, sink: DiagnosticSink) -> list:
    """The blocks with the first title's pieces joined into one Title (GP111 says so)."""
    blocks = _title_of_pieces(blocks, sink)
    for i, block in enumerate(blocks):
        if type(block) is Heading:
            break
        if type(block) is Title:
            return _organisation_above(blocks, i, sink)
    return blocks


def _title_of_pieces(blocks: list, sink: DiagnosticSink) -> list:
    """Two or three lines before the first heading that are a title together (and no
    title line among the blocks before that heading)."""
    end = next((i for i, block in enumerate(blocks) if type(block) is Heading), len(blocks))
    if any(type(block) is Title for block in blocks[:end]):
        return blocks
    for i in range(end - 1):
        for count in range(2, _PIECES + 1):
            pieces = blocks[i:i + count]
            if len(pieces) < count or i + count > end or not all(map(_a_piece, pieces)):
                break
            text = "".join(piece.text for piece in pieces)
            if not is_title(text):
                continue
            title = Title(text, pieces[0].location, _year_location(pieces))
            _note(sink, pieces, title)
            return blocks[:i] + [title] + blocks[i + count:]
    return blocks


def _a_piece(block) -> bool:
    """A short line of words that is no title alone: maybe a piece of one."""
    return (type(block) is Paragraph and len(block.text) <= LONGEST_ORGANISATION
            and _SENTENCE_MARKS.isdisjoint(block.text) and _CHROME_MARKS.isdisjoint(block.text)
            and not is_title(block.text))


def _year_location(pieces):
    """Where the year starts, when a later piece than the first opens with it (the
    location of a piece inside a line is the line's own, so only a piece's start)."""
    for piece in pieces[1:]:
        if piece.text[:4].isdigit():
            return piece.location
    return None


def _organisation_above(blocks: list, i: int, sink: DiagnosticSink) -> list:
    """The title at ``i`` with the lines above it that are its organisation's."""
    title = blocks[i]
    name = TitleParts(title).organization
    start = i
    while start > 0 and i - start < _PIECES - 1:
        above = blocks[start - 1]
        if type(above) is not Paragraph or not _organisation_only(above.text):
            break
        if name is None:  # a title that opens with its year: the line above names it
            if not (title.text[:4].isdigit() and is_title(above.text + title.text)):
                break
        elif not _continued_below(above.text, name):
            break
        name = above.text + (name or "")
        start -= 1
    if start == i:
        return blocks
    pieces = blocks[start:i + 1]
    year_at = title.year_location or (title.location if title.text[:4].isdigit() else None)
    joined = Title("".join(piece.text for piece in pieces), pieces[0].location, year_at)
    _note(sink, pieces, joined)
    return blocks[:start] + [joined] + blocks[i + 1:]


def _continued_below(above: str, name: str) -> bool:
    """Whether ``name``, the organisation read so far, is the end of one that starts on
    the line ``above``: it names no place and opens with words no name opens with
    (管委会办公室, 人民政府办公室), or the line above ends in a place (某某市 /
    交通运输局); and the two together name a body in its place."""
    name, above = _compact(name), _compact(above)
    if _has_place(name):
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
            and not any(word in text for word in _CHROME_WORDS))


def _compact(text: str) -> str:
    return "".join(text.split())


def _note(sink: DiagnosticSink, pieces: list, title: Title) -> None:
    lines = " / ".join(f"'{piece.text}'" for piece in pieces)
    first = pieces[0]
    count = ("two", "three")[len(pieces) - 2]
    sink.add("GP111", f"the title is written over {count} lines, {lines}; read as one "
             f"title: '{title.text}'", getattr(first.location, "line", None),
             getattr(first.location, "column", None), length=len(first.text))
