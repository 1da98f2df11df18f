"""Two hops from a notebook number to its method: notebook cell -> documented newslens function -> its test.

    .venv/bin/python bench/two_hops.py > docs/two-hops.md         # the table, regenerated after notebooks change
    .venv/bin/python bench/two_hops.py --check                    # lists the gaps; exit status 1 if there are any

For every code cell of notebooks/*.ipynb the cell's source is parsed with ast (IPython magics and shell lines are
blanked first), its `import newslens...` / `from newslens... import ...` statements are followed across the
notebook's cells, and every name that resolves to a callable of the package (a function or a class, called or
passed on, such as `df.pipe(f)`) is listed, and so is a method called on a variable that holds what a package
function returns (`result = newslens.analyze(...)`, then `result.stage_tables(...)`: read from the function's
return annotation). Names are resolved by importing them, so a function re-exported by a package `__init__` is
the same function as where it is defined, and a function the notebooks call after a refactor is found wherever
it now lives. A cell in another language (`%%bash`) is skipped.

Each function is checked for
- a docstring of its own (read from its source with ast, so a dataclass's generated signature does not count)
  of at least MIN_DOC_WORDS words;
- a test: a test function of tests/test_*.py that names it, directly or through a fixture, a helper function or
  a module-level name of the tests that names it; failing that, its own docstring example naming it, when a
  test runs its module's examples with doctest.testmod; failing that, a test that names its module's
  table-producing entry point (a public `*_tables` function, or `analyze`) when that entry point calls the
  function (followed through the module's own functions, by ast).

Nothing here runs a notebook or a test; it reads them.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import itertools
import json
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "newslens"
MIN_DOC_WORDS = 4
COMMAND = ".venv/bin/python bench/two_hops.py > docs/two-hops.md"
TESTMOD = "<doctest.testmod>"       # index key: a test that runs doctest.testmod
DOCTESTS = "<doctests of>"          # index key prefix: the tests that run a module's docstring examples
# A line IPython runs but Python cannot parse: a magic (%, %%), a shell escape (!) or a help request (?).
MAGIC = re.compile(r"^\s*(%|!|\?)|\?\s*$")


# ---------------------------------------------------------------------------------------------------------
# Resolving names to objects of the package


def resolve(dotted: str):
    """The object a dotted name of the package stands for, or None: the longest importable module prefix, then
    attributes."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr, None)
            if obj is None:
                return None
        return obj
    return None


def is_package_callable(obj) -> bool:
    obj = inspect.unwrap(obj) if callable(obj) else obj
    return (inspect.isfunction(obj) or inspect.isclass(obj)) and getattr(obj, "__module__", "").split(".")[0] == PACKAGE


def canonical(obj) -> str:
    """Where a function or class is defined: module.qualname."""
    obj = inspect.unwrap(obj)
    return f"{obj.__module__}.{obj.__qualname__}"


def source_location(obj) -> str:
    obj = inspect.unwrap(obj)
    try:
        path = Path(inspect.getsourcefile(obj)).resolve()
        line = inspect.getsourcelines(obj)[1]
    except (TypeError, OSError):
        return "?"
    try:
        return f"{path.relative_to(REPO_ROOT).as_posix()}:{line}"
    except ValueError:        # outside the repository (a module written for a test)
        return f"{path.as_posix()}:{line}"


def own_docstring(obj) -> str:
    """The docstring written in the function's or class's own source ('' if none); not an inherited or generated
    one."""
    obj = inspect.unwrap(obj)
    try:
        node = ast.parse(textwrap.dedent(inspect.getsource(obj))).body[0]
    except (TypeError, OSError, SyntaxError, IndexError):
        return ""
    return ast.get_docstring(node) or "" if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                              ast.ClassDef)) else ""


def docstring_problem(doc: str) -> str | None:
    first = doc.strip().split("\n\n")[0]
    if not first:
        return "no docstring"
    if len(first.split()) < MIN_DOC_WORDS:
        return f"docstring under {MIN_DOC_WORDS} words"
    return None


# ---------------------------------------------------------------------------------------------------------
# Names: imports in a piece of source, and the dotted names it refers to


