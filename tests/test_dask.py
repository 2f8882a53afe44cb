"""govparse.dask: a corpus read into three Dask DataFrames gives, row for row, what
the local batch run (govparse.parse_many) gives over the same files — on a
distributed.LocalCluster of two worker processes, on threads, through fsspec URLs
(file://, memory://, as an object store) and globs — with the same report ids,
and bad files as rows with their error codes."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import dask
import fsspec
import pandas as pd
import pytest
from distributed import Client, LocalCluster, get_task_stream

import govparse
from govparse.batch.inputs import files_of, walk_order
from govparse.batch.records import DiagnosticRow, FigureRow, ReportRow
from govparse.dask import ReportFrames, read_reports
from govparse.errors import InputError
from govparse.source import read_bytes
from conftest import HERE
from test_batch import BAD, report_text

REAL = HERE / "data" / "real"
MAX_BYTES = 1_000_000  # the limit of both runs: HUGE is over it (GP003)
HUGE = ("一" * 400_000).encode("utf-8")  # 1.2 MB of text
FIGURE_COLUMNS = [*FigureRow._fields[:5], "value_text", *FigureRow._fields[5:]]


def make_corpus(root: Path) -> None:
    """Generated reports in the four layouts, real PDF, HTML and Word reports, and
    bad files (binary, empty, no table, a broken PDF, too large, unreadable: a link to
    nothing), in two levels of folders with files beside them, and what a walk leaves
    out (a hidden file and folder, a name govparse does not read)."""
    for i in range(24):
        folder = root / f"part{i % 3}" / ("deeper" if i % 4 == 0 else "")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"r{i:03d}.txt").write_text(report_text(i), encoding="utf-8")
    for name, (data, _) in BAD.items():
        (root / "part1" / f"bad-{name}.txt").write_bytes(data)
    (root / "huge.txt").write_bytes(HUGE)
    (root / "part2" / "gone.txt").symlink_to(root / "nowhere.txt")
    real = root / "real"
    real.mkdir()
    for path in [*REAL.glob("pdf/*.pdf"), *REAL.glob("html/*.html"), *REAL.glob("docx/*.docx")]:
        shutil.copy(path, real / path.name)
    (root / "a-first.txt").write_text(report_text(100), encoding="utf-8")
    (root / "notes.orig").write_text("not a report", encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "r.txt").write_text(report_text(7), encoding="utf-8")
    (root / "part0" / ".r.txt").write_text(report_text(8), encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    make_corpus(root)
    return root


def local_run(paths) -> list:
    """The local batch run's results, read in two worker processes."""
    return list(govparse.parse_many(paths, jobs=2, max_bytes=MAX_BYTES, keep_reports=False))


def rows_of(frame: pd.DataFrame) -> list[tuple]:
    """A computed DataFrame's rows as tuples of plain values, None where missing."""
    return [tuple(None if pd.isna(value) else value for value in row)
            for row in frame.itertuples(index=False)]


def expected_rows(results) -> tuple[list, list, list]:
    """The local run's rows as the DataFrames hold them: a figure's value as a float,
    and as text after it (value_text)."""
    reports = [tuple(result.report) for result in results]
    figures = [(*figure[:4], None if figure.value is None else float(figure.value),
                None if figure.value is None else str(figure.value), *figure[5:])
               for result in results for figure in result.figures]
    diagnostics = [tuple(d) for result in results for d in result.diagnostics]
    return reports, figures, diagnostics


def computed(frames: ReportFrames, **compute) -> tuple[list, list, list]:
    return tuple(rows_of(frame) for frame in dask.compute(*frames, **compute))


# ---------------------------------------------------------------- on a cluster


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        yield client


def test_a_cluster_of_two_workers_gives_the_local_runs_rows(corpus, client):
    results = local_run([corpus])
    frames = read_reports(corpus, max_bytes=MAX_BYTES, files_per_partition=4)
    assert frames.reports.npartitions == 10  # 37 files, 4 a partition
    with get_task_stream(client) as stream:
        reports, figures, diagnostics = computed(frames)
    assert len({task["worker"] for task in stream.data}) == 2  # both workers read files
    expected = expected_rows(results)
    assert reports == expected[0]
    assert figures == expected[1]
    assert diagnostics == expected[2]
    # what the corpus holds: every kind of file read, every bad file its own row
    by_name = {Path(row[1]).name: row for row in reports}
    assert [row[0] for row in reports] == list(range(1, 38))
    assert reports[0][1] == str(corpus / "a-first.txt")  # a folder's files before its folders
    assert {row[3] for row in reports} == {"text", "pdf", "html", "docx", None}
    error_code = ReportRow._fields.index("error_code")
    assert {name: row[error_code] for name, row in by_name.items() if row[error_code]} == {
        "bad-binary.txt": "GP002", "bad-broken_pdf.txt": "GP006", "huge.txt": "GP003",
        "gone.txt": "GP001"}
    assert ".r.txt" not in by_name and "r.txt" not in by_name and "notes.orig" not in by_name
    value = FIGURE_COLUMNS.index("value")
    r005 = by_name["r005.txt"][0]
    assert [row[value] for row in figures if row[0] == r005
            and row[1:4] == ("active_disclosure", "rules", "issued")] == [5.0]
    # every figure of the 33 files read, missing ones too: 30 on the 2021 template, one
    # on the 2019 template, two PDFs whose template has fewer
    figures_expected = ReportRow._fields.index("figures_expected")
    assert len(figures) == sum(row[figures_expected] for row in reports) == 6570


