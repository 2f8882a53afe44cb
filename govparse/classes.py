"""attrs' class decorators, with one ``__repr__`` shared by all govparse's classes.

attrs writes the source of a ``__repr__`` for every class it makes and compiles it
as the class is made: for the model and the diagnostics that is about 2 ms of
every cold start (a fortieth of ``govparse parse FILE``), for a method read only
when debugging. ``fields_repr`` prints what attrs' own would.
"""

from __future__ import annotations

import attrs


def fields_repr(self) -> str:
    """``Figure(value=3, line=12, column=5, inferred=False, unit=None)``"""
    shown = []
    for a in attrs.fields(type(self)):
        if a.repr:
            value = getattr(self, a.name)
            shown.append(f"{a.name}={a.repr(value) if callable(a.repr) else repr(value)}")
    return f"{type(self).__qualname__.rsplit('>.', 1)[-1]}({', '.join(shown)})"


def _with_shared_repr(decorator, name: str):
    def decorate(cls=None, **options):
        if "repr" in options:
            raise TypeError(f"govparse.classes.{name} writes no repr: use attrs.{name}")

        def make(cls):
            own = "__repr__" in cls.__dict__  # a class's own __repr__ stays
            made = decorator(cls, repr=False, **options)
            if not own:
                made.__repr__ = fields_repr
            return made

        return make if cls is None else make(cls)

    decorate.__name__ = decorate.__qualname__ = name
    decorate.__doc__ = f"``attrs.{name}``, with ``fields_repr`` for its repr."
    return decorate


frozen = _with_shared_repr(attrs.frozen, "frozen")
define = _with_shared_repr(attrs.define, "define")