def import_bindings(tree: ast.AST, prefixes: tuple[str, ...]) -> dict[str, str]:
    """Local name -> dotted name, for the imports of modules starting with one of prefixes."""
    env = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in prefixes:
                    if alias.asname:
                        env[alias.asname] = alias.name
                    else:  # `import a.b` binds `a`
                        env[alias.name.split(".")[0]] = alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] in prefixes:
                for alias in node.names:
                    if alias.name != "*":
                        env[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return env


def dotted_name(node: ast.AST) -> str | None:
    """`a.b.c` for a chain of attributes on a name; None for anything else (a call's result, a subscript)."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def referenced_names(tree: ast.AST) -> list[str]:
    """Every dotted name read in the tree, outermost first (`a.b.c`, not also `a.b`), in source order."""
    inner = set()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
            inner.add(id(node.value))
    for node in ast.walk(tree):
        if id(node) in inner or not isinstance(getattr(node, "ctx", None), ast.Load):
            continue
        name = dotted_name(node)
        if name:
            found.append((node.lineno, node.col_offset, name))
    return [name for _, _, name in sorted(found)]


def resolve_reference(name: str, env: dict[str, str], types: dict[str, type]):
    """The package object a dotted name read in the source stands for, or None: through an import of env
    (`newslens.x.y`, `alias.y`), or a method of a package class through a variable of types
    (`result.stage_tables`). The longest prefix that resolves wins (`f.__name__` is f)."""
    head, _, rest = name.partition(".")
    attrs = rest.split(".") if rest else []
    if head in types:
        found = obj = types[head]
        for attr in attrs:
            obj = getattr(obj, attr, None)
            if obj is None:
                break
            found = obj
        return found if found is not types[head] else None
    if head not in env:
        return None
    parts = [env[head], *attrs]
    for cut in range(len(parts), 0, -1):
        obj = resolve(".".join(parts[:cut]))
        if obj is not None:
            return obj
    return None


def returned_class(obj):
    """The package class a call of obj returns: obj itself if a class, else its return annotation's class."""
    if inspect.isclass(obj):
        return obj if is_package_callable(obj) else None
    obj = inspect.unwrap(obj)
    annotation = getattr(obj, "__annotations__", {}).get("return")
    if isinstance(annotation, str):     # `from __future__ import annotations`: look the name up where obj lives
        head, *attrs = annotation.strip("'\"").split(".")
        annotation = getattr(obj, "__globals__", {}).get(head)
        for attr in attrs:
            annotation = getattr(annotation, attr, None)
    return annotation if inspect.isclass(annotation) and is_package_callable(annotation) else None


def infer_types(tree: ast.AST, env: dict[str, str], types: dict[str, type]) -> None:
    """Record in types the variables assigned the result of a package call that returns a package class
    (`result = newslens.analyze(...)`); a variable assigned anything else is dropped."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            target = node.targets[0].id
            func = dotted_name(node.value.func) if isinstance(node.value, ast.Call) else None
            obj = resolve_reference(func, env, types) if func else None
            cls = returned_class(obj) if obj is not None and is_package_callable(obj) else None
            if cls is not None:
                types[target] = cls
            else:
                types.pop(target, None)


def package_references(tree: ast.AST, env: dict[str, str], types: dict[str, type] | None = None) -> dict:
    """canonical name -> object, for every package callable the tree refers to through env's imports (and the
    package-class variables of types)."""
    refs = {}
    for name in referenced_names(tree):
        obj = resolve_reference(name, env, types or {})
        if obj is not None and is_package_callable(obj):
            refs[canonical(obj)] = obj
    return refs


# ---------------------------------------------------------------------------------------------------------
# Notebooks


def cell_source(cell: dict) -> str:
    src = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
    if src.lstrip().startswith("%%"):      # a cell magic: the whole cell is another language
        return ""
    return "\n".join("" if MAGIC.search(line) else line for line in src.splitlines())


@dataclass
class Cell:
    notebook: str
    number: int                      # the cell's index in the notebook, counting every cell from 0
    calls: dict[str, object]         # canonical name -> object
    names: dict[str, str] = field(default_factory=dict)   # canonical name -> the name the cell writes
    error: str | None = None


def notebook_cells(path: Path) -> list[Cell]:
    """The code cells of a notebook with the package callables each refers to; imports carry over between
    cells in order, as in a kernel run top to bottom."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    env: dict[str, str] = {}
    types: dict[str, type] = {}
    cells = []
    for number, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        try:
            tree = ast.parse(cell_source(cell))
        except SyntaxError as exc:
            cells.append(Cell(path.name, number, {}, error=f"cannot parse: {exc.msg} (line {exc.lineno})"))
            continue
        env.update(import_bindings(tree, (PACKAGE,)))
        infer_types(tree, env, types)
        refs = package_references(tree, env, types)
        names = {}
        for name in referenced_names(tree):
            obj = resolve_reference(name, env, types)
            if obj is not None and is_package_callable(obj):
                names.setdefault(canonical(obj), name)
        cells.append(Cell(path.name, number, refs, names))
    return cells


