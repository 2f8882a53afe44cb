"""The typed, immutable model of a report.

Field names are the figure identifiers of the template (govparse/data/*.tsv), the
project's public data contract. Every figure keeps where it came from; positions
are left out of equality, so a report equals its re-parsed printout.
A missing cell is ``Figure(None)``, never 0.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Iterator

import attrs
from attrs import field

from govparse.classes import frozen

from govparse.diagnostics import Diagnostic, Number
from govparse.template.spec import TABLE_ORDER, TEMPLATES

Value = Number

if TYPE_CHECKING:  # at run time, __getattr__ below imports them when first asked for
    from govparse.model.tables_2019 import ActiveDisclosure2019, Applications2019
    from govparse.model.records import FigureRecord


@frozen
class Figure:
    """One cell of a statistical table: its value and where it stands in the source."""

    value: Value = None
    line: int | None = field(default=None, eq=False)
    column: int | None = field(default=None, eq=False)
    # Filled from the template's arithmetic, not read: only with parse(infer=True).
    inferred: bool = False
    # A unit written in the cell (2019 reports: 1个, 246900元); the value is the number.
    unit: str | None = None

    @property
    def missing(self) -> bool:
        return self.value is None


def _empty(cls, **kwargs):
    """A field whose default is the empty instance of ``cls``, one for all.

    The model is immutable, so one instance can serve every default. attrs then
    writes a plain default into ``__init__`` instead of a factory call for each
    field: less generated code to compile at start-up, and faster to build.
    """
    return field(default=cls(), **kwargs)


def _figures():
    return _empty(Figure)


# ---------------------------------------------------------------- 二、主动公开


@frozen
class DocumentCounts:
    """规章 / 行政规范性文件: 本年制发件数, 本年废止件数, 现行有效件数."""

    issued: Figure = _figures()
    repealed: Figure = _figures()
    in_force: Figure = _figures()


@frozen
class DecisionCount:
    """行政许可 / 行政处罚 / 行政强制: 本年处理决定数量."""

    decisions: Figure = _figures()


@frozen
class FeeAmount:
    """行政事业性收费: 本年收费金额（单位：万元）, a Decimal."""

    amount: Figure = _figures()


@frozen
class ActiveDisclosure:
    rules: DocumentCounts = _empty(DocumentCounts)
    normative_documents: DocumentCounts = _empty(DocumentCounts)
    administrative_licensing: DecisionCount = _empty(DecisionCount)
    administrative_penalty: DecisionCount = _empty(DecisionCount)
    administrative_coercion: DecisionCount = _empty(DecisionCount)
    administrative_fees: FeeAmount = _empty(FeeAmount)


# ---------------------------------------------------------------- 三、依申请公开


@frozen
class ApplicantCounts:
    """One row of the applications table, by applicant."""

    natural_person: Figure = _figures()
    commercial_enterprise: Figure = _figures()
    research_institution: Figure = _figures()
    social_welfare_org: Figure = _figures()
    legal_service_org: Figure = _figures()
    other_org: Figure = _figures()
    total: Figure = _figures()


def _applicants():
    return _empty(ApplicantCounts)


@frozen
class Applications:
    new_requests: ApplicantCounts = _applicants()
    carried_over: ApplicantCounts = _applicants()
    disclosed: ApplicantCounts = _applicants()
    partially_disclosed: ApplicantCounts = _applicants()
    withheld_state_secret: ApplicantCounts = _applicants()
    withheld_prohibited_by_law: ApplicantCounts = _applicants()
    withheld_security_stability: ApplicantCounts = _applicants()
    withheld_third_party_rights: ApplicantCounts = _applicants()
    withheld_internal_affairs: ApplicantCounts = _applicants()
    withheld_process_information: ApplicantCounts = _applicants()
    withheld_enforcement_case_file: ApplicantCounts = _applicants()
    withheld_administrative_inquiry: ApplicantCounts = _applicants()
    unavailable_not_held: ApplicantCounts = _applicants()
    unavailable_needs_creation: ApplicantCounts = _applicants()
    unavailable_still_unclear: ApplicantCounts = _applicants()
    not_processed_complaint: ApplicantCounts = _applicants()
    not_processed_duplicate: ApplicantCounts = _applicants()
    not_processed_publication: ApplicantCounts = _applicants()
    not_processed_excessive: ApplicantCounts = _applicants()
    not_processed_confirmation: ApplicantCounts = _applicants()
    other_no_correction: ApplicantCounts = _applicants()
    other_no_fee_paid: ApplicantCounts = _applicants()
    other_other: ApplicantCounts = _applicants()
    total_processed: ApplicantCounts = _applicants()
    carried_forward: ApplicantCounts = _applicants()


# ---------------------------------------------------------------- 四、复议诉讼


@frozen
class OutcomeCounts:
    """结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""

    upheld: Figure = _figures()
    corrected: Figure = _figures()
    other: Figure = _figures()
    pending: Figure = _figures()
    total: Figure = _figures()


