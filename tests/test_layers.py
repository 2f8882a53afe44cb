"""The layering of govparse, as CI checks it.

- ``lint-imports`` keeps the contracts of ``[tool.importlinter]`` in pyproject.toml:
  the layers, the consumers that read the model only, no lark below the front-ends,
  no cycle between the subpackages or modules of any package.
- No module of govparse is part of an import cycle. Imports inside functions count
  (grimp reads them all): a lazy import that closes a cycle is still a cycle, one
  that only start-up order happens to keep from failing.
"""

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]

LINT_IMPORTS = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"


def strongly_connected_components(modules, imported_by):
    """Tarjan's algorithm, without recursion: the components of the import graph,
    each a sorted list of modules."""
    index, low, on_stack, stack, components = {}, {}, set(), [], []
    for root in sorted(modules):
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(sorted(imported_by(root))))]
        while work:
            module, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(imported_by(target)))))
                    break
                if target in on_stack:
                    low[module] = min(low[module], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[module])
                if low[module] == index[module]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == module:
                            break
                    components.append(sorted(component))
    return components


def describe_cycle(graph, component):
    """A cycle through the component's first module, then every import between its
    modules (each one a candidate to break), with its line."""
    first, members = component[0], set(component)
    # the shortest way back to the first module, from any module of the component it imports
    chains = [graph.find_shortest_chain(importer=target, imported=first)
              for target in graph.find_modules_directly_imported_by(first) & members]
    cycle = (first, *min((c for c in chains if c), key=len))
    lines = [f"  {' -> '.join(cycle)}, through the imports:"]
    for importer in component:
        for imported in sorted(graph.find_modules_directly_imported_by(importer) & members):
            for d in graph.get_import_details(importer=importer, imported=imported):
                lines.append(f"    {importer} -> {imported} "
                             f"(l.{d['line_number']}: {d['line_contents']})")
    return "\n".join(lines)


def test_no_module_is_part_of_an_import_cycle():
    graph = grimp.build_graph("govparse", cache_dir=None)
    cycles = [c for c in strongly_connected_components(graph.modules,
                                                       graph.find_modules_directly_imported_by)
              if len(c) > 1]
    assert not cycles, "import cycles in govparse:\n" + "\n".join(
        describe_cycle(graph, c) for c in cycles)


def test_strongly_connected_components_finds_cycles():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e", "d"}}
    components = strongly_connected_components(edges, edges.__getitem__)
    assert sorted(components) == [["a", "b", "c"], ["d"], ["e"]]


def test_lint_imports_keeps_every_contract():
    run = subprocess.run([sys.executable, "-c", LINT_IMPORTS, "--no-cache", "--no-logo"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, f"lint-imports failed:\n{run.stdout}\n{run.stderr}"