# ---------------------------------------------------------------------------------------------------------
# Tests: which test functions reach which package callables


def _is_fixture(node: ast.FunctionDef) -> bool:
    for dec in node.decorator_list:
        target = dec.func if isinstance(dec, ast.Call) else dec
        if (dotted_name(target) or "").endswith("fixture"):
            return True
    return False


def index_tests(tests_dir: Path) -> dict[str, list[str]]:
    """canonical name -> the tests (`tests/test_x.py::test_y`) that reach it by name: in their own body, or
    through a fixture, a function of the tests or a module-level name of the tests that does. Also
    DOCTESTS + module -> the tests that run the docstring examples of that module with doctest.testmod (a test
    file that imports doctest and names the module in a string)."""
    doctest_modules: dict[str, set] = {}             # test file -> package modules it names in strings
    helper_modules = {p.stem for p in tests_dir.glob("*.py")}
    nodes: dict[tuple[str, str], dict] = {}          # (module, name) -> {"refs": set, "edges": set}
    fixtures: dict[str, set] = {}                     # fixture name -> {(module, name)}
    tests: list[tuple[str, tuple[str, str]]] = []     # (test id, node key)
    for path in sorted(tests_dir.glob("*.py")):
        module = path.stem
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError:
            continue
        env = import_bindings(tree, (PACKAGE,))
        helpers = import_bindings(tree, tuple(helper_modules - {module}))
        module_types: dict[str, type] = {}
        infer_types(ast.Module([n for n in tree.body if isinstance(n, ast.Assign)], []), env, module_types)
        doctest_names = {local for local, target in import_bindings(tree, ("doctest",)).items()
                         if target in ("doctest", "doctest.testmod")}
        if doctest_names:
            doctest_modules[f"tests/{path.name}"] = {
                n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                and re.fullmatch(rf"{PACKAGE}(\.\w+)*", n.value)}
        local = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
        module_globals = {t.id for n in tree.body if isinstance(n, (ast.Assign, ast.AnnAssign))
                          for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}

        def edges_of(body: ast.AST, own: str | None) -> set:
            out = set()
            for name in referenced_names(body):
                head, _, rest = name.partition(".")
                if head in local or head in module_globals:
                    if head != own:
                        out.add((module, head))
                elif head in helpers:
                    target = (helpers[head] + ("." + rest if rest else "")).split(".")
                    out.add((target[0], target[1] if len(target) > 1 else "<module>"))
            return out

        def add(key, body, args=()):
            types = dict(module_types)
            infer_types(body, env, types)
            refs = set(package_references(body, env, types))
            if any(name.split(".")[0] in doctest_names and name.endswith("testmod") for name in referenced_names(body)):
                refs.add(TESTMOD)
            nodes[key] = {"refs": refs, "edges": edges_of(body, key[1]), "fixture_args": set(args)}

        for node in tree.body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for t in targets:
                    if isinstance(t, ast.Name):
                        add((module, t.id), node.value if node.value is not None else t)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                add((module, node.name), node, [a.arg for a in node.args.args])
                if _is_fixture(node):
                    fixtures.setdefault(node.name, set()).add((module, node.name))
                if module.startswith("test_") and node.name.startswith("test"):
                    tests.append((f"tests/{path.name}::{node.name}", (module, node.name)))
            elif isinstance(node, ast.ClassDef):
                add((module, node.name), node)
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        key = (module, f"{node.name}.{item.name}")
                        add(key, item, [a.arg for a in item.args.args])
                        nodes[(module, node.name)]["edges"].add(key)
                        if _is_fixture(item):
                            fixtures.setdefault(item.name, set()).add(key)
                        if module.startswith("test_") and node.name.startswith("Test") \
                                and item.name.startswith("test"):
                            tests.append((f"tests/{path.name}::{node.name}::{item.name}", key))
    # A fixture argument is an edge to the fixture of that name: of the same module, else of conftest.
    for key, node in nodes.items():
        for arg in node.pop("fixture_args"):
            found = {k for k in fixtures.get(arg, ()) if k[0] == key[0]} or \
                    {k for k in fixtures.get(arg, ()) if k[0] == "conftest"}
            node["edges"] |= found

    def reached(key) -> set:
        out, seen, stack = set(), set(), [key]
        while stack:
            key = stack.pop()
            if key in seen or key not in nodes:
                continue
            seen.add(key)
            out |= nodes[key]["refs"]
            stack.extend(nodes[key]["edges"])
        return out

    index: dict[str, list[str]] = {}
    for test_id, key in tests:
        for name in reached(key):
            index.setdefault(name, []).append(test_id)
    # A test that runs doctest.testmod in a file naming a module of the package runs that module's examples.
    for test_id in index.pop(TESTMOD, []):
        for module in doctest_modules.get(test_id.split("::")[0], ()):
            index.setdefault(DOCTESTS + module, []).append(test_id)
    return index


