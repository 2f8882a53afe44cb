"""Ctrl-C (SIGINT) and SIGTERM held back while a writer takes in a result or finishes
its file, so that a run stopped at any moment leaves whole reports in a valid file: a
report's rows are all added or none is (a stop between two of them left a report cut
short in the Excel sheets), and openpyxl's XML stream is never cut mid-row. A signal
that comes meanwhile takes effect as soon as the step is done, as it would have."""

from __future__ import annotations

import contextlib
import signal
import threading

HELD = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def signals_held():
    # only the main thread can set handlers; elsewhere nothing is held
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[tuple[int, object]] = []
    previous = {}
    for signum in HELD:
        handler = signal.getsignal(signum)
        if handler is not None:  # None: set outside Python, and could not be put back
            previous[signum] = signal.signal(
                signum, lambda number, frame: received.append((number, frame)))
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if received:
            signum, frame = received[0]
            handler = previous[signum]
            if callable(handler):
                handler(signum, frame)  # KeyboardInterrupt, or what the program set
            elif handler == signal.SIG_DFL:
                signal.raise_signal(signum)
