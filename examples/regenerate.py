"""Write the bundled example reports in each layout the parser reads.

EXAMPLE is a clean report on the 2021 template (report-2024-*.txt), EXAMPLE_2019 one
on the 2019 template (report-2020-*.txt), with signed changes (本年增/减) and a
procurement amount; both arithmetically consistent, money in 万元 to four places.
Run after changing the printer:

    python examples/regenerate.py
"""

from decimal import Decimal
from pathlib import Path

import attrs

from govparse.model.report import (ActiveDisclosure, ActiveDisclosure2019, ApplicantCounts,
                            Applications, Applications2019, DecisionCount, DocumentCounts,
                            FeeAmount, FeeItems, Figure, ItemChanges, MetaField, OutcomeCounts,
                            Paragraph, Procurement, PublicationCounts, Report, ReviewLitigation,
                            Section)
from govparse.emit.printer import LAYOUTS, dumps

HERE = Path(__file__).resolve().parent


def applicants(natural=0, commercial=0, research=0, welfare=0, legal=0, other=0):
    values = [natural, commercial, research, welfare, legal, other]
    return ApplicantCounts(*(Figure(v) for v in values + [sum(values)]))


def outcomes(upheld=0, corrected=0, other=0, pending=0):
    values = [upheld, corrected, other, pending]
    return OutcomeCounts(*(Figure(v) for v in values + [sum(values)]))


def sections(year=2024):
    text = {
        1: [f"{year}年，本办坚持以公开为常态、不公开为例外，全面推进政务公开工作。",
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

def applications_2019():
    rows = {f.name: getattr(EXAMPLE.applications, f.name) for f in attrs.fields(Applications2019)
            if f.name != "other_processing"}
    return Applications2019(**rows, other_processing=applicants(commercial=1))


EXAMPLE_2019 = attrs.evolve(
    EXAMPLE,
    year=MetaField(2020),
    template="2019",
    sections=sections(2020),
    active_disclosure=ActiveDisclosure2019(
        rules=PublicationCounts(Figure(0), Figure(0), Figure(0)),
        normative_documents=PublicationCounts(Figure(4), Figure(4), Figure(31)),
        administrative_licensing=ItemChanges(Figure(58), Figure(17), Figure(2461)),
        other_management_services=ItemChanges(Figure(12), Figure(-3), Figure(96)),
        administrative_penalty=ItemChanges(Figure(103), Figure(-15), Figure(87)),
        administrative_coercion=ItemChanges(Figure(9), Figure(0), Figure(4)),
        administrative_fees=FeeItems(Figure(6), Figure(-1)),
        government_procurement=Procurement(Figure(14), Figure(Decimal("246.9000"))),
    ),
    applications=applications_2019(),
)

EXAMPLES = {"2024": EXAMPLE, "2020": EXAMPLE_2019}

if __name__ == "__main__":
    for year, report in EXAMPLES.items():
        for layout in LAYOUTS:
            path = HERE / f"report-{year}-{layout}.txt"
            path.write_text(dumps(report, layout), encoding="utf-8")
            print(path.relative_to(HERE.parent))
