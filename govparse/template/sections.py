"""The six numbered sections of the template, and which one a heading opens.

Which words make a heading is the template's knowledge, written here once: the
text front-end's grammar and the core both read it from here."""

from __future__ import annotations

from govparse.template.spec import TABLE_ORDER

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

# A word only that heading has (every heading the grammar reads holds one of them),
# to its section.
SECTION_WORDS = (
    ("总体情况", "overview"),
    ("主动公开政府信息", "active_disclosure"),
    ("收到和处理", "applications"),
    ("行政诉讼", "review_litigation"),
    ("存在的主要问题", "problems"),
    ("其他需要报告的事项", "other_matters"),
)


def heading_kind(heading: str) -> str | None:
    """The section a heading opens (None if it holds no section's words)."""
    return next((kind for word, kind in SECTION_WORDS if word in heading), None)
