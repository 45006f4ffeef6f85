"""The benchmark's smoke mode (N = 200, one run) reports every measurement with a sane value.

No timing is asserted: CI machines are too noisy for that; the numbers belong in the README.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench_report import ROWS

REPO = Path(__file__).resolve().parent.parent


def table_rows(markdown: str) -> dict[str, list[str]]:
    """Return label -> cells of every row of the first Markdown table."""
    rows = {}
    for line in markdown.splitlines():
        if line.startswith("| ") and not line.startswith("|---"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            rows[cells[0]] = cells[1:]
    return rows


def test_smoke_benchmark_reports_every_row_for_200_reviews(tmp_path):
    report = tmp_path / "bench.md"
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench", "--smoke", "--output", str(report)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    written = report.read_text(encoding="utf-8")
    assert written in result.stdout
    rows = table_rows(written)
    assert rows.pop("measure") == ["N = 200"]
    assert list(rows) == [label for _, label, _ in ROWS]
    values = {key: float(rows[label][0]) for key, label, _ in ROWS}
    assert all(value > 0 for key, value in values.items() if key != "load_before")
    assert values["site_files"] > 200
    assert values["rebuild_files_written"] >= 1
    assert "Medians over runs (1 at N = 200)" in written
    ratio = values["ratio"]
    assert values["whole"] / values["bare"] == pytest.approx(ratio, abs=0.02)
    assert f"Whole / bare at N = 200, run by run: {ratio:.2f}." in written.splitlines()
    assert f"N=200: run 1: whole build {values['whole']:.2f} s" in result.stderr
