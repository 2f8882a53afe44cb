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
