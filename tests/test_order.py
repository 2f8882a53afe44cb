"""A report reads the same whatever was read before it in the process: the readings
kept from report to report (split_cells' pieces and lines, the table reader's label
forms and numbers, the grids' widths) are keyed by all they depend on.

Damaged printouts of the example (every layout, pages too) are read in order, in
the reverse order, and each after every kept reading is dropped: the same figures,
locations and diagnostics each time."""

from __future__ import annotations

import functools
import gc
import random

import govparse
from govparse.emit.printer import dumps
from govparse.emit.serialize import to_json
from govparse.testing import damage
from govparse.testing.page_damage import PAGE_DAMAGE

from conftest import example_path


def _inputs(count: int) -> list[str]:
    report = govparse.parse_file(example_path("tab"))
    rng = random.Random(11)
    texts = []
    for _ in range(count):
        chooser = damage.RandomChooser(random.Random(rng.random()))
        if rng.random() < 0.3:
            page = dumps(report, "html")
            for name in rng.sample(sorted(PAGE_DAMAGE), rng.randint(1, 3)):
                page = PAGE_DAMAGE[name](page, chooser)
            texts.append(page)
            continue
        sheet = damage.sheet_of(report)
        names = rng.sample(damage.SHEET_DAMAGE_NAMES, rng.randint(0, 2))
        for name in names:
            sheet = damage.SHEET_DAMAGES[name](sheet, chooser)
        printed = damage.render(sheet, rng.choice(damage.LAYOUTS), names)
        for name in rng.sample(damage.TEXT_DAMAGE_NAMES, rng.randint(0, 2)):
            printed = damage.TEXT_DAMAGES[name](printed, chooser)
        texts.append(printed.text)
    return texts


def _forget_kept_readings() -> None:
    from govparse.frontends.text import lines

    lines._READINGS.clear()
    for kept in gc.get_objects():
        if isinstance(kept, functools._lru_cache_wrapper) and \
                (getattr(kept, "__module__", "") or "").startswith("govparse"):
            kept.cache_clear()


def _read(text: str) -> tuple[str, list]:
    report = govparse.parse(text)
    return to_json(report), [(d.code, d.message, d.line, d.column) for d in report.diagnostics]


def test_a_report_reads_the_same_whatever_was_read_before_it():
    texts = _inputs(40)
    in_order = [_read(text) for text in texts]
    backwards = [_read(text) for text in reversed(texts)][::-1]
    alone = []
    for text in texts:
        _forget_kept_readings()
        alone.append(_read(text))
    for index, text in enumerate(texts):
        assert in_order[index] == backwards[index] == alone[index], text
