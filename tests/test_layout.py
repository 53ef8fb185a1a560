"""The package's layout is its architecture: stages import only the stages below them, and no
module imports one that (directly or not) imports it back."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "verify"

# Lower layers first; a module may import its own layer and the layers before it. The stance
# stage (verify/stance, verify/_stance.py) sits between retrieval and the pipelines.
LAYERS = [
    {"console", "errors", "lexicon", "model", "text"},
    {"reading", "web"},
    {"inputs"},
    {"retrieval"},
    {"_stance", "stance", "verdict"},
    {"pipeline"},
    {"render"},
    {"cli", "__main__", "__init__"},
]
LAYER = {name: n for n, names in enumerate(LAYERS) for name in names}
# Known exceptions, each a lazy import: a shard build on a cluster reuses the cluster checks'
# Dask plumbing (retries, results gathered in order), which lives in pipeline/cluster.py.
UPWARD = {("verify.retrieval.shards", "verify.pipeline.cluster")}


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path, *, lazy: bool) -> set[str]:
    """The package modules ``name`` imports: at module level only, or (``lazy``) anywhere."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    nodes = ast.walk(tree) if lazy else _top_level(tree.body)
    out = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                full = f"{target}.{alias.name}"
                out.add(full if full in MODULES else target)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m in MODULES and m != name}


def _top_level(body: list[ast.stmt]):
    for node in body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.dump(node.test):
            continue
        if isinstance(node, (ast.If, ast.Try)):
            yield from _top_level(node.body + getattr(node, "orelse", []) + getattr(node, "finalbody", []))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if parts == ["verify"]:
        return LAYER["__init__"]
    return LAYER.get(parts[1])


def test_no_import_loop():
    graph = {m: _imports(m, p, lazy=False) for m, p in MODULES.items()}
    seen: dict[str, int] = {}  # 1 on the current path, 2 done
    loops = []

    def visit(m: str, path: list[str]) -> None:
        seen[m] = 1
        for d in sorted(graph[m]):
            if seen.get(d) == 1:
                loops.append(path[path.index(d):] + [d] if d in path else [m, d])
            elif d not in seen:
                visit(d, path + [d])
        seen[m] = 2

    for m in sorted(graph):
        if m not in seen:
            visit(m, [m])
    assert not loops, loops


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_stage_imports_only_stages_below_it(module):
    mine = _layer(module)
    assert mine is not None, f"{module}: not in any layer of tests/test_layout.py"
    above = {d for d in _imports(module, MODULES[module], lazy=True)
             if d != "verify" and (_layer(d) or 0) > mine and (module, d) not in UPWARD}
    assert not above, f"{module} imports {above}"


def test_the_index_and_the_pipelines_meet_through_the_retriever():
    for stage in ("audit", "comments"):
        imported = _imports(f"verify.pipeline.{stage}", MODULES[f"verify.pipeline.{stage}"], lazy=True)
        assert "verify.retrieval.index" not in imported, stage
    assert not {d for d in _imports("verify.retrieval.index", MODULES["verify.retrieval.index"], lazy=True)
                if d.startswith(("verify.reading", "verify.stance", "verify._stance"))}


def test_the_public_api_is_explicit():
    """Every name in ``verify.__all__`` resolves, and the type checkers' imports name the same
    names from the same modules as the lazy table."""
    import verify

    assert all(getattr(verify, name) is not None for name in verify.__all__)
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    checked = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.dump(node.test):
            for imp in node.body:
                assert isinstance(imp, ast.ImportFrom)
                for alias in imp.names:
                    assert alias.asname == alias.name  # re-exported
                    checked[alias.name] = "." * imp.level + (imp.module or "")
    assert checked == verify._EXPORTS
