"""The house in figures: how lib/newslens is laid out, counted from its source alone (nothing is imported).

    .venv/bin/python bench/architecture.py [PACKAGE_DIR]        # default: lib/newslens

Counted:
- rooms: modules (every .py file, __init__.py included);
- floors: the stages of newslens.stages.LAYERS (read from stages.py with ast);
- arrows: import edges between two modules of the package (a `from . import x` of a module counts as an edge
  to that module; an edge is counted once however often it is written);
- circles: import circles among those edges (strongly connected groups of two modules or more);
- arrows drawn only by imports inside functions (a reader of the module's head does not see them);
- imports between modules inside functions (statements), and how many of them have a comment saying why (on the import's
  own line, or just above it or above the group of imports it belongs to);
- importlib dispatch: calls of importlib.import_module in the package.

Prints a small Markdown table.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def module_name(root: Path, path: Path) -> str:
    parts = ("newslens",) + path.relative_to(root).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


def target_of(node: ast.ImportFrom, alias: ast.alias, package: str, modules: set[str]) -> str | None:
    """The package module that ``from ... import alias`` brings in, or None when it is outside the package."""
    if node.level:
        base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
        stem = ".".join(base + ([node.module] if node.module else []))
    elif (node.module or "").startswith("newslens"):
        stem = node.module
    else:
        return None
    full = f"{stem}.{alias.name}"
    return full if full in modules else stem if stem in modules else None


def count(root: Path) -> dict[str, int]:
    files = {module_name(root, f): f for f in sorted(root.rglob("*.py"))}
    modules = set(files)
    edges: dict[str, set[str]] = {m: set() for m in modules}
    top_edges: dict[str, set[str]] = {m: set() for m in modules}
    inside, inside_with_reason, importlib_calls = 0, 0, 0
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source)
        in_function = set()
        for fn in ast.walk(tree):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                in_function.update(id(n) for n in ast.walk(fn) if isinstance(n, ast.ImportFrom))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "import_module":
                importlib_calls += 1
            if not isinstance(node, ast.ImportFrom):
                continue
            targets = {t for a in node.names if (t := target_of(node, a, package, modules)) and t != name}
            edges[name] |= targets
            if id(node) not in in_function:
                top_edges[name] |= targets
            if targets and id(node) in in_function:
                inside += 1
                if has_reason(lines, node.lineno):
                    inside_with_reason += 1
    return {
        "rooms (modules)": len(modules),
        "floors (stages)": len(layers(root)),
        "arrows (import edges between modules)": sum(len(t) for t in edges.values()),
        "... of them drawn only inside functions": sum(len(edges[m] - top_edges[m]) for m in modules),
        "import circles": len(circles(edges)),
        "imports between modules inside functions (statements)": inside,
        "... of them with a comment saying why": inside_with_reason,
        "importlib.import_module calls": importlib_calls,
    }


def has_reason(lines: list[str], lineno: int) -> bool:
    """A comment on the import's line, or just above it or above the group of imports it belongs to."""
    if "#" in lines[lineno - 1]:
        return True
    above = lineno - 2
    while above >= 0 and lines[above].strip().startswith(("from ", "import ")):
        above -= 1
    return above >= 0 and lines[above].strip().startswith("#")


def layers(root: Path) -> tuple:
    for node in ast.walk(ast.parse((root / "stages.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "LAYERS":
            return ast.literal_eval(node.value)
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "LAYERS" for t in node.targets):
            return ast.literal_eval(node.value)
    return ()


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of two modules or more (Tarjan), each one import circle or a knot of them."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return groups


def main(argv: list[str]) -> None:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "lib" / "newslens"
    figures = count(root)
    print("| figure | count |\n|---|---:|")
    for label, value in figures.items():
        print(f"| {label} | {value} |")


if __name__ == "__main__":
    main(sys.argv)
