"""Sections in the core: which line a missing section's heading may have been."""

from __future__ import annotations

from typing import Iterable

from govparse.template.sections import SECTION_NAMES
from govparse.template.spec import normalize_label, numbering_length, ratio_at_least


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
