"""Write docs/codes/: a page for each diagnostic code, made from the catalogue
(govparse.diagnostics.CODES), and an index. Run after adding a code:

    .venv/bin/python docs/make_codes.py

tests/test_catalogue.py checks that the pages say what the catalogue says."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from govparse.cli.codes_cmd import SEVERITY_MEANING  # noqa: E402
from govparse.diagnostics import CODES  # noqa: E402

GROUPS = {"GP0": "The input", "GP1": "The report's structure",
          "GP2": "Tables: labels and headers", "GP3": "Tables: cells",
          "GP4": "The template's arithmetic (govparse check)",
          "GP5": "Sources other than text",
          "GP6": "Across reports (govparse check --across)"}


def page(code) -> str:
    severity = code.severity.value
    return f"""# {code.code} {code.name}

**{severity}** — {code.summary}.

{severity.capitalize()}: {SEVERITY_MEANING[severity]}.

- `govparse codes {code.code}` says this on the command line.
- `govparse check --select {code.code} PATH...` shows only this code;
  `--ignore {code.code}` leaves it out.
- In the library: `[d for d in report.diagnostics if d.code == "{code.code}"]`; every
  diagnostic has its `line` and `column` (or its `location` in a page, PDF or Word
  file), a `message` and, where one helps, a `hint`.

[All codes](README.md)
"""


def index() -> str:
    lines = ["# Diagnostic codes", "",
             "Every diagnostic govparse makes has a stable code: its meaning and severity never",
             "change (`tests/test_catalogue.py` pins them). `govparse codes` lists them;",
             "`govparse codes GP3` explains those of a group. Made by `docs/make_codes.py`.", ""]
    group = None
    for code in CODES.values():
        if code.code[:3] != group:
            group = code.code[:3]
            lines += ["", f"## {GROUPS.get(group, group)}", "",
                      "| code | name | severity | meaning |", "|---|---|---|---|"]
        lines.append(f"| [{code.code}]({code.code}.md) | {code.name} | {code.severity.value} "
                     f"| {code.summary} |")
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    """Each file of docs/codes/ and its text."""
    out = {"README.md": index()}
    out.update({f"{code.code}.md": page(code) for code in CODES.values()})
    return out


def main() -> None:
    folder = HERE / "codes"
    folder.mkdir(exist_ok=True)
    for name, text in pages().items():
        (folder / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
