"""Read many files, in worker processes, and give each file's result in the order
the files were given, as soon as it and those before it are done.

- A pool of ``jobs`` worker processes (concurrent.futures) reads the files, a chunk
  of consecutive files a task (one message back for several files: the run's own
  process, which receives and writes every result, is the part of a run that does
  not scale with the workers); at most a bounded window of files is in flight, so a
  run of any size holds a bounded number of results in memory.
- A file that takes longer than ``timeout`` seconds is stopped in its worker (an
  alarm) and is that file's error (GP011); one stuck where no alarm reaches (in a
  PDF library's C code) is found by the run seeing it in progress (each worker
  notes when it starts a file, in memory shared with the run) for ``timeout`` and a
  grace period: the workers are stopped, the file is its error, and the other
  files that were in flight are read again.
- A file that stops its worker process (a crash in C code, the memory exhausted)
  breaks the pool: the files in flight are then read again one at a time, each in
  a fresh worker, and the one that crashes its worker alone is that file's error
  (GP010); the run goes on with a new pool.
- Workers ignore Ctrl-C: the run's own process stops, closes its outputs and
  stops the workers.

One file is read in the run's own process (a cold start stays fast)."""

# (Annotations evaluated, not `from __future__ import annotations`: typing.NamedTuple
# compiles each string annotation into a ForwardRef: about 2 ms of a cold start for the
# NamedTuples of records.py and runner.py.)

import os
import signal
import sys
import time
from itertools import chain, islice
from typing import Callable, Iterable, Iterator, NamedTuple

from govparse.batch.records import FileResult
from govparse.batch.rows import result_of
from govparse.collector import resume_collector
from govparse.errors import GovParseError, InputError
from govparse.source import DEFAULT_MAX_BYTES

GRACE = 30.0  # seconds the run waits past the timeout before stopping the workers
WINDOW_PER_JOB = 16  # files in flight for each worker: enough to keep each one busy
CHUNK = 8  # files a task at most (the first tasks of a run smaller: 1, 1, 2, 2, 4, 4, 8)


class Options(NamedTuple):
    """How each file of a run is read, and what is made of it."""

    mode: str = "lenient"  # govparse.Mode's value: lenient, infer or strict
    max_bytes: int = DEFAULT_MAX_BYTES
    check: bool = False  # add the validator's findings (govparse check)
    select: tuple[str, ...] = ()  # keep only these codes or prefixes (check)
    ignore: tuple[str, ...] = ()  # leave out these
    keep_model: bool = False  # keep each Report in its result (JSON, text listing)
    render: bool = False  # render the diagnostics as the command line prints them
    show_notes: bool = False
    color: bool = False
    fail_on_warning: bool = False  # a warning fails a file too (--strict of check)
    timeout: float | None = None  # seconds a file may take
    skip: frozenset[str] = frozenset()  # sha256 of files to leave out (--resume)
    # each file's sha256 made (the outputs that keep it, --resume); a text listing of
    # one file needs none, and hashlib is a few ms of a cold start
    hash: bool = True
    stdin_name: str = "-"  # the name standard input ("-") goes by (--stdin-filename)
    # what the output makes of each result (a writer's encoder, govparse.batch.outputs),
    # made where the file is read: the run's own process then only writes it
    encode: Callable[[FileResult], object] | None = None


class Done(NamedTuple):
    """One file done: its rows, and what the command line prints of it. With
    Options.encode, ``encoded`` is what it made of the result, and the result keeps
    only its report row and diagnostics (its figures and model are in ``encoded``:
    not sent twice from the worker)."""

    result: FileResult
    rendered: str | None = None  # its diagnostics and verdict, if Options.render
    status: int = 0  # 0 clean, 1 problems, 2 not readable (the command line's exit codes)
    skipped: bool = False  # its sha256 is in Options.skip: not read
    encoded: object = None  # Options.encode(the result), when the options have it


def status_of(report, error, fail_on_warning: bool) -> int:
    """A file's exit status: 2 when it could not be read at all, 1 when it was
    stopped by an error or has one (a warning too if ``fail_on_warning``), else 0."""
    if error is not None:
        return 2 if isinstance(error, InputError) else 1
    bar = 1 if fail_on_warning else 2
    return 1 if any(d.severity.rank >= bar for d in report.diagnostics) else 0


