"""The package's surface: lazy exports that stay what they are."""

import importlib
import pkgutil
import types

import govparse


def test_every_export_resolves_and_no_submodule_shadows_it():
    # importing a submodule sets an attribute of the package by its name: a submodule
    # named like an export (govparse/validate.py once) would replace the export
    for info in pkgutil.iter_modules(govparse.__path__):
        if info.name == "__main__":  # runs the command line
            continue
        importlib.import_module(f"govparse.{info.name}")
        assert info.name not in govparse.__all__, info.name
    for name in govparse.__all__:
        assert not isinstance(getattr(govparse, name), types.ModuleType), name
    assert callable(govparse.validate) and callable(govparse.parse)
    assert govparse.Report.__module__ == "govparse.model.report"


def test_unknown_attribute_is_an_attribute_error():
    try:
        govparse.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")
