"""``markdown``: a pipe table whose every line starts with a border pipe; the rule
line under its header (|---|---|) the grammar has read as a RULE already. Its rows
are read as the pipe layout's."""

from __future__ import annotations

from govparse.frontends.text.layouts import pipe

NAME = "markdown"
rows = pipe.rows


def matches(counts) -> bool:
    return pipe.matches(counts) and counts.bordered == counts.separated
