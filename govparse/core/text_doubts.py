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
        figures may stand a row below their labels (_figures_a_row_below), and, where
        a table of the document has numbers wrapped in their cells
        (``wrapped_numbers``), rows whose own total breaks
        (_rows_cut_where_numbers_wrap_in_the_document)."""
        if not self.figures_on_headers and not wrapped_numbers or not self._from_a_text():
            return  # (a web page, a Word file: figures in their rows' cells)
        self._figures_a_row_below()
        if wrapped_numbers:
            self._rows_cut_where_numbers_wrap_in_the_document()

    def wrapped_numbers(self) -> bool:
        """Whether a row was not placed for figures one above the other (GP320) that
        may be a number wrapped in its cell: the lower has no more digits than the
        upper (a first line fills its cell, its rest is no wider), stands on no line
        of a row's label (a row's own line: two rows' figures, 176 over 177) and right
        of where the labels start (not a line a converter wrapped as a whole, going on
        at the margin: lynx's 2450 … 101541 / 9307 40 106)."""
        if not self.stacked_pairs:
            return False
        keys = self.catalogue.rows_by_key
        rows_lines = {c.line for row in self.rows for c in row.labels
                      if label_key(c.text) in keys}
        margin = min((c.x[0] for row in self.rows for c in row.labels if c.x is not None),
                     default=None)
        return any(lower.line not in rows_lines
                   and _digits(lower.text) <= _digits(upper.text)
                   and margin is not None and lower.x is not None and lower.x[0] > margin
                   for upper, lower in self.stacked_pairs)

    def _figures_a_row_below(self) -> None:
        """Figures on the line of a header cell (GP204), right under rows read with
        figures, the first of which comes after a row's label with none (GP301):
        规章 / 行政规范性文件 607 99999 1080 / 第二十条第（五）项 1268 6439 566. Each
        row's figures may stand a row below its label (a PDF's rows of a fixed height
        too low for their figures, drawn lower: pdftotext writes them on the next
        row's line), which the text does not tell; the rows between are not placed
        (GP330). The rows and the figures on the header line stay missing."""
        if not self.figures_on_headers:
            return
        for leaf in self.figures_on_headers:
            # (the header alone before its figures: no label between them and the rows)
            at = next((i for i, row in enumerate(self.rows)
                       if len(row.labels) == 1 and row.labels[0] is leaf), None)
            between = self._rows_after_a_bare_label(at) if at else None
            if not between:
                continue
            table = self.catalogue.table
            for spec in between:
                for col in spec.columns:
                    self.figures[(spec.id, col.id)] = MISSING
            self.sink.add(
                "GP330", f"figures follow '{leaf.text}', a header, right under "
                + ", ".join(f"row '{spec.label}'" for spec in reversed(between))
                + ", after a row's label with no figures: each row's figures may stand a row "
                "below its label, which the text does not tell; none of those rows' figures "
                "is placed", at=leaf, length=len(leaf.text),
                hint="check the rows against the source: a row of a fixed height too low "
                     "for its figures draws them lower, on the next row's line",
                table_id=table.id)

    def _rows_after_a_bare_label(self, at: int) -> list[RowSpec] | None:
        """The rows read with figures right above logical row ``at``, up to the first
        whose labels, or the logical row above it, hold a row's label with no
        figures of its own; None where no such label comes first."""
        keys = self.catalogue.rows_by_key
        between: list[RowSpec] = []
        for row in reversed(self.rows[:at]):
            spec = self.row_specs.get(id(row))
            if spec is not None:
                between.append(spec)
            named = [keys[k] for cell in (row.labels[:-1] if spec is not None else row.labels)
                     if (k := label_key(cell.text)) in keys]
            if named:
                return between if between and self._bare(named[-1]) else None
            if spec is None:
                return None
        return None

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
            for key in keys:
                self.figures[key] = MISSING
            label = self.seen_rows.get(spec.id)
            self.sink.add(
                "GP326", f"row '{spec.label}': its own total does not hold, in a document "
                "whose numbers wrap in their cells (GP320): a figure may be the first line "
                "of a longer number, the rest cut off or written apart, which the text does "
                "not tell; none of the row's figures is placed",
                at=label, length=len(label.text) if label is not None else 1,
                hint="check the row against the source: a cell narrower than its number "
                     "shows it over lines, or its first line only",
                table_id=table.id, row_id=spec.id)


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)
