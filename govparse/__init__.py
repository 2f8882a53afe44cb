"""govparse: read Chinese government information disclosure annual reports
(政府信息公开工作年度报告) into a typed model, exactly and with every doubt said aloud.

    >>> import govparse
    >>> report = govparse.parse_file("report.txt")          # lenient
    >>> report.applications.new_requests.total.value
    >>> govparse.parse_file("report.txt", strict=True)      # raises StrictModeError
"""

# Imported on first use (PEP 562): `govparse parse FILE` starts without loading the
# printer, the validator or the model classes it does not need. No submodule may
# share a name with what is exported here: importing it would replace the export.
_EXPORTS = {
    "CODES": "govparse.diagnostics",
    "Diagnostic": "govparse.diagnostics",
    "Severity": "govparse.diagnostics",
    "GovParseError": "govparse.errors",
    "GrammarError": "govparse.errors",
    "InputError": "govparse.errors",
    "StrictModeError": "govparse.errors",
    "parse": "govparse.api",
    "parse_file": "govparse.api",
    "read_document": "govparse.api",
    "Mode": "govparse.api",
    "dumps": "govparse.emit.printer",
    "validate": "govparse.check.validation",
    "parse_many": "govparse.batch.runner",
    "to_pandas": "govparse.batch.frames",
}
_MODEL = (
    "ActiveDisclosure", "ActiveDisclosure2019", "ApplicantCounts", "Applications",
    "Applications2019", "DecisionCount", "DocumentCounts", "FeeAmount", "FeeItems", "Figure",
    "FigureRecord", "ItemChanges", "MetaField", "OutcomeCounts", "Paragraph", "Procurement",
    "PublicationCounts", "Report", "ReviewLitigation", "Section",
)
_EXPORTS.update(dict.fromkeys(_MODEL, "govparse.model.report"))

__version__ = "0.1.0"

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'govparse' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value  # once imported, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
