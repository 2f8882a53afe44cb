"""Whether a report a page hides may be shown under the title the page shows
(html/revealed.py, text/cloaked.py).

A page of tabs may show this year's title (and a link to its PDF) and hide last
year's report in another tab: shown, its figures would be filed under this year's
title, or under another body's. A WeChat article shows its title above the text its
script shows: the same report. So where the page shows a title, the text shown by the
reveal (not what stays hidden inside it) must state the title's year most (``2022年``,
in its overview and its statistics period), and hold no title of its own that the
page does not show; where it states no year, or the page shows two titles of two
years, the report is left hidden.
"""

from __future__ import annotations

import re
from collections import Counter

# a year as a report states it (2022年, 2022年度), not a date's (2023年2月14日: a page's
# date of publication, the year after its report's)
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年(?!\s*[0-9０-９]{1,2}\s*月)")
# a title: a body's name maybe, a year, then the template's words, blanks and line ends
# maybe among them
_TITLE = re.compile(r"[^\s。，；：:、（）()]{0,30}(?<![0-9])((?:19|20)[0-9]{2})\s*年度?[^。，；]{0,40}?"
                    r"政\s*府\s*信\s*息\s*公\s*开\s*(?:工\s*作\s*)?年\s*度\s*报\s*告")


def titles(texts) -> list[tuple[int, str]]:
    """The titles among texts: each one's year and its words (blanks left out)."""
    return [(int(found.group(1)), "".join(found.group().split()))
            for text in texts for found in _TITLE.finditer(text)]


def may_show_under(shown: list[tuple[int, str]], revealed_text: str) -> bool:
    """Whether text a page hides, ``revealed_text`` (what the reveal shows of it), may
    be shown under the titles the page shows (``shown``: titles())."""
    if not shown:
        return True
    years = {year for year, _ in shown}
    if len(years) > 1:
        return False
    own = {words for _, words in titles([revealed_text])}
    if own - {words for _, words in shown}:
        return False  # (a title of its own the page does not show: another report's)
    counts = Counter(int(year) for year in _YEAR.findall(revealed_text))
    if not counts:
        return False
    (most, times), *rest = counts.most_common(2) + [(None, 0)]
    return most in years and times > rest[0][1]
