"""The six numbered sections of the template, and which one a heading opens."""

from __future__ import annotations

from typing import Iterable

from govparse.template import TABLE_ORDER, normalize_label, numbering_length, ratio_at_least

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


def near_misses(kinds: Iterable[str], lines: Iterable[tuple[str, int, int]]
                ) -> dict[str, tuple[str, int, int]]:
    """For each section of ``kinds`` (missing from a report), the one of ``lines``
    ((text, line, column) of lines read as text) most like its heading: written with
    other words or a typo (五、存在的问题及改进情况). A section with no close line is
    left out. Only for a hint: the line stays what the grammar read it as.

    One pass over the lines for all the sections: a report with no headings at all
    is all text, and may be large."""
    import difflib  # only a report that lacks a section needs it

    targets = []
    for kind in kinds:
        name = SECTION_NAMES[kind]
        numeral, words = name.split("、", 1)
        targets.append((kind, numeral, difflib.SequenceMatcher(b=words), 2 * len(name)))
    best: dict[str, tuple[float, str, int, int]] = {}
    seen: set[str] = set()
    for text, line, column in lines:
        if text in seen:
            continue  # scored already; only the first of equal lines can be the best
        seen.add(text)
        label = None
        for kind, numeral, matcher, longest in targets:
            if len(text) > longest:
                continue
            if label is None:
                label = normalize_label(text).strip("#*:")
                numbered = numbering_length(label)
            matcher.set_seq1(label[numbered:])
            # a line numbered as the section may differ more (（四）行政复议情况表)
            floor = 0.3 if numbered and numeral in label[:numbered] else 0.6
            ratio = ratio_at_least(matcher, floor)
            if ratio is not None and (kind not in best or ratio > best[kind][0]):
                best[kind] = (ratio, text, line, column)
    return {kind: found[1:] for kind, found in best.items()}
