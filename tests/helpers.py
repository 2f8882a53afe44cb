"""Building test reports: the clean example with one thing changed."""

from govparse.emit.printer import dumps

from conftest import example_path


def example_text(layout: str = "tab") -> str:
    return example_path(layout).read_text(encoding="utf-8")


def changed(old: str, new: str, layout: str = "tab", count: int = 1) -> str:
    text = example_text(layout)
    assert text.count(old) >= count, f"{old!r} not in the {layout} example"
    return text.replace(old, new, count)


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if fragment in line)


def codes(report) -> list[str]:
    return [d.code for d in report.diagnostics]


__all__ = ["changed", "codes", "dumps", "example_text", "line_of"]
