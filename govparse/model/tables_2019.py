"""The tables of the 2019 template (the one before 国办公开办函〔2021〕30号), as
model classes. Imported on first use (govparse.model.report.table_classes): a cold start
on a 2021 report does not build them.

Field names are the figure identifiers of template-2019.tsv.
"""

from __future__ import annotations

import attrs

from govparse.classes import frozen
from govparse.model.figures import Figure, _empty, _figures
from govparse.model.tables_2021 import ApplicantCounts, Applications, ReviewLitigation


# ---------------------------------------------------------------- 二、主动公开 (2019 template)


@frozen
class PublicationCounts:
    """2019 规章 / 规范性文件: 本年新制作数量, 本年新公开数量, 对外公开总数量."""

    newly_made: Figure = _figures()
    newly_published: Figure = _figures()
    total_published: Figure = _figures()


@frozen
class ItemChanges:
    """2019 行政许可 / 其他对外管理服务事项 / 行政处罚 / 行政强制:
    上一年项目数量, 本年增/减 (signed), 处理决定数量."""

    previous_year_items: Figure = _figures()
    change: Figure = _figures()
    decisions: Figure = _figures()


@frozen
class FeeItems:
    """2019 行政事业性收费: 上一年项目数量, 本年增/减 (signed)."""

    previous_year_items: Figure = _figures()
    change: Figure = _figures()


@frozen
class Procurement:
    """2019 政府集中采购: 采购项目数量, 采购总金额 (a Decimal)."""

    items: Figure = _figures()
    amount: Figure = _figures()


@frozen
class ActiveDisclosure2019:
    rules: PublicationCounts = _empty(PublicationCounts)
    normative_documents: PublicationCounts = _empty(PublicationCounts)
    administrative_licensing: ItemChanges = _empty(ItemChanges)
    other_management_services: ItemChanges = _empty(ItemChanges)
    administrative_penalty: ItemChanges = _empty(ItemChanges)
    administrative_coercion: ItemChanges = _empty(ItemChanges)
    administrative_fees: FeeItems = _empty(FeeItems)
    government_procurement: Procurement = _empty(Procurement)


def _applications_2019():
    """The 2019 applications table: the 2021 rows, but one （六）其他处理 row
    (``other_processing``) where 2021 has three."""
    names = [f.name for f in attrs.fields(Applications)]
    at = names.index("other_no_correction")
    names[at:at + 3] = ["other_processing"]
    return frozen(type("Applications2019", (), {"__module__": __name__}),
                  these={name: _empty(ApplicantCounts, type=ApplicantCounts) for name in names})


Applications2019 = _applications_2019()


TABLE_CLASSES_2019 = {
    "active_disclosure": ActiveDisclosure2019,
    "applications": Applications2019,
    "review_litigation": ReviewLitigation,
}