# ---------------------------------------------------------------------------------------------------------
# The entry point fallback: a module's `*_tables` function (or `analyze`) that calls the function


def entry_points_reaching(obj) -> list[str]:
    """Canonical names of the public `*_tables` / `analyze` functions of obj's module that call obj, followed
    through the module's own functions (names read in their bodies, by ast)."""
    obj = inspect.unwrap(obj)
    module = sys.modules.get(obj.__module__)
    try:
        tree = ast.parse(inspect.getsource(module))
    except (TypeError, OSError, SyntaxError):
        return []
    bodies = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    owner, _, method = obj.__qualname__.rpartition(".")
    if owner and "." in owner:      # a nested class or a local function: not followed
        return []

    def names_target(ref: str) -> bool:
        # a function is called by its name; a method as an attribute (`x.method`), not by calling its class
        return ref.split(".")[-1] == method if owner else ref.split(".")[0] == method

    def calls(name, seen):
        if name in seen or name not in bodies:
            return False
        seen.add(name)
        refs = referenced_names(bodies[name])
        return any(names_target(ref) for ref in refs) or any(calls(ref.split(".")[0], seen) for ref in refs)

    return [f"{obj.__module__}.{name}" for name in bodies
            if (name.endswith("_tables") or name == "analyze") and not name.startswith("_") and name != method
            and calls(name, set())]


# ---------------------------------------------------------------------------------------------------------
# The survey


@dataclass
class Function:
    name: str                 # canonical
    obj: object
    location: str
    doc_problem: str | None
    summary: str
    tests: list[str]          # tests naming it
    via: dict[str, list[str]]  # entry point -> tests naming it, when no test names the function itself
    doctests: list[str]        # tests that run its own docstring example (which names it), when none names it

    @property
    def problems(self) -> list[str]:
        out = [self.doc_problem] if self.doc_problem else []
        if not self.tests and not any(self.via.values()) and not self.doctests:
            out.append("no test names it or an entry point of its module that calls it")
        return out


def example_names_it(doc: str, name: str) -> bool:
    """Whether a docstring's doctest example (the `>>>` and `...` lines) names ``name``."""
    source = "\n".join(line.strip()[4:] for line in doc.splitlines() if line.strip()[:4] in (">>> ", "... ")
                       or line.strip() in (">>>", "..."))
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return bool(re.search(rf"\b{re.escape(name)}\b", source))
    return any(dotted.split(".")[-1] == name for dotted in referenced_names(tree))


