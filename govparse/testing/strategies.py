"""Hypothesis strategies for govparse's report model, for property tests.

Requires Hypothesis (``pip install 'govparse[test]'`` or ``pip install hypothesis``);
``import govparse`` does not import this module.

    from hypothesis import given
    import govparse
    from govparse.testing import strategies as gst

    @given(gst.reports())
    def test_my_exporter(report):
        ...                                       # any valid report model

    @given(gst.reports(consistent=True))          # the template's arithmetic holds
    def test_my_totals(report):
        ...

    @given(gst.reports(), gst.layouts())
    def test_round_trip(report, layout):
        assert govparse.parse(govparse.dumps(report, layout)) == report

What is generated
-----------------
``reports()`` draws complete reports on the 2021 template (``template="2021"``), or
on the 2019 template with ``template="2019"`` (its own section 二 with signed
changes 本年增/减 and a procurement amount, and one （六）其他处理 row): every figure of the three tables, each of which may be missing
(``Figure(None)``); counts are ints (negative and large ones too, unless
``consistent=True``), the fee (``active_disclosure.administrative_fees.amount``) is a
``Decimal`` with zero to four places; in some reports figures carry a unit in their
cell (``Figure(5, unit="件")``, ``Figure(Decimal("3.5"), unit="万元")``), which the
printer writes after the number; narrative paragraphs mix CJK and ASCII text,
CJK and ASCII punctuation and phrases of real reports; the organisation and the year
of the title are each optional. ``reports(consistent=True)`` draws reports whose
figures are all present, whole and ≥ 0 and obey the template's arithmetic: each
applications row's 总计 is the sum of its six applicant columns, （七）总计 is the
sum of the outcome rows, 本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理 in
every column, and each review / litigation row's 总计 is the sum of its outcomes.

Every generated report is one ``govparse.dumps`` can write so that
``govparse.parse`` reads it back equal (model equality leaves positions, headings,
the title as written and diagnostics out). A report with missing cells re-parses
equal but with warnings (GP301/GP302): that is expected.

What is *not* generated, because the printed text cannot say it
-----------------------------------------------------------------
- An organisation without a year: no title line can be printed, and the organisation
  is only ever read from the title. An empty organisation (``""``) either.
- An organisation the title line would not give back: one that begins with ``#`` or
  whitespace (see ``printable_organization``). (One that begins with a digit is
  printed after a markdown heading mark, ``# 3号楼管理处2024年…``, and reads back.)
- Fewer than six sections, or sections out of order: the printer always writes the
  six headings of the template, so the parsed report always has all six.
- A paragraph that does not survive being one line of text (see
  ``printable_paragraph``): one with a line break, leading or trailing whitespace,
  a NUL, or nothing in it; one that reads as a section heading (``总体情况``,
  ``## 五、存在的主要问题及改进措施``); in the preamble, one that reads as a title line
  (``某区2024年政府信息公开工作年度报告``); in a report with no year, a preamble or
  overview paragraph that states the statistics period (``统计期限为2024年…``), or an
  overview paragraph with a sentence that opens with the year (``2024年，…``), since
  the parser takes the year from it.
- In the three table sections (2, 3 and 4), a paragraph that does not read as prose.
  Lines in a table section are table cells unless they are one cell that is a
  sentence (``govparse.frontends.text.reader.is_prose``: a mark of 。；;！？ or over 60 characters)
  and not a label of that table. So those paragraphs are generated as sentences
  (a 。 is added to a fragment that has no sentence mark) without tabs or pipes,
  and never as a label, a number, a placeholder or a rule line; often there are
  none at all, as in most real reports.
- Whether a text reads as a heading, a title line, a year or a cell is decided by
  the parser itself, on the text alone in its place, not by a copy of its patterns.
- Inferred figures (``Figure(..., inferred=True)``, from ``parse(infer=True)``): the
  printed text cannot mark a figure as inferred. Nor a missing figure with a unit.
- A report that mixes the two templates (the parser reads one, with GP106).

The building blocks (``counts``, ``fees``, ``paragraph_texts``, ``organizations``,
``years``, ``layouts``) are public too, as are the two predicates that say what
can be printed.
"""

