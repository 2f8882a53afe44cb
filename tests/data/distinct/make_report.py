"""Writes report-2024-distinct.txt and expected.tsv: a reference report on the 2021
template whose every figure is a different non-zero number, with the template's
arithmetic holding (``govparse check`` passes). Run from the repository root:

    .venv/bin/python tests/data/distinct/make_report.py

The numbers come from a fixed seed; the script refuses any draw in which two
figures are equal or one is 0, so that a figure read into another row or column
can never pass for the right one."""

from __future__ import annotations

import csv
import random
from decimal import Decimal
from pathlib import Path

import govparse
from govparse.model.report import Figure, MetaField, Paragraph, Report, Section
from govparse.emit.printer import dumps
from govparse.template.spec import load_template

HERE = Path(__file__).resolve().parent
NAME = "report-2024-distinct.txt"
OUTCOMES_PARENT = "三、本年度办理结果"

PARAGRAPHS = {
    1: ["2024年，本局坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。",
        "本报告中所列数据统计期限为2024年1月1日至12月31日。"],
    2: [],
    3: ["本年度申请量较上年有所增加，主要集中在征地拆迁和规划许可领域。"],
    4: [],
    5: ["存在的主要问题：政策解读形式还不够丰富。改进情况：下一步将加强业务培训。"],
    6: ["本年度，本机关依据《政府信息公开信息处理费管理办法》收取信息处理费0.0350万元。"],
}


def figures(seed: int) -> dict[tuple[str, str, str], object]:
    """Every figure that is not a sum drawn without repetition; the sums computed."""
    rng = random.Random(seed)
    spec = load_template("2021")
    apps = spec.table("applications")
    columns = [c.id for c in apps.rows[0].columns if c.id != "total"]
    outcomes = [r.id for r in apps.rows if r.path[0] == OUTCOMES_PARENT
                and r.id != "total_processed"]
    review = spec.table("review_litigation")
    drawn = ([("active_disclosure", r.id, c.id) for r, c in spec.table("active_disclosure").slots
              if c.id != "amount"]
             + [("applications", r, c) for c in columns
                for r in outcomes + ["carried_forward", "carried_over"]]
             + [("review_litigation", r.id, c.id) for r, c in review.slots if c.id != "total"])
    values: dict[tuple[str, str, str], object] = dict(
        zip(drawn, rng.sample(range(1, 2000), len(drawn))))
    values[("active_disclosure", "administrative_fees", "amount")] = Decimal("36.2575")
    for col in columns:
        processed = sum(values[("applications", r, col)] for r in outcomes)
        values[("applications", "total_processed", col)] = processed
        received = processed + values[("applications", "carried_forward", col)]
        values[("applications", "new_requests", col)] = \
            received - values[("applications", "carried_over", col)]
    for row in apps.rows:
        values[("applications", row.id, "total")] = sum(
            values[("applications", row.id, col)] for col in columns)
    for row in review.rows:
        values[("review_litigation", row.id, "total")] = sum(
            values[("review_litigation", row.id, c.id)] for c in row.columns if c.id != "total")
    return values


def acceptable(values) -> bool:
    numbers = list(values.values())
    return len(set(numbers)) == len(numbers) and all(v > 0 for v in numbers)


def main() -> None:
    seed = next(s for s in range(10_000) if acceptable(figures(s)))
    values = figures(seed)
    report = Report(
        organization=MetaField("示例市自然资源和规划局"), year=MetaField(2024),
        sections=tuple(Section(n, paragraphs=tuple(Paragraph(t) for t in PARAGRAPHS[n]))
                       for n in range(1, 7)))
    for (table, row, column), value in values.items():
        report = report.replace_figure(table, row, column, Figure(value))
    text = dumps(report, "tab")
    assert govparse.parse(text) == report
    assert govparse.validate(govparse.parse(text)) == []
    (HERE / NAME).write_text(text, encoding="utf-8")
    with open(HERE / "expected.tsv", "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\n")
        out.writerow(["report", "table", "row", "column", "value"])
        out.writerow([NAME, "report", "meta", "organization", report.organization.value])
        out.writerow([NAME, "report", "meta", "year", report.year.value])
        for table, row, column, fig in report.table_figures():
            out.writerow([NAME, table, row, column, fig.value])
    print(f"seed {seed}: {len(values)} figures, all different and non-zero")


if __name__ == "__main__":
    main()
