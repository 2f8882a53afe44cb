"""attrs' class decorators, with one ``__repr__``, ``__eq__`` and ``__hash__`` made for
all govparse's classes instead of one compiled for each.

attrs writes the source of a class's methods and compiles it as the class is made:
for govparse's 26 classes that was an eighth of the instructions of a cold ``govparse
parse FILE`` (58M of 459M). ``__repr__`` is read only when debugging, and ``__eq__``
and ``__hash__`` compare and hash the same fields as attrs' own would, by one C-level
``operator.attrgetter`` a class: they need no code of their own (17M less). Only
``__init__`` is compiled: instances are made by the thousand, and attrs' is the
fastest there is.
"""

from __future__ import annotations

import operator

import attrs


def fields_repr(self) -> str:
    """``Figure(value=3, line=12, column=5, inferred=False, unit=None)``"""
    shown = []
    for a in attrs.fields(type(self)):
        if a.repr:
            value = getattr(self, a.name)
            shown.append(f"{a.name}={a.repr(value) if callable(a.repr) else repr(value)}")
    return f"{type(self).__qualname__.rsplit('>.', 1)[-1]}({', '.join(shown)})"


def _getter(names: tuple[str, ...]):
    """The values of these fields, as one tuple (attrgetter gives one name's value bare)."""
    if len(names) == 1:
        name = names[0]
        return lambda self: (getattr(self, name),)
    return operator.attrgetter(*names) if names else lambda self: ()


def _add_eq_and_hash(cls, hashable: bool) -> None:
    """``__eq__`` over the fields compared (``eq=True``, attrs' default), and for a
    frozen class ``__hash__`` over the fields hashed, as attrs would write them; a
    mutable class is unhashable, as attrs makes it."""
    fields = attrs.fields(cls)
    compared = _getter(tuple(a.name for a in fields if a.eq))

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return compared(self) == compared(other)

    def __ne__(self, other):
        equal = __eq__(self, other)
        return equal if equal is NotImplemented else not equal

    cls.__eq__, cls.__ne__ = __eq__, __ne__
    if not hashable:
        cls.__hash__ = None
        return
    hashed = _getter(tuple(a.name for a in fields if (a.eq if a.hash is None else a.hash)))
    kind = hash(cls.__qualname__)  # (two classes of equal fields hash apart)

    def __hash__(self):
        return hash((kind, hashed(self)))

    cls.__hash__ = __hash__


def _with_shared_methods(decorator, name: str, hashable: bool):
    def decorate(cls=None, **options):
        if "repr" in options or "eq" in options or "hash" in options:
            raise TypeError(f"govparse.classes.{name} writes no repr, eq or hash: use "
                            f"attrs.{name}")

        def make(cls):
            own = {"__eq__", "__ne__", "__hash__"}.intersection(cls.__dict__)
            if own:  # (none has: attrs' rules for one's own would have to be followed)
                raise TypeError(f"{cls.__qualname__} defines {', '.join(sorted(own))}: "
                                f"use attrs.{name}")
            own_repr = "__repr__" in cls.__dict__  # a class's own repr stays
            made = decorator(cls, repr=False, eq=False, **options)
            if not own_repr:
                made.__repr__ = fields_repr
            _add_eq_and_hash(made, hashable)
            return made

        return make if cls is None else make(cls)

    decorate.__name__ = decorate.__qualname__ = name
    decorate.__doc__ = (f"``attrs.{name}``, with ``fields_repr`` for its repr and one "
                        "attrgetter a class for its eq" + (" and hash." if hashable else "."))
    return decorate


frozen = _with_shared_methods(attrs.frozen, "frozen", hashable=True)
define = _with_shared_methods(attrs.define, "define", hashable=False)