from __future__ import annotations

import functools
from decimal import Decimal

from hypothesis import strategies as st

from govparse.template.sections import SECTION_KINDS, SECTION_NAMES, TABLE_SECTIONS
from govparse.model.report import Figure, MetaField, Paragraph, Report, Section, table_classes
from govparse.api import parse
from govparse.emit.printer import LAYOUTS, title_line
from govparse.frontends.text.reader import is_prose
from govparse.template.spec import (MONEY, SIGNED, TEMPLATE_FILES, catalogue, columns_of,
                                    label_key, load_template)

__all__ = [
    "TEMPLATES",
    "consistent_reports",
    "counts",
    "fees",
    "layouts",
    "organizations",
    "paragraph_texts",
    "printable_organization",
    "printable_paragraph",
    "reports",
    "years",
]

# Templates the strategies generate: the 2021 one only, for now. The generators
# follow the template's data (govparse/template/data/template-*.tsv) and the model's classes
# for it (govparse.model.table_classes), so another template is added by naming it here
# (and, for consistent=True, by saying which of its columns are signed changes).
TEMPLATES = ("2021", "2019")
SIGNED_COLUMNS = columns_of(SIGNED)  # 本年增/减 (2019): may be negative when consistent
MONEY_COLUMNS = columns_of(MONEY)  # amounts in 万元: Decimals

OUTCOMES_PARENT = "三、本年度办理结果"

# ---------------------------------------------------------------- predicates


@functools.lru_cache(maxsize=4096)
def _read_back(text: str, section: int | None, titled: bool) -> bool:
    """Whether the parser reads this paragraph, alone in its place, as itself.

    This is what "reads as a heading / a title line / a table cell" means below,
    decided by the parser itself rather than by a copy of its patterns."""
    if section is None:
        report = parse(text + "\n")
        return report.title is None and report.sections == () \
            and report.preamble == (Paragraph(text),) \
            and (titled or report.year.value is None)
    report = parse(f"{SECTION_NAMES[SECTION_KINDS[section - 1]]}\n{text}\n")
    return [s.number for s in report.sections] == [section] \
        and report.section(section).paragraphs == (Paragraph(text),) \
        and (titled or report.year.value is None)


def printable_paragraph(text: str, section: int | None = None, *, titled: bool = True) -> bool:
    """Whether a paragraph with this text, in this place, is read back as itself.

    ``section`` is the section's number (1 … 6), or None for the preamble (between
    the title and the first heading); ``titled`` says whether the report has a year,
    that is, whether a title line is printed. Not printable:

    - empty text, a line break, a NUL, whitespace at either end;
    - text that reads as a section heading (总体情况, ## 五、存在的主要问题及改进措施);
    - in the preamble, text that reads as a title line (某区2024年政府信息公开工作年度报告);
    - in a report without a year, a preamble or overview paragraph the parser takes
      the year from (本报告中所列数据统计期限为2024年…; in the overview, a sentence
      that opens with the year, 2024年，…);
    - in a table section (2, 3, 4): text with a tab or pipe (cells), text that is not
      prose (``govparse.frontends.text.reader.is_prose``: a sentence mark 。；;！？ or more than 60
      characters), a label of that table on any template (规章, （三）不予公开（…）),
      and text that reads as a figure, a placeholder or a rule line (a row of 61
      dashes or digits).

    Whether text reads as a heading, a title, a year or a cell is decided by parsing
    it alone in that place (see ``_read_back``).
    """
    if not text or text != text.strip() or any(c in text for c in "\n\r\x00"):
        return False
    if section is not None and SECTION_KINDS[section - 1] in TABLE_SECTIONS:
        kind = SECTION_KINDS[section - 1]
        if any(sep in text for sep in "\t|｜") or not is_prose(text):
            return False
        # a label of this table on any template the parser knows is a cell
        if any(label_key(text) in catalogue(name, kind).labels_by_key
               for name in TEMPLATE_FILES):
            return False
    return _read_back(text, section, titled)


