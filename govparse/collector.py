"""The garbage collector paused for a cold start, and resumed once the first file is done.

A cold ``govparse parse FILE`` is mostly start-up: imports, classes, parse tables.
The garbage collector's passes over all those new objects cost about a tenth of it
and free nothing, so the console script turns it off until the first file is done;
then what exists is frozen out of its sight and it runs as usual for the rest of a
batch.
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
