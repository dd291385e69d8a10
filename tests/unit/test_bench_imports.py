"""The stories fitting scripts of bench/ share their pieces through modules of their own,
so no script imports another in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def bench_imports(path: Path) -> set[str]:
    """The bench modules a bench script imports (anywhere in it, lazily or not)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if (BENCH / f"{name}.py").exists()}


def test_no_bench_module_imports_itself_back_through_others() -> None:
    graph = {path.stem: bench_imports(path) for path in sorted(BENCH.glob("*.py"))}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for name in sorted(graph.get(start, ())):
            if name == goal or (name not in seen and reaches(name, goal, seen | {name})):
                return True
        return False

    circles = [name for name in sorted(graph) if reaches(name, name, {name})]
    assert circles == [], f"bench modules in an import circle: {circles}"


def test_the_fit_scripts_take_their_shared_pieces_from_the_fitting_modules() -> None:
    for script in ("fit_stories", "cv_stories", "lococv_stories"):
        imported = bench_imports(BENCH / f"{script}.py")
        assert imported & {"story_fitting", "story_validation"}, script
        assert not imported & {"fit_stories", "cv_stories", "lococv_stories"}, script
