"""The console script ``govparse`` and ``python -m govparse``.

A cold ``govparse parse FILE`` is mostly start-up: imports, classes, parse tables.
The garbage collector's passes over all those new objects cost about a tenth of it
and free nothing, so the collector stays off until the first file is done; then
what exists is frozen out of its sight and it runs as usual for the rest of a batch.
"""

from __future__ import annotations

import gc

_paused = False


def main() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True
    from govparse.cli import main as run_cli

    run_cli()


def resume_collector() -> None:
    """Turn the collector back on if main() turned it off (after the first file)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
