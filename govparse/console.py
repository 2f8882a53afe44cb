"""The console script ``govparse`` and ``python -m govparse``: the collector paused for
the start-up (govparse.collector), then the command line (govparse.cli)."""

from __future__ import annotations


def main() -> None:
    from govparse.collector import pause_collector

    pause_collector()
    from govparse.cli import main as run_cli

    run_cli()
