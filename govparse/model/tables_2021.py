"""The tables of the 2021 template (国办公开办函〔2021〕30号), as model classes.

Field names are the figure identifiers of template-2021.tsv. The 2019 template's
tables (tables_2019) reuse the rows they share with these.
"""

from __future__ import annotations

from govparse.classes import frozen
from govparse.model.figures import Figure, _empty, _figures


# ---------------------------------------------------------------- 二、主动公开


@frozen
class DocumentCounts:
    """规章 / 行政规范性文件: 本年制发件数, 本年废止件数, 现行有效件数."""

    issued: Figure = _figures()
    repealed: Figure = _figures()
    in_force: Figure = _figures()


@frozen
class DecisionCount:
    """行政许可 / 行政处罚 / 行政强制: 本年处理决定数量."""

    decisions: Figure = _figures()


@frozen
class FeeAmount:
    """行政事业性收费: 本年收费金额（单位：万元）, a Decimal."""

    amount: Figure = _figures()


@frozen
class ActiveDisclosure:
    rules: DocumentCounts = _empty(DocumentCounts)
    normative_documents: DocumentCounts = _empty(DocumentCounts)
    administrative_licensing: DecisionCount = _empty(DecisionCount)
    administrative_penalty: DecisionCount = _empty(DecisionCount)
    administrative_coercion: DecisionCount = _empty(DecisionCount)
    administrative_fees: FeeAmount = _empty(FeeAmount)


# ---------------------------------------------------------------- 三、依申请公开


@frozen
class ApplicantCounts:
    """One row of the applications table, by applicant."""

    natural_person: Figure = _figures()
    commercial_enterprise: Figure = _figures()
    research_institution: Figure = _figures()
    social_welfare_org: Figure = _figures()
    legal_service_org: Figure = _figures()
    other_org: Figure = _figures()
    total: Figure = _figures()


def _applicants():
    return _empty(ApplicantCounts)


@frozen
class Applications:
    new_requests: ApplicantCounts = _applicants()
    carried_over: ApplicantCounts = _applicants()
    disclosed: ApplicantCounts = _applicants()
    partially_disclosed: ApplicantCounts = _applicants()
    withheld_state_secret: ApplicantCounts = _applicants()
    withheld_prohibited_by_law: ApplicantCounts = _applicants()
    withheld_security_stability: ApplicantCounts = _applicants()
    withheld_third_party_rights: ApplicantCounts = _applicants()
    withheld_internal_affairs: ApplicantCounts = _applicants()
    withheld_process_information: ApplicantCounts = _applicants()
    withheld_enforcement_case_file: ApplicantCounts = _applicants()
    withheld_administrative_inquiry: ApplicantCounts = _applicants()
    unavailable_not_held: ApplicantCounts = _applicants()
    unavailable_needs_creation: ApplicantCounts = _applicants()
    unavailable_still_unclear: ApplicantCounts = _applicants()
    not_processed_complaint: ApplicantCounts = _applicants()
    not_processed_duplicate: ApplicantCounts = _applicants()
    not_processed_publication: ApplicantCounts = _applicants()
    not_processed_excessive: ApplicantCounts = _applicants()
    not_processed_confirmation: ApplicantCounts = _applicants()
    other_no_correction: ApplicantCounts = _applicants()
    other_no_fee_paid: ApplicantCounts = _applicants()
    other_other: ApplicantCounts = _applicants()
    total_processed: ApplicantCounts = _applicants()
    carried_forward: ApplicantCounts = _applicants()


# ---------------------------------------------------------------- 四、复议诉讼


@frozen
class OutcomeCounts:
    """结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""

    upheld: Figure = _figures()
    corrected: Figure = _figures()
    other: Figure = _figures()
    pending: Figure = _figures()
    total: Figure = _figures()


@frozen
class ReviewLitigation:
    administrative_review: OutcomeCounts = _empty(OutcomeCounts)
    litigation_direct: OutcomeCounts = _empty(OutcomeCounts)
    litigation_after_review: OutcomeCounts = _empty(OutcomeCounts)


# The classes of each table of the 2021 template (govparse.model.report.table_classes).
TABLE_CLASSES_2021 = {
    "active_disclosure": ActiveDisclosure,
    "applications": Applications,
    "review_litigation": ReviewLitigation,
}
