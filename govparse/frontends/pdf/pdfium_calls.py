"""pdfium's functions that the PDF front-end calls for every character, page object
and path segment of a page (thousands a page), bound with plain prototypes: handles
and out-parameters as addresses (ints).

pypdfium2's bindings (``pypdfium2.raw``) make a typed pointer object of every handle a
call returns and check each typed argument; a page object's type took 1.4 µs that
way, 0.4 µs this way, and a character's box half the time. The functions are the
same ones, from the library pypdfium2 loaded; what they mean is pdfium's
(``fpdf_edit.h``, ``fpdf_text.h``).
"""

from __future__ import annotations

import ctypes
from ctypes import c_float, c_int, c_void_p

import pypdfium2.raw as raw


def _bound(function, restype, *argtypes):
    """pdfium's ``function`` with the prototype given."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, c_void_p).value)


def address(handle) -> int:
    """The address a pypdfium2 handle (a typed pointer) holds."""
    return ctypes.cast(handle, c_void_p).value or 0


count_objects = _bound(raw.FPDFPage_CountObjects, c_int, c_void_p)
get_object = _bound(raw.FPDFPage_GetObject, c_void_p, c_void_p, c_int)
form_count_objects = _bound(raw.FPDFFormObj_CountObjects, c_int, c_void_p)
form_get_object = _bound(raw.FPDFFormObj_GetObject, c_void_p, c_void_p, ctypes.c_ulong)
object_type = _bound(raw.FPDFPageObj_GetType, c_int, c_void_p)
object_matrix = _bound(raw.FPDFPageObj_GetMatrix, c_int, c_void_p, c_void_p)
count_segments = _bound(raw.FPDFPath_CountSegments, c_int, c_void_p)
get_segment = _bound(raw.FPDFPath_GetPathSegment, c_void_p, c_void_p, c_int)
segment_point = _bound(raw.FPDFPathSegment_GetPoint, c_int, c_void_p, c_void_p, c_void_p)
segment_type = _bound(raw.FPDFPathSegment_GetType, c_int, c_void_p)
segment_closes = _bound(raw.FPDFPathSegment_GetClose, c_int, c_void_p)
char_box = _bound(raw.FPDFText_GetCharBox, c_int, c_void_p, c_int,
                  c_void_p, c_void_p, c_void_p, c_void_p)
char_angle = _bound(raw.FPDFText_GetCharAngle, c_float, c_void_p, c_int)

PATH, FORM = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM
LINE_TO, MOVE_TO = raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_MOVETO
Matrix = raw.FS_MATRIX


def out(kind, count: int) -> tuple[list, list[int]]:
    """``count`` out-parameters of a ctypes type, and their addresses."""
    values = [kind() for _ in range(count)]
    return values, [ctypes.addressof(value) for value in values]