def test_the_three_frames_computed_together_read_each_file_once(corpus, monkeypatch):
    import govparse.source

    read = []
    original = govparse.source.read_bytes

    def counting(path, **kwargs):
        read.append(path)
        return original(path, **kwargs)

    monkeypatch.setattr(govparse.source, "read_bytes", counting)
    frames = read_reports(corpus, max_bytes=MAX_BYTES, files_per_partition=5)
    reports, figures, _ = dask.compute(*frames, scheduler="threads", num_workers=2)
    assert sorted(read) == sorted(reports.path) and len(read) == 37
    assert len(figures) == 6570


def test_threads_reading_pdfs_side_by_side_give_the_local_rows(tmp_path):
    # pdfium is not thread-safe: a worker's threads read PDFs one at a time
    for copy in range(6):
        for path in REAL.glob("pdf/*.pdf"):
            shutil.copy(path, tmp_path / f"{copy}-{path.name}")
    frames = read_reports(tmp_path, files_per_partition=1)
    rows = computed(frames, scheduler="threads", num_workers=4)
    assert rows == expected_rows(local_run([tmp_path]))
    location = FIGURE_COLUMNS.index("location")
    assert any(row[location] and row[location].startswith("page ") for row in rows[1])


# ---------------------------------------------------------------- inputs and report ids


def test_a_glob_is_expanded_in_sorted_order_as_a_shell_expands_it(corpus):
    pattern = str(corpus / "part*" / "**" / "*.txt")
    frames = read_reports(pattern, max_bytes=MAX_BYTES)
    matched = sorted(glob.glob(pattern, recursive=True))  # no hidden name: as the shell's
    assert len(matched) == 29 and not any("/." in path for path in matched)
    assert computed(frames, scheduler="sync") == expected_rows(local_run(matched))


def test_a_relative_glob_names_its_files_as_written(corpus, monkeypatch):
    monkeypatch.chdir(corpus)
    frames = read_reports("part0/*.txt")
    assert list(frames.reports.path.compute(scheduler="sync")) == \
        ["part0/r003.txt", "part0/r006.txt", "part0/r009.txt", "part0/r015.txt",
         "part0/r018.txt", "part0/r021.txt"]
    assert list(read_reports("part0/.*").reports.path.compute(scheduler="sync")) == \
        ["part0/.r.txt"]  # a dot matched by a dot
    odd = corpus / "odd[1]"  # a name that is there is read by its name, not as a glob
    odd.mkdir(exist_ok=True)
    shutil.copy(corpus / "a-first.txt", odd / "r.txt")
    try:
        assert list(read_reports("odd[1]").reports.path.compute(scheduler="sync")) == \
            ["odd[1]/r.txt"]
    finally:
        shutil.rmtree(odd)


def test_a_file_url_reads_through_fsspec(corpus):
    frames = read_reports(f"file://{corpus}", max_bytes=MAX_BYTES)
    reports, figures, diagnostics = computed(frames, scheduler="sync")
    expected = expected_rows(local_run([corpus]))
    path = ReportRow._fields.index("path")
    assert [row[path] for row in reports] == [f"file://{row[path]}" for row in expected[0]]
    assert [row[:path] + row[path + 1:] for row in reports] == \
        [row[:path] + row[path + 1:] for row in expected[0]]
    assert (figures, diagnostics) == expected[1:]


def test_an_object_store_is_read_as_the_local_disk(corpus):
    store = fsspec.filesystem("memory")
    local = [Path(p) for p in files_of([str(corpus)]) if "part0" in p or "real" in p]
    try:
        for path in local:
            store.pipe(f"/corpus/{path.relative_to(corpus)}", path.read_bytes())
        frames = read_reports("memory://corpus", max_bytes=MAX_BYTES)
        reports, figures, diagnostics = computed(frames, scheduler="sync")
        # the same files in the same order (a walk of a store orders as a walk of a disk)
        assert [row[1] for row in reports] == \
            [f"memory://corpus/{p.relative_to(corpus)}" for p in local]
        expected = expected_rows(local_run(local))
        assert [row[2:] for row in reports] == [row[2:] for row in expected[0]]
        assert (figures, diagnostics) == expected[1:]
        globbed = read_reports("memory://corpus/real/*.pdf").reports.compute(scheduler="sync")
        assert list(globbed.path) == ["memory://corpus/real/hzq2023.pdf",
                                      "memory://corpus/real/hzq2024.pdf"]
        assert list(globbed.year) == [2023, 2024]
    finally:
        store.rm("/corpus", recursive=True)


