"""How the table reader's messages word counts, lists and suggestions.
"""

from __future__ import annotations


def how_many(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def listed(labels: list[str]) -> str:
    return ", ".join(labels)


def did_you_mean(labels: list[str]) -> str | None:
    if not labels:
        return None
    return "did you mean " + " or ".join(labels) + "?"


def absent_labels(columns, placement) -> list[str]:
    """The labels of the columns a placement (column indices) puts no figure in."""
    return [column.label for i, column in enumerate(columns) if i not in placement]


# what a PDF's front-end writes after a figure the page does not show whole, a blank
# apart (a row of a fixed height: frontends/pdf/grid_cells.overflowing)
CUT_MARK = "…"


def is_cut_figure(text: str) -> bool:
    """Digits with the cut mark among them (``26 …``; ``26 … 4``, with the rest of
    the number above, drawn over its line)."""
    return CUT_MARK in text and text.replace(CUT_MARK, "").replace(" ", "").isdigit()


def no_number(text: str) -> str:
    """Why a cell that stands where a figure would is no number govparse reads."""
    if is_cut_figure(text):
        return ("the page shows it cut off at its cell's bottom line: a row of a fixed "
                "height too low for its text?")
    return "a full-width comma, a space or a point in the wrong place?"
