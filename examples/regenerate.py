"""Write the bundled example report in each layout the parser reads.

The example is a clean report on the 2021 template, arithmetically consistent,
with money in 万元 to four places. Run after changing the printer:

    python examples/regenerate.py
"""

from decimal import Decimal
from pathlib import Path

import attrs

from govparse.model import (ActiveDisclosure, ApplicantCounts, Applications, DecisionCount,
                            DocumentCounts, FeeAmount, Figure, MetaField, OutcomeCounts,
                            Paragraph, Report, ReviewLitigation, Section)
from govparse.printer import LAYOUTS, dumps

HERE = Path(__file__).resolve().parent


def applicants(natural=0, commercial=0, research=0, welfare=0, legal=0, other=0):
    values = [natural, commercial, research, welfare, legal, other]
    return ApplicantCounts(*(Figure(v) for v in values + [sum(values)]))


def outcomes(upheld=0, corrected=0, other=0, pending=0):
    values = [upheld, corrected, other, pending]
    return OutcomeCounts(*(Figure(v) for v in values + [sum(values)]))


def sections():
    text = {
        1: ["2024年，本办坚持以公开为常态、不公开为例外，全面推进政务公开工作。",
            "全年通过政府网站主动公开政府信息1286条，其中政策文件42件、政策解读31篇。"],
        2: [], 3: [], 4: [],
        5: ["存在的主要问题：政策解读形式还不够丰富，基层政务公开标准化水平有待提高。",
            "改进情况：下一步将加强业务培训，丰富解读形式，提升公开质量。"],
        6: ["本年度，本机关未收取信息处理费，无其他需要报告的事项。"],
    }
    return tuple(Section(n, None, tuple(Paragraph(t) for t in paras))
                 for n, paras in text.items())


EXAMPLE = Report(
    organization=MetaField("示例县人民政府办公室"),
    year=MetaField(2024),
    sections=sections(),
    active_disclosure=ActiveDisclosure(
        rules=DocumentCounts(Figure(0), Figure(0), Figure(0)),
        normative_documents=DocumentCounts(Figure(5), Figure(1), Figure(23)),
        administrative_licensing=DecisionCount(Figure(1234)),
        administrative_penalty=DecisionCount(Figure(56)),
        administrative_coercion=DecisionCount(Figure(3)),
        administrative_fees=FeeAmount(Figure(Decimal("1.2500"))),
    ),
    applications=Applications(**{
        **{f.name: applicants() for f in attrs.fields(Applications)},
        "new_requests": applicants(natural=10, commercial=2, welfare=1),
        "carried_over": applicants(natural=1),
        "disclosed": applicants(natural=5, commercial=1),
        "partially_disclosed": applicants(natural=1),
        "withheld_third_party_rights": applicants(natural=1),
        "unavailable_not_held": applicants(natural=2, welfare=1),
        "not_processed_duplicate": applicants(natural=1),
        "other_no_correction": applicants(commercial=1),
        "total_processed": applicants(natural=10, commercial=2, welfare=1),
        "carried_forward": applicants(natural=1),
    }),
    review_litigation=ReviewLitigation(
        administrative_review=outcomes(upheld=1, pending=1),
        litigation_direct=outcomes(upheld=1),
        litigation_after_review=outcomes(),
    ),
)

if __name__ == "__main__":
    for layout in LAYOUTS:
        path = HERE / f"report-2024-{layout}.txt"
        path.write_text(dumps(EXAMPLE, layout), encoding="utf-8")
        print(path.relative_to(HERE.parent))