def test_report_ids_are_the_place_in_the_expansion_whatever_the_partitions(corpus):
    expected = [(result.report.report_id, result.report.path) for result in local_run([corpus])]
    for files_per_partition in (1, 7, None):
        frames = read_reports([corpus], max_bytes=MAX_BYTES,
                              files_per_partition=files_per_partition)
        ids = frames.reports[["report_id", "path"]].compute(scheduler="threads")
        assert list(ids.itertuples(index=False, name=None)) == expected
    # across inputs, ids go on counting
    two = read_reports([corpus / "a-first.txt", corpus / "part1"]).reports
    ids = two[["report_id", "path"]].compute(scheduler="sync")
    assert list(ids.itertuples(index=False, name=None)) == \
        [(result.report.report_id, result.report.path)
         for result in local_run([corpus / "a-first.txt", corpus / "part1"])]


def test_a_folder_listing_is_ordered_as_the_local_walk(corpus):
    listed = [os.path.relpath(path, corpus) for path in glob.glob(
        f"{corpus}/**/*", recursive=True, include_hidden=True) if not os.path.isdir(path)]
    ordered = [os.path.join(corpus, path) for path in walk_order(reversed(listed))]
    assert ordered == list(files_of([str(corpus)]))
    assert walk_order(["b/x.txt", "a.txt", "z.txt", "a/y.txt", "a/.h.txt", "n.orig"]) == \
        ["a.txt", "z.txt", "a/y.txt", "b/x.txt"]
    assert walk_order(["a.orig", "b/c.orig", "b/c.txt"], ("*.orig",)) == ["a.orig", "b/c.orig"]


# ---------------------------------------------------------------- what is said, and the columns


def test_a_glob_matching_nothing_and_an_empty_folder_are_said_before_any_work(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"no file matches '.*/nothing-\*\.txt'"):
        read_reports(str(tmp_path / "nothing-*.txt"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="no report file found in '.*/empty'"):
        read_reports(tmp_path / "empty")
    with pytest.raises(ValueError, match="'sloppy' is not a valid Mode"):
        read_reports(tmp_path, mode="sloppy")
    with pytest.raises(ValueError, match="files_per_partition must be a whole number from 1"):
        read_reports(tmp_path, files_per_partition=0)


def test_a_file_not_there_is_its_row_as_in_the_local_run(tmp_path):
    missing = str(tmp_path / "missing.txt")
    reports, figures, diagnostics = computed(read_reports(missing), scheduler="sync")
    assert (reports, figures, diagnostics) == expected_rows(local_run([missing]))
    assert reports[0][-2:] == ("GP001", "cannot read the file: No such file or directory")


def test_whatever_a_store_raises_is_gp001():
    def failing_store():
        raise RuntimeError("503 Service Unavailable")

    with pytest.raises(InputError) as raised:
        read_bytes("s3://bucket/report.pdf", opener=failing_store)
    assert (raised.value.code, raised.value.path) == ("GP001", "s3://bucket/report.pdf")
    assert raised.value.message == \
        "cannot read the file: RuntimeError: 503 Service Unavailable"


def test_the_columns_are_the_records_fields_with_declared_dtypes(corpus):
    frames = read_reports(corpus / "real", files_per_partition=2)
    assert list(frames.reports.columns) == list(ReportRow._fields)
    assert list(frames.figures.columns) == FIGURE_COLUMNS
    assert list(frames.diagnostics.columns) == list(DiagnosticRow._fields)
    assert str(frames.figures.value.dtype) == "float64"
    assert str(frames.reports.year.dtype) == "Int64"
    assert str(frames.figures.inferred.dtype) == "bool"
    assert str(frames.diagnostics.message.dtype) == "string"
    for frame, done in zip(frames, dask.compute(*frames, scheduler="sync")):
        assert done.dtypes.to_dict() == frame.dtypes.to_dict()  # meta is what comes
    figures = dask.compute(frames.figures, scheduler="sync")[0]
    fees = figures[figures.value_text.str.contains(".", regex=False, na=False)]
    assert len(fees) > 0  # a fee: exact as text, as near as a float goes as a value
    for value, text in zip(fees.value, fees.value_text):
        assert value == float(Decimal(text))


def test_without_dask_the_error_says_what_to_install():
    code = ("import sys\n"
            "sys.modules['dask'] = None\n"
            "import govparse\n"
            "list(govparse.parse_many([sys.argv[1]], jobs=1))\n"
            "assert not any(m.split('.')[0] in ('dask', 'distributed', 'fsspec', 'pandas')"
            " for m in sys.modules if sys.modules[m] is not None), 'govparse imported dask'\n"
            "import govparse.dask\n")
    out = subprocess.run([sys.executable, "-c", code, str(REAL / "html" / "006.html")],
                         capture_output=True, text=True)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines()[-1] == (
        "ImportError: govparse.dask needs Dask and fsspec (dask.bag could not be imported): "
        "pip install 'govparse[dask]' (dask[dataframe], distributed, fsspec)")
