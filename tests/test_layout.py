"""The package reads as its pipeline: each stage imports only the stages before it.

Every `import` and `from … import` of every module is read with ast (lazy imports inside functions
and imports for type checking count too), so a later stage cannot creep into an earlier one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"

# What each folder may import besides itself. The order is the pipeline: read → check → measure
# → render → publish; words, edit and importer are tools beside it; commands sits on top of all.
MAY_IMPORT = {
    "read": set(),
    "check": {"read", "words"},
    "measure": {"read", "check"},
    "words": {"read"},
    "render": {"read", "check", "measure", "words"},
    "publish": {"read", "check", "measure", "words", "render"},
    "edit": {"read", "check"},
    "importer": {"read", "check", "edit"},
    "commands": {"read", "check", "measure", "words", "render", "publish", "edit", "importer"},
}
ENGINES = ("mkdocs", "material", "zensical")
ENGINE_MODULE = "generator.publish.engine"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """Return (line, absolute module name) for every import in the file."""
    own = module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # `from . import x` may name a module: count `package.x` for each name.
            names = [f"{target}.{alias.name}" for alias in node.names] if not node.module else []
            found += [(node.lineno, name) for name in names or [target]]
    return found


def folder_of(module: str) -> str | None:
    """Return the stage folder a module of ours belongs to; None for the package root."""
    parts = module.split(".")
    if parts[0] != "generator" or len(parts) < 2 or not (PACKAGE / parts[1]).is_dir():
        return None
    return parts[1]


def layout_problems() -> list[str]:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = module_name(path)
        folder = folder_of(own)
        where = f"{path.relative_to(PACKAGE.parent).as_posix()}"
        for line, target in imports_of(path):
            if target.split(".")[0] in ENGINES and own != ENGINE_MODULE:
                problems.append(f"{where}:{line}: imports {target}; only publish/engine.py may")
            other = folder_of(target)
            if other is None or folder is None or other == folder:
                continue
            if other not in MAY_IMPORT[folder]:
                problems.append(
                    f"{where}:{line}: {folder}/ imports {target}, from {other}/, a later stage "
                    f"or a tool it may not use; {folder}/ may import: "
                    f"{', '.join(sorted(MAY_IMPORT[folder])) or 'nothing but itself'}"
                )
    return problems


def test_every_module_lives_in_a_stage_folder():
    """Only the package's own entry points sit at its top; every other module has a room."""
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "__main__.py"]
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert folders == sorted(MAY_IMPORT)
    for folder in folders:
        init = PACKAGE / folder / "__init__.py"
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"{folder}/"


def test_no_stage_imports_a_later_one():
    assert layout_problems() == []


@pytest.mark.parametrize(
    "folder, source, expected",
    [
        (
            "check",
            "from ..render.case import Case\n",
            "generator/check/probe.py:1: check/ imports generator.render.case, from render/, "
            "a later stage or a tool it may not use; check/ may import: read, words",
        ),
        (
            "read",
            "def later():\n    from ..words import labels\n",
            "generator/read/probe.py:2: read/ imports generator.words, from words/, "
            "a later stage or a tool it may not use; read/ may import: nothing but itself",
        ),
        (
            "render",
            "import mkdocs.config\n",
            "generator/render/probe.py:1: imports mkdocs.config; only publish/engine.py may",
        ),
    ],
)
def test_a_forbidden_import_is_named(folder, source, expected):
    """The rule can fail: a module that breaks it is named with its line and what is allowed."""
    probe = PACKAGE / folder / "probe.py"
    probe.write_text(source, encoding="utf-8")
    try:
        assert layout_problems() == [expected]
    finally:
        probe.unlink()
