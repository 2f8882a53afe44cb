"""Write govparse/frontends/text/_standalone.py: lark's stand-alone LALR parser for report.lark.

    python grammar/generate.py           # (make grammar) write it if the grammar or this script changed
    python grammar/generate.py --force   # write it anyway (another lark version)
    python grammar/generate.py --check   # exit 1 if it is missing or out of date

The build runs this (hatch_build.py), so an installed govparse parses without
importing lark or loading the grammar: lark's own import is about a fifth of a
cold `govparse parse FILE`. The module holds lark's parser runtime, the grammar's
parse tables and the grammar text itself, which govparse.frontends.text.grammar compares with
the grammar it ships before it uses the tables.

The grammar's heading patterns are data (govparse/template/data/headings.tsv): its
placeholders are filled from that file first, by govparse/template/headings.py, the
function govparse itself fills the grammar it ships with, and the filled-in text is
what the tables are made from and what the module keeps.

Only lark is needed here, not govparse: the build environment has nothing else, so
govparse/template/headings.py (which imports nothing of govparse) is loaded by its
file path, not imported.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import io
import re
import sys
from pathlib import Path

import lark
from lark.tools.standalone import gen_standalone

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR = ROOT / "grammar" / "report.lark"
TARGET = ROOT / "govparse" / "frontends" / "text" / "_standalone.py"
HEADINGS = ROOT / "govparse" / "template" / "headings.py"  # fills in the heading patterns

# govparse.frontends.text.grammar loads the tables with these; they are fixed when the tables are made.
OPTIONS = dict(parser="lalr", lexer="contextual", start=["start", "row"],
               maybe_placeholders=True)

# Edits to lark's output, each a millisecond or more of every start (the lines
# must be found exactly, or generation stops):
# - the generator imports these for compressed tables, which we do not ask for;
_UNUSED_IMPORT = "import pickle, zlib, base64\n"
# - lark logs only while it builds a grammar or checks it, never when it loads
#   tables, so the logging package is imported when something is first logged.
_EAGER_LOGGER = """import logging
from dataclasses import dataclass
from typing import Generic, AnyStr

logger: logging.Logger = logging.getLogger("lark")
logger.addHandler(logging.StreamHandler())
##

##

logger.setLevel(logging.CRITICAL)
"""
_LAZY_LOGGER = """from typing import Generic, AnyStr


class _LarkLogger:
    \"""lark's logger, made on first use (govparse: grammar/generate.py).\"""

    def __getattr__(self, name):
        import logging

        global logger
        logger = logging.getLogger("lark")
        logger.addHandler(logging.StreamHandler())
        logger.setLevel(logging.CRITICAL)
        return getattr(logger, name)


logger = _LarkLogger()
"""


# - TextSlice, the text a lexer reads, is a frozen dataclass: importing dataclasses
#   and generating its methods costs more than the rest of the class definitions.
#   A plain class with the same fields, equality and hash does what lark asks of it.
_DATACLASS = """@dataclass(frozen=True)
class TextSlice(Generic[AnyStr]):
    #--
    text: AnyStr
    start: int
    end: int
"""
_PLAIN_CLASS = """class TextSlice(Generic[AnyStr]):
    # A plain class, not lark's frozen dataclass (govparse: grammar/generate.py).
    __slots__ = ("text", "start", "end")

    def __init__(self, text: AnyStr, start: int, end: int):
        self.text = text
        self.start = start
        self.end = end
        self.__post_init__()

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self):
        return hash((self.text, self.start, self.end))
"""

# - lark imports the third-party `regex` module where it is installed (other packages
#   bring it: dateparser, trafilatura, nltk), for grammars with Unicode categories
#   (\p{...}). This grammar has none and the parser runs with `re`, but the import
#   was about 8 ms of every start wherever `regex` is found.
_OPTIONAL_REGEX = """try:
    import regex
    _has_regex = True
except ImportError:
    _has_regex = False
"""
_NO_REGEX = """_has_regex = False  # govparse: the grammar needs only `re` (grammar/generate.py)
"""

