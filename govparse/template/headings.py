"""The template's section headings as data (data/headings.tsv), and the grammar's
heading patterns made from them.

This module imports nothing of govparse, nor anything slow: grammar/generate.py loads
it by its file path in the build environment, where only lark is installed, to fill
the grammar's placeholders before it makes the parse tables; govparse fills the
grammar it ships with the very same function (govparse/frontends/text/grammar.py),
so the two texts compare equal. govparse/template/sections.py reads the rest of the
file (names, words, table sections) from here."""

from __future__ import annotations

import functools
import os

TSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "headings.tsv")

# The columns of headings.tsv, in order (the file's comments say what each holds).
COLUMNS = ("kind", "heading", "words", "ends", "word", "body")
BODIES = ("table", "narrative")

# The grammar's placeholders (grammar/report.lark), each written once there, and
# the column whose patterns fill it, with what goes before each pattern: HEADING
# reads a heading's words; LINES stops before a line ending in a heading's ends,
# each after the rest of the line (`.*`: `.` is any character but a line end. It is
# written before each section's ends rather than once before them all, so that
# Python's re looks for each one's first character in one C loop along the line
# instead of trying every section's ends at every character: a third of what
# reading the long lines of a spaced table cost).
PLACEHOLDERS = {"@HEADING_WORDS@": ("words", ""), "@HEADING_ENDS@": ("ends", ".*")}


@functools.cache
def headings(path: str = TSV) -> tuple[dict[str, str], ...]:
    """The rows of headings.tsv in order, each a dict by COLUMNS."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != len(COLUMNS):
            raise ValueError(f"{path}:{number}: {len(fields)} columns, not {len(COLUMNS)}")
        row = dict(zip(COLUMNS, fields))
        if row["body"] not in BODIES:
            raise ValueError(f"{path}:{number}: body is {row['body']!r}, not one of {BODIES}")
        for column, _ in PLACEHOLDERS.values():
            if "/" in row[column]:  # it would end the grammar's /regular expression/
                raise ValueError(f"{path}:{number}: a {column} pattern holds a '/'")
        rows.append(row)
    return tuple(rows)


def alternation(column: str, path: str = TSV, before: str = "") -> str:
    """One regular expression, a non-capturing group, that matches any section's
    pattern of the column ("words" or "ends"), the sections in order; ``before``:
    a pattern written before each section's."""
    return "(?:" + "|".join(before + row[column] for row in headings(path)) + ")"


def fill_grammar(grammar: str, path: str = TSV) -> str:
    """The grammar's text with each placeholder replaced by its alternation. Each
    placeholder stands in the grammar exactly once (never in a comment)."""
    for placeholder, (column, before) in PLACEHOLDERS.items():
        if grammar.count(placeholder) != 1:
            raise ValueError(f"the grammar holds {placeholder} {grammar.count(placeholder)} "
                             "times, not once")
        grammar = grammar.replace(placeholder, alternation(column, path, before))
    return grammar
