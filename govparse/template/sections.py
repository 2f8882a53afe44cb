"""The six numbered sections of the template, and which one a heading opens.

Which words make a heading is the template's knowledge, written once as data:
govparse/template/data/headings.tsv (read by govparse/template/headings.py). The core
reads the sections from here, and the text front-end's grammar (grammar/report.lark)
has its HEADING and LINES patterns filled from the same file when its parser is
generated (grammar/generate.py)."""

from __future__ import annotations

from govparse.template.headings import PLACEHOLDERS, alternation, headings

_ROWS = headings()

SECTION_KINDS = tuple(row["kind"] for row in _ROWS)
SECTION_NAMES = {row["kind"]: row["heading"] for row in _ROWS}
# The sections whose lines are table rows (the template's three tables, in order:
# template.spec.TABLE_ORDER); the others hold paragraphs.
TABLE_SECTIONS = tuple(row["kind"] for row in _ROWS if row["body"] == "table")

# A word only that heading has (every heading the grammar reads holds one of them),
# to its section.
SECTION_WORDS = tuple((row["word"], row["kind"]) for row in _ROWS)


def heading_kind(heading: str) -> str | None:
    """The section a heading opens (None if it holds no section's words)."""
    return next((kind for word, kind in SECTION_WORDS if word in heading), None)


def heading_pattern() -> str:
    """The words of any section's heading, as one regular expression (a group): what
    the grammar's HEADING terminal reads after the numbering."""
    return alternation("words")


def lines_stop_pattern() -> str:
    """The words a line ends in that is a heading, each after the rest of the line,
    as one regular expression (a group): a run of the grammar's LINES stops before
    such a line."""
    column, before = PLACEHOLDERS["@HEADING_ENDS@"]
    return alternation(column, before=before)
