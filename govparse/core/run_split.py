"""The ways one run of digits splits into a row's figures (run-together text).

A crawler that keeps a page as bare text runs every cell of a row into the next:
``21710000218`` stands for 217, 1, 0, 0, 0, 0, 218. A split gives each cell a piece
of the run, left to right: a number with no leading zero unless it is 0 (a fee may
have up to four decimals; a sign only at the start of a piece the text separates), a
unit only where the text ends a piece with one, a placeholder mark (``/``, ``—``) as a
cell with no figure. Blanks and marks in the run are cell boundaries every split keeps.

The relations inside the run (a row's 总计 = its parts) are used as the split is
made: a cell whose relation's other cells are all known is not chosen but computed,
so a run's 总计 costs no branching, and the search stays small. Pure functions, no
govparse imports: the caller says which cells the relations join.
"""

from __future__ import annotations

import re
from decimal import Decimal

COUNT, MONEY = "count", "money"  # MONEY: a fee, with decimals; anything else a whole number

# A piece of figures (a sign only first; units as the reading core knows them), a
# run of dashes (one or more cells with no figure), a slash (one such cell), blanks.
_TOKEN = re.compile(r"(?P<digits>[+\-]?[0-9][0-9.]*)(?P<unit>万元|元|个|件|项|条|次|人)?"
                    r"|(?P<dashes>[—–\-－―]+)|(?P<slash>[/／])|(?P<blank>\s+)")
_COUNT = re.compile(r"[+\-]?(?:0|[1-9][0-9]*)")
_MONEY = re.compile(r"[+\-]?(?:0|[1-9][0-9]*)(?:\.[0-9]{1,4})?")
MAX_CELL_CHARS = 15  # no figure of a report is longer (a fee: 9 digits, 4 decimals)


class Token:
    """A piece of a run: figures (``unit`` after them, if any) or marks, and where it
    starts in the run's text."""

    __slots__ = ("text", "start", "marks", "unit", "slash")

    def __init__(self, text: str, start: int, marks: bool, unit: str | None = None,
                 slash: bool = False) -> None:
        self.text, self.start, self.marks, self.unit, self.slash = text, start, marks, unit, slash


def tokens_of(run: str) -> list[Token] | None:
    """The run's pieces; None when it holds anything else (no run of figures)."""
    tokens: list[Token] = []
    at = 0
    for match in _TOKEN.finditer(run):
        if match.start() != at:
            return None
        at = match.end()
        if match["digits"]:
            tokens.append(Token(match["digits"], match.start(), False, match["unit"]))
        elif match["dashes"]:
            tokens.append(Token(match["dashes"], match.start(), True))
        elif match["slash"]:
            tokens.append(Token(match["slash"], match.start(), True, slash=True))
    return tokens if at == len(run) and tokens else None


class Piece:
    """One cell of a split: its text in the run, where it starts, its value (None for
    a mark) and unit."""

    __slots__ = ("text", "start", "value", "unit")

    def __init__(self, text: str, start: int, value, unit: str | None) -> None:
        self.text, self.start, self.value, self.unit = text, start, value, unit

    def __eq__(self, other) -> bool:
        return isinstance(other, Piece) and (self.text, self.start) == (other.text, other.start)

    def __hash__(self) -> int:
        return hash((self.text, self.start))

    def __repr__(self) -> str:
        return f"Piece({self.text!r}@{self.start})"


Relation = tuple[tuple[int, int], ...]  # (cell, coefficient ±1): the terms sum to 0


class TooMany(Exception):
    """The search met its bound: more splits, or more steps, than it may look at."""


def value_of(text: str, kind: str, first: bool):
    """The number a piece says in a cell of this kind, or None if it is none (a
    leading zero, decimals in a count, a sign not at the start of a piece)."""
    if not first and text[0] in "+-":
        return None
    if kind == MONEY:
        return Decimal(text) if _MONEY.fullmatch(text) else None
    return int(text) if _COUNT.fullmatch(text) else None


def splits(run: str, kinds: tuple[str, ...], relations: tuple[Relation, ...] = (), *,
           limit: int = 64, budget: int = 20000) -> list[tuple[Piece, ...]]:
    """Every split of ``run`` into ``len(kinds)`` cells under which each relation whose
    cells all hold figures sums to 0; raises TooMany past ``limit`` splits or
    ``budget`` steps of the search (so that any run costs a bounded time)."""
    tokens = tokens_of(run)
    if tokens is None:
        return []
    n = len(kinds)
    # a relation is worked out at its last cell (left to right), from the others
    at_last: list[list[Relation]] = [[] for _ in range(n)]
    for relation in relations:
        at_last[max(cell for cell, _ in relation)].append(relation)
    # characters after each token: each cell needs one at least
    after = [0] * (len(tokens) + 1)
    for t in range(len(tokens) - 1, -1, -1):
        after[t] = after[t + 1] + len(tokens[t].text)
    found: list[tuple[Piece, ...]] = []
    cells: list[Piece | None] = [None] * n
    steps = 0

    def computed(i: int):
        """What the relations ending at cell i say it holds: a value, None (nothing
        said: a cell they need holds no figure), or False (they disagree)."""
        said = None
        for relation in at_last[i]:
            total, own = 0, 0
            for cell, coefficient in relation:
                if cell == i:
                    own = coefficient
                    continue
                value = cells[cell].value
                if value is None:
                    break
                total += coefficient * value
            else:
                value = -total * own  # own is ±1
                if said is not None and said != value:
                    return False
                said = value
        return said

    def place(i: int, t: int, p: int) -> None:
        nonlocal steps
        steps += 1
        if steps > budget:
            raise TooMany
        if i == n:
            if t == len(tokens):
                found.append(tuple(cells))
                if len(found) > limit:
                    raise TooMany
            return
        if t == len(tokens) or n - i > after[t] - p or n - i < len(tokens) - t:
            return
        token = tokens[t]
        left = len(token.text) - p
        if token.marks:
            for k in range(1, 2 if token.slash else left + 1):
                cells[i] = Piece(token.text[p:p + k], token.start + p, None, None)
                if k == left:
                    place(i + 1, t + 1, 0)
                else:
                    place(i + 1, t, p + k)
            return
        want = computed(i)
        if want is False:
            return
        for k in range(1, min(left, MAX_CELL_CHARS) + 1):
            text = token.text[p:p + k]
            if want is not None and len(text) > len(str(want)) + 1:
                break
            value = value_of(text, kinds[i], p == 0)
            if value is None or (want is not None and value != want):
                continue
            ends = k == left
            if not ends and token.text[p + k] == ".":
                continue  # a number's decimals are never the next cell
            cells[i] = Piece(text, token.start + p, value, token.unit if ends else None)
            if ends:
                place(i + 1, t + 1, 0)
            else:
                place(i + 1, t, p + k)

    place(0, 0, 0)
    return found
