"""Which template row a logical row is: its label read, joined where it wraps (over
lines, around its figures, inside its cell), parted where a cell holds its parents'
labels too, matched to the template's rows (numbering included), and every other
label of the table told apart (a header cell, a parent label, a stray).
"""

from __future__ import annotations

import functools
import re

from govparse.core.cells import EMPTY, FOLD_FULL_WIDTH, LABEL, WORD, Cell, has_han
from govparse.core.grid import EmptyRun
from govparse.core.logical_rows import LogicalRow
from govparse.core.stacked import fewer_and_shorter, placed_figures, under
from govparse.core.wording import did_you_mean, is_cut_figure, no_number
from govparse.template.spec import (LabelCatalogue, RowSpec, is_numbered, label_key,
                                    normalize_label, numbering_length)


_BLANKS = re.compile(r"\s+")

# The most lines a row label is read joined over, one after another: a text layer that
# writes each character of a narrow cell on a line of its own (a browser's print, the
# longest label's 38 characters).
_MOST_LINES = 40


# A cell that looks like a figure but is none NUMBER reads: 1，234  1 234  1234.
# Matched with full-width forms folded to ASCII first: a class that mixes the two
# compiles into a table of all 65,536 characters, slow at start-up.
_ASCII_FIGURE_LIKE = re.compile(r"[+-]?[0-9][0-9,.\s]*$")


def looks_like_a_figure(text: str) -> bool:
    return _ASCII_FIGURE_LIKE.match(text.translate(FOLD_FULL_WIDTH)) is not None


@functools.cache
def _digit() -> re.Pattern:
    """(Compiled when first wanted: a cell after a row's last figure is seldom met.)"""
    return re.compile(r"[0-9０-９]")


def _trails_as_a_figure(cell: Cell, before: Cell | EmptyRun) -> bool:
    """A cell after a row's last figure, in the same source row, with digits and no
    word (&nbsp;287, 2 87): a figure no one can read, not a footnote (注1)."""
    return cell.row is not None and getattr(before, "row", None) == cell.row \
        and _digit().search(cell.text) is not None and not has_han(cell.text)


def splits_a_word(text: str) -> bool:
    """Whether blanks stand between two CJK ideographs: 商业 企业, 结果 维持.
    (Not a regular expression: compiling the range of CJK ideographs costs 2 ms,
    a fortieth of a cold start.)"""
    for gap in _BLANKS.finditer(text):
        start, end = gap.span()
        if 0 < start and end < len(text) and "\u4e00" <= text[start - 1] <= "\u9fff" \
                and "\u4e00" <= text[end] <= "\u9fff":
            return True
    return False


_SPLIT, _VARIANT = "split", "variant"


@functools.lru_cache(maxsize=4096)  # the same labels come back report after report
def _label_form(catalogue: LabelCatalogue, text: str) -> str | None:
    """How a label is written: split by a space between two ideographs (_SPLIT), the
    table's label with other brackets, colons or spacing (_VARIANT), or as it is."""
    if splits_a_word(text):
        return _SPLIT
    official = catalogue.labels_by_key.get(label_key(text))
    if official and text != official and normalize_label(text) == normalize_label(official):
        return _VARIANT
    return None


MAX_LABEL_WORDS = 8  # a cell of more words is no row's labels run together (_parted_leaf)


def _parents_in(text: str, words: list[int], end: int, path: list[str]
                ) -> list[tuple[int, int]] | None:
    """Where (start, end) each of the labels ``path`` (the template's, outermost first)
    stands in ``text``, the words starting at ``words`` up to ``end`` holding them in
    order, one after another; None when they do not."""
    parts: list[tuple[int, int]] = []
    index = 0
    for label in path:
        if index == len(words):
            break  # (the text may leave the outer labels out: they stand above)
        key = label_key(label)
        for stop in range(index + 1, len(words) + 1):
            until = words[stop] if stop < len(words) else end
            written = text[words[index]:until]
            piece = label_key(written)
            if piece == key or (stop == len(words) and part_of_label(written, piece, label)):
                parts.append((words[index], until))
                index = stop
                break
    return parts if parts and index == len(words) else None


def part_of_label(written: str, piece: str, label: str) -> bool:
    """Whether ``written`` (its key ``piece``) is a part of the template's ``label``
    wrapped over lines in its cell, on the line of a row's label: its first part, two
    characters of its words at least (（三）不予公 / 开) or fewer where its numbering is
    the label's (（三）不 / 予公开, 三、本 / 年度办 / 理结果: pdftotext -layout puts each
    before the label of the row beside it); or a later part of two characters or more
    (年度办, 予公开)."""
    key = label_key(label)
    if key.startswith(piece):
        return len(piece) >= 2 or (_number_of(written) is not None
                                   and _number_of(written) == _number_of(label))
    return len(piece) >= 2 and piece == written.strip() and piece in key


def _last_word(text: str) -> int:
    """Where the last word of a text starts (its blanks parting words)."""
    starts = [m.start() for m in WORD.finditer(text)]
    return starts[-1] if starts else 0


def after_single_characters(text: str) -> int:
    """Where a text starts after the words of one character before its last word (a
    label's characters written down its column, one a line: ``本 形，不计其他情形）``),
    or a parent label's numbering alone (its words wrapped over the lines below:
    ``（六） 公开申请``)."""
    spans = [m.span() for m in WORD.finditer(text)]
    skip = 0
    while skip < len(spans) - 1 and (spans[skip][1] - spans[skip][0] == 1
                                     or _numbering_alone(text[spans[skip][0]:spans[skip][1]])):
        skip += 1
    return spans[skip][0] if spans else 0