def printable_organization(text: str, year: int = 2024) -> bool:
    """Whether the printed title line naming this organisation gives it back
    unchanged: not empty, no line break, no whitespace at either end, not starting
    with ``#`` (a markdown heading mark, which the title drops)."""
    if not text or text != text.strip() or text.startswith("#"):
        return False
    if any(c in text for c in "\n\r\x00"):
        return False
    return _organization_read_back(text, year)


@functools.lru_cache(maxsize=4096)
def _organization_read_back(text: str, year: int) -> bool:
    line = title_line(Report(organization=MetaField(text), year=MetaField(year)))
    report = parse(f"{line}\n")
    return (report.organization.value, report.year.value) == (text, year)


# ---------------------------------------------------------------- figures


@functools.cache
def counts(*, allow_missing: bool = True, allow_negative: bool = True) -> st.SearchStrategy:
    """A count figure: ``Figure(int)``, or ``Figure(None)`` for a missing cell."""
    # One bounded integer strategy (cheap to draw, 202 times a report): Hypothesis
    # spreads it over every magnitude, with a few negative figures among them.
    values = st.integers(-20 if allow_negative else 0, 10**12)
    figures = values.map(Figure)
    return st.one_of(figures, st.just(Figure(None))) if allow_missing else figures


@functools.cache
def _decimals(low: int, high: int) -> st.SearchStrategy[Decimal]:
    return st.integers(0, 4).flatmap(
        lambda places: st.decimals(min_value=low, max_value=high, places=places,
                                   allow_nan=False, allow_infinity=False))


@functools.cache
def fees(*, allow_missing: bool = True, allow_negative: bool = True) -> st.SearchStrategy:
    """A fee in 万元: ``Figure(Decimal)`` with 0 to 4 places, or ``Figure(None)``."""
    figures = _decimals(-10**6 if allow_negative else 0, 10**8).map(Figure)
    return st.one_of(figures, st.just(Figure(None))) if allow_missing else figures


# ---------------------------------------------------------------- text

_PHRASES = (
    "2024年，本机关坚持以公开为常态、不公开为例外，全面推进政务公开工作。",
    "本报告中所列数据统计期限为2024年1月1日至12月31日。",
    "（一）主动公开情况",
    "一是加强组织领导。",
    "全年主动公开政府信息1286条，其中政策文件42件、政策解读31篇。",
    "存在的主要问题：政策解读形式还不够丰富。",
    "改进情况：下一步将加强业务培训；",
    "本年度，本机关未收取信息处理费。",
    "无。",
    "详见下表",
    "如对本报告有疑问，请与办公室联系（电话：0371-12345678）。",
    "Website: http://www.example.gov.cn/zwgk/ (updated 2024-12-31).",
    "“三安全一稳定”",
    "行政许可",
    "单位：件",
    "总计",
    "1.",
    "—",
)
_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_ASCII = st.characters(min_codepoint=0x21, max_codepoint=0x7E)
_PUNCTUATION = st.sampled_from(list("，。、；：？！“”‘’（）《》【】—…·％,.;:?!()\"'-/"))
_SPACE = st.sampled_from([" ", "\u3000"])
_DIGITS = st.sampled_from(list("0123456789０１２"))
_CHARACTERS = st.one_of(_CJK, _CJK, _CJK, _ASCII, _PUNCTUATION, _PUNCTUATION, _SPACE, _DIGITS)
_NARRATIVE_EXTRA = st.sampled_from(["\t", "|", "｜"])


def _fragments(table: bool) -> st.SearchStrategy[str]:
    characters = _CHARACTERS if table else st.one_of(_CHARACTERS, _NARRATIVE_EXTRA)
    free = st.text(characters, min_size=1, max_size=70)
    return st.one_of(st.sampled_from(_PHRASES), free,
                     st.tuples(st.sampled_from(_PHRASES), free).map("".join))


