"""Which reports are one body's: organisation names compared in a normal form, and
the renamings a user states (``--same-body OLD=NEW``)."""

from __future__ import annotations

import re
import unicodedata

_BLANKS = re.compile(r"\s+")


def normal_name(name: str) -> str:
    """The name as compared: full-width forms folded (NFKC: （ → (, Ａ → A), blanks
    and U+3000 removed. 平潭综合实验区 管委会 and 平潭综合实验区管委会 are one body."""
    return _BLANKS.sub("", unicodedata.normalize("NFKC", name))


class Bodies:
    """Tells the body a report's organisation names, after the renamings given."""

    def __init__(self, same: dict[str, str] | None = None) -> None:
        # a renamed body: each old name's normal form -> the name it goes by now
        self.renamed = {normal_name(old): normal_name(new) for old, new in (same or {}).items()}

    def body(self, organization: str) -> str:
        name = normal_name(organization)
        seen = {name}
        while name in self.renamed:  # A=B and B=C: A is C
            name = self.renamed[name]
            if name in seen:
                break
            seen.add(name)
        return name


def parse_same_body(values: tuple[str, ...]) -> dict[str, str]:
    """``OLD=NEW`` pairs as given to --same-body; ValueError for one without ``=``."""
    pairs = {}
    for value in values:
        old, sep, new = value.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise ValueError(f"{value!r} is not OLD=NEW (two names of one body)")
        pairs[old.strip()] = new.strip()
    return pairs
