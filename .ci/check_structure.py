"""The package's shape, checked on every lint: what import-linter's contracts cannot say.

- no import cycle between any two modules, counting imports made inside functions;
- no module over MAX_LINES lines;
- no function more complex than radon's rank C (cyclomatic complexity above MAX_COMPLEXITY);
- Wagtail hooks, snippets and viewsets registered in ``wagtail_hooks.py`` only.

Exits non-zero with one line per problem.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import grimp
from radon.complexity import cc_visit

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "wagtail_allyship"
MAX_LINES = 500
#: Radon ranks 11 to 20 as C; 21 and above as D, E and F.
MAX_COMPLEXITY = 20
#: Calls that wire something into Wagtail; only the wiring module may make them.
REGISTRATIONS = {"register", "register_snippet", "register_setting", "register_admin_viewset"}
WIRING = ROOT / PACKAGE / "wagtail_hooks.py"


def sources() -> list[Path]:
    return sorted(path for path in (ROOT / PACKAGE).rglob("*.py") if "migrations" not in path.parts)


def module_cycles() -> list[str]:
    """Strongly connected groups of modules (Tarjan), migrations left out."""
    graph = grimp.build_graph(PACKAGE)
    modules = sorted(m for m in graph.modules if ".migrations" not in m)
    edges = {
        m: sorted(i for i in graph.find_modules_directly_imported_by(m) if i in modules)
        for m in modules
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for module in modules:
        if module not in index:
            visit(module)
    return [f"import cycle: {' -> '.join(group)}" for group in found]


def long_modules() -> list[str]:
    problems = []
    for path in sources():
        lines = len(path.read_text().splitlines())
        if lines > MAX_LINES:
            problems.append(f"{path.relative_to(ROOT)}: {lines} lines (at most {MAX_LINES})")
    return problems


def complex_functions() -> list[str]:
    problems = []
    for path in sources():
        for block in cc_visit(path.read_text()):
            if block.complexity > MAX_COMPLEXITY:
                problems.append(
                    f"{path.relative_to(ROOT)}:{block.lineno}: {block.name} has complexity "
                    f"{block.complexity} (at most {MAX_COMPLEXITY}, radon's rank C)"
                )
    return problems


def registrations_outside_wiring() -> list[str]:
    problems = []
    for path in sources():
        if path == WIRING:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = (
                func.value.id
                if isinstance(func, ast.Attribute) and hasattr(func.value, "id")
                else ""
            )
            if name in REGISTRATIONS and (name != "register" or owner == "hooks"):
                problems.append(
                    f"{path.relative_to(ROOT)}:{node.lineno}: {owner + '.' if owner else ''}"
                    f"{name}() belongs in {WIRING.relative_to(ROOT)}"
                )
    return problems


def main() -> int:
    sys.path.insert(0, str(ROOT))
    problems = [
        *module_cycles(),
        *long_modules(),
        *complex_functions(),
        *registrations_outside_wiring(),
    ]
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(
        f"structure OK: no module cycle, every module at most {MAX_LINES} lines, every "
        f"function at most complexity {MAX_COMPLEXITY}, hooks registered in wagtail_hooks.py only"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
