"""The package's folders are layers: a module imports only from its own layer or the ones below.

    problems, parallel  <  language  <  content  <  analysis  <  site  <  pipeline  <  tools  <  bench  <  cli

so that, e.g., `dossier check` never loads the `dossier new` heuristics and the benchmark is
imported only by its own command.
"""

import ast
from pathlib import Path

import pytest
from conftest import REPO

PACKAGE = REPO / "generator"
LAYERS = [
    {"problems", "parallel"},
    {"language"},
    {"content"},
    {"analysis"},
    {"site"},
    {"pipeline"},
    {"tools"},
    {"bench"},
    {"cli", "__main__"},
]


def layer_of(module: str) -> int:
    """Return the layer of a module path below `generator.` (its first component)."""
    head = module.split(".")[0]
    return next(index for index, names in enumerate(LAYERS) if head in names)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """Return (line, module below generator.) of every import of the package in a file, nested ones too."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator."):
            found.append((node.lineno, node.module.removeprefix("generator.")))
        elif isinstance(node, ast.ImportFrom) and node.module == "generator":
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [
                (node.lineno, a.name.removeprefix("generator.")) for a in node.names if a.name.startswith("generator.")
            ]
    return found


# Known upward imports, each to be removed (never added to); none is left.
KNOWN: set[str] = set()
MODULES = sorted(p.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".") for p in PACKAGE.rglob("*.py"))


def test_every_module_is_in_a_layer():
    assert [m for m in MODULES if m != "__init__" and not any(m.split(".")[0] in names for names in LAYERS)] == []


@pytest.mark.parametrize("module", [m for m in MODULES if m != "__init__"])
def test_imports_point_down(module):
    path = PACKAGE / (module.replace(".", "/") + ".py")
    upward = [
        f"{path.relative_to(REPO)}:{line}: imports {target}"
        for line, target in imports_of(path)
        if layer_of(target) > layer_of(module)
    ]
    upward = [u for u in upward if u not in KNOWN]
    assert upward == []


def test_every_folder_says_what_it_is_for():
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc.splitlines()) == 1, init
