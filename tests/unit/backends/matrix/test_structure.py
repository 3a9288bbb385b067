"""The shape of ``backends/matrix``, enforced: services of at most ~600 lines, a façade that only
wires them, no import cycle between its modules, and no member typed ``Any``."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[4] / "backends" / "matrix"
MAX_CLASS_LINES = 600


def modules() -> dict[str, ast.Module]:
    return {p.stem: ast.parse(p.read_text(), filename=str(p)) for p in PACKAGE.glob("*.py")}


def local_imports(tree: ast.Module) -> set[str]:
    """The sibling modules one module imports (``backends.matrix.x`` or ``from backends.matrix
    import x``), wherever the import is (inside functions too)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "backends.matrix":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("backends.matrix."):
                found.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("backends.matrix."):
                    found.add(alias.name.split(".")[2])
    return found


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (as a path), or None."""
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> list[str] | None:
        if name in path:
            return [*path[path.index(name) :], name]
        if name in done:
            return None
        for nxt in sorted(graph.get(name, ())):
            found = visit(nxt, [*path, name])
            if found:
                return found
        done.add(name)
        return None

    for name in sorted(graph):
        found = visit(name, [])
        if found:
            return found
    return None


def test_no_class_is_longer_than_the_limit() -> None:
    long = [
        f"{name}.{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for name, tree in modules().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES
    ]
    assert long == []


def test_the_facade_only_wires_services() -> None:
    lines = (PACKAGE / "backend.py").read_text().count("\n")
    assert lines <= MAX_CLASS_LINES


def test_no_import_cycle_between_the_modules() -> None:
    graph = {name: local_imports(tree) - {"__init__"} for name, tree in modules().items()}
    graph.pop("__init__", None)
    assert cycle(graph) is None


def test_the_cycle_finder_finds_one() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None


def test_no_member_is_typed_any() -> None:
    typed_any = [
        f"{name}:{node.lineno} {ast.unparse(node.target)}"
        for name, tree in modules().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Attribute)
        and ast.unparse(node.annotation) in ("Any", "Any | None", "list[Any]")
    ]
    assert typed_any == []
