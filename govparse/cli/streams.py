"""How a run of the command line ends: standard streams that are closed or full,
a reader that went away, Ctrl-C and termination signals, each with the exit
status command-line programs use for it (documented in ``govparse --help``).

- standard output closed (``>&-``): writing to it is an error, exit 2;
- standard error closed: the data is still written, the diagnostics are lost, and
  the run exits 2 since it could not say everything;
- a full disk or ``/dev/full``: ``error: cannot write the output: …``, exit 2;
- the reader went away (``govparse parse … | head``): stop quietly, ended by
  SIGPIPE, as ``cat`` and ``grep`` are (the shell says 141);
- Ctrl-C: ``govparse: interrupted``, exit 130; a signal turned into
  :class:`Interrupted` (fmt --in-place does, to clean up): 128 + its number.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import sys

EXIT_OUTPUT = 2  # the output could not be written: as a file that could not be read
EXIT_INTERRUPTED = 128 + signal.SIGINT


class Interrupted(BaseException):
    """A termination signal, raised where the program stood so that what it was
    doing can be undone (a BaseException, as KeyboardInterrupt is)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def signals_raise(*signums: int):
    """While inside, each of these signals raises Interrupted instead of ending the
    process at once; the handlers before are restored after."""
    def handler(signum, frame):
        raise Interrupted(signum)

    before = {s: signal.signal(s, handler) for s in signums}
    try:
        yield
    finally:
        for s, previous in before.items():
            signal.signal(s, previous)


class _ClosedStream(io.RawIOBase):
    """Stands for a standard stream that was closed when govparse started. Writing
    standard output fails with an error that says so, as writing to a closed
    descriptor does; what is written to standard error is dropped, and noted."""

    def __init__(self, name: str, *, drop: bool = False) -> None:
        super().__init__()
        self.stream_name = name
        self.drop = drop
        self.dropped = False

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        if self.drop:
            self.dropped = True
            return len(data)
        raise OSError(errno.EBADF, f"{self.stream_name} is closed")


def stand_in_for_closed() -> None:
    """Python sets sys.stdout or sys.stderr to None when the descriptor is closed;
    put a stand-in there (see _ClosedStream)."""
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(_ClosedStream("standard output"), encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = io.TextIOWrapper(_ClosedStream("standard error", drop=True),
                                      encoding="utf-8")


def say(message: str) -> bool:
    """Write a line to standard error if it can be written at all."""
    try:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
        return True
    except (OSError, ValueError):
        return False


def status_after(exc: BaseException) -> int:
    """The exit status for an exception that ended the command, after saying what
    happened. An exception that is none of these is a bug: it is raised again."""
    import click

    if isinstance(exc, (KeyboardInterrupt, click.exceptions.Abort)):
        say("\ngovparse: interrupted")
        return EXIT_INTERRUPTED
    if isinstance(exc, Interrupted):
        say(f"govparse: stopped by {signal.Signals(exc.signum).name}")
        return 128 + exc.signum
    if isinstance(exc, click.exceptions.Exit):
        return exc.exit_code
    if isinstance(exc, click.ClickException):
        try:
            exc.show()
        except (OSError, ValueError):
            pass
        return exc.exit_code
    if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
        end_by_sigpipe()
    if isinstance(exc, OSError):
        say(f"error: cannot write the output: {exc.strerror or exc}")
        return EXIT_OUTPUT
    raise exc


def flush_all(status: int) -> int:
    """Flush both streams; the status becomes EXIT_OUTPUT if what was written could
    not all be written."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            end_by_sigpipe()
        say(f"error: cannot write the output: {exc.strerror or exc}")
        status = max(status, EXIT_OUTPUT)
    except ValueError:  # flushing a stream that was closed meanwhile
        status = max(status, EXIT_OUTPUT)
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        status = max(status, EXIT_OUTPUT)
    if getattr(getattr(sys.stderr, "buffer", None), "dropped", False):
        status = max(status, EXIT_OUTPUT)  # diagnostics were lost with standard error
    return status


def end_by_sigpipe() -> None:
    """The reader of standard output went away: end as the platform ends a program
    that writes to a closed pipe, by SIGPIPE, without a word."""
    try:  # nothing more may reach the pipe, not even at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGPIPE)
    os._exit(128 + getattr(signal, "SIGPIPE", 13))