@functools.cache
def paragraph_texts(section: int | None = None, *, titled: bool = True
                    ) -> st.SearchStrategy[str]:
    """Text of one paragraph that prints and reads back as itself in this place
    (``section`` 1 … 6, None for the preamble); see ``printable_paragraph``."""
    table = section is not None and SECTION_KINDS[section - 1] in TABLE_SECTIONS
    texts = _fragments(table).map(str.strip)
    if table:
        # A table section keeps a line as a paragraph only when it reads as prose.
        texts = texts.map(lambda t: t if is_prose(t) else t + "。")
    return texts.filter(
        lambda t: printable_paragraph(t, section, titled=titled))


@functools.cache
def _paragraphs(section: int | None, titled: bool,
                max_size: int) -> st.SearchStrategy[tuple[Paragraph, ...]]:
    return st.lists(paragraph_texts(section, titled=titled).map(Paragraph),
                    max_size=max_size).map(tuple)


# ---------------------------------------------------------------- title


@functools.cache
def years() -> st.SearchStrategy[int]:
    """A year the title can carry (the grammar's YEAR: four digits, 1xxx or 2xxx)."""
    return st.one_of(st.integers(2019, 2030), st.integers(1000, 2999))


_ORGANIZATION_PARTS = ("示例县人民政府办公室", "文峰区南关街道办事处", "国家税务总局", "某市",
                       "教育局", "（筹）", "第3中学", "12345热线", "Office", " ", "·")


@functools.cache
def organizations() -> st.SearchStrategy[str]:
    """An organisation's name as a title line gives it back."""
    free = st.text(st.one_of(_CJK, _CJK, _ASCII, _PUNCTUATION, _SPACE, _DIGITS),
                   min_size=1, max_size=30)
    names = st.one_of(st.sampled_from(_ORGANIZATION_PARTS[:4]),
                      st.lists(st.sampled_from(_ORGANIZATION_PARTS), min_size=1,
                               max_size=4).map("".join),
                      free)
    return names.map(str.strip).filter(printable_organization)


# ---------------------------------------------------------------- tables


def _check_template(template: str) -> None:
    if template not in TEMPLATES:
        raise ValueError(f"no strategies for template {template!r}; "
                         f"choose one of {', '.join(TEMPLATES)}")


def _table(template: str, table_id: str, values: dict[tuple[str, str], Figure]):
    """A table model from figures by (row id, column id); absent ones are missing."""
    spec = load_template(template).table(table_id)
    table_cls = table_classes(template)[table_id]
    empty = table_cls()
    rows = {}
    for row in spec.rows:
        row_cls = type(getattr(empty, row.id))
        rows[row.id] = row_cls(**{c.id: values.get((row.id, c.id), Figure()) for c in row.columns})
    return table_cls(**rows)


_PERCENT = st.integers(0, 99)
_MISSING_RATES = st.sampled_from([0, 0, 5, 30, 100])
_UNIT_RATES = st.sampled_from([0, 0, 0, 20])
# Units a cell may carry after its number (1个, 3.5万元, 246900元: 2019-style cells,
# read with a note, or for 元 a warning); the figure keeps it, the printer writes it.
COUNT_UNITS = ("个", "件", "项", "条", "次", "人")
AMOUNT_UNITS = ("万元", "元")
_COUNT_UNIT = st.sampled_from(COUNT_UNITS)
_AMOUNT_UNIT = st.sampled_from(AMOUNT_UNITS)


@st.composite
def _any_tables(draw, template: str, missing: bool) -> dict:
    # How often a cell is missing, for this report: never, now and then, often, always;
    # and how often a figure's cell carries a unit (most reports: never).
    rate = draw(_MISSING_RATES) if missing else 0
    unit_rate = draw(_UNIT_RATES)
    count, fee = counts(allow_missing=False), fees(allow_missing=False)
    tables = {}
    for table in load_template(template).tables:
        values = {}
        for row, col in table.slots:
            if rate and draw(_PERCENT) < rate:
                values[(row.id, col.id)] = Figure(None)
                continue
            amount = col.id in MONEY_COLUMNS
            figure = draw(fee if amount else count)
            if unit_rate and draw(_PERCENT) < unit_rate:
                figure = Figure(figure.value, unit=draw(_AMOUNT_UNIT if amount else _COUNT_UNIT))
            values[(row.id, col.id)] = figure
        tables[table.id] = _table(template, table.id, values)
    return tables


