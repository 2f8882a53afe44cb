"""The ways one run of digits splits into a row's figures (run-together text).

A crawler that keeps a page as bare text runs every cell of a row into the next:
``21710000218`` stands for 217, 1, 0, 0, 0, 0, 218. A split gives each cell a piece
of the run, left to right: a number with no leading zero unless it is 0 (a fee may
have up to four decimals; a sign only at the start of a piece the text separates), a
unit only where the text ends a piece with one, a placeholder mark (``/``, ``—``) as a
cell with no figure (a ``-`` before figures may be either a mark or a minus). Blanks and marks in the run are cell boundaries every split keeps.

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
_COUNT = re.compile(r"0|[+\-]?[1-9][0-9]*")  # (never a -0)
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

    def __repr__(self) -> str:
        return f"Piece({self.text!r}@{self.start})"


Relation = tuple[tuple[int, int], ...]  # (cell, coefficient ±1): the terms sum to 0


class TooMany(Exception):
    """The search met its bound: more splits, or more steps, than it may look at."""


class Budget:
    """Steps of the search that a table's runs share, so that a table costs a
    bounded time whatever its runs."""

    __slots__ = ("left",)

    def __init__(self, steps: int) -> None:
        self.left = steps


class _TotalBound:
    """A total (总计 = its parts) is at least the sum of its parts so far, and must
    fit in the characters left for it: the pruning that keeps long runs cheap. Only
    for runs with no minus, whose figures are all ≥ 0, and no mark: a total or a part
    with no figure leaves the relation unchecked, and the bound says nothing."""

    def __init__(self, run: str, tokens: list[Token], n: int,
                 relations: tuple[Relation, ...]) -> None:
        self.n = n
        self.sums: list[list[tuple[int, tuple[int, ...]]]] = [[] for _ in range(n)]
        if "-" in run or "+" in run or any(token.marks for token in tokens):
            return
        for relation in relations:
            total = max(cell for cell, _ in relation)
            sign = dict(relation)[total]
            parts = tuple(cell for cell, c in relation if cell != total)
            if all(c == -sign for cell, c in relation if cell != total):
                for part in parts:
                    self.sums[part].append((total, parts))
        # the last token, when the run ends in figures: a total in the last cell is
        # a suffix of it, so at most the number its last L digits make
        last = tokens[-1]
        self.tail = last.text if not last.marks and last.unit is None else ""

    def grows(self, i: int) -> bool:
        return bool(self.sums[i])

    def fits(self, cells, i: int, chars_after: int) -> bool:
        for total, parts in self.sums[i]:
            if total <= i:
                continue
            so_far = 0
            for part in parts:
                if part <= i:
                    value = cells[part].value
                    if value is None:
                        break
                    so_far += value
            else:
                room = chars_after - (self.n - i - 2)  # each other cell takes one at least
                if room < 1:
                    return False
                if total == self.n - 1 and self.tail:
                    room = min(room, len(self.tail))
                    if so_far > int(self.tail[-room:]):
                        return False
                elif len(str(so_far)) > room:
                    return False
        return True


def _is_row_total(tokens: list[Token], kinds, relations) -> bool:
    """The common row: figures only, one relation, its last cell the 总计 of all the
    others (一、本年新收…21710000218)."""
    if len(tokens) != 1 or len(relations) != 1 or MONEY in kinds:
        return False
    token = tokens[0]
    if token.marks or token.unit or not token.text.isdigit():
        return False
    (relation,) = relations
    signs = dict(relation)
    last = len(kinds) - 1
    return sorted(signs) == list(range(len(kinds))) and \
        all(signs[cell] == -signs[last] for cell in range(last))


def _row_total_splits(token: Token, parts: int, limit: int, budget: int,
                      shared: Budget | None) -> list[tuple[Piece, ...]]:
    """The splits of a run of digits into ``parts`` numbers and their sum, the 总计
    chosen first (each length of the run's end): every part is at most what is left
    of it, so no part is longer than that, and the parts must still cover the rest.
    Far fewer steps than choosing the parts first. A part is tried only if the
    digits after it can still make what is left: the least and the most they sum to,
    split into the parts still to come, are worked out once for each place (span)."""
    digits = token.text
    n = len(digits)
    found: list[tuple[Piece, ...]] = []
    chosen: list[Piece] = []
    steps = 0
    spans: dict[tuple[int, int, int], tuple[int, int] | None] = {}

    def span(at: int, end: int, count: int) -> tuple[int, int] | None:
        """The least and the most sum of digits[at:end] split into ``count`` numbers
        (no leading zero), or None if it cannot be split so."""
        nonlocal steps
        key = (at, end, count)
        if key in spans:
            return spans[key]
        steps += 1
        if steps > budget:
            raise TooMany
        result = None
        if count == 1:
            text = digits[at:end]
            if text and (text[0] != "0" or len(text) == 1):
                result = (int(text), int(text))
        elif digits[at] == "0":
            rest = span(at + 1, end, count - 1)
            result = rest
        else:
            least = most = None
            for length in range(1, end - at - count + 2):
                rest = span(at + length, end, count - 1)
                if rest is None:
                    continue
                value = int(digits[at:at + length])
                if least is None or value + rest[0] < least:
                    least = value + rest[0]
                if most is None or value + rest[1] > most:
                    most = value + rest[1]
            if least is not None:
                result = (least, most)
        spans[key] = result
        return result

    def fits(at: int, end: int, count: int, left: int) -> bool:
        bounds = span(at, end, count)
        return bounds is not None and bounds[0] <= left <= bounds[1]

    def parts_of(at: int, end: int, count: int, left: int) -> None:
        nonlocal steps
        steps += 1
        if steps > budget:
            raise TooMany
        if count == 1:
            text = digits[at:end]
            if (text[0] != "0" or len(text) == 1) and int(text) == left:
                chosen.append(Piece(text, token.start + at, left, None))
                found.append((*chosen, total))
                chosen.pop()
                if len(found) > limit:
                    raise TooMany
            return
        longest = min(len(str(left)), end - at - (count - 1))
        for length in range(1, longest + 1):
            text = digits[at:at + length]
            if length > 1 and text[0] == "0":
                break
            value = int(text)
            if value > left:
                break
            rest = left - value
            if end - at - length > (count - 1) * len(str(rest)):
                continue  # the other parts, none over what is left, cannot cover the rest
            if not fits(at + length, end, count - 1, rest):
                continue  # the digits after it cannot make what is left
            chosen.append(Piece(text, token.start + at, value, None))
            parts_of(at + length, end, count - 1, rest)
            chosen.pop()

    try:
        for length in range(1, n - parts + 1):
            text = digits[n - length:]
            if length > 1 and text[0] == "0":
                continue
            total = Piece(text, token.start + n - length, int(text), token.unit)
            if parts <= n - length <= parts * length and fits(0, n - length, parts, total.value):
                parts_of(0, n - length, parts, total.value)
    finally:
        if shared is not None:
            shared.left -= steps
    return found


def value_of(text: str, kind: str, first: bool):
    """The number a piece says in a cell of this kind, or None if it is none (a
    leading zero, decimals in a count, a sign not at the start of a piece)."""
    if kind != MONEY and text.isdigit():  # (the common case, without a regular expression)
        return int(text) if text[0] != "0" or len(text) == 1 else None
    if not first and text[0] in "+-":
        return None
    if kind == MONEY:
        return Decimal(text) if _MONEY.fullmatch(text) else None
    return int(text) if _COUNT.fullmatch(text) else None


def splits(run: str, kinds: tuple[str, ...], relations: tuple[Relation, ...] = (), *,
           limit: int = 64, budget: int = 6000, shared: Budget | None = None
           ) -> list[tuple[Piece, ...]]:
    """Every split of ``run`` into ``len(kinds)`` cells under which each relation whose
    cells all hold figures sums to 0; raises TooMany past ``limit`` splits or
    ``budget`` steps of the search (or the steps left in ``shared``), so that any
    run costs a bounded time."""
    if shared is not None:
        budget = min(budget, shared.left)
    if len(run) > len(kinds) * (MAX_CELL_CHARS + 2):
        return []  # longer than the row's cells can be, each figure at its longest
    return _splits(run, kinds, relations, limit, budget, shared)


def _splits(run, kinds, relations, limit, budget, shared):
    tokens = tokens_of(run)
    if tokens is None:
        return []
    if _is_row_total(tokens, kinds, relations):
        return _row_total_splits(tokens[0], len(kinds) - 1, limit, budget, shared)
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
    bound = _TotalBound(run, tokens, n, relations)

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
        if p == 0 and token.text[0] == "-":
            # a dash before figures: a mark of its own cell (规章-00), or a minus
            cells[i] = Piece("-", token.start, None, None)
            place(i + 1, t, 1)
        want = computed(i)
        if want is False:
            return
        for k in range(1, min(left, MAX_CELL_CHARS) + 1):
            text = token.text[p:p + k]
            if k == 2 and text[0] == "0" and text[1] != ".":
                break  # no number but 0 starts with 0
            if want is not None and len(text) > len(str(want)) + 1:
                break
            value = value_of(text, kinds[i], p == 0)
            if value is None or (want is not None and value != want):
                continue
            ends = k == left
            if not ends and token.text[p + k] == ".":
                continue  # a number's decimals are never the next cell
            cells[i] = Piece(text, token.start + p, value, token.unit if ends else None)
            left_after = after[t + 1] + (left - k)
            if not bound.fits(cells, i, left_after):
                if bound.grows(i):
                    break  # a longer piece only makes the parts' sum larger
                continue
            if ends:
                place(i + 1, t + 1, 0)
            else:
                place(i + 1, t, p + k)

    try:
        place(0, 0, 0)
    finally:
        if shared is not None:
            shared.left -= steps
    return found
