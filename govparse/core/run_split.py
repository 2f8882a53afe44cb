"""The ways one run of digits splits into a row's figures (run-together text).

A crawler that keeps a page as bare text runs every cell of a row into the next:
``21710000218`` stands for 217, 1, 0, 0, 0, 0, 218. A split gives each cell a piece
of the run, left to right: a number with no leading zero unless it is 0 (a fee may
have up to four decimals; a sign only at the start of a piece the text separates), a
unit only where the text ends a piece with one, a placeholder mark (``/``, ``—``) as a
cell with no figure (a ``-`` before figures may be either a mark or a minus). Blanks and marks in the run are cell boundaries every split keeps.

The relations inside the run (a row's 总计 = its parts) are used as the split is
made: a cell whose relation's other cells are all known is not chosen but computed,
so a run's 总计 costs no branching, and the search stays small. The common rows
(figures only, their cells in groups each ending with its 总计) are split another
way, the total first and casting out nines (_total_group_splits), far faster. Pure
functions, no govparse imports: the caller says which cells the relations join.
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
        # (digits alone: a run that ends in a fee's decimals, 12.5, bounds nothing so)
        self.tail = last.text if not last.marks and last.unit is None \
            and last.text.isdecimal() else ""

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


def _total_groups(tokens: list[Token], kinds, relations) -> list[tuple[int, int]] | None:
    """The common rows: figures only (whole numbers, no sign, no mark; a unit after
    some), their cells in consecutive groups, each group's last cell the 总计 of the
    others (一、本年新收…21710000218: one group of seven; a row of the review table:
    three of five). The groups as (first cell, cells), or None for any other run."""
    if not relations or MONEY in kinds:
        return None
    if any(token.marks or not token.text.isdigit() for token in tokens):
        return None
    groups = []
    for relation in relations:
        signs = dict(relation)
        cells = sorted(signs)
        first, last = cells[0], cells[-1]
        if len(cells) < 2 or cells != list(range(first, last + 1)) or \
                any(signs[cell] != -signs[last] for cell in cells[:-1]):
            return None
        groups.append((first, len(cells)))
    groups.sort()
    at = 0
    for first, size in groups:
        if first != at:
            return None  # a cell in no group, or two groups that overlap
        at += size
    return groups if at == len(kinds) else None


class _Many(Exception):
    """More splits than the limit (inside the search: said as TooMany at its end)."""


_MANY = "many"  # what a tail with more splits than the limit is remembered as
_UNKNOWN = object()  # a span not worked out yet


def _total_group_splits(tokens: list[Token], groups: list[tuple[int, int]], limit: int,
                        budget: int, shared: Budget | None) -> list[tuple[Piece, ...]]:
    """The splits of a run of digits into its groups, each group's parts and their
    sum (see _total_groups). The digits of the run's pieces are taken as one string
    whose cuts include the pieces' ends (a blank or a unit between them); a cell
    never spans one.

    For each group, the 总计 is chosen first (each place its digits may end and each
    length): every part is at most the total, so none is longer than it, and the
    parts must still cover the digits before it. Two prunings keep the search small:

    - casting out nines: a number is its digit sum modulo 9, so however the digits
      before a total are split, their sum is their digit sum modulo 9: a total, and
      each part chosen, is tried only where that agrees with what is left to make;
    - a part is tried only if the digits after it can still make what is left: the
      least and the most they sum to, split into the parts still to come, are worked
      out once for each place (span).

    The groups after a group are solved once for each place they may start (tail)."""
    digits = "".join(token.text for token in tokens)
    n = len(digits)
    where: list[int] = []  # each digit's offset in the run's text
    reach: list[int] = []  # where the piece of each digit ends at the latest
    unit_at: dict[int, str | None] = {}  # a piece's end -> the unit written after it
    for token in tokens:
        end = len(where) + len(token.text)
        where.extend(range(token.start, token.start + len(token.text)))
        reach.extend([end] * len(token.text))
        unit_at[end] = token.unit
    sums = [0]  # digit sums of digits[:i]
    for char in digits:
        sums.append(sums[-1] + ord(char) - 48)
    steps = 0
    spans: dict[tuple[int, int, int], tuple[int, int] | None] = {}
    tails: dict[tuple[int, int], list[tuple[Piece, ...]] | str] = {}

    def step() -> None:
        nonlocal steps
        steps += 1
        if steps > budget:
            raise TooMany

    def piece(at: int, end: int, value: int) -> Piece:
        return Piece(digits[at:end], where[at], value, unit_at.get(end))

    def number(at: int, end: int) -> int | None:
        """digits[at:end] as one cell's number; None if it cannot be one (a leading
        zero, or a cut inside)."""
        if end > reach[at] or (end - at > 1 and digits[at] == "0"):
            return None
        return int(digits[at:end])

    def span(at: int, end: int, count: int) -> tuple[int, int] | None:
        """The least and the most sum of digits[at:end] split into ``count`` numbers,
        or None if it cannot be split so."""
        key = (at, end, count)
        if key in spans:
            return spans[key]
        step()
        result = None
        if count == 1:
            value = number(at, end) if at < end else None
            result = None if value is None else (value, value)
        elif at < end:
            least = most = None
            value = 0
            # the first number ends before a cut, leaving a digit for each after it
            # (0 is a number of its own)
            last = at + 1 if digits[at] == "0" else min(end - count + 1, reach[at])
            for stop in range(at + 1, last + 1):
                value = value * 10 + ord(digits[stop - 1]) - 48
                rest = spans.get((stop, end, count - 1), _UNKNOWN)
                if rest is _UNKNOWN:
                    rest = span(stop, end, count - 1)
                if rest is None:
                    continue
                if least is None or value + rest[0] < least:
                    least = value + rest[0]
                if most is None or value + rest[1] > most:
                    most = value + rest[1]
            if least is not None:
                result = (least, most)
        spans[key] = result
        return result

    def span_back(at: int, end: int, count: int) -> tuple[int, int] | None:
        """span, worked out from the last number back: where a group's total is
        chosen, ``at`` stays and ``end`` moves, and these entries serve every end."""
        key = (at, end, count)
        if key in spans:
            return spans[key]
        if count == 1:
            return span(at, end, 1)
        step()
        least = most = None
        value, scale = 0, 1
        # the last number, longer each time, back to where it would cross a cut or
        # leave too few digits for the numbers before it
        for start in range(end - 1, at + count - 2, -1):
            if reach[start] < end:
                break
            value += (ord(digits[start]) - 48) * scale
            scale *= 10
            if digits[start] == "0" and start < end - 1:
                continue  # no number but 0 starts with 0
            rest = spans.get((at, start, count - 1), _UNKNOWN)
            if rest is _UNKNOWN:
                rest = span_back(at, start, count - 1)
            if rest is None:
                continue
            if least is None or value + rest[0] < least:
                least = value + rest[0]
            if most is None or value + rest[1] > most:
                most = value + rest[1]
        result = None if least is None else (least, most)
        spans[key] = result
        return result

    def can_make(at: int, end: int, count: int, left: int) -> bool:
        """Whether digits[at:end] may split into ``count`` numbers that sum to
        ``left``, where a group's total is chosen (parts() checks the same inline,
        from the first number: span)."""
        if (sums[end] - sums[at] - left) % 9:
            return False  # casting out nines
        bounds = span_back(at, end, count)
        return bounds is not None and bounds[0] <= left <= bounds[1]

    def parts(at: int, end: int, count: int, left: int, chosen: list[Piece],
              found: list[tuple[Piece, ...]]) -> None:
        """Every split of digits[at:end] into ``count`` numbers that sum to ``left``
        (after ``chosen``), added to ``found``."""
        step()
        if count == 1:
            if number(at, end) == left:
                found.append((*chosen, piece(at, end, left)))
                if len(found) > limit:
                    raise _Many
            return
        # where the part ends: within its piece of the run, leaving a digit for each
        # part after it, no longer than what is left (0 is a part of its own), and
        # leaving no more digits than the parts after it can take, none of them
        # longer than what is left either
        width = len(str(left))
        last = at + 1 if digits[at] == "0" else min(at + width, end - count + 1, reach[at])
        first = max(at + 1, end - (count - 1) * width)
        if first > last:
            return
        value = int(digits[at:first - 1] or "0")
        for stop in range(first, last + 1):
            value = value * 10 + ord(digits[stop - 1]) - 48
            if value > left:
                break
            rest = left - value
            if (sums[end] - sums[stop] - rest) % 9:
                continue  # casting out nines
            if count == 2:  # the last part is what is left, or nothing is found here
                if number(stop, end) == rest:
                    found.append((*chosen, Piece(digits[at:stop], where[at], value, unit_at.get(stop)),
                                  piece(stop, end, rest)))
                    if len(found) > limit:
                        raise _Many
                continue
            bounds = spans.get((stop, end, count - 1), _UNKNOWN)
            if bounds is _UNKNOWN:
                bounds = span(stop, end, count - 1)
            if bounds is None or not bounds[0] <= rest <= bounds[1]:
                continue  # the digits after it cannot make what is left
            chosen.append(Piece(digits[at:stop], where[at], value, unit_at.get(stop)))
            parts(stop, end, count - 1, rest, chosen, found)
            chosen.pop()

    def tail(g: int, at: int):
        """The splits of digits[at:] into groups g, g + 1, …, or _MANY past the limit
        (which counts only where the groups before have a split that ends at ``at``)."""
        key = (g, at)
        if key not in tails:
            try:
                tails[key] = tail_of(g, at)
            except _Many:
                tails[key] = _MANY
        return tails[key]

    def tail_of(g: int, at: int) -> list[tuple[Piece, ...]]:
        _, size = groups[g]
        count = size - 1  # the group's parts; its last cell is their total
        cells_after = sum(s for _, s in groups[g + 1:])
        last = g == len(groups) - 1
        found: list[tuple[Piece, ...]] = []
        for end in range(n, n + 1) if last else range(at + size, n - cells_after + 1):
            rest = [()] if last else tail(g + 1, end)
            if not rest:
                continue
            for length in range(1, end - at - count + 1):
                start = end - length
                total = number(start, end)
                if total is None or not count <= start - at <= count * length:
                    continue
                if not can_make(at, start, count, total):
                    continue
                mine: list[tuple[Piece, ...]] = []
                parts(at, start, count, total, [], mine)
                if mine and rest is _MANY:
                    raise _Many
                cell = piece(start, end, total)
                for own in mine:
                    for after in rest:
                        found.append((*own, cell, *after))
                        if len(found) > limit:
                            raise _Many
        return found

    try:
        found = tail(0, 0)
    finally:
        if shared is not None:
            shared.left -= steps
    if found is _MANY:
        raise TooMany
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
    groups = _total_groups(tokens, kinds, relations)
    if groups is not None:
        return _total_group_splits(tokens, groups, limit, budget, shared)
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
