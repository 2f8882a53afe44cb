"""The garbage collector paused while a report is read, and for a cold start.

A report's reading makes tens of thousands of short-lived objects, which reference
counting frees but for a few kB of cycles: the collector's passes over them while
the report is read free nothing and came to 5–8% of the time (a fifth for a drawn
table). ``collector_paused`` turns it off for one report (parse_source); the cycles
go at its next pass.

A cold ``govparse parse FILE`` is mostly start-up: imports, classes, parse tables.
The collector's passes over all those new objects cost about a tenth of it and free
nothing, so the console script turns it off until the first file is done; then what
exists is frozen out of its sight and it runs as usual for the rest of a batch (each
file still read with it paused).
"""

from __future__ import annotations

import gc

_paused = False


def pause_collector() -> None:
    """Turn the collector off, if it is on, until resume_collector()."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collector() -> None:
    """Turn the collector back on if pause_collector() turned it off."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


class collector_paused:
    """``with collector_paused():`` the collector off while one report is read, if it
    is on, and back on after (however the reading ends).

    The collector's passes over a report's short-lived objects while it is read free
    nothing (module docstring). A report read in another thread meanwhile finds the
    collector off and leaves it alone; the one that turned it off turns it back on.
    (A class, not contextlib's: the console script imports this module first, before
    anything else is loaded.)"""

    __slots__ = ("_turned_off",)

    def __enter__(self) -> None:
        self._turned_off = gc.isenabled()
        if self._turned_off:
            gc.disable()

    def __exit__(self, *exc_info) -> None:
        if self._turned_off:
            gc.enable()
