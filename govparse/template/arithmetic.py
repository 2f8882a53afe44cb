"""The template's arithmetic as data: every relation its figures must satisfy.

Validation checks them (govparse.check.validation); the reading core uses them to
place the gap in a row short of a figure only where exactly one placement is
consistent (govparse.core.gaps).
"""

from __future__ import annotations

import functools
import operator

from govparse.classes import frozen
from govparse.template.spec import load_template

Ref = tuple[str, str, str]  # table, row, column

OUTCOMES_PARENT = "三、本年度办理结果"


# (Not slotted: in a slotted class attrs compiles a __getattr__ for the cached
# properties, 1.6M instructions of a cold start; a relation's dict holds them as they are.)
@frozen(slots=False)
class Relation:
    """sum(left) == sum(right), about one figure of the table (``subject``)."""

    code: str
    subject: tuple[str, str | None, str | None]  # table, row, column ids
    left: tuple[Ref, ...]
    right: tuple[Ref, ...]
    describe: str  # what the relation says, for messages

    @property
    def refs(self) -> tuple[Ref, ...]:
        return self.left + self.right

    def implied(self, values: dict, ref: Ref):
        """The value the relation gives ``ref``, from every other figure's in
        ``values`` (by ref)."""
        left = sum(values[r] for r in self.left if r != ref)
        right = sum(values[r] for r in self.right if r != ref)
        return right - left if ref in self.left else left - right

    @functools.cached_property
    def values(self):
        """report -> the values of refs as a tuple, in one C-level call."""
        return operator.attrgetter(*(f"{t}.{r}.{c}.value" for t, r, c in self.refs))

    @functools.cached_property
    def figures(self):
        """report -> the Figures of refs as a tuple, in one C-level call."""
        return operator.attrgetter(*(f"{t}.{r}.{c}" for t, r, c in self.refs))


@functools.cache
def relations(template_name: str) -> tuple[Relation, ...]:
    template = load_template(template_name)
    apps = template.table("applications")
    columns = apps.rows[0].columns
    applicant_cols = [c for c in columns if c.id != "total"]
    outcome_rows = [r for r in apps.rows
                    if r.path[0] == OUTCOMES_PARENT and r.id != "total_processed"]
    found: list[Relation] = []
    for row in apps.rows:
        found.append(Relation(
            "GP401", ("applications", row.id, "total"),
            (("applications", row.id, "total"),),
            tuple(("applications", row.id, c.id) for c in applicant_cols),
            f"'{row.label}': 总计 = {' + '.join(c.label for c in applicant_cols)}",
        ))
    for col in columns:
        found.append(Relation(
            "GP402", ("applications", "total_processed", col.id),
            (("applications", "total_processed", col.id),),
            tuple(("applications", r.id, col.id) for r in outcome_rows),
            f"{col.label}: （七）总计 = the sum of the outcome rows （一） to （六）",
        ))
    for col in columns:
        found.append(Relation(
            "GP403", ("applications", None, col.id),
            (("applications", "new_requests", col.id), ("applications", "carried_over", col.id)),
            (("applications", "total_processed", col.id),
             ("applications", "carried_forward", col.id)),
            f"{col.label}: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度",
        ))
    review = template.table("review_litigation")
    for row in review.rows:
        parts = [c for c in row.columns if c.id != "total"]
        found.append(Relation(
            "GP404", ("review_litigation", row.id, "total"),
            (("review_litigation", row.id, "total"),),
            tuple(("review_litigation", row.id, c.id) for c in parts),
            f"'{' / '.join(row.path)}': 总计 = {' + '.join(c.label for c in parts)}",
        ))
    return tuple(found)
