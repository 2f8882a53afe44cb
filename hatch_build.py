"""Build hook: make govparse/frontends/text/_standalone.py (lark's stand-alone parser for
grammar/report.lark) before the wheel is built, editable installs included."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class StandaloneParserHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        script = Path(self.root) / "grammar" / "generate.py"
        spec = importlib.util.spec_from_file_location("govparse_generate", script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.main([])
        # Generated, so ignored by git; a wheel still has to carry it.
        build_data["artifacts"].append("govparse/frontends/text/_standalone.py")
