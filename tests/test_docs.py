"""The manual builds without a warning, and the README stays a short front door with good links."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote


def find_root() -> Path:
    """Return the repository's root: the nearest folder above this file with a pyproject.toml."""
    for folder in Path(__file__).resolve().parents:
        if (folder / "pyproject.toml").is_file():
            return folder
    raise FileNotFoundError("no pyproject.toml above this test")


ROOT = find_root()
README = ROOT / "README.md"
README_MAX_LINES = 250

# [text](target) and ![alt](target "title"); <img src="target">.
MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
IMG_SRC = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


def test_documentation_builds_strictly(tmp_path):
    """`mkdocs build --strict` succeeds without a warning and writes the pages."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "docs/mkdocs.yml"]
        + ["--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        # Material prints an end-of-life notice on every build unless this is set.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    for page in ("index.html", "architecture/index.html", "benchmark/index.html"):
        assert (tmp_path / page).is_file(), page


def test_readme_is_short():
    """The README is a front door; the manual lives in docs/."""
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES, f"README.md has {len(lines)} lines"


def readme_targets(text: str) -> list[str]:
    """Return the relative targets of the README's links and images, without #fragments."""
    prose = FENCE.sub("", text)  # examples in code blocks are not links
    found = MARKDOWN_LINK.findall(prose) + IMG_SRC.findall(prose)
    targets = []
    for target in found:
        if re.match(r"[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) or target.startswith(("#", "//")):
            continue  # http(s), mailto and the like, and anchors in the README itself
        targets.append(unquote(target.split("#", 1)[0]))
    return targets


def test_readme_finds_its_links():
    """The README has links and pictures to check (so the check below is not empty)."""
    targets = readme_targets(README.read_text(encoding="utf-8"))
    assert any(target.startswith("docs/pages/") for target in targets)
    assert any(target.endswith(".png") for target in targets)


def test_readme_links_point_at_files():
    """Every relative link and image in the README points at a file of the repository."""
    targets = readme_targets(README.read_text(encoding="utf-8"))
    missing = [target for target in targets if not (README.parent / target).is_file()]
    assert not missing, f"README.md links to files that do not exist: {missing}"


def test_readme_targets_are_read_as_written():
    """Links are found in Markdown and HTML; external links and anchors are left out."""
    text = (
        '[a](docs/pages/a.md#part) ![b](docs/b.png "title") <img alt="c" src="c.png">\n'
        "[d](https://example.com/d.md) [e](#two-commands) [f](mailto:x@example.com)\n"
        "```\n[g](not-a-link.md)\n```\n"
    )
    assert readme_targets(text) == ["docs/pages/a.md", "docs/b.png", "c.png"]
