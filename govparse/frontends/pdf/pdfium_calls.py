"""pdfium's functions that the PDF front-end calls for every character, page object
and path segment of a page (thousands a page), bound with plain prototypes: handles
as ``Handle`` objects (or ``argument``s), out-parameters as addresses or references.

pypdfium2's bindings (``pypdfium2.raw``) make a typed pointer object of every handle a
call returns and check each typed argument; a page object's type took 1.4 µs that
way, 0.4 µs this way, and a character's box half the time. The functions called
most (a character's box and angle, each page object and its type, a path's matrix
and segments) are bound with no argument types at all (``_unchecked``): ctypes then
converts nothing, which takes a third off each call again, and more where the
arguments are objects made once (``argument``, ``out_references``). Each is bound as
a function that keeps the GIL through the call (``ctypes.PYFUNCTYPE``): it returns
after a thousand instructions of pdfium's or fewer, less than letting go of the GIL
and taking it back cost (a mutex and a condition each way, on every call). The
functions are the same ones, from the library pypdfium2 loaded; what they mean is
pdfium's (``fpdf_edit.h``, ``fpdf_text.h``).
"""

from __future__ import annotations

import ctypes
import struct
from ctypes import c_float, c_int, c_void_p

import pypdfium2.raw as raw


def _bound(function, restype, *argtypes):
    """pdfium's ``function`` with the prototype given."""
    return ctypes.PYFUNCTYPE(restype, *argtypes)(ctypes.cast(function, c_void_p).value)


def _unchecked(function, restype):
    """pdfium's ``function`` with no argument types: ctypes passes a Python int as a C
    int and a ctypes object as it is. Only for functions whose arguments are handles
    and ints: a handle must be passed as a ``Handle`` or an ``argument``, a pointer as
    a reference (an int would be cut to a C int)."""
    return ctypes.PYFUNCTYPE(restype)(ctypes.cast(function, c_void_p).value)


class Handle(c_void_p):
    """A pdfium handle (a page, text page or page object) as ctypes keeps it: a
    function whose result type this is hands it back as it is (not as an int), to be
    passed to an ``_unchecked`` function with no conversion."""


def handle(pypdfium2_handle) -> Handle:
    """The handle a pypdfium2 object's ``raw`` (a typed pointer) holds."""
    return ctypes.cast(pypdfium2_handle, Handle)


def argument(handle: Handle):
    """A handle as an argument of ``_unchecked`` functions, made once (ctypes' own
    argument object, c_void_p.from_param's): ctypes passes it as it is, where it makes
    an argument object of a Handle on every call."""
    return c_void_p.from_param(handle.value)


count_objects = _bound(raw.FPDFPage_CountObjects, c_int, c_void_p)
get_object = _unchecked(raw.FPDFPage_GetObject, Handle)  # (page, index)
form_count_objects = _bound(raw.FPDFFormObj_CountObjects, c_int, c_void_p)
form_get_object = _bound(raw.FPDFFormObj_GetObject, Handle, c_void_p, ctypes.c_ulong)
object_type = _unchecked(raw.FPDFPageObj_GetType, c_int)  # (object)
object_matrix = _unchecked(raw.FPDFPageObj_GetMatrix, c_int)  # (object, FS_MATRIX *)
count_segments = _unchecked(raw.FPDFPath_CountSegments, c_int)  # (path)
get_segment = _unchecked(raw.FPDFPath_GetPathSegment, c_void_p)  # (path, index): an address
segment_point = _bound(raw.FPDFPathSegment_GetPoint, c_int, c_void_p, c_void_p, c_void_p)
segment_type = _bound(raw.FPDFPathSegment_GetType, c_int, c_void_p)
segment_closes = _bound(raw.FPDFPathSegment_GetClose, c_int, c_void_p)
char_box = _unchecked(raw.FPDFText_GetCharBox, c_int)  # (text page, index, 4 x double *)
char_angle = _unchecked(raw.FPDFText_GetCharAngle, c_float)  # (text page, index)
_char_origin = _bound(raw.FPDFText_GetCharOrigin, c_int, c_void_p, c_int, c_void_p, c_void_p)
_font_size = _bound(raw.FPDFText_GetFontSize, ctypes.c_double, c_void_p, c_int)

PATH, FORM = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM
LINE_TO, MOVE_TO = raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_MOVETO
Matrix = raw.FS_MATRIX


def out(kind, count: int):
    """An array of ``count`` out-parameters of a ctypes type (read back at once
    with a struct's ``unpack_from``: an array's items are slow to read one by one),
    and each one's address."""
    values = (kind * count)()
    size = ctypes.sizeof(kind)
    return values, [ctypes.addressof(values) + size * i for i in range(count)]


def out_references(kind, count: int):
    """``out``, each out-parameter as a reference made once (ctypes.byref), for an
    ``_unchecked`` function: passed as it is, with nothing made on each call."""
    values = (kind * count)()
    size = ctypes.sizeof(kind)
    return values, [ctypes.byref(values, size * i) for i in range(count)]


# A path's segments, as pdfium keeps them: an array of CFX_Path::Point (x, y as floats,
# the segment's type as a byte, whether it closes its subpath as a bool, two bytes of
# padding), whose items FPDFPath_GetPathSegment hands out. Reading the array at once
# saves four calls a segment (a table's page draws a thousand): what it holds is
# checked against pdfium's own answers on the first path of two segments or more a
# process reads, and on every path the array's last item where the layout says it is
# and of the type pdfium gives it; where either fails, each segment is asked for
# alone, as fpdf_edit.h says.
_POINT = struct.Struct("=ffB?2x")
_XY = struct.Struct("=2f")
_array_read: bool | None = None  # None: not checked yet


def path_segments(path: Handle, count: int) -> list[tuple[float, float, int, bool]]:
    """(x, y, type, closes) of each of a path object's ``count`` segments, in the
    path's own space (read one at a time: up to the first pdfium fails to give)."""
    global _array_read
    if count < 2 or _array_read is False:
        return _one_at_a_time(path, count)
    first, last = get_segment(path, 0), get_segment(path, count - 1)
    if first and last and last - first == _POINT.size * (count - 1):
        # (read where it is: from_address makes no copy, and no call as string_at does)
        read = list(_POINT.iter_unpack((ctypes.c_char * (_POINT.size * count)).from_address(first)))
        if _array_read is None:
            _array_read = read == _one_at_a_time(path, count)
        if _array_read and read[-1][2] == segment_type(last):
            return read
    return _one_at_a_time(path, count)


def _one_at_a_time(path: Handle, count: int) -> list[tuple[float, float, int, bool]]:
    point, (x_at, y_at) = out(ctypes.c_float, 2)
    read = []
    for index in range(max(count, 0)):
        segment = get_segment(path, index)
        if not segment or not segment_point(segment, x_at, y_at):
            break
        read.append((*_XY.unpack_from(point), segment_type(segment),
                     bool(segment_closes(segment))))
    return read


def char_baseline(text_page, index: int) -> tuple[float, float]:
    """The height of a character's origin (its baseline) and its font's size
    (``text_page``: an ``argument``); (0, 0) where pdfium gives none. Asked only where
    two glyphs' boxes leave it in doubt whether they stand on one line."""
    x, y = ctypes.c_double(), ctypes.c_double()
    if not _char_origin(text_page, index, ctypes.byref(x), ctypes.byref(y)):
        return 0.0, 0.0
    return y.value, _font_size(text_page, index)
