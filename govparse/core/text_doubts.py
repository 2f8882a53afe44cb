"""What a text alone leaves in doubt, looked at once every table of a document is read
(TableReader's mixin): a text keeps no cell, so it cannot show that a number was wider
than its cell (a PDF saved from Word with rows of a fixed height shows a wide number's
first line only: pdftotext writes 806 425 144 for 806 42529 1447) or that a row's
figures were drawn a row below their label. Where the text's own signs say so, the rows
in doubt are not placed (GP326, GP330): missing, never a number cut short or a row's
figures given to the row above. Not for a document whose front-end measured each
figure against its cell (Document.cells_measured: a PDF's), nor a web page's or a Word
file's, whose cells hold their figures."""

from __future__ import annotations

from govparse.core.figure_cells import MISSING
from govparse.template.spec import RowSpec, label_key


class TextDoubts:
    """TableReader's rows in doubt in a text (its state is the reader's)."""

    __slots__ = ()

    def rows_in_doubt_in_a_text(self, wrapped_numbers: bool) -> None:
        """What a text alone leaves in doubt, looked at by assemble once every table of
        a document not measured on a page (Document.cells_measured) is read: rows whose
        figures may stand a row off their labels (_figures_a_row_off), and, where
        a table of the document has numbers wrapped in their cells
        (``wrapped_numbers``), rows whose own total breaks
        (_rows_cut_where_numbers_wrap_in_the_document)."""
        if not self.figures_on_headers and not wrapped_numbers or not self._from_a_text():
            return  # (a web page, a Word file: figures in their rows' cells)
        self._figures_a_row_off()
        if wrapped_numbers:
            self._rows_cut_where_numbers_wrap_in_the_document()

    def wrapped_numbers(self) -> bool:
        """Whether numbers were read joined over lines, wrapped in their cells (GP329),
        or a row was not placed for figures one above the other (GP320) that may be a
        number wrapped in its cell: the lower has no more digits than the
        upper (a first line fills its cell, its rest is no wider), stands on no line
        of a row's label (a row's own line: two rows' figures, 176 over 177), and is no
        line a converter wrapped as a whole: one going on at the margin (where the
        labels start) right under a line as long as a converter's width (lynx's
        （六）其他处理 1.申请人… 62055 12342 221 1228373 761 / 157 32908 at 80 columns)."""
        if self.joined_wraps:
            return True  # (numbers joined where the arithmetic confirms them: GP329)
        if not self.stacked_pairs:
            return False
        keys = self.catalogue.rows_by_key
        rows_lines = {c.line for row in self.rows for c in row.labels
                      if label_key(c.text) in keys}
        margin = min((c.x[0] for row in self.rows for c in row.labels if c.x is not None),
                     default=None)
        return any(lower.line not in rows_lines
                   and _digits(lower.text) <= _digits(upper.text)
                   and not self._wrapped_as_a_whole(lower, margin)
                   for upper, lower in self.stacked_pairs)

    def _wrapped_as_a_whole(self, lower, margin) -> bool:
        """Whether ``lower`` goes on at the margin right under a line that ends where
        a converter wraps (_CONVERTER_WIDTH display columns or more)."""
        if lower.x is None or lower.line is None or margin is None or lower.x[0] > margin:
            return False
        above = lower.line - 1
        end = max((c.x[1] for row in self.rows for c in (*row.labels, *row.data)
                   if getattr(c, "line", None) == above and getattr(c, "x", None)),
                  default=0)
        return end >= _CONVERTER_WIDTH

    def _figures_a_row_off(self) -> None:
        """Figures on the line of a header cell (GP204) next to rows read with figures
        that run to a row's label with none (GP301): each row's figures may stand a
        row off its label, which the text does not tell; the rows between are not
        placed (GP330), the figures on the header's line neither.

        - Below: the header right under the rows, the first of which comes after the
          bare label (规章 / 行政规范性文件 607 99999 1080 / 第二十条第（五）项 1268 6439
          566: pdftotext of rows of a fixed height too low for their figures, drawn
          lower, on the next row's line).
        - Above: the header right over the rows, the last of which comes before the
          bare label (本年处理决定数量 / 4 / 行政处罚 7 / 行政强制: pdfplumber of cells
          whose figures stand at their bottom, a line with the next row's label)."""
        table = self.catalogue.table
        for leaf in self.figures_on_headers:
            at = next((i for i, row in enumerate(self.rows)
                       if row.labels and row.labels[-1] is leaf), None)
            if at is None:
                continue
            between, where = None, ""
            if len(self.rows[at].labels) == 1:  # (no label between the rows and it)
                between, where = self._rows_next_to_a_bare_label(at, -1), "below"
            if not between:
                between, where = self._rows_next_to_a_bare_label(at, 1), "above"
            if not between:
                continue
            for spec in between:
                self._not_placed(spec)
            rows = ", ".join(f"row '{spec.label}'" for spec in sorted(
                between, key=lambda spec: table.rows.index(spec)))
            self.sink.add(
                "GP330", f"figures follow '{leaf.text}', a header, right "
                + ("under " if where == "below" else "over ") + rows
                + (", after" if where == "below" else ", before")
                + f" a row's label with no figures: each row's figures may stand a row "
                f"{where} its label, which the text does not tell; none of those rows' "
                "figures is placed", at=leaf, length=len(leaf.text),
                hint="check the rows against the source: figures drawn lower or higher "
                     "than their labels stand on the next row's line",
                table_id=table.id)

    def _rows_next_to_a_bare_label(self, at: int, step: int) -> list[RowSpec] | None:
        """The rows read with figures next to logical row ``at`` (above it, step -1;
        below it, step 1), up to a row's label with no figures of its own among their
        labels or a logical row's next to them; None where no such label ends them."""
        keys = self.catalogue.rows_by_key
        between: list[RowSpec] = []
        rows = reversed(self.rows[:at]) if step < 0 else self.rows[at + 1:]
        for row in rows:
            spec = self.row_specs.get(id(row))
            if spec is not None and step < 0:
                between.append(spec)  # (its labels before its figures: above them)
            named = [keys[k] for cell in (row.labels[:-1] if spec is not None else row.labels)
                     if (k := label_key(cell.text)) in keys]
            if named:
                bare = named[-1] if step < 0 else named[0]
                return between if between and self._bare(bare) else None
            if spec is None:
                return None
            if step > 0:
                between.append(spec)
        return None

    def _not_placed(self, spec: RowSpec) -> None:
        """Row ``spec``'s figures taken back, with what said how they were read: a
        number joined over lines (GP329), written with separators (GP310), in
        full-width digits (GP309) or with a unit (GP311)."""
        table = self.catalogue.table.id
        places = set()
        for col in spec.columns:
            figure = self.figures.get((spec.id, col.id))
            if figure is not None and figure.value is not None:
                places.add((figure.line, figure.column))
            self.figures[(spec.id, col.id)] = MISSING
        self.sink.items[:] = [
            d for d in self.sink.items
            if not (d.code == "GP329" and d.table_id == table and d.row_id == spec.id
                    or d.code in _HOW_READ and (d.line, d.column) in places)]

    def _from_a_text(self) -> bool:
        """Whether the table was read from a text (its cells have no location but
        their line and column), not from a page whose cells the source draws."""
        return all(f.location is None for f in self.figures.values())

    def _bare(self, spec: RowSpec) -> bool:
        """Whether no figure of row ``spec`` was read."""
        return all(getattr(self.figures.get((spec.id, col.id)), "value", None) is None
                   for col in spec.columns)

    def _rows_cut_where_numbers_wrap_in_the_document(self) -> None:
        """Where a table of the document has a row not placed for a number wrapped in
        its cell (GP320: figures one above the other in one column), each row of this
        table whose own total does not hold is not placed either (GP326): a text's
        cells narrower than their numbers (a PDF's of a fixed row height, as pdftotext
        writes it) show a first line of digits where the rest is cut off or written
        apart (806 425 144 for 806 42529 1447), which nothing in the text tells; the
        total it breaks does. Run by assemble once every table is read (the evidence
        may stand in a later table). A report's own slip costs such a row its figures
        too: missing, never a number cut short."""
        table = self.catalogue.table
        for spec in table.rows:
            keys = tuple((spec.id, col.id) for col in spec.columns)
            values = [getattr(self.figures.get(key), "value", None) for key in keys]
            if not self._own_values_broken_whatever_unknown(values, keys):
                continue
            self._not_placed(spec)
            label = self.seen_rows.get(spec.id)
            self.sink.add(
                "GP326", f"row '{spec.label}': its own total does not hold, in a document "
                "whose numbers wrap in their cells (GP320, GP329): a figure may be the first line "
                "of a longer number, the rest cut off or written apart, which the text does "
                "not tell; none of the row's figures is placed",
                at=label, length=len(label.text) if label is not None else 1,
                hint="check the row against the source: a cell narrower than its number "
                     "shows it over lines, or its first line only",
                table_id=table.id, row_id=spec.id)


# the least width at which a converter wraps its lines (pandoc's 72 columns, lynx's and
# html2text's 78 to 80), less what a wrap leaves before its width (a word that did
# not fit): a shorter line is no line wrapped as a whole
_CONVERTER_WIDTH = 60


# the notes that say how a figure was read (cells.note_number_form)
_HOW_READ = frozenset(("GP309", "GP310", "GP311"))


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)
