"""The benchmark corpus: the reference reports plus generated reports in every layout.

Generated reports start from the bundled examples (examples/regenerate.py: the 2021
template, and a fifth on the 2019 template) and get
random figures from a fixed seed: arithmetically consistent in most reports, with a
missing figure or a broken total in a few, so that validation has findings to
explain and the parser has gaps to report, as in a real year's corpus. Their
narrative is padded with stock sentences to about the size of a reference report.
"""

from __future__ import annotations

import random
import runpy
from decimal import Decimal
from pathlib import Path

import attrs

from govparse.model.report import (
    ApplicantCounts,
    Figure,
    MetaField,
    OutcomeCounts,
    Paragraph,
    Report,
    ReviewLitigation,
    Section,
)
from govparse.emit.printer import CONVERTED_LAYOUTS, LAYOUTS, dumps

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "seeds"

_PLACES = ("东城", "西湖", "南关", "北塘", "丁兰", "文峰", "青山", "龙泉", "白云", "金水", "高新", "滨江")
_KINDS = ("区人民政府办公室", "县人民政府", "街道办事处", "镇人民政府", "市生态环境局", "区教育局",
          "市自然资源和规划局", "县卫生健康委员会", "区市场监督管理局", "乡人民政府")
_SENTENCES = (
    "本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。",
    "全年通过政府网站主动公开政府信息{n}条，其中政策文件{m}件、政策解读{k}篇。",
    "进一步规范依申请公开办理流程，严格落实登记、审核、办理、答复、归档等环节要求。",
    "加强政府信息公开平台建设，及时更新栏目内容，确保信息发布准确、规范、及时。",
    "严格落实保密审查制度，对拟公开的信息进行逐级审核把关，确保信息的合法合规性。",
    "组织开展政务公开业务培训{k}次，参训人员{n}人次，工作人员业务能力进一步提升。",
    "围绕重大决策、重点工作和民生领域，积极回应社会关切，增强政策透明度。",
)


