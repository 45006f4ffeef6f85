"""The quality gates' shared parts: the page types, the sample built per language, the npm tools.

tests/browser/test_quality.py runs axe-core and the Nu HTML checker on these pages in both
languages; tests/audit.py (make audit) runs Lighthouse on them. The tools come from npm
(package.json at the repository's root, installed into node_modules/ by make test).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"

# The moment the sample is judged at, as in the README's build command: the same pages every run.
SAMPLE_EPOCH = "1796083200"

# One page of each type the site has, by URL. The two case pages are fixed reviews of the sample:
# one whose case ended (outcome:), one that only has a thread.
PAGES = {
    "home": "",
    "wall": "reviews/",
    "filter": "reviews/complaints/",
    "case with outcome": "reviews/2025-03-07-mikkel-frakt-finnmark/",
    "case without outcome": "reviews/2025-01-18-kari-ullundertoy/",
    "figures": "figures/",
    "evidence": "figures/all/answered/",
    "changes": "changes/",
    "policy": "policy/",
    "embed": "embed/",
    "404": "404.html",
}
LANGUAGES = ("nb", "en")  # the sample is Norwegian; its copy is built with `language: en`

# The WCAG 2.0 and 2.1 success criteria of levels A and AA, and axe's own best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def page_file(site: Path, url: str) -> Path:
    """Return the HTML file of a page of a built site, by its URL."""
    return site / url if url.endswith(".html") else site / url / "index.html"


def build_sample(root: Path, language: str) -> Path:
    """Copy the sample shop into root, set its language, build it; return the site folder."""
    from generator.publish.build import build  # imported late: audit.py runs without pytest

    root.mkdir(parents=True)
    shutil.copy(ROOT / "site_config.yml", root)
    for folder in ("reviews", "templates"):
        shutil.copytree(ROOT / folder, root / folder)
    config = root / "site_config.yml"
    text, count = re.subn(
        r"(?m)^language: .*$", f"language: {language}", config.read_text(encoding="utf-8")
    )
    assert count == 1, "the sample's site_config.yml has no `language:` line"
    config.write_text(text, encoding="utf-8")
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = SAMPLE_EPOCH
    try:
        project = build(root, engine="mkdocs")
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
    errors = [str(problem) for problem in project.problems.errors]
    assert not errors, errors
    return root / "site"


def missing_tool(*needed: Path) -> str | None:
    """Return why a gate cannot run here (no node_modules, no Java), or None when it can."""
    for path in needed:
        if not path.exists():
            return (
                f"{path.relative_to(ROOT)} is missing: run `npm ci` at the repository's root "
                "(make test does it)"
            )
    if VNU in needed and shutil.which("java") is None:
        return "Java is not installed (apt-get install default-jre-headless; .ci/run does it)"
    return None


def run_axe(tab) -> list[dict]:
    """Return axe-core's violations on the page open in a Playwright tab."""
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return result["violations"]


def describe_violations(violations: list[dict], nodes: int = 3) -> list[str]:
    """Return one line per axe violation: id, impact, help, and the first elements' selectors."""
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:nodes]]
        more = len(violation["nodes"]) - len(targets)
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} — "
            + "; ".join(targets)
            + (f" (and {more} more)" if more > 0 else "")
        )
    return lines


def run_vnu(files: list[Path]) -> list[dict]:
    """Run the Nu HTML checker once over the files; return its messages (errors and warnings)."""
    completed = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", "--stdout"]
        + [str(file) for file in files],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout)["messages"]
