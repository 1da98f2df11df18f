"""The package's folders are its stages (newslens.stages.LAYERS): no import circles, no import from a later
stage, and no analysis importing another. Imports inside functions count too."""

import ast

from newslens.analysis import ANALYSIS_STEPS
from newslens.paths import PACKAGE_DIR
from newslens.schema import article_table_names
from newslens.stages import (ANALYSES, ANALYSIS_OUTPUTS, ANALYSIS_RECORDS, BASE_TABLES, EXTRAS, LAYERS,
                             analysis_order_problems)


def module_name(path) -> str:
    parts = path.relative_to(PACKAGE_DIR).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """module -> the package modules it imports ("" is newslens/__init__.py)."""
    files = {module_name(f): f for f in PACKAGE_DIR.rglob("*.py")}
    graph = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".") if package else []
                base = base[:len(base) - (node.level - 1)]
                stem = ".".join(base + ([node.module] if node.module else []))
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newslens"):
                stem = node.module.removeprefix("newslens").lstrip(".")
            else:
                continue
            for alias in node.names:   # `from .x import y` imports module x.y when there is one, else x
                full = f"{stem}.{alias.name}".lstrip(".")
                targets.add(full if full in files else stem)
        graph[name] = targets - {name}
    return graph


def stage_of(module: str) -> tuple[int, str]:
    """(layer index, top-level folder or module) of a module; the package root is outside every layer."""
    top = module.split(".")[0]
    for index, layer in enumerate(LAYERS):
        if top in layer:
            return index, top
    raise AssertionError(f"newslens.{module} is in no stage of newslens.stages.LAYERS")


def find_circle(graph) -> list[str] | None:
    state = {}

    def visit(node, path):
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt, path + [nxt])):
                return found
        state[node] = "done"

    for node in sorted(graph):
        if node not in state and (found := visit(node, [node])):
            return found
    return None


def layer_violations(graph) -> list[str]:
    problems = []
    for importer, targets in graph.items():
        if importer == "":           # newslens/__init__.py re-exports the public names
            continue
        layer, top = stage_of(importer)
        for target in targets:
            if target == "":
                problems.append(f"newslens.{importer} imports the package root")
                continue
            target_layer, target_top = stage_of(target)
            if target_layer > layer:
                problems.append(f"newslens.{importer} (stage {top}) imports newslens.{target} from a later stage")
            elif top in ANALYSES and target_top in ANALYSES and target_top != top:
                problems.append(f"newslens.{importer} imports newslens.{target}: two analyses of one stage")
    return sorted(problems)


def test_every_module_sits_in_a_stage():
    for module in import_graph():
        if module:
            stage_of(module)


def test_no_import_circle():
    assert find_circle(import_graph()) is None


def test_no_import_from_a_later_stage_or_a_sibling_analysis():
    assert layer_violations(import_graph()) == []


def test_the_checks_catch_what_they_are_for():
    # The same checks on a graph with a circle and two bad edges added: they must report them.
    graph = import_graph()
    graph["text.article"] = graph["text.article"] | {"text.loader"}          # loader imports article already
    graph["framing.cues"] = graph["framing.cues"] | {"sentiment.scores", "report.output"}
    assert find_circle(graph) is not None
    assert layer_violations(graph) == [
        "newslens.framing.cues (stage framing) imports newslens.report.output from a later stage",
        "newslens.framing.cues imports newslens.sentiment.scores: two analyses of one stage",
    ]


def test_the_analyses_run_in_their_declared_order():
    # analysis.ANALYSIS_STEPS is the table analyze() runs; stages declares what each step needs and adds.
    assert tuple(ANALYSIS_STEPS) == ANALYSES
    assert analysis_order_problems() == []
    assert analysis_order_problems(("sentiment", "places", "framing")) == [
        "sentiment needs place_mentions.csv (place_mentions), which no earlier analysis adds"]
    # Records are inputs and outputs as tables are: needed before they are made, made twice, not declared.
    needs_records = {"framing": {"places": "place_mentions"}}
    assert analysis_order_problems(inputs=needs_records) == []
    assert analysis_order_problems(("framing", "places", "sentiment"), inputs=needs_records) == [
        "framing needs place_mentions (places), which no earlier analysis adds"]
    assert analysis_order_problems(records={**ANALYSIS_RECORDS, "framing": ("quotes", "actor_mentions")}) == [
        "framing adds actor_mentions, which an earlier analysis added"]
    assert analysis_order_problems(records={"places": ("place_mentions",), "framing": ("quotes",)}) == [
        "sentiment declares no records"]


def test_the_declared_outputs_are_the_schema_tables():
    # sentence_sentiment.csv is not a table of its own: its columns join sentences.csv.
    declared = set(BASE_TABLES).union(*ANALYSIS_OUTPUTS.values()) - {"sentence_sentiment.csv"}
    assert declared == set(article_table_names(EXTRAS))
