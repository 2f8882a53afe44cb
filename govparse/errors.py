"""The exceptions govparse raises. All inherit GovParseError."""

from __future__ import annotations

from govparse.diagnostics import Diagnostic, Severity


class GovParseError(Exception):
    """A report could not be read, or (in strict mode) is not on the template.

    Carries a stable ``code``, a ``message``, the ``line`` and ``column`` of the
    first problem, and ``diagnostics``: every problem found, not just the first.
    """

    def __init__(
        self,
        code: str,
        message: str,
        line: int | None = None,
        column: int | None = None,
        *,
        path: str | None = None,
        diagnostics: tuple[Diagnostic, ...] = (),
    ) -> None:
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.path = path
        self.diagnostics = diagnostics or (
            Diagnostic(code, Severity.ERROR, message, line, column, path=path),
        )
        super().__init__(code, message)

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.code} {self.message}"


class InputError(GovParseError):
    """The input is not readable text: missing file, binary, too large, undecodable."""


class StrictModeError(GovParseError):
    """Strict mode found problems; ``diagnostics`` lists every one of them."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...], path: str | None = None) -> None:
        # The error points where the first problem with a place in the text stands.
        first = next((d for d in diagnostics if d.line is not None), diagnostics[0])
        count = len(diagnostics)
        super().__init__(
            first.code,
            f"not a clean template report: {count} problem{'s' if count != 1 else ''}, "
            f"the first: {first.message}",
            first.line,
            first.column,
            path=path,
            diagnostics=diagnostics,
        )


class GrammarError(GovParseError):
    """The grammar could not read a line (GP100); a bug in govparse if it happens."""