@frozen
class ReviewLitigation:
    administrative_review: OutcomeCounts = _empty(OutcomeCounts)
    litigation_direct: OutcomeCounts = _empty(OutcomeCounts)
    litigation_after_review: OutcomeCounts = _empty(OutcomeCounts)


# ---------------------------------------------------------------- narrative


@frozen
class Paragraph:
    text: str
    line: int | None = field(default=None, eq=False)
    column: int | None = field(default=None, eq=False)


@frozen
class Section:
    """One of the six numbered sections, with its narrative paragraphs."""

    number: int  # 1 … 6, the template's numbering
    heading: str | None = field(default=None, eq=False)  # as written in the report
    paragraphs: tuple[Paragraph, ...] = ()
    line: int | None = field(default=None, eq=False)


@frozen
class MetaField:
    """The organisation or year, with where it was read."""

    value: str | int | None = None
    line: int | None = field(default=None, eq=False)
    column: int | None = field(default=None, eq=False)


# The classes of each table, by template. The 2019 template's live in model_2019.py,
# imported when a 2019 table is first met: a 2021 report does without them.
_TABLE_CLASSES_2021 = {
    "active_disclosure": ActiveDisclosure,
    "applications": Applications,
    "review_litigation": ReviewLitigation,
}


def table_classes(template: str) -> dict[str, type]:
    """The model classes of each table of a template ("2021" or "2019")."""
    if template == "2021":
        return _TABLE_CLASSES_2021
    if template == "2019":
        from govparse.model.tables_2019 import TABLE_CLASSES_2019

        return TABLE_CLASSES_2019
    raise KeyError(template)


# Classes of the model defined in modules of their own, imported when first asked
# for: a `govparse parse` of a 2021 report needs none of them.
_LAZILY_IMPORTED = {
    **dict.fromkeys(("PublicationCounts", "ItemChanges", "FeeItems", "Procurement",
                     "ActiveDisclosure2019", "Applications2019"), "govparse.model.tables_2019"),
    "FigureRecord": "govparse.model.records",
}


def __getattr__(name: str):
    if name in _LAZILY_IMPORTED:
        import importlib

        value = getattr(importlib.import_module(_LAZILY_IMPORTED[name]), name)
        globals()[name] = value  # so that Report's annotations resolve (cattrs)
        return value
    raise AttributeError(f"module 'govparse.model.report' has no attribute {name!r}")


TABLES = TABLE_ORDER


@functools.cache
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls))


@frozen
class Report:
    organization: MetaField = _empty(MetaField)
    year: MetaField = _empty(MetaField)
    title: str | None = field(default=None, eq=False)  # the title line as written
    preamble: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = ()
    # A 2019-template report holds ActiveDisclosure2019 and Applications2019.
    active_disclosure: ActiveDisclosure | ActiveDisclosure2019 = _empty(ActiveDisclosure)
    applications: Applications | Applications2019 = _empty(Applications)
    review_litigation: ReviewLitigation = _empty(ReviewLitigation)
    template: str = "2021"  # "2021" or "2019", detected from the tables
    diagnostics: tuple[Diagnostic, ...] = field(default=(), eq=False)
    path: str | None = field(default=None, eq=False)  # the file it was read from

    def figure(self, table: str, row: str, column: str) -> Figure:
        return getattr(getattr(getattr(self, table), row), column)

    def figures(self) -> Iterator[FigureRecord]:
        """Every figure, in template order, after the organisation and year."""
        from govparse.model.records import FigureRecord

        for name in ("organization", "year"):
            meta = getattr(self, name)
            yield FigureRecord("report", "meta", name, meta.value, meta.line, meta.column)
        for table, row, column, fig in self.table_figures():
            yield FigureRecord(table, row, column, fig.value, fig.line, fig.column, fig.inferred)

    def table_figures(self) -> Iterator[tuple[str, str, str, Figure]]:
        """(table, row, column, Figure) for every cell of the three tables."""
        for table in TABLES:
            table_obj = getattr(self, table)
            for row in _field_names(type(table_obj)):
                row_obj = getattr(table_obj, row)
                for column in _field_names(type(row_obj)):
                    yield table, row, column, getattr(row_obj, column)

    def table_template(self, table: str) -> str:
        """The template a table follows: the report's, except in a mixed report."""
        cls = type(getattr(self, table))
        if table_classes(self.template)[table] is cls:
            return self.template
        return next(t for t in TEMPLATES if table_classes(t)[table] is cls)

    def replace_figure(self, table: str, row: str, column: str, figure: Figure) -> Report:
        table_obj = getattr(self, table)
        row_obj = attrs.evolve(getattr(table_obj, row), **{column: figure})
        return attrs.evolve(self, **{table: attrs.evolve(table_obj, **{row: row_obj})})

    def section(self, number: int) -> Section | None:
        return next((s for s in self.sections if s.number == number), None)
