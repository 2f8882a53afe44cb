"""A Word file's body as Word shows it, changed in place before it is read
(govparse/frontends/word/reader.py):

- tracked changes accepted: a deleted or moved-away run (w:del, w:moveFrom around it),
  a deleted row (w:del in its w:trPr) and a deleted cell (w:cellDel) taken out; left
  in, a moved figure would be read twice (12 moved within its cell reads 1212), a
  deleted row's figures beside the row's own, a deleted cell's in a column's place;
- a hidden run (w:vanish) taken out;
- a run raised or lowered (w:vertAlign superscript or subscript, a w:position) or
  struck through (w:strike, w:dstrike) a line of its own: a footnote's mark after a
  figure, 12 and a raised 1, reads as "12 1", no figure, never as 121; 12 struck, then
  15, as "12 15", never 1215;
- each of those said by the run's own properties, or else by its character style
  (w:rStyle), or else by its paragraph's style (w:pStyle), a style by the styles it is
  based on (w:basedOn) where it says nothing itself (word/styles.xml);
- of content written twice for applications that know a feature and for those that
  do not (mc:AlternateContent: a text box as a drawing, and as VML), the first
  choice only, as Word shows it;
- of a field, its result only: the instructions between its begin and separate
  (w:fldChar), where a nested field's result stands, taken out ({ = { =3 } * 4 }
  shows 12, not 312).
"""

from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_OFF = frozenset(("0", "false", "off"))
# Run properties that set a run apart (a line of its own), and those that hide it
_APART = (W + "vertAlign", W + "strike", W + "dstrike", W + "position")
_HIDES = W + "vanish"
_SAYS = (*_APART, _HIDES)


def as_displayed(root, styles: bytes | None, etree) -> None:
    """The document (``root``, word/document.xml parsed) as Word shows it; ``styles``:
    word/styles.xml (None: none)."""
    _one_alternative(root)
    _field_instructions_out(root)
    _tracked_changes_accepted(root)
    said = _style_properties(styles, etree)
    for run in _runs_said_of(root, said):
        values = _run_properties(run, said)
        if values.get(_HIDES):
            if run.getparent() is not None:
                run.getparent().remove(run)
        elif any(values.get(tag) for tag in _APART):
            # a line of its own: a break before and after its text (_paragraph_lines)
            for text in run.findall(W + "t"):
                text.addprevious(run.makeelement(W + "br"))
                text.addnext(run.makeelement(W + "br"))


def _runs_said_of(root, said: dict[str, dict[str, bool]]) -> list:
    """The runs whose own properties, character style or paragraph's style say
    anything of setting apart or hiding (the others, most, are read as they are: not
    each looked into)."""
    runs: dict[int, object] = {}

    def run_of(properties) -> None:
        run = properties.getparent() if properties is not None else None
        if properties is not None and properties.tag == W + "rPr" \
                and run is not None and run.tag == W + "r":
            runs[id(run)] = run

    for element in root.iter(*_SAYS):
        run_of(element.getparent())
    if said:
        for style in root.iter(W + "rStyle"):
            if style.get(W + "val") in said:
                run_of(style.getparent())
        for style in root.iter(W + "pStyle"):
            properties = style.getparent()
            paragraph = properties.getparent() if properties is not None else None
            if style.get(W + "val") in said and paragraph is not None:
                runs.update((id(run), run) for run in paragraph.iter(W + "r"))
    return list(runs.values())


def _says(element) -> bool | None:
    """What one of the run properties _SAYS says of setting apart or hiding: True, or
    False where it is off (w:val 0, false, off; superscript's none, baseline; a
    position of 0)."""
    value = element.get(W + "val")
    if element.tag == W + "vertAlign":
        return value in ("superscript", "subscript")
    if element.tag == W + "position":  # (half-points: a nudge of one is no mark's)
        try:
            return abs(int(value or 0)) >= 2
        except ValueError:
            return False
    return value not in _OFF


def _own(properties) -> dict[str, bool]:
    """What a w:rPr says itself, property by property."""
    if properties is None:
        return {}
    return {child.tag: _says(child) for child in properties if child.tag in _SAYS}