def default_jobs() -> int:
    """The machine's cores (those this process may run on)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run(paths: Iterable[str], options: Options = Options(), *, jobs: int | None = None,
        start: int = 1, start_method: str = "fork") -> Iterator[Done]:
    """Each file's result, in the order of ``paths``; report ids count from ``start``.
    ``start_method``: how workers start (multiprocessing's: ``fork`` is at once, for
    a process with no other thread, as the command line's; ``forkserver`` for a host
    that may run threads)."""
    jobs = jobs or default_jobs()
    tasks = enumerate(paths, start)
    head = list(islice(tasks, jobs + 1))  # no more workers than files
    if len(head) < 2:
        for report_id, path in head:
            yield read_one(report_id, path, options)
        return
    with _Pool(min(jobs, len(head)), options, start_method) as pool:
        yield from pool.results(chain(head, tasks))


# ---------------------------------------------------------------- in a worker

_options: Options | None = None  # a worker's: set once when it starts
_started = None  # a worker's: the run's shared array of when each file in flight started


def _start_worker(options: Options, started=None) -> None:
    global _options, _started
    _options, _started = options, started
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the run's to handle
    _end_with_parent()
    fixed_mmap_threshold()
    # A worker forked from the command line's start-up, the garbage collector paused
    # (govparse/collector.py): on again, or each file's cycles stay for the whole run.
    resume_collector()


def _end_with_parent() -> None:
    """On Linux, have the kernel stop this worker when the run's process ends,
    however it ends (killed, os._exit): no worker outlives its run."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (ImportError, OSError, AttributeError):
        pass


def _read_in_worker(report_id: int, path: str) -> Done:
    return read_one(report_id, path, _options)


def _read_chunk(tasks: list[tuple[int, str]]) -> list[Done]:
    """Read consecutive files, noting when each starts (in the slot of its report id)
    for the run to see which one a stuck worker is in."""
    done = []
    for report_id, path in tasks:
        if _started is not None:
            _started[report_id % len(_started)] = time.monotonic()
        done.append(read_one(report_id, path, _options))
    return done


def fixed_mmap_threshold() -> None:
    """With glibc, keep a process's large blocks (a chunk's results as a worker sends
    them and as the command line's process receives them, a few hundred kB) in memory
    maps of their own, returned when freed. glibc raises its threshold for them past
    each one freed, and then takes them from the heap, which grew with the run (a
    worker's peak 30 MB after 1,000 files, 33 MB after 6,000, 35 MB after 10,000; 30 MB
    after 6,000 so; the command line's process 27.7 MB after 10,000 and 44.2 MB after
    100,000 with --jobs 1); a threshold set by mallopt stays where it is. (A setting of
    the whole process: the command line sets it, not ``parse_many`` in a caller's.)"""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        libc.mallopt(-3, 64 * 1024)  # M_MMAP_THRESHOLD (glibc starts at 128 kB)
    except (ImportError, OSError, AttributeError):
        pass


class _TimedOut(BaseException):
    """The alarm of --timeout (a BaseException: no ``except Exception`` on the way,
    in govparse or a library it calls, takes it for an error of the file)."""


def _alarm(signum, frame):
    raise _TimedOut


def read_one(report_id: int, path: str, options: Options, *, opener=None) -> Done:
    """Read one file: never raises for anything the file holds. ``opener``: how to
    open a file that is not on a local disk (govparse.source.read_bytes; govparse.dask
    reads a file of an object store so, on a Dask worker)."""
    name = shown_name(options.stdin_name if path == "-" and opener is None else path)
    timer = options.timeout is not None and _can_alarm()
    previous = signal.signal(signal.SIGALRM, _alarm) if timer else None
    try:
        try:
            if timer:
                signal.setitimer(signal.ITIMER_REAL, options.timeout)
            return _read_one(report_id, path, name, options, opener)
        finally:
            if timer:  # first of all: no alarm after this
                signal.setitimer(signal.ITIMER_REAL, 0)
    except _TimedOut:
        error = _too_long(name, options.timeout, "it was stopped")
    finally:
        if timer:
            signal.signal(signal.SIGALRM, previous)
    return _failed(report_id, name, error, options)