# - a lexer state's scanner is one union of its terminals' patterns, which Python's
#   re compiles whole for each state: HEADING, in two states, was compiled twice
#   (each time its classes of separate characters beyond Latin-1 as tables of all
#   65,536 characters, about 8M instructions of a cold start). Each terminal's
#   pattern compiled on its own (re keeps one compiled pattern for each text) and
#   tried in the union's order matches what the union does: the first alternative
#   that matches at the position wins.
_UNION_SCANNER = """    def _build_mres(self, terminals, max_size):
        ##

        ##

        ##

        mres = []
        while terminals:
            pattern = u'|'.join(u'(?P<%s>%s)' % (t.name, t.pattern.to_regexp()) for t in terminals[:max_size])
            if self.use_bytes:
                pattern = pattern.encode('latin-1')
            try:
                mre = self.re_.compile(pattern, self.g_regex_flags)
            except AssertionError:  ##

                return self._build_mres(terminals, max_size // 2)

            mres.append(mre)
            terminals = terminals[max_size:]
        return mres

    def match(self, text: TextSlice, pos):
        for mre in self._mres:
            m = mre.match(text.text, pos, text.end)
            if m:
                return m.group(0), m.lastgroup


    def fullmatch(self, text: str) -> Optional[str]:
        for mre in self._mres:
            m = mre.fullmatch(text)
            if m:
                return m.lastgroup
        return None
"""
_EACH_SCANNER = """    def _build_mres(self, terminals, max_size):
        # Each terminal's pattern on its own, in the union's order, with its name
        # (govparse: grammar/generate.py).
        mres = []
        for t in terminals:
            pattern = t.pattern.to_regexp()
            if self.use_bytes:
                pattern = pattern.encode('latin-1')
            mres.append((t.name, self.re_.compile(pattern, self.g_regex_flags)))
        return mres

    def match(self, text: TextSlice, pos):
        for name, mre in self._mres:
            m = mre.match(text.text, pos, text.end)
            if m:
                return m.group(0), name


    def fullmatch(self, text: str) -> Optional[str]:
        for name, mre in self._mres:
            if mre.fullmatch(text):
                return name
        return None
"""

# - lark's classes are generic for type checkers (Tree(Generic[_Leaf_T]),
#   IntParseTable(ParseTableBase[int]), ...), and it names some types at module level
#   (_Callback = Callable[[Token], Token], ...): typing makes an object of each
#   subscript as the module is imported, about 2.7M instructions of every start.
#   Nothing subscripts lark's classes at run time (govparse does not) and the
#   annotations are not evaluated: the classes lose their Generic[...] bases and the
#   subscripts of the others, and the type aliases become strings, as annotations are.
_CLASS_WITH_SUBSCRIPTED_BASES = re.compile(r"^class (\w+)\((.*\[.*)\):$", re.M)
_BASES = re.compile(r",\s*(?![^\[]*\])")  # the commas between bases, not in their brackets
_TYPE_ALIASES = (
    "TextOrSlice = Union[AnyStr, 'TextSlice[AnyStr]']",
    "LarkInput = Union[AnyStr, TextSlice[AnyStr], Any]",
    "Branch = Union[_Leaf_T, 'Tree[_Leaf_T]']",
    "_FUNC = Callable[..., _Return_T]",
    "_DECORATED = Union[_FUNC, type]",
    "_InterMethod = Callable[[Type[Interpreter], _Return_T], _R]",
    "_Callback = Callable[[Token], Token]",
    "_LexerCallback = Callable[[Token], Token]",
    "ParserCallbacks = Dict[str, Callable]",
)


def _plain_bases(match: re.Match) -> str:
    bases = [re.sub(r"\[.*\]$", "", base) for base in _BASES.split(match.group(2))
             if not base.startswith("Generic[")]
    return f"class {match.group(1)}({', '.join(bases)}):" if bases else f"class {match.group(1)}:"


