"""A run's tally, and the closing summary the command line prints (in the manner
of ruff: what was read, how much of it, the most frequent codes; every code with
``--statistics``)."""

from __future__ import annotations

from collections import Counter

from govparse.batch.records import FileResult
from govparse.diagnostics import CODES

TOP_CODES = 5  # codes the summary names without --statistics


class Tally:
    """Counts over a run's results, added one at a time."""

    def __init__(self) -> None:
        self.files = 0
        self.read = 0  # files that gave a report
        self.not_read = 0  # files stopped by an error (unreadable, binary, strict, ...)
        self.skipped = 0  # already in the output (--resume)
        self.with_errors = 0  # files with an error-level diagnostic, read or not
        self.figures_found = 0
        self.figures_expected = 0
        self.codes: Counter[str] = Counter()  # diagnostics by code
        self.files_by_code: Counter[str] = Counter()  # files with each code

    def add(self, result: FileResult, skipped: bool = False) -> None:
        self.files += 1
        if skipped:
            self.skipped += 1
            return
        row = result.report
        if row.error_code is None:
            self.read += 1
        else:
            self.not_read += 1
        if row.errors:
            self.with_errors += 1
        self.figures_found += row.figures_found
        self.figures_expected += row.figures_expected
        codes = [d.code for d in result.diagnostics]
        self.codes.update(codes)
        self.files_by_code.update(set(codes))

    def lines(self, statistics: bool = False, seconds: float | None = None) -> list[str]:
        """The closing summary, a line each."""
        took = f" in {seconds:.1f} s" if seconds is not None else ""
        parts = [f"{self.read:,} read", f"{self.not_read:,} not read"]
        if self.skipped:
            parts.append(f"{self.skipped:,} skipped (already in the output)")
        out = [f"Checked {_count(self.files, 'file')}{took}: {', '.join(parts)}."]
        if self.figures_expected:
            share = 100 * self.figures_found / self.figures_expected
            out.append(f"Figures found: {self.figures_found:,} of the "
                       f"{self.figures_expected:,} their templates have ({share:.1f}%).")
        out.append(f"Files with errors: {self.with_errors:,}.")
        if not self.codes:
            return out
        shown = self.codes.most_common() if statistics else self.codes.most_common(TOP_CODES)
        more = len(self.codes) - len(shown)
        out.append("Every code:" if statistics else
                   f"Most frequent codes{f' ({more} more: --statistics)' if more else ''}:")
        width = len(f"{shown[0][1]:,}")
        for code, n in shown:
            known = CODES.get(code)
            name, severity = (known.name, known.severity.value) if known else ("", "")
            out.append(f"  {n:>{width},}  {code}  {name:<22} {severity:<7}  in "
                       f"{_count(self.files_by_code[code], 'file')}")
        return out


def _count(n: int, what: str) -> str:
    return f"{n:,} {what}{'' if n == 1 else 's'}"
