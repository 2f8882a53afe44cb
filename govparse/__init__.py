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
    ActiveDisclosure2019,
    ApplicantCounts,
    Applications,
    Applications2019,
    DecisionCount,
    DocumentCounts,
    FeeAmount,
    FeeItems,
    Figure,
    FigureRecord,
    ItemChanges,
    MetaField,
    OutcomeCounts,
    Paragraph,
    Procurement,
    PublicationCounts,
    Report,
    ReviewLitigation,
    Section,
)
from govparse.parser import parse, parse_file
from govparse.printer import dumps
from govparse.validate import validate

__version__ = "0.1.0"

__all__ = [
    "CODES",
    "ActiveDisclosure",
    "ActiveDisclosure2019",
    "ApplicantCounts",
    "Applications",
    "Applications2019",
    "DecisionCount",
    "Diagnostic",
    "DocumentCounts",
    "FeeAmount",
    "FeeItems",
    "Figure",
    "FigureRecord",
    "GovParseError",
    "GrammarError",
    "InputError",
    "ItemChanges",
    "MetaField",
    "OutcomeCounts",
    "Paragraph",
    "Procurement",
    "PublicationCounts",
    "Report",
    "ReviewLitigation",
    "Section",
    "Severity",
    "StrictModeError",
    "dumps",
    "parse",
    "parse_file",
    "validate",
]