def shown_name(path: str) -> str:
    """The path as outputs write it: a name that is no UTF-8 (bytes the file system
    gave as surrogates) written with backslash escapes, never a failed write."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _read_one(report_id: int, path: str, name: str, options: Options, opener) -> Done:
    from govparse.source import read_bytes, source_of

    sha256 = format = source = report = error = None
    try:
        data = read_bytes(path, max_bytes=options.max_bytes, opener=opener)
        if options.hash or options.skip:
            import hashlib

            sha256 = hashlib.sha256(data).hexdigest()
        if sha256 is not None and sha256 in options.skip:
            return Done(result_of(report_id, name, sha256=sha256), skipped=True)
        source = source_of(name, data, max_bytes=options.max_bytes)
        format = source.format
        report = _read(source, options)
    except GovParseError as exc:
        error = exc
    except RecursionError:
        error = _internal(name, "the input nests deeper than govparse can follow")
    except Exception as exc:  # noqa: BLE001 - a bug must not stop a batch; it is said
        error = _internal(name, f"{type(exc).__name__}: {exc}")
    if error is not None and error.path is None:
        error.path = name
    result = result_of(report_id, name, sha256=sha256, format=format, report=report,
                       error=error, keep_model=options.keep_model)
    rendered = _rendered(name, source, report, error, options) if options.render else None
    return _done(result, rendered, status_of(report, error, options.fail_on_warning), options)


def _done(result: FileResult, rendered: str | None, status: int, options: Options) -> Done:
    if options.encode is None:
        return Done(result, rendered, status)
    return Done(FileResult(result.report, (), result.diagnostics), rendered, status,
                encoded=options.encode(result))


def _can_alarm() -> bool:
    import threading

    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _read(source, options: Options):
    from govparse.api import parse_source

    report = parse_source(source, mode=options.mode)
    # a report with no table (GP112) has no arithmetic to check: no relation is said
    # not checkable, one by one
    if options.check and not any(d.code == "GP112" for d in report.diagnostics):
        import attrs

        from govparse.check.validation import selected, validate

        kept = tuple(d for d in report.diagnostics + tuple(validate(report))
                     if selected(d.code, options.select, options.ignore))
        report = attrs.evolve(report, diagnostics=kept)
    return report


def _too_long(path: str, timeout: float, what: str) -> GovParseError:
    return GovParseError("GP011", f"reading the file took longer than {timeout:g} s (--timeout); "
                         f"{what}", path=path)


def _internal(path: str, what: str) -> GovParseError:
    return GovParseError("GP010", f"govparse failed on this file ({what}); the run went on. "
                         "This is a bug: please report it with the file", path=path)


def _rendered(path, source, report, error, options: Options) -> str:
    from govparse.emit.rendering import file_report

    diagnostics = report.diagnostics if report is not None else \
        (error.diagnostics if error is not None else ())
    text = source.text if source is not None and source.format in ("text", "pdf") else None
    figures = None
    if report is not None:
        values = [f.value for _, _, _, f in report.table_figures()]
        figures = (sum(v is not None for v in values), len(values))
    return file_report(path, diagnostics, text, error=error, show_notes=options.show_notes,
                       color=options.color, figures=figures)


def _failed(report_id: int, path: str, error: GovParseError, options: Options) -> Done:
    """A file the run could not read in a worker (GP010, GP011)."""
    result = result_of(report_id, path, error=error, keep_model=options.keep_model)
    rendered = _rendered(path, None, None, error, options) if options.render else None
    return _done(result, rendered, status_of(None, error, options.fail_on_warning), options)


# ---------------------------------------------------------------- the pool


class _Pool:
    """Worker processes, remade when one crashes or a file hangs one. (The modules
    of the pool are imported here, for runs of several files: a cold start of one
    file needs none of them.)"""

    def __init__(self, jobs: int, options: Options, start_method: str = "fork") -> None:
        import multiprocessing

        self.jobs = jobs
        self.options = options
        self.window = jobs * WINDOW_PER_JOB  # files in flight at most
        # fork: a worker starts at once with govparse imported (the command line runs
        # no thread that could hold a lock across the fork); forkserver for a library
        # host that may
        if start_method not in multiprocessing.get_all_start_methods():
            start_method = None  # the platform's own (spawn on Windows)
        self.context = multiprocessing.get_context(start_method)
        # when each file in flight started in its worker (time.monotonic; 0: not yet),
        # in the slot of its report id: the ids in flight are consecutive and fewer
        # than the slots
        self.started = self.context.RawArray("d", self.window + CHUNK) \
            if options.timeout is not None else None
        self.executor = None  # a concurrent.futures.ProcessPoolExecutor while running

    def __enter__(self) -> "_Pool":
        return self

    def __exit__(self, *exc) -> None:
        # The run ended, or its reader stopped early (a closed pipe, Ctrl-C): the
        # files not started are cancelled, those in flight end first (each within
        # the timeout), so that no worker is stopped halfway through sending a
        # result. A second Ctrl-C stops them at once.
        try:
            self._stop()
        except BaseException:
            executor, self.executor = self.executor, None
            if executor is not None:
                _kill(executor)
            raise

    def _new(self, workers: int):
        import concurrent.futures as futures

        return futures.ProcessPoolExecutor(workers, mp_context=self.context,
                                           initializer=_start_worker,
                                           initargs=(self.options, self.started))

    def _stop(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = None

    def _wait(self) -> float | None:
        timeout = self.options.timeout
        return None if timeout is None else timeout + GRACE

    def _submit(self, chunk: list[tuple[int, str]]):
        if self.started is not None:
            for report_id, _ in chunk:
                self.started[report_id % len(self.started)] = 0.0
        return self.executor.submit(_read_chunk, chunk)

    def results(self, tasks: Iterator[tuple[int, str]]) -> Iterator[Done]:
        from collections import deque
        from concurrent.futures.process import BrokenProcessPool

        pending: deque = deque()  # (a chunk of tasks, its future; None: read here, in order)
        in_flight = 0  # the files of pending
        chunks = _chunks(iter(tasks))
        exhausted = False
        while True:
            try:
                if self.executor is None:
                    self.executor = self._new(self.jobs)
                while not exhausted and in_flight < self.window:
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                        break
                    pending.append((chunk, None))
                    in_flight += len(chunk)
                    if chunk[0][1] != "-":  # standard input is this process's: read here
                        pending[-1] = (chunk, self._submit(chunk))
            except BrokenProcessPool:  # a worker died while files were handed out
                yield from self._recover(pending)
                in_flight = 0
                continue
            if not pending:
                return
            chunk, future = pending[0]
            if future is None:
                pending.popleft()
                in_flight -= len(chunk)
                for report_id, path in chunk:
                    yield read_one(report_id, path, self.options)
                continue
            try:
                done = self._result(chunk, future)
            except BrokenProcessPool:
                yield from self._recover(pending)
                in_flight = 0
                continue
            except _Hung as hung:
                yield from self._recover(pending, hung.task)
                in_flight = 0
                continue
            pending.popleft()
            in_flight -= len(chunk)
            yield from done

    def _result(self, chunk: list[tuple[int, str]], future) -> list[Done]:
        """The chunk's results, once its worker sends them; _Hung if it is stuck in
        one of its files longer than the timeout and the grace period."""
        import concurrent.futures as futures

        limit = self._wait()
        if limit is None:
            return future.result()
        wait = limit
        while True:
            try:
                return future.result(timeout=wait)
            except futures.TimeoutError:
                pass
            task, since = self._in_progress(chunk)
            waited = time.monotonic() - since if task is not None else 0.0
            if waited >= limit:
                raise _Hung(task)
            wait = limit - waited  # not started (or only just): the whole limit again

    def _in_progress(self, chunk: list[tuple[int, str]]):
        """The file of the chunk its worker is reading (the last one started) and
        when it started; (None, None) when it has not started one."""
        for task in reversed(chunk):
            since = self.started[task[0] % len(self.started)]
            if since:
                return task, since
        return None, None

    def _recover(self, pending, hung: tuple[int, str] | None = None) -> Iterator[Done]:
        """A worker crashed (or a file hangs one past every alarm, ``hung``): the
        workers are stopped, the hung file is that file's error at once, and the
        other files in flight are read again one at a time, each in a worker of its
        own, so that the one that crashes is found."""
        executor, self.executor = self.executor, None
        if executor is not None:
            _kill(executor)
        stranded = [task for chunk, _ in pending for task in chunk]
        pending.clear()
        for task in stranded:
            report_id, path = task
            if task == hung:
                yield _failed(report_id, path, _too_long(
                    path, self.options.timeout, "it could not be stopped, so its worker was"),
                    self.options)
            else:
                yield from self._one_by_one([task])

    def _one_by_one(self, tasks: list[tuple[int, str]]) -> Iterator[Done]:
        import concurrent.futures as futures
        from concurrent.futures.process import BrokenProcessPool

        for report_id, path in tasks:
            if path == "-":
                yield read_one(report_id, path, self.options)
                continue
            executor = self._new(1)
            try:
                done = executor.submit(_read_in_worker, report_id, path).result(
                    timeout=self._wait())
            except BrokenProcessPool:
                done = _failed(report_id, path, _internal(
                    path, "reading it stopped the worker process"), self.options)
            except futures.TimeoutError:
                done = _failed(report_id, path, _too_long(
                    path, self.options.timeout, "it could not be stopped, so its worker was"),
                    self.options)
            finally:
                _kill(executor)  # one worker, done with its one file or stuck in it
            yield done


class _Hung(Exception):
    """A file in progress in a worker past the timeout and the grace period."""

    def __init__(self, task: tuple[int, str]) -> None:
        super().__init__(task)
        self.task = task


def _chunks(tasks: Iterator[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    """The tasks in chunks of consecutive files: small ones first, so that a run of a
    few files still gives every worker some, then CHUNK files each; standard input
    ("-") a chunk of its own (it is read in the run's own process)."""
    size = 1
    chunk: list[tuple[int, str]] = []
    sizes = 0
    for task in tasks:
        if task[1] == "-":
            if chunk:
                yield chunk
                chunk = []
            yield [task]
            continue
        chunk.append(task)
        if len(chunk) >= size:
            yield chunk
            chunk = []
            sizes += 1
            if sizes % 2 == 0:
                size = min(CHUNK, size * 2)
    if chunk:
        yield chunk


def _kill(executor) -> None:
    """Stop the executor's workers now, whatever they are doing (a crashed pool, a
    file stuck where no alarm reaches it). Not waited for: a worker killed while
    sending its result may leave the executor's own thread waiting for the rest."""
    processes = getattr(executor, "_processes", None) or {}  # no public way to stop one
    for process in list(processes.values()):
        process.kill()
    executor.shutdown(wait=False, cancel_futures=True)


def parse_many(paths: Iterable[str] | str, *, jobs: int | None = None, mode: str = "lenient",
               max_bytes: int = DEFAULT_MAX_BYTES, timeout: float | None = 300,
               globs: tuple[str, ...] = (), keep_reports: bool = True) -> Iterator[FileResult]:
    """Read many reports: files and folders (walked for the files govparse reads, or
    those matching ``globs``), in ``jobs`` worker processes (default: the machine's
    cores). Yields each file's FileResult in the order of the files, as soon as it
    is done: its report row, figures and diagnostics (govparse.batch.records), and
    with ``keep_reports`` the Report itself (``result.model``). A file that cannot
    be read, crashes its worker or takes longer than ``timeout`` seconds is its own
    result with an error code; the others are still read."""
    from govparse.batch.inputs import files_of

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = files_of([os.fspath(p) for p in paths], globs=tuple(globs))
    options = Options(mode=getattr(mode, "value", mode), max_bytes=max_bytes, timeout=timeout,
                      keep_model=keep_reports)
    # forkserver: the host may run threads (a web server, a notebook's), which a
    # fork would copy mid-lock
    for done in run(files, options, jobs=jobs, start_method="forkserver"):
        yield done.result
