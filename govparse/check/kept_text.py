"""What a reprint would lose: the characters of a report's text that its canonical
form no longer holds.

``govparse fmt --in-place`` replaces a user's file with the printer's canonical
form, which is made from the model alone: text the parser ignored (a note line in
a table section, a heading in other words, a placeholder such as 无) would be gone
from the file. Before rewriting, every non-blank character of the input must be
found in the output, as many times as the input has it; when one is not, the file
is left as it is.

What the printer may change without losing anything is folded away on both sides
first:
- blanks of every kind, and U+FEFF, a zero-width blank;
- full-width forms (NFKC: `１２` and `12`, `（一）` and `(一)` are the same);
- the table syntax of the layouts: cell separators `|` and rule lines (markdown's
  `| --- | :---: |`, a line of dashes under a header);
- thousands separators inside a figure (`1,234` is printed `1234`).

The comparison counts characters (a multiset), in time linear in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# A line of nothing but rules: dashes or equals signs, with the blanks, colons, bars
# and crosses that tables draw them with. (A set test, not a regular expression:
# nested repetitions of dashes backtrack exponentially on a long line of them.)
_RULE_CHARACTERS = frozenset("-=:|+")


def _is_rule_line(line: str) -> bool:
    drawn = {c for c in set(line) if not c.isspace()}
    return bool(drawn) and drawn <= _RULE_CHARACTERS and bool(drawn & {"-", "="})


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_TABLE_SYNTAX = str.maketrans("", "", "|")


class LostText:
    """Characters of the input that the output lacks, and the input lines they
    stand on: an input line found whole in the output keeps its characters, and of
    the others the later occurrences of a character are taken as the lost ones."""

    __slots__ = ("characters", "lines")

    def __init__(self, characters: str, lines: tuple[int, ...]) -> None:
        self.characters = characters
        self.lines = lines

    def describe(self, shown: int = 12) -> str:
        chars = self.characters
        more = f"… ({len(chars)} in all)" if len(chars) > shown else ""
        where = ", ".join(str(n) for n in self.lines[:5])
        lines = f" on line{'s' if len(self.lines) > 1 else ''} {where}" if self.lines else ""
        if len(self.lines) > 5:
            lines += ", …"
        return f"'{chars[:shown]}'{more}{lines}"


def folded(text: str) -> str:
    """The text as compared: NFKC, without table syntax, thousands separators or
    blanks (line ends are kept, for the line numbers)."""
    text = unicodedata.normalize("NFKC", text.replace("\ufeff", " "))
    text = "\n".join("" if _is_rule_line(line) else line for line in text.split("\n"))
    text = _THOUSANDS.sub("", text).translate(_TABLE_SYNTAX)
    return "".join(c for c in text if c == "\n" or not c.isspace())


def lost_text(source: str, output: str) -> LostText | None:
    """None if every non-blank character of ``source`` is in ``output``; else what
    is missing from it."""
    wanted = folded(source.replace("\r\n", "\n").replace("\r", "\n"))
    output = folded(output)
    have = Counter(output)
    need = Counter(wanted)
    if all(have[c] >= n for c, n in need.items() if c != "\n"):
        return None
    lost: list[str] = []
    lines: list[int] = []
    input_lines = wanted.split("\n")
    output_lines = Counter(output.split("\n"))
    rest = []
    for line_no, line in enumerate(input_lines, start=1):
        if output_lines[line] > 0:
            output_lines[line] -= 1
            have.subtract(line)
        else:
            rest.append((line_no, line))
    for line_no, line in rest:
        for char in line:
            if have[char] > 0:
                have[char] -= 1
                continue
            lost.append(char)
            if not lines or lines[-1] != line_no:
                lines.append(line_no)
    return LostText("".join(lost), tuple(sorted(lines)))
