"""The six numbered sections of the template, and which one a heading opens."""

from __future__ import annotations

from typing import Iterable

from govparse.template import TABLE_ORDER, normalize_label, numbering_length

SECTION_KINDS = (
    "overview",
    "active_disclosure",
    "applications",
    "review_litigation",
    "problems",
    "other_matters",
)
SECTION_NAMES = {
    "overview": "一、总体情况",
    "active_disclosure": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other_matters": "六、其他需要报告的事项",
}
# The sections whose lines are table rows (the template's three tables, in order);
# the others hold paragraphs.
TABLE_SECTIONS = TABLE_ORDER

# A word only that heading has (every HEADING token holds one of them), to its section.
_SECTION_WORDS = (
    ("总体情况", "overview"),
    ("主动公开政府信息", "active_disclosure"),
    ("收到和处理", "applications"),
    ("行政诉讼", "review_litigation"),
    ("存在的主要问题", "problems"),
    ("其他需要报告的事项", "other_matters"),
)


def heading_kind(heading: str) -> str:
    """The section a heading line (a HEADING token) opens."""
    return next(kind for word, kind in _SECTION_WORDS if word in heading)


def near_miss(kind: str, lines: Iterable[tuple[str, int, int]]) -> tuple[str, int, int] | None:
    """Of ``lines`` ((text, line, column) of lines that are no heading), the one most
    like the heading of section ``kind``: written with other words or a typo
    (五、存在的问题及改进情况), so that it was read as text. None if no line is close.
    Only for a hint: the line stays what the grammar read it as."""
    import difflib  # only a report that lacks a section needs it

    name = SECTION_NAMES[kind]
    numeral, words = name.split("、", 1)
    best = None
    for text, line, column in lines:
        if len(text) > 2 * len(name):
            continue
        label = normalize_label(text).strip("#*:")
        numbered = numbering_length(label)
        ratio = difflib.SequenceMatcher(None, label[numbered:], words).ratio()
        if ratio >= 0.6 or (numbered and numeral in label[:numbered] and ratio >= 0.3):
            if best is None or ratio > best[0]:
                best = (ratio, text, line, column)
    return best[1:] if best else None