def _style_properties(styles: bytes | None, etree) -> dict[str, dict[str, bool]]:
    """By style id (character and paragraph styles): what its run properties say of
    setting apart and hiding, each property taken from the style or, where it says
    nothing of it, from the style it is based on. Empty where the part is missing or
    broken (the file then reads by the runs' own properties)."""
    if not styles:
        return {}
    try:
        root = etree.fromstring(styles, etree.XMLParser(huge_tree=True, resolve_entities=False))
    except etree.XMLSyntaxError:
        return {}
    own: dict[str, dict[str, bool]] = {}
    based: dict[str, str] = {}
    for style in root.iter(W + "style"):
        name = style.get(W + "styleId")
        if not name or style.get(W + "type") not in ("character", "paragraph"):
            continue
        own[name] = _own(style.find(W + "rPr"))
        parent = style.find(W + "basedOn")
        if parent is not None and parent.get(W + "val"):
            based[name] = parent.get(W + "val")
    said: dict[str, dict[str, bool]] = {}
    for name in own:
        values: dict[str, bool] = {}
        seen = set()
        current: str | None = name
        while current is not None and current not in seen and current in own:
            seen.add(current)
            for tag, value in own[current].items():
                values.setdefault(tag, value)
            current = based.get(current)
        if values:
            said[name] = values
    return said


def _run_properties(run, said: dict[str, dict[str, bool]]) -> dict[str, bool]:
    """What a run's properties say, its own first, then its character style's, then
    its paragraph's style's."""
    properties = run.find(W + "rPr")
    values = _own(properties)
    if said:
        style = properties.find(W + "rStyle") if properties is not None else None
        if style is not None:
            for tag, value in said.get(style.get(W + "val"), {}).items():
                values.setdefault(tag, value)
        paragraph = next(run.iterancestors(W + "p"), None)
        mark = paragraph.find(f"{W}pPr/{W}pStyle") if paragraph is not None else None
        if mark is not None:
            for tag, value in said.get(mark.get(W + "val"), {}).items():
                values.setdefault(tag, value)
    return values


def _tracked_changes_accepted(root) -> None:
    for mark in list(root.iter(W + "cellDel")):  # (a cell deleted, its row's after it move up)
        properties = mark.getparent()
        cell = properties.getparent() if properties is not None else None
        if properties is not None and properties.tag == W + "tcPr" and cell is not None \
                and cell.tag == W + "tc" and cell.getparent() is not None:
            cell.getparent().remove(cell)
    for mark in list(root.iter(W + "del", W + "moveFrom")):
        parent = mark.getparent()
        if parent is None:
            continue  # (inside something taken out already)
        owner = parent.getparent()
        if parent.tag == W + "trPr":
            # the row itself deleted (or moved away); (a row's w:trPr in a record of
            # changed properties, w:trPrChange, is history: left as it is)
            gone = owner if owner is not None and owner.tag == W + "tr" else None
        elif parent.tag == W + "rPr":
            gone = None  # (a paragraph mark's, or a run's: no container of runs)
        else:
            gone = mark  # the runs a deletion or a move away holds
        if gone is not None and gone.getparent() is not None:
            gone.getparent().remove(gone)


def _one_alternative(root) -> None:
    """Of each mc:AlternateContent, its first mc:Choice (what Word shows), or where it
    has none its mc:Fallback."""
    for alternative in list(root.iter(MC + "AlternateContent")):
        parent = alternative.getparent()
        if parent is None:
            continue
        kept = alternative.find(MC + "Choice")
        if kept is None:
            kept = alternative.find(MC + "Fallback")
        for child in list(kept) if kept is not None else []:
            alternative.addprevious(child)  # (in place: no index of its siblings to find)
        parent.remove(alternative)


def _field_instructions_out(root) -> None:
    """Runs between a field's begin and its separate (its instructions, and the
    results of the fields nested in them) taken out, paragraph by paragraph (a field
    whose begin has no end in its paragraph takes out no more than the paragraph's
    rest: a broken file loses no more)."""
    if root.find(f".//{W}fldChar") is None:
        return  # (most files: no complex field)
    for paragraph in list(root.iter(W + "p")):
        in_instructions: list[bool] = []  # for each field open: in its instructions
        for run in list(paragraph.iter(W + "r")):
            if next(run.iterancestors(W + "p"), None) is not paragraph:
                continue  # (a text box's paragraph inside a run: read as its own)
            mark = run.find(W + "fldChar")
            kind = mark.get(W + "fldCharType") if mark is not None else None
            if kind == "begin":
                in_instructions.append(True)
            elif kind == "separate" and in_instructions:
                in_instructions[-1] = False
            elif kind == "end" and in_instructions:
                in_instructions.pop()
            elif any(in_instructions) and run.getparent() is not None:
                run.getparent().remove(run)