def reference_texts() -> list[tuple[str, str]]:
    """(name, text) of each reference report in tests/data/seeds."""
    return [(p.name, p.read_text("utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


def example_reports() -> list[Report]:
    """EXAMPLE (2021 template) and, where the project has it, EXAMPLE_2019 of
    examples/regenerate.py (run without writing its files)."""
    space = runpy.run_path(str(ROOT / "examples" / "regenerate.py"), run_name="benchmark")
    return [space[name] for name in ("EXAMPLE", "EXAMPLE_2019") if name in space]


def _small(rng: random.Random, zero_share: float = 0.6, top: int = 30) -> int:
    """Mostly zeros, the rest small: how these tables look."""
    return 0 if rng.random() < zero_share else int(rng.paretovariate(1.2)) % top


def _applicants(values: list[int]) -> ApplicantCounts:
    return ApplicantCounts(*(Figure(v) for v in values + [sum(values)]))


def _outcomes(values: list[int]) -> OutcomeCounts:
    return OutcomeCounts(*(Figure(v) for v in values + [sum(values)]))


def _narrative(rng: random.Random, count: int) -> tuple[Paragraph, ...]:
    out = []
    for _ in range(count):
        text = "".join(
            rng.choice(_SENTENCES).format(n=rng.randint(10, 5000), m=rng.randint(1, 90),
                                          k=rng.randint(1, 40))
            for _ in range(rng.randint(2, 5))
        )
        out.append(Paragraph(text))
    return tuple(out)


def _random_figures(table, rng: random.Random):
    """Every figure of a table without arithmetic (二、主动公开) at random, of its kind:
    money a Decimal to four places, a change (本年增/减) signed, else a count."""
    rows = {}
    for row in attrs.fields(type(table)):
        row_obj = getattr(table, row.name)
        values = {}
        for col in attrs.fields(type(row_obj)):
            old = getattr(row_obj, col.name).value
            if isinstance(old, Decimal):
                value = Decimal(rng.randint(0, 2_000_000) if rng.random() < 0.4 else 0).scaleb(-4)
            elif col.name == "change":
                value = rng.randint(-20, 20)
            else:
                value = _small(rng, 0.5, rng.choice((10, 100, 5000)))
            values[col.name] = Figure(value)
        rows[row.name] = type(row_obj)(**values)
    return type(table)(**rows)


def random_report(example: Report, rng: random.Random) -> Report:
    """The example with random figures, arithmetically consistent in most reports."""
    apps_cls = type(example.applications)
    special = ("new_requests", "carried_over", "total_processed", "carried_forward")
    outcome_rows = [f.name for f in attrs.fields(apps_cls) if f.name not in special]
    rows = {name: [_small(rng, 0.85) for _ in range(6)] for name in outcome_rows}
    processed = [sum(rows[name][i] for name in outcome_rows) for i in range(6)]
    forward = [_small(rng, 0.8, 5) for _ in range(6)]
    over = [rng.randint(0, p + f) if rng.random() < 0.3 else 0 for p, f in zip(processed, forward)]
    new = [p + f - o for p, f, o in zip(processed, forward, over)]
    applications = apps_cls(**{name: _applicants(v) for name, v in rows.items()},
                            new_requests=_applicants(new), carried_over=_applicants(over),
                            total_processed=_applicants(processed),
                            carried_forward=_applicants(forward))
    review = ReviewLitigation(*(_outcomes([_small(rng, 0.8, 6) for _ in range(4)])
                                for _ in range(3)))
    sections = tuple(
        Section(s.number, None, _narrative(rng, rng.randint(3, 6)) if s.number == 1 else s.paragraphs)
        for s in example.sections
    )
    years = (2019, 2020) if example.template == "2019" else (2021, 2025)
    report = attrs.evolve(
        example,
        organization=MetaField(rng.choice(_PLACES) + rng.choice(_KINDS)),
        year=MetaField(rng.randint(*years)),
        sections=sections,
        active_disclosure=_random_figures(example.active_disclosure, rng),
        applications=applications,
        review_litigation=review,
    )
    roll = rng.random()
    if roll < 0.05:  # a missing figure: validation reports it as not checkable
        row = rng.choice(outcome_rows)
        report = report.replace_figure("applications", row, "natural_person", Figure(None))
    elif roll < 0.10:  # a total that does not add up
        value = report.applications.total_processed.total.value + rng.randint(1, 9)
        report = report.replace_figure("applications", "total_processed", "total", Figure(value))
    return report


@attrs.frozen
class Item:
    group: str  # "reference" or a layout
    name: str
    text: str
    model: Report | None = None  # what the text was printed from (generated only)


# The layouts generated reports are spread over: the printer's four canonical ones,
# and w3m's box-drawing grid and pdftotext -layout's aligned columns.
BENCH_LAYOUTS = LAYOUTS + CONVERTED_LAYOUTS
SHARE_2019 = 0.2  # of generated reports, on the 2019 template (2019 and 2020 reports)


def build_corpus(generated: int, seed: int = 2021) -> list[Item]:
    """The reference reports, then ``generated`` reports spread over the six layouts,
    a fifth of them on the 2019 template."""
    items = [Item("reference", name, text) for name, text in reference_texts()]
    rng = random.Random(seed)
    examples = example_reports()
    for index in range(generated):
        layout = BENCH_LAYOUTS[index % len(BENCH_LAYOUTS)]
        use_2019 = len(examples) > 1 and rng.random() < SHARE_2019
        model = random_report(examples[1] if use_2019 else examples[0], rng)
        items.append(Item(layout, f"generated-{index:05d}-{layout}", dumps(model, layout), model))
    return items


def megabyte_input(target_bytes: int = 1 << 20) -> str:
    """A ~1 MB report: the first reference report, then table rows of every reference
    report repeated (with distinct figures) until the text reaches target_bytes."""
    texts = [text for _, text in reference_texts()]
    head = texts[0]
    rows = [ln for text in texts for ln in text.splitlines()
            if "\t" in ln and any(ch.isdigit() for ch in ln.split("\t")[-1])]
    out = [head.rstrip("\n"), "", "三、收到和处理政府信息公开申请情况", ""]
    size = len("\n".join(out).encode("utf-8"))
    rng = random.Random(1)
    while size < target_bytes:
        for ln in rows:
            cells = ln.split("\t")
            cells = [str(rng.randint(0, 99)) if c.strip().isdigit() else c for c in cells]
            line = "\t".join(cells)
            out.append(line)
            size += len(line.encode("utf-8")) + 1
            if size >= target_bytes:
                break
    return "\n".join(out) + "\n"
