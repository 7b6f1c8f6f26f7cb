"""The import graph of workbook/ and widgets/: no cycles (lazy imports count), and one way only."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("workbook", "widgets")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for top in PACKAGES for p in (ROOT / top).rglob("*.py")}


def imported(path: Path, name: str, known: dict[str, Path]) -> Iterator[str]:
    """Every project module `path` imports, anywhere in it (inside functions too, where a
    lazy import hides a cycle), but not under `if TYPE_CHECKING:` (never run)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
            and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            # `from pkg import mod` imports the module pkg.mod; `from mod import name`, mod
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base
                       for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # `import a.b.c` of a name inside a.b
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: set(imported(path, name, known)) for name, path in known.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_graph_is_read():
    edges = graph()
    assert "workbook.store.db" in edges["workbook.stages.collect"]
    assert "workbook.stages.collect" in edges["widgets.stages.collect.form"] | edges[
        "widgets.stages.collect.page"]


def test_no_import_cycles_even_through_lazy_imports():
    assert find_cycle(graph()) is None, " -> ".join(find_cycle(graph()) or [])


def test_the_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_imports_go_one_way():
    """widgets may use workbook; workbook never uses widgets."""
    wrong = {name: sorted(t for t in targets if t.startswith("widgets"))
             for name, targets in graph().items() if name.startswith("workbook")}
    assert not {k: v for k, v in wrong.items() if v}


def test_no_folder_is_a_crowd():
    """A newcomer finds a topic by its folder: none holds more than a dozen modules."""
    for top in PACKAGES:
        for folder in [ROOT / top, *(p for p in (ROOT / top).rglob("*") if p.is_dir())]:
            if folder.name == "__pycache__":
                continue
            mods = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
            assert len(mods) <= 12, f"{folder.relative_to(ROOT)} holds {len(mods)} modules"


def test_no_private_name_is_used_across_modules():
    """A name starting with _ is its module's own; another module that needs it gets a public
    one in the helper's home."""
    known = modules()
    found = []
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = set()  # names bound to one of our modules: `from workbook.charts import plan`
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PACKAGES):
                found += [f"{name}: {a.name} from {node.module}" for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
                aliases |= {a.asname or a.name for a in node.names
                            if f"{node.module}.{a.name}" in known}
        found += [f"{name}: {n.value.id}.{n.attr}" for n in ast.walk(tree)
                  if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
                  and n.value.id in aliases and n.attr.startswith("_")
                  and not n.attr.startswith("__")]
    assert not found, found


def test_a_module_name_means_one_topic():
    """Two modules may share a name across workbook/ and widgets/ only as the two halves of
    one topic in mirrored folders (workbook/stages/success.py and widgets/stages/success.py)."""
    where: dict[str, dict[str, set[str]]] = {}
    for top in PACKAGES:
        for path in (ROOT / top).rglob("*.py"):
            if path.name != "__init__.py":
                rel = str(path.relative_to(ROOT / top))
                where.setdefault(path.stem, {}).setdefault(top, set()).add(rel)
    clashes = {stem: tops for stem, tops in where.items()
               if len(tops) == 2 and tops["workbook"] != tops["widgets"]}
    assert not clashes, clashes
