"""Names the section a HEADING token opens, so the LALR parser reads the right kind
of body after it (narrative or table). The grammar has one HEADING terminal (one
pattern for the lexer to compile, not six) and declares the six kinds it becomes."""

from __future__ import annotations

from typing import Iterator

from lark import Token
from lark.lark import PostLex

# A word only that heading has, to the kind of section it opens.
SECTION_WORDS = (
    ("总体情况", "OVERVIEW_HEADING"),
    ("主动公开政府信息", "ACTIVE_DISCLOSURE_HEADING"),
    ("收到和处理", "APPLICATIONS_HEADING"),
    ("行政诉讼", "REVIEW_LITIGATION_HEADING"),
    ("存在的主要问题", "PROBLEMS_HEADING"),
    ("其他需要报告的事项", "OTHER_MATTERS_HEADING"),
)


def heading_kind(text: str) -> str:
    return next(kind for word, kind in SECTION_WORDS if word in text)


class SectionHeadings(PostLex):
    always_accept = ("HEADING",)

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        for token in stream:
            if token.type == "HEADING":
                token.type = heading_kind(token)
            yield token
