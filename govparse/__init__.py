"""govparse: read Chinese government information disclosure annual reports
(政府信息公开工作年度报告) into a typed model, exactly and with every doubt said aloud.

    >>> import govparse
    >>> report = govparse.parse_file("report.txt")          # lenient
    >>> report.applications.new_requests.total.value
    >>> govparse.parse_file("report.txt", strict=True)      # raises StrictModeError
"""

from govparse.diagnostics import CODES, Diagnostic, Severity
from govparse.errors import GovParseError, GrammarError, InputError, StrictModeError
from govparse.model import (
    ActiveDisclosure,
    ApplicantCounts,
    Applications,
    DecisionCount,
    DocumentCounts,
    FeeAmount,
    Figure,
    FigureRecord,
    MetaField,
    OutcomeCounts,
    Paragraph,
    Report,
    ReviewLitigation,
    Section,
)
from govparse.parser import parse, parse_file
from govparse.validate import validate

__version__ = "0.1.0"

__all__ = [
    "CODES",
    "ActiveDisclosure",
    "ApplicantCounts",
    "Applications",
    "DecisionCount",
    "Diagnostic",
    "DocumentCounts",
    "FeeAmount",
    "Figure",
    "FigureRecord",
    "GovParseError",
    "GrammarError",
    "InputError",
    "MetaField",
    "OutcomeCounts",
    "Paragraph",
    "Report",
    "ReviewLitigation",
    "Section",
    "Severity",
    "StrictModeError",
    "parse",
    "parse_file",
    "validate",
]
