"""Whether a report a page hides may be shown under the title the page shows: the
year of that title and the year the hidden text states most (html/revealed.py,
text/cloaked.py).

A page of tabs may show this year's title (and a link to its PDF) and hide last
year's report in another tab: shown, its figures would be filed under this year's
title. A WeChat article shows its title above the text its script shows, of the
same year. So where the page shows a title, the hidden text is shown only when the
year it states most (``2022年``, in its overview and its statistics period) is the
title's; where it states none, or the page shows two titles of two years, it is not.
"""

from __future__ import annotations

import re
from collections import Counter

# a year as a report states it: 2022年, 2022年度
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")
# a title: a year, then the template's words (a body's name before, maybe)
_TITLE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年度?[^。，\n]{0,40}?政府信息公开(?:工作)?年度报告")


def title_years(texts) -> set[int]:
    """The years of the titles among the texts the page shows."""
    return {int(found.group(1)) for text in texts for found in _TITLE.finditer(text)}


def may_show_under(titles: set[int], hidden_text: str) -> bool:
    """Whether text a page hides may be shown under the titles it shows (their years)."""
    if not titles:
        return True
    if len(titles) > 1:
        return False
    counts = Counter(int(year) for year in _YEAR.findall(hidden_text))
    if not counts:
        return False
    (most, times), *rest = counts.most_common(2) + [(None, 0)]
    return most in titles and times > rest[0][1]