def _numbering_alone(word: str) -> bool:
    word = normalize_label(word)
    return 0 < numbering_length(word) == len(word)


def _part_of(cell: Cell, start: int, end: int | None) -> Cell:
    """The label text[start:end] of a cell (its blanks around it left out)."""
    text = cell.text[start:end].rstrip()
    part = Cell(LABEL, text, cell.line, None if cell.column is None else cell.column + start,
                location=cell.source)
    part.row = cell.row
    return part


def _parent_parted(leaf: Cell) -> list[Cell]:
    """A row's label cell parted before the row's numbering, where a blank and words
    before it (a group's label or a piece of it, ``（三）不 4.保护第三方合法权益``) stand
    in the cell: [those words, the row's label]; else [the cell]."""
    word = next((m for m in WORD.finditer(leaf.text)
                 if m.start() and is_numbered(leaf.text[m.start():])), None)
    if word is None:
        return [leaf]
    return [_part_of(leaf, 0, word.start()), _part_of(leaf, word.start(), None)]


def _digits_beyond(key: str, official: str) -> bool:
    """Whether a label's key holds a number the template's label (its key) does not."""
    return bool(set(re.findall(r"\d+", key)) - set(re.findall(r"\d+", official)))


def _same_number(written: str, official: str) -> bool:
    """Whether a label's numbering agrees with the template's label it is read as
    (either without a number agrees)."""
    a, b = _number_of(written), _number_of(official)
    return a is None or b is None or a == b


_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


MAX_NUMBERING_DIGITS = 9


@functools.lru_cache(maxsize=4096)  # the same labels, row after row, report after report
def _number_of(label: str) -> int | None:
    """The number a label's numbering gives (3 for 3.其他, （三）, 3、), or None."""
    text = normalize_label(label)
    length = numbering_length(text)
    if not length:
        return None
    numeral = text[:length].strip("()、.,")
    if numeral.isdecimal():
        # (no template label is numbered past a few dozen, and int() refuses past
        # 4,300 digits: a longer numeral is a number no template label has, -1)
        return int(numeral) if len(numeral) <= MAX_NUMBERING_DIGITS else -1
    return _NUMERALS.get(numeral) if len(numeral) == 1 else None