def _without_generics(code: str) -> str:
    code = _CLASS_WITH_SUBSCRIPTED_BASES.sub(_plain_bases, code)
    for alias in _TYPE_ALIASES:
        name, value = alias.split(" = ", 1)
        code = _replace_once(code, f"\n{alias}\n", f"\n{name} = {value!r}\n")
    return code


def _replace_once(code: str, old: str, new: str) -> str:
    if code.count(old) != 1:
        raise SystemExit(f"lark {lark.__version__}'s stand-alone output has changed: expected "
                         f"once:\n{old}")
    return code.replace(old, new)


def generate(grammar_text: str) -> str:
    parser = lark.Lark(grammar_text, **OPTIONS)
    out = io.StringIO()
    gen_standalone(parser, out=out)
    code = _replace_once(out.getvalue(), _UNUSED_IMPORT, "")
    code = _replace_once(code, _EAGER_LOGGER, _LAZY_LOGGER)
    code = _replace_once(code, _DATACLASS, _PLAIN_CLASS)
    code = _replace_once(code, _UNION_SCANNER, _EACH_SCANNER)
    code = _replace_once(code, _OPTIONAL_REGEX, _NO_REGEX)
    code = _without_generics(code)
    if "@dataclass" in code or "from dataclasses" in code:  # its import went with the logger
        raise SystemExit(f"lark {lark.__version__}'s stand-alone output has another dataclass: "
                         "see _DATACLASS in grammar/generate.py")
    # Annotations are not evaluated (lark's runtime never reads them): its functions'
    # Iterator[Token], Dict[str, ...] were about 0.8 ms of every start.
    return (f"# Generated by grammar/generate.py from grammar/report.lark and\n"
            f"# govparse/template/data/headings.tsv: do not edit.\n"
            f"from __future__ import annotations\n"
            f"{code}\n\nGENERATOR = {generator_digest()!r}\nGRAMMAR = {grammar_text!r}\n")


def _headings_module():
    spec = importlib.util.spec_from_file_location("govparse_template_headings", HEADINGS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def filled_grammar() -> str:
    """grammar/report.lark with its heading patterns filled in from headings.tsv: the
    text govparse.frontends.text.grammar.grammar_text() returns."""
    return _headings_module().fill_grammar(GRAMMAR.read_text("utf-8"))


def generator_digest() -> str:
    """A digest of this script: a module another version of it wrote is written again
    (its edits of lark's output change what the module does, not the grammar)."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def embedded_generator() -> str | None:
    """The digest of the script that wrote the present module, if any."""
    if not TARGET.exists():
        return None
    for line in reversed(TARGET.read_text("utf-8").splitlines()[-3:]):
        if line.startswith("GENERATOR = "):
            return ast.literal_eval(line.removeprefix("GENERATOR = "))
    return None


def embedded_grammar() -> str | None:
    """The grammar the present module was made from (its last line), if any.
    (The tables themselves are not compared: lark numbers its states in an order
    that changes from run to run.)"""
    if not TARGET.exists():
        return None
    last = TARGET.read_text("utf-8").rstrip("\n").rpartition("\n")[2]
    if not last.startswith("GRAMMAR = "):
        return None
    return ast.literal_eval(last.removeprefix("GRAMMAR = "))


def main(argv: list[str]) -> int:
    grammar = filled_grammar()
    fresh = embedded_grammar() == grammar and embedded_generator() == generator_digest()
    if "--check" in argv:
        if not fresh:
            print(f"{TARGET.relative_to(ROOT)} is out of date with {GRAMMAR.relative_to(ROOT)}"
                  " (or govparse/template/data/headings.tsv, or grammar/generate.py): run "
                  "`make grammar`",
                  file=sys.stderr)
        return 0 if fresh else 1
    if not fresh or "--force" in argv:
        TARGET.write_text(generate(grammar), "utf-8")
        print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
