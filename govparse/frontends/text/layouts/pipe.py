"""``pipe``: one row a line, cells separated by ``|`` or ``｜``, not every line with a
border pipe at its start and end. A line that starts or ends with a pipe then has
an empty cell there (a merged label cell, a missing figure): the core skips or
keeps it as it does any empty cell. Its rows are made as the tab layout's."""

from __future__ import annotations

from govparse.frontends.text.layouts import tab

NAME = "pipe"
rows = tab.rows


def matches(counts) -> bool:
    return counts.separated and counts.piped * 2 >= counts.separated
