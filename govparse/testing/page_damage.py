"""HTML pages damaged as real pages and careless editors damage them, for the HTML
front-end's properties and fuzzing: each operator takes a page (the printer's html
layout of a report whose figures all differ, govparse.testing.damage's
distinct_reports) and a ``choose`` (govparse.testing.damage's DrawChooser or
RandomChooser) and returns the damaged page.

- cells: a figure's cell lost (no gap left), blanked, given a rowspan or colspan
  (2, 3, or 100,000), its text split over <p>s or wrapped in spans, a comment or a
  script put in it;
- markup: an end tag left out (</td>, </tr>, </p>, </table>), an entity broken
  (&nbsp without its semicolon, a bare &), a row doubled;
- a label split over two <p>s.

What must hold whatever the damage (tests/frontends/html/test_page_damage.py): no
exception, and every figure read is the one printed for its table, row and column,
or missing.
"""

from __future__ import annotations

import re
from typing import Callable

PageDamage = Callable[[str, object], str]

_CELL = re.compile(r"<td( [^>]*)?>([^<]*)</td>")
_FIGURE_CELL = re.compile(r"<td( [^>]*)?>(-?\d[\d.]*(?:个|件|元|万元)?)</td>")
_LABEL_CELL = re.compile(r"<td( [^>]*)?>([^<\d][^<]{2,})</td>")
_END_TAGS = ("</td>", "</tr>", "</p>", "</table>")


def _index(choose, count: int) -> int:
    return choose.integer(0, count - 1)


def _pick(page: str, pattern: re.Pattern, choose) -> re.Match | None:
    found = list(pattern.finditer(page))
    return found[_index(choose, len(found))] if found else None


def _replace(page: str, match: re.Match, text: str) -> str:
    return page[:match.start()] + text + page[match.end():]


def lose_figure_cell(page: str, choose) -> str:
    found = _pick(page, _FIGURE_CELL, choose)
    return page if found is None else _replace(page, found, "")


def blank_figure_cell(page: str, choose) -> str:
    found = _pick(page, _FIGURE_CELL, choose)
    return page if found is None else _replace(page, found, f"<td{found.group(1) or ''}></td>")


def span_a_cell(page: str, choose) -> str:
    found = _pick(page, _CELL, choose)
    if found is None:
        return page
    name = ("rowspan", "colspan")[_index(choose, 2)]
    size = (2, 3, 100_000)[_index(choose, 3)]
    attributes = re.sub(rf' {name}="\d+"', "", found.group(1) or "")
    return _replace(page, found, f'<td{attributes} {name}="{size}">{found.group(2)}</td>')


def split_cell_text(page: str, choose) -> str:
    found = _pick(page, _CELL, choose)
    if found is None or len(found.group(2)) < 2:
        return page
    text = found.group(2)
    cut = 1 + _index(choose, len(text) - 1)
    wrap = ("<p>{}</p><p>{}</p>", "<span>{}</span><span>{}</span>", "{}<br>{}",
            "<p>&nbsp;{}</p><p>{}&nbsp;</p>")[_index(choose, 4)]
    if wrap == "{}<br>{}" and text[:cut][-1:].isdigit() and text[cut:][:1].isdigit():
        wrap = "<span>{}</span><span>{}</span>"  # a number split on two lines is no number
    if wrap.startswith("<p>") and text[:cut][-1:].isdigit() and text[cut:][:1].isdigit():
        wrap = "<span>{}</span><span>{}</span>"
    inner = wrap.format(text[:cut], text[cut:])
    return _replace(page, found, f"<td{found.group(1) or ''}>{inner}</td>")


def hide_in_cell(page: str, choose) -> str:
    found = _pick(page, _CELL, choose)
    if found is None:
        return page
    # what a browser does not show: a comment, a script, a style, Word's empty tag,
    # digits hidden against copying (display: none, the hidden attribute, a size of 0)
    hidden = ("<!-- 99 -->", "<script>document.write('77')</script>",
              "<style>td{}</style>", "<o:p></o:p>", '<span style="display:none">77</span>',
              "<span hidden>7</span>", '<font style="font-size: 0px">9</font>',
              '<b style="color:red; visibility: hidden">8</b>')[_index(choose, 8)]
    text = found.group(2)
    at = _index(choose, len(text) + 1)
    return _replace(page, found, f"<td{found.group(1) or ''}>{text[:at]}{hidden}{text[at:]}</td>")


def drop_end_tag(page: str, choose) -> str:
    tag = _END_TAGS[_index(choose, len(_END_TAGS))]
    places = [m.start() for m in re.finditer(re.escape(tag), page)]
    if not places:
        return page
    at = places[_index(choose, len(places))]
    return page[:at] + page[at + len(tag):]


def break_entity(page: str, choose) -> str:
    found = _pick(page, _CELL, choose)
    if found is None:
        return page
    broken = ("&nbsp", "&", "&#", "&#x4e00", "&amp;nbsp;", "&bogus;")[_index(choose, 6)]
    text = found.group(2)
    at = (0, len(text))[_index(choose, 2)]
    return _replace(page, found, f"<td{found.group(1) or ''}>{text[:at]}{broken}{text[at:]}</td>")


def double_row(page: str, choose) -> str:
    rows = list(re.finditer(r"<tr>.*?</tr>", page))
    if not rows:
        return page
    row = rows[_index(choose, len(rows))]
    return page[:row.end()] + row.group(0) + page[row.end():]


def split_label(page: str, choose) -> str:
    found = _pick(page, _LABEL_CELL, choose)
    if found is None:
        return page
    text = found.group(2)
    cut = 1 + _index(choose, len(text) - 1)
    return _replace(page, found,
                    f"<td{found.group(1) or ''}><p>{text[:cut]}</p><p>{text[cut:]}</p></td>")


PAGE_DAMAGE: dict[str, PageDamage] = {fn.__name__: fn for fn in (
    lose_figure_cell, blank_figure_cell, span_a_cell, split_cell_text, hide_in_cell,
    drop_end_tag, break_entity, double_row, split_label)}
