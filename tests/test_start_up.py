"""What keeps a cold `govparse parse FILE` fast, held to doing what it replaced.

- Code that stands in for a regular expression slow to compile: Python compiles a
  character class that holds three or more separate characters, one of them beyond
  Latin-1 (the ten CJK numerals; 、 with . and ,), into a table of all 65,536
  characters, half a millisecond each. The expressions live on here as the oracles.
- A look at a text's first non-blank character before a page's pattern is compiled
  (govparse.source.looks_like_html): the pattern is the oracle.
- One ``__repr__``, ``__eq__`` and ``__hash__`` for all attrs classes
  (govparse.classes) instead of ones compiled for each class: attrs' own, made by
  ``attrs.make_class``, are the oracles.
- A cell's characters looked at before the figure pattern is compiled
  (govparse.core.cells.classify): the pattern is the oracle.
- The modules a parse leaves unimported.
"""

import os
import re
import subprocess
import sys

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import govparse
from conftest import SEED_FILES
from govparse.classes import frozen
from govparse.diagnostics import FigureRef
from govparse.model.report import Applications2019
from govparse.model.records import FigureRecord
from govparse.core.front_matter import _FIELD_LABEL
from govparse.core.row_labels import looks_like_a_figure, splits_a_word
from govparse.frontends.text.reader import is_prose
from govparse.source import looks_like_html
from govparse.template.spec import label_key, normalize_label, numbering_length

NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.,]"  # 一、
    r"|\([一二三四五六七八九十\d]+\)"  # (一) (1)
    r"|\d+[.、)]"  # 1. 1、 1)
    r")"
)
FIGURE_LIKE = re.compile(r"[+\-－]?[0-9０-９][0-9０-９,，.．\s]*$")
PROSE = re.compile(r"[。；;！？]")
HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?<(?:!--|!doctype\b|(?:html|head|body|meta|title|div|p|table|"
    r"span|section|article|font|center|h[1-6]|style|script|link)[\s>/])", re.IGNORECASE)


def numbering_texts():
    return st.text(alphabet=st.sampled_from("一二十3０٣()、.,）公开 a"), max_size=8)


@given(numbering_texts())
def test_numbering_length_is_the_expression(text):
    match = NUMBERING.match(text)
    assert numbering_length(text) == (match.end() if match else 0)


@given(numbering_texts())
def test_label_key_drops_the_numbering_the_expression_finds(text):
    normalized = normalize_label(text)
    if not normalized.startswith("(本列数据") and not normalized.endswith(")"):
        assert label_key(text) == NUMBERING.sub("", normalized, count=1)


def test_numbering_length_examples():
    assert numbering_length("一、本年新收") == 2
    assert numbering_length("十二、其他") == 3
    assert numbering_length("(三)不予公开") == 3
    assert numbering_length("(12)其他") == 4
    assert numbering_length("1.属于国家秘密") == 2
    assert numbering_length("3)其他") == 2
    assert numbering_length("其他") == 0
    assert numbering_length("()其他") == 0
    assert numbering_length("一其他") == 0
    assert numbering_length("") == 0


@given(st.text(alphabet=st.sampled_from("+-－1０,，.．  \t\n\u3000a"), max_size=8))
def test_looks_like_a_figure_is_the_expression(text):
    assert looks_like_a_figure(text) == bool(FIGURE_LIKE.match(text))


def _read_by_the_figure_pattern(text):
    """classify's reading of a cell by the figure pattern alone: (kind, text, value, unit)."""
    from govparse.core.cells import (LABEL, NUMBER, PLACEHOLDER, figure_pattern,
                                     number_value)

    if text.isdigit() and text.isascii() and len(text) < 20:
        return NUMBER, text, int(text), None
    match = figure_pattern().fullmatch(text)
    if match is None:
        return LABEL, text, None, None
    if match.group("placeholder") is not None:
        return PLACEHOLDER, text, None, None
    number = match.group("number")
    return NUMBER, number, number_value(number), match.group("unit")


def _read_by_classify(text):
    from govparse.core.cells import classify

    cell = classify(text, 1, 1)
    return cell.kind, cell.text, cell.value, cell.unit


@given(st.one_of(st.from_regex(r"(?s:.)*", fullmatch=True).filter(bool).map(str.strip),
                 st.text(alphabet=st.sampled_from("+-－1０9,，.．—/无空万元个 \u3000\ta属"),
                         min_size=1, max_size=8)))
def test_classify_is_the_figure_pattern(text):
    if text:
        assert _read_by_classify(text) == _read_by_the_figure_pattern(text)


def test_what_the_figure_pattern_reads_is_written_with_figure_characters():
    from hypothesis import settings

    from govparse.core.cells import figure_pattern

    @settings(max_examples=300)
    @given(st.from_regex(figure_pattern(), fullmatch=True))
    def read_alike(text):
        assert _read_by_classify(text) == _read_by_the_figure_pattern(text)

    read_alike()

@given(st.text(alphabet=st.sampled_from("。；;！？,.a公"), max_size=6))
def test_is_prose_is_the_expression(text):
    assert is_prose(text) == (bool(PROSE.search(text)) or len(text) > 60)


@given(st.lists(st.sampled_from(["标题", "题目", "名称", "文章", "信息", "标", "文章标题", ":", "：",
                                  " ", "某区"]), max_size=5).map("".join))
def test_the_field_labels_are_the_list(text):
    listed = re.compile(r"(标题|题目|名称|文章标题|信息名称)\s*[:：]\s*").match(text)
    found = _FIELD_LABEL.match(text)
    assert (found and (found.group(1), found.end())) == (listed and (listed.group(1), listed.end()))


@given(st.lists(st.sampled_from(["<", ">", "html", "<p>", "<!--", "<?xml?>", "a", " ", "\t",
                                  "\n", "\u3000", "\x1c", "\x85", "\ufeff"]),
                max_size=6).map("".join))
def test_looks_like_html_is_the_expression(text):
    # (the pattern is compiled only where the first non-blank character is <)
    start = 1 if text.startswith("\ufeff") else 0
    assert looks_like_html(text) == (HTML_START.match(text, start) is not None)


@given(st.text(alphabet=st.sampled_from("- \t|=+:a"), max_size=12))
@example("---  ---")
@example("  -----   ---- ")
def test_a_dashed_rule_holds_what_the_reader_looks_for_before_importing_grids(text):
    # the text reader imports the drawn-table reader only where a rule line holds " -"
    # (reader._drawn_tables): every rule of dashes parted by blanks must
    from govparse.frontends.text.grids import is_dashed_rule

    if is_dashed_rule(text):
        assert " -" in text
    else:
        assert text not in ("---  ---", "  -----   ---- ")  # (the examples are rules)


@given(st.text(alphabet=st.sampled_from("商业企 \u3000\t\u00a0ab1"), max_size=12))
def test_splits_a_word_is_the_expression(text):
    expression = re.compile(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]")
    assert splits_a_word(text) == bool(expression.search(text))


def test_the_shared_repr_prints_what_attrs_would():
    report = govparse.parse_file(SEED_FILES[0])
    objects = [report, report.active_disclosure, report.active_disclosure.rules.issued,
               report.sections[0], report.sections[0].paragraphs[0], report.organization,
               report.diagnostics[0], govparse.CODES["GP101"], next(report.figures()),
               Applications2019(),
               FigureRecord("a", "b", "c", 1, 2, 3),
               FigureRef("applications", "total_processed", "total", 7, 40, 9)]
    for obj in objects:
        fields = attrs.fields(type(obj))
        twin = attrs.make_class(type(obj).__name__,
                                {a.name: attrs.field(repr=a.repr) for a in fields})
        assert repr(obj) == repr(twin(**{a.name: getattr(obj, a.name) for a in fields}))


def _model_objects():
    report = govparse.parse_file(SEED_FILES[0])
    return [report, report.active_disclosure, report.applications.total_processed,
            report.active_disclosure.rules.issued, report.sections[0],
            report.sections[0].paragraphs[0], report.organization, report.diagnostics[0],
            govparse.CODES["GP101"], Applications2019(), FigureRecord("a", "b", "c", 1, 2, 3),
            FigureRef("applications", "total_processed", "total", 7, 40, 9)]


def _twin_class(cls):
    """The class attrs itself would make of ``cls``'s fields (its eq and hash)."""
    fields = attrs.fields(cls)
    return attrs.make_class(cls.__name__, {a.name: attrs.field(eq=a.eq, hash=a.hash)
                                           for a in fields}, frozen=True)


def test_the_shared_eq_and_hash_compare_what_attrs_would():
    for obj in _model_objects():
        cls, twin_class = type(obj), _twin_class(type(obj))
        values = {a.name: getattr(obj, a.name) for a in attrs.fields(cls)}
        twin = twin_class(**values)
        for field in attrs.fields(cls):
            # a field changed: equal still where attrs compares no such field
            other = dict(values, **{field.name: object()})
            changed = attrs.evolve(obj, **{field.name: other[field.name]})
            twin_changed = twin_class(**other)
            assert (obj == changed) is (twin == twin_changed), (cls, field.name)
            assert (obj != changed) is (twin != twin_changed), (cls, field.name)
        same = attrs.evolve(obj)
        assert obj == same and not obj != same and hash(obj) == hash(same)
        assert obj != twin and (obj == twin) is False  # another class: never equal
    cell = govparse.document.Cell("1")  # a mutable class: unhashable, as attrs makes it
    assert cell == govparse.document.Cell("1") and cell != govparse.document.Cell("2")
    assert type(cell).__hash__ is None


def test_govparse_parse_imports_only_what_it_needs(tmp_path):
    # what a cold `govparse parse FILE` of a 2021 report leaves out, each a part of a
    # millisecond or more: a module that comes back here is a start-up regression.
    # A stand-in for the third-party `regex` is on the path, as other packages install
    # it (lark's parser would import it, 8 ms, were grammar/generate.py not to drop that).
    (tmp_path / "regex.py").write_text("")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")]))}
    code = (
        "import sys\n"
        "from govparse.cli import cli\n"
        "try:\n"
        "    cli.main(['parse', sys.argv[1]], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write('MODULES ' + ' '.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(SEED_FILES[0])],
                         capture_output=True, text=True, check=True, env=env)
    loaded = set(out.stderr.rpartition("MODULES ")[2].split())
    assert "govparse.model.report" in loaded and "govparse.frontends.text._standalone" in loaded
    unwanted = {"lark", "interegular", "cattrs", "hypothesis", "dataclasses", "logging",
                "pathlib", "json", "govparse.model.tables_2019", "govparse.model.records",
                "govparse.check.validation", "govparse.emit.printer", "govparse.emit.serialize",
                "pyarrow", "duckdb", "openpyxl", "pandas",  # the batch outputs' libraries
                "dask", "distributed", "fsspec", "govparse.dask",  # a run on a Dask cluster
                "hashlib", "concurrent.futures", "multiprocessing",  # many files' run
                "ctypes", "pypdfium2", "lxml",  # (a PDF's, a page's)
                "govparse.batch.outputs", "fnmatch",  # (a run with -o's, with --glob's)
                "govparse.frontends.text.grids",  # (its rule of --- is no drawn table's)
                "regex"}
    assert loaded & unwanted == set()


def test_the_shared_repr_keeps_a_class_own_and_a_field_repr():
    @frozen
    class Own:
        x: int

        def __repr__(self) -> str:
            return "own"

    @frozen
    class Shown:
        x: int = attrs.field(repr=lambda v: f"<{v}>")
        y: int = attrs.field(default=0, repr=False)

    assert repr(Own(1)) == "own"
    assert repr(Shown(1)) == "Shown(x=<1>)"


_HINTS = (
    "import importlib, typing, attrs\n"
    "module = importlib.import_module({module!r})\n"
    "for name, obj in sorted(vars(module).items()):\n"
    "    if isinstance(obj, type) and attrs.has(obj) and obj.__module__ == module.__name__:\n"
    "        typing.get_type_hints(obj)\n"
)


@pytest.mark.parametrize("module", [
    "govparse.diagnostics", "govparse.document", "govparse.locations",
    "govparse.model.figures", "govparse.model.tables_2021", "govparse.template.arithmetic",
    "govparse.model.report",
])
def test_the_public_classes_type_hints_resolve_in_a_fresh_process(module):
    # Lazy imports must not cost a library user the annotations of the public classes
    # (cattrs, typing.get_type_hints): checked where nothing else was imported first
    # (Report's name the 2019 tables, imported when first asked for, through
    # govparse.model.report._tables_2019).
    subprocess.run([sys.executable, "-c", _HINTS.format(module=module)], check=True,
                   capture_output=True)