@st.composite
def _consistent_tables(draw, template: str) -> dict:
    spec = load_template(template)
    small = st.one_of(st.integers(0, 3), st.integers(0, 50), st.integers(0, 5000))
    tables = {}

    active = spec.table("active_disclosure")
    fee = fees(allow_missing=False, allow_negative=False)
    signed = st.integers(-50, 50)
    tables[active.id] = _table(template, active.id, {
        (row.id, col.id): draw(fee) if col.id in MONEY_COLUMNS
        else Figure(draw(signed if col.id in SIGNED_COLUMNS else small))
        for row, col in active.slots})

    apps = spec.table("applications")
    columns = [c.id for c in apps.rows[0].columns if c.id != "total"]
    values: dict[tuple[str, str], int] = {}
    outcome_rows = [r for r in apps.rows
                    if r.path[0] == OUTCOMES_PARENT and r.id != "total_processed"]
    for row in outcome_rows + [apps.row("carried_forward")]:
        for col in columns:
            values[(row.id, col)] = draw(small)
    for col in columns:
        processed = sum(values[(r.id, col)] for r in outcome_rows)
        values[("total_processed", col)] = processed
        received = processed + values[("carried_forward", col)]
        carried = draw(st.integers(0, received))
        values[("carried_over", col)] = carried
        values[("new_requests", col)] = received - carried
    for row in apps.rows:
        values[(row.id, "total")] = sum(values[(row.id, col)] for col in columns)
    tables[apps.id] = _table(template, apps.id,
                             {key: Figure(value) for key, value in values.items()})

    review = spec.table("review_litigation")
    values = {}
    for row in review.rows:
        parts = [c.id for c in row.columns if c.id != "total"]
        for col in parts:
            values[(row.id, col)] = draw(small)
        values[(row.id, "total")] = sum(values[(row.id, col)] for col in parts)
    tables[review.id] = _table(template, review.id,
                               {key: Figure(value) for key, value in values.items()})
    return tables


# ---------------------------------------------------------------- reports


@st.composite
def _reports(draw, template: str, consistent: bool, missing: bool, narrative: bool) -> Report:
    year = draw(st.one_of(st.none(), years(), years(), years()))
    organization = None
    if year is not None:
        organization = draw(st.one_of(st.none(), organizations(), organizations()))
    titled = year is not None

    def paragraphs(section: int | None, max_size: int) -> tuple[Paragraph, ...]:
        if not narrative:
            return ()
        return draw(_paragraphs(section, titled, max_size))

    preamble = paragraphs(None, 2)
    sections = []
    for number, kind in enumerate(SECTION_KINDS, start=1):
        table = kind in TABLE_SECTIONS
        if table and draw(st.integers(0, 3)) > 0:
            sections.append(Section(number))  # most reports: no sentence in a table section
            continue
        sections.append(Section(number, paragraphs=paragraphs(number, 2 if table else 4)))
    tables = draw(_consistent_tables(template) if consistent else _any_tables(template, missing))
    return Report(
        organization=MetaField(organization),
        year=MetaField(year),
        preamble=preamble,
        sections=tuple(sections),
        template=template,
        **tables,
    )


def reports(template: str = "2021", *, consistent: bool = False, missing: bool = True,
            narrative: bool = True) -> st.SearchStrategy[Report]:
    """Valid report models that print and parse back equal.

    ``consistent=True``: every figure present, counts whole and ≥ 0, fees ≥ 0, and
    the template's arithmetic holds. ``missing=False``: no missing cells (when not
    consistent). ``narrative=False``: no paragraphs at all.
    """
    _check_template(template)
    return _reports(template, consistent, missing, narrative)


def consistent_reports(template: str = "2021") -> st.SearchStrategy[Report]:
    """``reports(template, consistent=True)``."""
    return reports(template, consistent=True)


def layouts() -> st.SearchStrategy[str]:
    """One of the printer's layouts: tab, pipe, cells, markdown."""
    return st.sampled_from(LAYOUTS)