class RowLabels:
    """The TableReader's reading of row labels (a mixin: the reader's state is its own)."""

    __slots__ = ()  # (TableReader holds the state: its __slots__)

    def _strays_joined(self, rows: list[LogicalRow]) -> list[LogicalRow]:
        """A row whose figures a cell that is no label of the table interrupts on the
        same line (a footnote mark *, 注1 pulled into the row): the cell is no row
        label, so the figures on both sides of it are one row's, with a cell too many."""
        out: list[LogicalRow] = []
        for row in rows:
            previous = out[-1] if out else None
            if previous is not None and previous.has_figures and previous.labels and (
                    len(row.labels) == 1 and not row.data
                    or len(row.labels) > 1 and getattr(previous.data[-1], "x", None) is None):
                # after the row's figures, in its own source row, a cell that is a place
                # of the row: one that looks like a figure no one can read (&nbsp;287),
                # or words that are no label (_trails_as_words); before the labels of
                # the next source row too, where nothing says where the figures stand
                # (a cell of digits stays among those labels: the rest of a number
                # wrapped over the row below, which keeps that row's figures from being
                # read)
                cell = row.labels[0]
                words = self._trails_as_words(cell, previous)
                if words or _trails_as_a_figure(cell, previous.data[-1]):
                    previous.stray = cell
                    if len(row.labels) == 1:
                        continue
                    if words:
                        del row.labels[0]
            if previous is not None and previous.has_figures and row.has_figures \
                    and len(row.labels) == 1 and previous.labels:
                stray = row.labels[0]
                before, after = previous.data[-1], row.data[0]
                if stray.row is not None and before.row == stray.row == after.row \
                        and label_key(stray.text) not in self.catalogue.labels_by_key \
                        and self.catalogue.close_row(label_key(stray.text)) is None:
                    previous.stray = stray
                    previous.data.extend(row.data)
                    continue
            out.append(row)
        return out

    def _trails_as_words(self, cell: Cell, row: LogicalRow) -> bool:
        """Whether a cell after a row's last figure, in its own source row, is text
        that is no label of the table nor a piece of one (零, 暂无, 12注1 in the total's
        cell), in a row with an empty place among its figures', where nothing says
        where they stand (a page's or a Word file's grid: a text's spaced cells have
        their extents, which place them): a place of the row. Left out, it would leave
        the row a place short, and the row would take an empty place that is no
        column's (the rest of a label not merged over both label columns, an empty
        column put in) for a figure's and every figure after it a column out; which
        it is (that, or a figure left blank and a remark after the row) cannot be
        told. (With no empty place the row is short of a figure, which the gap rule
        places or not: the cell is no label, GP201.)"""
        before = row.data[-1]
        if cell.row is None or getattr(before, "row", None) != cell.row \
                or getattr(before, "x", None) is not None \
                or not any(c.kind == EMPTY for c in row.data) \
                or _trails_as_a_figure(cell, before) or looks_like_a_figure(cell.text):
            return False
        key = label_key(cell.text)
        return bool(key) and self.catalogue.close_row(key) is None \
            and not any(key in label for label in self.catalogue.labels_by_key)

    def _parent_rests_joined(self, rows: list[LogicalRow]) -> list[LogicalRow]:
        """A group label written down its cell over the rows it groups (pdftotext
        -layout: ``（六）其他处`` / … / ``理``), its rest on a line with figures: read
        alone, the rest names no row and takes the figures after it from the row they
        go on (``2.申请人逾期未按收费通知要求缴纳费用、行政机关不再 … 1`` / ``理 0 1 0 0
        0 0``). Where the rest, joined to a label of the row before on a line above it
        (two at most), names a group of the table, it is that label's rest: joined to
        it, and the figures after it the row's."""
        cat = self.catalogue
        out: list[LogicalRow] = []
        for row in rows:
            previous = out[-1] if out else None
            if previous is None or not previous.has_figures or not row.has_figures \
                    or len(row.labels) != 1 or not previous.labels:
                out.append(row)
                continue
            rest = row.labels[0]
            key = label_key(rest.text)
            at = labels = None
            if rest.line is not None and key not in cat.labels_by_key:
                # (the row's own cell may hold the group's label, a blank before the
                # row's numbering: ``（三）不 4.保护第三方合法权益`` / … / ``予公开 9``)
                for labels in (previous.labels,
                               previous.labels[:-1] + _parent_parted(previous.labels[-1])):
                    at = next((i for i, label in enumerate(labels[:-1])
                               if label.line is not None and 0 < rest.line - label.line <= 2
                               and label_key(label.text + rest.text) in cat.parents_by_key),
                              None)
                    if at is not None:
                        break
            if at is None:
                out.append(row)
                continue
            previous.labels[:] = labels
            label = previous.labels[at]
            previous.labels[at] = label.joined(rest)
            previous.data.extend(row.data)
            self.sink.add("GP307", f"group label '{label.text}' continues on line {rest.line} "
                          f"as '{rest.text}', before figures of the row above; read as "
                          f"'{label.text}{rest.text}'", at=rest, length=len(rest.text))
        return out

    def _continued_labels(self, rows: list[LogicalRow]) -> list[tuple]:
        """A row label wrapped onto the line after its figures (a PDF's cell: its
        figures on the first line, ``1.申请人无正当理由逾期不补正、行政机关不`` /
        ``再处理其政府信息公开申请`` below): the rest, the first label of the next
        row that is no label of the table, goes back to the label it continues when
        together, not apart, they name a row.

        Returns, for each row whose rest stands on a line with figures and no other
        label, ``(id(row.data), (upper, lower))``: a figure of the row over one of
        the rest's line. Those are the rest of numbers wrapped in the row's cells (a
        row broken across pages: 882 / 2 under 2.其他法律行政法规 / 禁止公开), which
        cannot be told from figures of their own: none of the row's is placed."""
        cat = self.catalogue
        rests: list[tuple] = []
        for at, (previous, row) in enumerate(zip(rows, rows[1:])):
            if not (previous.has_figures and previous.labels and row.labels):
                continue
            leaf = previous.labels[-1]
            key = label_key(leaf.text)
            if key in cat.labels_by_key:  # (most rows; _over_three_lines asks it first too)
                if key in cat.parents_by_key and key not in cat.rows_by_key \
                        and any(c.line == leaf.line for c in previous.data):
                    # (a group's label beside the figures, the row's own wrapped around
                    # them: 1.申请人无正当理由逾期不补正、行政机关 / （六）其他处理 1 0 … /
                    # 不再处理其政府信息公开申请, inscriptis's)
                    self._around_figures(previous, row)
                continue
            if at + 2 < len(rows) and self._over_three_lines(previous, row, rows[at + 2]):
                continue
            passed: set[int] = set()  # (lines of a group's pieces passed over)
            for rest in list(row.labels):
                if label_key(rest.text) in cat.labels_by_key:
                    continue  # (a parent label standing on the same line)
                if rest.line is None or leaf.line is None or rest.line <= leaf.line:
                    break
                if all(c.line != rest.line for c in row.data) \
                        and self._parent_continued(previous.labels, rest):
                    _remove(row.labels, rest)
                    leaf = previous.labels[-1]
                    continue  # (（四）无法 2.没有现成信息需要另 / … / 提供    行制作)
                joined = leaf.joined(rest)
                # (beside a piece of the group's label written down its cell, both
                # lines: 年度办 （二）部分公开（…只计这一情 / 理结果 形，不计其他情形）)
                beside = None if label_key(joined.text) in cat.rows_by_key \
                    or self._names_a_row_after_a_piece(joined.text) \
                    else self._rest_beside_a_piece(leaf, rest)
                if beside is not None:
                    joined = leaf.joined(beside[1])
                if label_key(joined.text) in cat.rows_by_key \
                        or self._names_a_row_after_a_piece(joined.text) \
                        and all(c.line != rest.line for c in row.data):
                    # (the latter: a line of figures left with no label would stand
                    # over the next row's as first parts of its numbers)
                    previous.labels[-1] = joined
                    if beside is None:
                        _remove(row.labels, rest)
                    else:  # (the piece stays, a group's)
                        row.labels[:] = [beside[0] if c is rest else c for c in row.labels]
                        rest = beside[1]
                    self.label_ends[id(previous.data)] = rest.line
                    self.sink.add("GP307", f"row label '{leaf.text}' continues on a line "
                                  f"after its figures as '{rest.text}'; read as "
                                  f"'{joined.text}'", at=rest, length=len(rest.text))
                else:
                    # wrapped over the line above as well (label / label + figures / label)
                    joined = self._wrapped_label(previous.labels, len(previous.labels) - 1,
                                                 leaf, rest, passed)
                    if joined is not None:
                        previous.labels[-1] = joined
                        _remove(row.labels, rest)
                        self.label_ends[id(previous.data)] = rest.line
                    elif passed or self._around_figures(previous, row) is None:
                        # (a piece passed over already: the label was tried around the
                        # figures then, and neither row has changed since)
                        if self._of_a_group(rest) and all(c.line != rest.line for c in row.data):
                            # (a piece of a group's label written down its own cell, on a
                            # line between the label's: the label may go on after it)
                            passed.add(rest.line)
                            continue
                if previous.labels[-1] is not leaf and row.has_figures \
                        and all(c.line in passed for c in row.labels):
                    # (the rest's line holds no other label: a group's pieces passed
                    # over at most, 公 of 不予公开 between 2.其他法律行政法规 and 禁止公开)
                    upper, lower = placed_figures(previous.data), placed_figures(row.data)
                    pair = under(upper, lower) or _shorter_rests(upper, lower)
                    if pair is not None:
                        rests.append((id(previous.data), pair))
                break
        return rests

    def _around_figures(self, previous: LogicalRow, row: LogicalRow) -> Cell | None:
        """A row label wrapped in its cell over four lines or more, the row's figures
        set in the cell's middle on a line of their own (pdftotext -layout of a page a
        browser printed: ``1.申请人无正当理由`` / ``逾期不补正、行政机关不`` / figures /
        ``再处理其政府信息公开申`` / ``请``): up to three of the row's last labels on
        the lines just above its figures' line and one to three of the next row's
        first on the lines just below it, when together, and not the upper ones alone,
        they name a row. A group label's pieces written down its own cell between them
        or beside the figures (``（六）`` / ``其他处理``) are passed over and kept where
        that names a row, else taken as parts. Then that label, the parts taken
        from both rows (the figures' line the only line between them), and a GP307
        note; else None."""
        lines = {c.line for c in previous.data if c.kind != EMPTY}
        if len(lines) != 1 or None in lines:
            return None
        (line,) = lines
        beside = [c for c in previous.labels if c.line == line]  # (a group's piece, or none)
        if any(not self._of_a_group(c) for c in beside):
            return None
        labels = [c for c in previous.labels if c.line != line]
        found = self._parts_around(labels, row.labels, line, True)
        if found is None and not beside:
            found = self._parts_around(labels, row.labels, line, False)
        if found is None:
            return None
        upper, lower = found
        parts = upper + lower
        joined = functools.reduce(Cell.joined, parts)
        for part in upper:
            _remove(previous.labels, part)
        for part in lower:
            _remove(row.labels, part)
        previous.labels.append(joined)
        self.label_ends[id(previous.data)] = parts[-1].line
        self.sink.add("GP307", f"row label wrapped in its cell around its figures (on line "
                      f"{line}) as " + " / ".join(f"'{c.text}'" for c in parts)
                      + f"; read as '{joined.text}'", at=parts[0], length=len(parts[0].text))
        return joined

    def _parts_around(self, labels: list[Cell], next_labels: list[Cell], line: int,
                      pass_parents: bool) -> tuple[list[Cell], list[Cell]] | None:
        """The parts of a row label above a line of figures (the last of ``labels``)
        and below it (the first of ``next_labels``) that together name a row, the
        upper ones alone not (_around_figures); None where none do."""
        above = self._parts_next_to(reversed(labels), line, -1, pass_parents)
        below = self._parts_next_to(next_labels, line, 1, pass_parents)
        rows = self.catalogue.rows_by_key
        uppers = [above[:count][::-1] for count in range(1, len(above) + 1)]
        if any(label_key("".join(c.text for c in upper)) in rows for upper in uppers):
            return None  # (the label is whole above its figures)
        for upper in uppers:
            for more in range(1, len(below) + 1):
                text = "".join(c.text for c in upper + below[:more])
                spec = rows.get(label_key(text))
                if spec is not None and _same_number(text, spec.label):
                    return upper, below[:more]
        return None

    def _parts_next_to(self, labels, line: int, step: int, pass_parents: bool) -> list[Cell]:
        """The labels on the lines next to ``line``, one a line going away from it
        (``step`` -1: upwards, ``labels`` from the last; 1: downwards), three at most,
        each no label of the table; with ``pass_parents``, a group's label or a piece
        of one on one of those lines passed over (beside a part, or on a line of its
        own between two)."""
        parts: list[Cell] = []
        expected = line + step
        for label in labels:
            if label.line is None or len(parts) == 3:
                break
            key = label_key(label.text)
            if pass_parents and (label.line - expected + step) * step >= 0 \
                    and self._of_a_group(label):  # (on the last part's line, or beyond)
                if label.line == expected:
                    expected += step
                continue
            if label.line != expected or key in self.catalogue.labels_by_key:
                break
            parts.append(label)
            expected += step
        return parts

    def _of_a_group(self, label: Cell) -> bool:
        """Whether the label is a group's label or a piece of one (（六）, 其他处理)."""
        return self._group_of(label_key(label.text)) is not None

    def _group_of(self, key: str) -> str | None:
        """The label of the group whose key holds ``key`` (a piece of its label), or None."""
        return next((label for parent, label in self.catalogue.parents_by_key.items()
                     if key in parent), None)

    def _names_a_row_after_a_piece(self, text: str) -> bool:
        """Whether the text, a label cell's, names a row after a piece of a group's
        label and a blank (``理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形）``:
        pdftotext's line of a row beside its group's label written down its cell):
        _parted_leaf parts it as the row is read."""
        words = [m.start() for m in WORD.finditer(text)]
        return len(words) == 2 and label_key(text[words[1]:]) in self.catalogue.rows_by_key \
            and self._group_of(label_key(text[:words[1]])) is not None

    def _rest_beside_a_piece(self, leaf: Cell, rest: Cell) -> tuple[Cell, Cell] | None:
        """A row label's rest after a piece of a group's label and a blank, the label
        itself after another piece of it (pdftotext's lines of a row beside its group's
        label written down its cell: ``年度办 （二）部分公开（区分处理的，只计这一情`` /
        figures / ``理结果 形，不计其他情形）``): (the piece, the rest) where the label
        and the rest together name a row after its piece; else None."""
        words = [m.start() for m in WORD.finditer(rest.text)]
        if len(words) != 2 or self._group_of(label_key(rest.text[:words[1]])) is None:
            return None
        own = _part_of(rest, words[1], None)
        if not self._names_a_row_after_a_piece(leaf.text + own.text):
            return None
        return _part_of(rest, 0, words[1]), own

    def _parent_continued(self, labels: list[Cell], rest: Cell) -> bool:
        """Whether ``rest`` is the rest of one of a row's parent labels (``labels``: the
        row's, its own last), wrapped onto a line after the row's figures beside the
        rest of the row's own label, with no figure on its line (a wrapped number's
        rest, which the row's reading must keep beside it): then the parent is read
        whole (GP307). The parent may stand in the row's own cell, a blank before the
        row's numbering (pdftotext's layout of a browser's print: ``（四）无法 2.没有现
        成信息需要另`` / figures / ``提供    行制作``): the cell is then parted there."""
        parents = self.catalogue.parents_by_key
        leaf = labels[-1]
        candidates = [(at, label, None) for at, label in enumerate(labels[:-1])]
        for word in WORD.finditer(leaf.text):
            if word.start() and is_numbered(leaf.text[word.start():]):
                candidates.append((len(labels) - 1, _part_of(leaf, 0, word.start()),
                                   _part_of(leaf, word.start(), None)))
        for at, parent, own in candidates:
            if parent.line is not None and parent.line < rest.line \
                    and label_key(parent.text) not in parents \
                    and label_key(parent.text + rest.text) in parents:
                labels[at:at + 1] = [parent.joined(rest)] + ([own] if own is not None else [])
                self.sink.add("GP307", f"group label '{parent.text}' continues on line "
                              f"{rest.line} as '{rest.text}'; read as "
                              f"'{parent.text}{rest.text}'", at=rest, length=len(rest.text))
                return True
        return False

    def _over_three_lines(self, previous: LogicalRow, row: LogicalRow, after: LogicalRow
                          ) -> bool:
        """A row label wrapped in its cell over three lines, the row's figures on the
        first two (pdftotext -layout of a Word table whose 总计 sits at its cell's top,
        the others centred: ``1.申请人无正当理由逾期不补正、 … 0`` / ``行政机关不再处理其政府
        信息公开 0 0 0 0 0 0`` / ``申请``). Each part starts where the first does, on a
        line after the one before (a parent label's piece may stand between, at its own
        column), no figure stands on the third part's line (the rest of a number
        wrapped in the row's cell would), and together, not the first two alone, they
        name a row: the label is theirs, the figures on the second part's line move to
        the row (at two heights: read by the columns the table's full rows stand in, or
        总计 alone above with the row's own total, GP323), and the label's last line is
        noted (its figures stand inside its cell). True where so joined."""
        leaf = previous.labels[-1]
        keys = self.catalogue.labels_by_key
        if leaf.column is None or label_key(leaf.text) in keys:
            return False
        rest = next((c for c in row.labels if c.column == leaf.column), None)
        third = next((c for c in after.labels if c.column == leaf.column), None)
        if rest is None or third is None or rest is not row.labels[-1] \
                or third is not after.labels[0] or not leaf.line < rest.line < third.line \
                or label_key(rest.text) in keys or label_key(third.text) in keys \
                or any(c.line is None or c.line != rest.line for c in row.data) \
                or any(c.line == third.line for c in after.data if c.kind != EMPTY):
            return False
        joined = leaf.joined(rest).joined(third)
        if label_key(joined.text) not in self.catalogue.rows_by_key \
                or label_key(leaf.joined(rest).text) in self.catalogue.rows_by_key:
            return False
        previous.labels[-1] = joined
        row.labels.pop()
        after.labels.pop(0)
        previous.data.extend(row.data)
        row.data.clear()
        row.has_figures = False
        self.label_ends[id(previous.data)] = third.line
        self.sink.add("GP307", f"row label '{leaf.text}' continues on the next lines as "
                      f"'{rest.text}' / '{third.text}', its figures on the first two; read "
                      f"as '{joined.text}'", at=rest, length=len(rest.text))
        return True

    def _joined_leaf(self, labels: list[Cell], leaf: Cell) -> Cell:
        """A row label wrapped onto the next line of the table (4.无正当理由大量反 /
        复申请), or the next ones, each on the line after the one before (a
        PDF's text layer: 1.申请人无正当理由逾期不补 / 正、行政机关不再处理其政府 /
        信息公开申请; a narrow cell of a browser's print: 2.申请人逾期未按收费通知要求缴纳费
        / 用、 / 行政机关不再处理其政府信息公开申 / 请): the labels before the leaf and
        the leaf, when together, not apart, they name a row."""
        joined = leaf
        for count in range(1, _MOST_LINES):
            if len(labels) < count or _numbering_alone(labels[1 - count].text if count > 1
                                                       else leaf.text):
                break  # (a numbering alone opens a row's label, never goes on one: （七） / 总计)
            before = labels[-count]
            if label_key(before.text) in self.catalogue.labels_by_key or (
                    count > 1 and (before.line is None
                                   or before.line + 1 != labels[1 - count].line)):
                break
            joined = before.joined(joined)
            if label_key(joined.text) in self.catalogue.rows_by_key:
                if self._numbering_before(labels, count, joined):
                    count += 1  # (its numbering alone on the line before: 4. / 保 / … / 益)
                    joined = labels[-count].joined(joined)
                parts = labels[-count:]
                del labels[-count:]
                self.sink.add("GP307", f"row label '{parts[0].text}' continues on the next "
                              f"line{'s' if count > 1 else ''} as "
                              + " / ".join(f"'{c.text}'" for c in parts[1:] + [leaf])
                              + f"; read as '{joined.text}'", at=leaf, length=len(leaf.text))
                return joined
        return self._wrapped_label(labels, len(labels), leaf, None) or leaf

    def _numbering_before(self, labels: list[Cell], count: int, joined: Cell) -> bool:
        """Whether the label before the last ``count`` of ``labels`` (read joined as
        ``joined``, a row's label with no numbering) is that row's numbering alone, on
        the line before."""
        if len(labels) <= count or _number_of(joined.text) is not None:
            return False
        before, first = labels[-count - 1], labels[-count]
        spec = self.catalogue.rows_by_key[label_key(joined.text)]
        return before.line is not None and first.line == before.line + 1 \
            and _numbering_alone(before.text) \
            and _number_of(before.text + joined.text) == _number_of(spec.label)

    def _wrapped_label(self, labels: list[Cell], end: int, leaf: Cell, below: Cell | None,
                       passed: set[int] = frozenset()) -> Cell | None:
        """A row label wrapped in its cell over the line above, with (and below) its
        figures, where the lines hold other cells' text too (pdftotext -layout: a
        character of a label written down its column, ``、`` / ``本``, or a parent
        label's end, before each line's part, one blank between): the last word of the
        label on the line above (among ``labels[:end]``), the leaf, and ``below``,
        without such single characters before them, when together they name a row.
        Then that label, what is left of the one above (its words before: a parent
        label's) taking its place in ``labels``, and a GP307 note; else None.
        ``passed``: lines between the leaf's and ``below``'s that hold only a piece of a
        group's label, written down its own cell (``理结`` of 三、本年度办理结果)."""
        if leaf.line is None or below is not None and (below.line <= leaf.line or any(
                line not in passed for line in range(leaf.line + 1, below.line))):
            return None
        at = next((i for i in range(end - 1, -1, -1) if labels[i].line == leaf.line - 1), None)
        if at is None:
            return None
        above = labels[at]
        start = _last_word(above.text)
        pieces = [_part_of(above, start, None),
                  _part_of(leaf, after_single_characters(leaf.text), None)]
        if below is not None:
            pieces.append(_part_of(below, after_single_characters(below.text), None))
        if label_key(pieces[0].text) in self.catalogue.labels_by_key:
            return None
        joined = functools.reduce(Cell.joined, pieces)
        spec = self.catalogue.rows_by_key.get(label_key(joined.text))
        if spec is None or not _same_number(joined.text, spec.label):
            return None
        parts = [above, leaf] + ([below] if below is not None else [])
        self.sink.add("GP307", "row label wrapped in its cell over "
                      + " / ".join(f"'{c.text}'" for c in parts)
                      + f"; read as '{joined.text}'", at=leaf, length=len(leaf.text))
        rest = above.text[:start]
        # what is left: a parent label's words, or characters written down a column
        labels[at:at + 1] = [_part_of(above, 0, start)] if any(
            len(word) > 1 for word in rest.split()) else []
        return joined

    def _parted_leaf(self, leaf: Cell) -> list[Cell] | None:
        """A cell that holds a row's parent labels and its own, parted by blanks
        (三、本年度办理结果 （一）予以公开: a table laid out with blanks between its cells,
        lynx's or pdftotext's, keeps a label with one blank inside whole) as those
        labels, when its last words name a row and the words before them the labels
        above that row, in its order; else None."""
        spans = [m.span() for m in WORD.finditer(leaf.text)]
        words = [start for start, _ in spans]
        if not 1 < len(words) <= MAX_LABEL_WORDS:
            return None
        cat = self.catalogue
        for start in range(len(words) - 1, 0, -1):  # (a row's label may hold a blank)
            spec = cat.rows_by_key.get(label_key(leaf.text[words[start]:]))
            if spec is None or not _same_number(leaf.text[words[start]:], spec.label):
                continue
            # a character of a label above the row written down its column (三 / 、 /
            # 本 / 年 / 度 …, pdftotext -layout puts one before each row's label) first
            skip = 0
            while skip < start and spans[skip][1] - spans[skip][0] == 1 \
                    and any(leaf.text[words[skip]] in p for p in spec.path[:-1]):
                skip += 1
            parents = (_parents_in(leaf.text, words[skip:start], words[start],
                                   list(spec.path[:-1]))
                       if skip < start else [])
            if parents is None:
                continue
            parts = [_part_of(leaf, at, end) for at, end in parents + [(words[start], None)]]
            left_out = "".join(leaf.text[words[i]] for i in range(skip))
            self.sink.add("GP210", f"'{leaf.text}' holds the labels of row '{spec.label}' and "
                          "of the rows above it, parted by blanks; read as "
                          + " / ".join(f"'{c.text}'" for c in parts)
                          + (f" ('{left_out}': of a label written down its column)"
                             if left_out else ""),
                          at=leaf, length=len(leaf.text))
            return parts
        return None

    def _row_for_leaf(self, leaf: Cell, data: list[Cell]) -> RowSpec | None:
        key = label_key(leaf.text)
        cat = self.catalogue
        if key in cat.rows_by_key:
            spec = cat.rows_by_key[key]
            if key in cat.headers_by_key and not is_numbered(leaf.text) \
                    and is_numbered(spec.label) and not self.seen_rows:
                # 其他 is a column's header as well as row 3.其他 written without its
                # number: in text whose cells came in reading order (pdftotext without
                # -layout), the header cell stands just before the first row's figures.
                # (After other rows, 总计 is the row （七）总计 written short.)
                self.sink.add(
                    "GP204", f"figures follow '{leaf.text}' before any row of the table; it "
                    f"is a column's header as well as row '{spec.label}' without its number, "
                    "and which it is cannot be told, so they are not placed", at=leaf,
                    length=len(leaf.text), hint=f"the template's row label is '{spec.label}'")
                return None
            if _same_number(leaf.text, spec.label):
                return spec
            # 2.其他 (2.其他法律行政法规禁止公开 cut short) is not 3.其他: the words
            # agree, the numbering does not
            self.sink.add(
                "GP204", f"figures follow '{leaf.text}', whose words are row "
                f"'{spec.label}' but whose number is not; they are not placed",
                at=leaf, length=len(leaf.text), hint=f"a label cut short? the template has "
                f"'{spec.label}'")
            return None
        first = next(c for c in data if c.is_figure)
        if key in cat.headers_by_key or key in cat.parents_by_key:
            self.sink.add(
                "GP204",
                f"figures follow '{leaf.text}', which is a header, not a row label; "
                "they are not placed",
                at=first,
            )
            self.figures_on_headers.append(leaf)  # (_figures_a_row_off)
            return None
        if looks_like_a_figure(leaf.text):
            self.sink.add(
                "GP313", f"'{leaf.text}' stands where a figure would, but is no number govparse "
                f"reads ({no_number(leaf.text)}); it and the figures after it are not placed",
                at=leaf, length=len(leaf.text))
            return None
        spec = cat.close_row(key)
        cut = None if spec is None else self._cut_short_of_another(leaf.text, key, spec)
        if cut is not None:
            # 2.其他法 is close to 3.其他 in words, but it is 2.其他法律行政法规禁止公开 cut short
            self.sink.add(
                "GP204", f"figures follow '{leaf.text}', whose words are close to row "
                f"'{spec.label}', but whose number is that of row '{cut}', which "
                "starts with its words; they are not placed", at=leaf, length=len(leaf.text),
                hint=f"a label cut short? the template has '{cut}'")
            return None
        if spec is not None and _digits_beyond(key, label_key(spec.label)):
            # 行政规范性文件 753 (a figure of a line shifted left of its column, read
            # into the label's cell by a pandoc table's rule): the row's other figures
            # would stand a column to the left of their own
            self.sink.add(
                "GP204", f"figures follow '{leaf.text}', close to row '{spec.label}' but "
                "with a number the row's label does not have: a figure run into the label? "
                "They are not placed", at=leaf, length=len(leaf.text),
                hint=f"the template's row label is '{spec.label}'")
            return None
        if spec is not None and self._rest_of_the_row_above(leaf, key, spec):
            # （六）其 + figures, then 他处理 669: the cells of the row above wrapped onto a
            # line of their own, its label's end and the ends of its numbers (36, / 669)
            self.sink.add(
                "GP204", f"figures follow '{leaf.text}', the end of row '{spec.label}''s "
                "label without its start: a line the row's cells are wrapped onto, whose "
                "figures may be the ends of the row's numbers; they are not placed",
                at=leaf, length=len(leaf.text), hint=f"the template's row label is '{spec.label}'")
            return None
        group = None if spec is None else self._group_holding(leaf.text, key)
        if group is not None:
            # 不 / 予公开 of （三）不予公开 on a line of figures: close to （一）予以公开 in
            # words, but a piece of the group's label written down its own cell
            self.sink.add(
                "GP204", f"figures follow '{leaf.text}', close to row '{spec.label}' in words "
                f"but a piece of group label '{group}'; they are not placed", at=leaf,
                length=len(leaf.text), hint=f"the template's row label is '{spec.label}'")
            return None
        if spec is not None:
            self.sink.add(
                "GP203",
                f"row label '{leaf.text}' is not the template's; read as '{spec.label}'",
                at=leaf, length=len(leaf.text), hint=f"did you mean {spec.label}?",
            )
            return spec
        suggestions = cat.suggest(key, {k: r.label for k, r in cat.rows_by_key.items()})
        self.sink.add(
            "GP204",
            f"figures follow '{leaf.text}', which names no row of this table; they are not placed",
            at=leaf, length=len(leaf.text),
            hint=did_you_mean(suggestions),
        )
        return None

    def _group_holding(self, text: str, key: str) -> str | None:
        """The group label a label with no numbering of its own is a piece of (予公开 of
        （三）不予公开), or None."""
        return None if is_numbered(text) else self._group_of(key)

    def _rest_of_the_row_above(self, leaf: Cell, key: str, spec: RowSpec) -> bool:
        """Whether a label is the end of row ``spec``'s label, without its start or
        number (他处理 of （六）其他处理), whose start is the label of the row on the line
        above, a row with figures of its own: a line that row's cells are wrapped onto."""
        above = _figured_leaf(self.row_above) if self.row_above is not None else None
        whole = label_key(spec.label)
        return above is not None and above.line is not None and leaf.line == above.line + 1 \
            and not is_numbered(leaf.text) and key != whole and whole.endswith(key) \
            and label_key(above.text + leaf.text) == whole

    def _cut_short_of_another(self, text: str, key: str, close: RowSpec) -> str | None:
        """The label of the row a label close to row ``close`` may be cut short of: one
        whose number is the label's (not ``close``'s) and whose words start with the
        label's. A parent row too: （六）其他处 is close to 3.其他 in words, but it is
        （六）其他处理 cut short (the 2019 table's row with figures, the 2021 table's
        parent of 3.其他)."""
        written = _number_of(text)
        if _same_number(text, close.label):
            return None
        cat = self.catalogue
        labels = [row.label for row in cat.rows_by_key.values()] + list(cat.parents_by_key.values())
        return next((label for label in labels
                     if label_key(label).startswith(key) and _number_of(label) == written), None)

    def _classify_label(self, cell: Cell) -> None:
        key = label_key(cell.text)
        cat = self.catalogue
        if key in cat.rows_by_key and (is_numbered(cell.text) or key not in cat.headers_by_key):
            # A row label with no figures after it.
            self._place(cat.rows_by_key[key], [], cell)
        elif key in cat.headers_by_key:
            self.header_keys.add(key)
            if cell.row not in self.header_cells and self.row_since_header:
                self.header_starts.append(len(self.header_cells))
                self.row_since_header = False
            self.header_cells.setdefault(cell.row, []).append(cell)
            self.last_header_row = cell.row
        elif key in cat.parents_by_key:
            pass
        elif looks_like_a_figure(cell.text) or is_cut_figure(cell.text):
            self.sink.add(
                "GP313", f"'{cell.text}' stands where a figure would, but is no number govparse "
                f"reads ({no_number(cell.text)}); the figure is missing", at=cell,
                length=len(cell.text))
        else:
            suggestions = cat.suggest(key)
            headers = [s for s in suggestions if label_key(s) in cat.headers_by_key]
            if headers:
                self.suggested.update(label_key(s) for s in headers)
                self.sink.add(
                    "GP202",
                    f"header cell '{cell.text}' is not a column label of this table",
                    at=cell, length=len(cell.text), hint=did_you_mean(headers),
                )
            else:
                self.sink.add(
                    "GP201", f"'{cell.text}' is no label of this table; ignored",
                    at=cell, length=len(cell.text), hint=did_you_mean(suggestions),
                )

    def _report_missing_rows(self, heading_line: int | None) -> None:
        for spec in self.catalogue.table.rows:
            if spec.id not in self.seen_rows:
                self.sink.add(
                    "GP205", f"row '{' / '.join(spec.path)}' is not in the table; its figures "
                    "are missing", heading_line, 1,
                )

    def _note_label_form(self, cell: Cell) -> None:
        form = _label_form(self.catalogue, cell.text)
        if form is _SPLIT:
            joined = _BLANKS.sub("", cell.text)
            self.sink.add("GP307", f"'{cell.text}' is split by a space; read as '{joined}'",
                          at=cell, length=len(cell.text))
        elif form is _VARIANT:
            self.variant_labels.append(cell)

    def _report_label_forms(self) -> None:
        if self.variant_labels:
            first = self.variant_labels[0]
            count = len(self.variant_labels)
            self.sink.add(
                "GP308",
                f"{count} label{'s' if count != 1 else ''} of this table "
                f"{'use' if count != 1 else 'uses'} other brackets, colons or spacing than the "
                f"template (first: '{first.text}'); read as the template's",
                at=first, length=len(first.text),
            )


def _shorter_rests(upper: list[Cell], lower: list[Cell]) -> tuple[Cell, Cell] | None:
    """Figures on the line of a row label's rest that may be the rests of numbers
    wrapped in its cells (stacked.fewer_and_shorter: 21750 as 2175 / 0, beside 获取信息),
    which pdftotext writes where its labels' Chinese characters leave them, under no
    figure in any measure: (a figure of the row, one of them), or None."""
    return (upper[-1], lower[0]) if fewer_and_shorter(upper, lower) else None


def _figured_leaf(row: LogicalRow) -> Cell | None:
    """The label of a row with figures (its last word cell that is no number cut
    short: '36,' of a number wrapped in its cell stands after it), or None."""
    if not row.has_figures:
        return None
    return next((c for c in reversed(row.labels) if not looks_like_a_figure(c.text)), None)


def _remove(cells: list[Cell], cell: Cell) -> None:
    """The cell itself out of the list (not one equal to it)."""
    cells[:] = [c for c in cells if c is not cell]