def survey(notebooks_dir: Path, tests_dir: Path) -> tuple[list[Cell], dict[str, Function]]:
    if str(REPO_ROOT / "lib") not in sys.path:
        sys.path.insert(0, str(REPO_ROOT / "lib"))
    cells = [cell for path in sorted(notebooks_dir.glob("*.ipynb")) for cell in notebook_cells(path)]
    index = index_tests(tests_dir)
    functions = {}
    for cell in cells:
        for name, obj in cell.calls.items():
            if name in functions:
                continue
            doc = own_docstring(obj)
            tests = sorted(set(index.get(name, [])))
            doctests = [] if tests or not example_names_it(doc, inspect.unwrap(obj).__name__) else \
                sorted(set(index.get(DOCTESTS + inspect.unwrap(obj).__module__, [])))
            via = {} if tests or doctests else {entry: sorted(set(index.get(entry, [])))
                                                for entry in entry_points_reaching(obj)}
            functions[name] = Function(name, obj, source_location(obj), docstring_problem(doc),
                                       " ".join(doc.strip().split("\n\n")[0].split()), tests, via, doctests)
    return cells, functions


def _tests_cell(fn: Function, limit: int = 4) -> str:
    if fn.tests:
        shown = ", ".join(f"`{t}`" for t in fn.tests[:limit])
        return shown + (f" and {len(fn.tests) - limit} more" if len(fn.tests) > limit else "")
    if fn.doctests:
        return "its docstring example, run by " + ", ".join(f"`{t}`" for t in fn.doctests[:limit])
    via = [(entry, tests) for entry, tests in fn.via.items() if tests]
    if via:
        entry, tests = via[0]
        return f"through `{entry}`: " + ", ".join(f"`{t}`" for t in tests[:limit]) + \
            (f" and {len(tests) - limit} more" if len(tests) > limit else "")
    return "**none**"


def markdown(cells: list[Cell], functions: dict[str, Function]) -> str:
    gaps = {name: fn for name, fn in functions.items() if fn.problems}
    lines = [
        "# Two hops: from a notebook cell to the method and its test",
        "",
        f"Generated by `{COMMAND}` (from the notebooks and tests as committed); do not edit by hand.",
        "",
        "Every number a notebook shows comes from a cell; the cell calls functions of `lib/newslens`; each such",
        "function has a docstring saying what it computes, and a test in `tests/` that names it (or names the",
        "table-producing function of its module that calls it). This page lists, per notebook and code cell, the",
        "package functions the cell uses, where they are defined, and the tests that exercise them.",
        "`tests/test_two_hops.py` fails when a notebook uses a function without a docstring or without a test.",
        "",
        f"In figures: {len(cells)} code cells in {len({c.notebook for c in cells})} notebooks, "
        f"{sum(1 for c in cells if c.calls)} of them using the package; {len(functions)} distinct functions and "
        f"classes used; {len(gaps)} of them with a gap"
        + (": " + ", ".join(f"`{n}`" for n in sorted(gaps)) if gaps else "") + ".",
        "",
    ]
    for notebook, group in itertools.groupby(cells, key=lambda c: c.notebook):
        lines += [f"## {notebook}", "", "| cell | function | defined in | tests |", "|---|---|---|---|"]
        for cell in group:
            if cell.error:
                lines.append(f"| {cell.number} | {cell.error} | | |")
            for name in sorted(cell.calls, key=lambda n: cell.names.get(n, n)):
                fn = functions[name]
                flag = "" if not fn.problems else " (" + "; ".join(fn.problems) + ")"
                lines.append(f"| {cell.number} | `{cell.names.get(name, name)}`{flag} | `{name}` ({fn.location}) "
                             f"| {_tests_cell(fn)} |")
        lines.append("")
    lines += ["## The functions, with what they compute", "", "| function | what it computes |", "|---|---|"]
    for name in sorted(functions):
        fn = functions[name]
        summary = fn.summary.replace("|", r"\|") or "**no docstring**"
        lines.append(f"| `{name}` | {summary} |")
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notebooks", type=Path, default=REPO_ROOT / "notebooks")
    parser.add_argument("--tests", type=Path, default=REPO_ROOT / "tests")
    parser.add_argument("--check", action="store_true", help="list the gaps only; exit status 1 if any")
    args = parser.parse_args(argv)
    cells, functions = survey(args.notebooks, args.tests)
    if args.check:
        gaps = [(name, fn.problems) for name, fn in sorted(functions.items()) if fn.problems]
        for name, problems in gaps:
            print(f"{name} ({functions[name].location}): {'; '.join(problems)}")
        print(f"{len(cells)} code cells, {len(functions)} functions, {len(gaps)} with a gap")
        return 1 if gaps else 0
    sys.stdout.write(markdown(cells, functions))
    return 0


if __name__ == "__main__":
    sys.exit(main())
