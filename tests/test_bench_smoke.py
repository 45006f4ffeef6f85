"""The benchmark's smoke mode (N = 200, one run) reports every measurement with a sane value.

No timing is asserted: CI machines are too noisy for that; the numbers belong in the benchmark page
(docs/pages/benchmark.md).
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import bench
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


def test_a_run_sets_its_output_aside_for_the_end_instead_of_deleting_it(tmp_path):
    root = tmp_path / "n200"
    for folder in ("build", "site"):
        (root / folder).mkdir(parents=True)
        (root / folder / "index.html").write_text(folder, encoding="utf-8")
    bench.set_aside(root)
    bench.set_aside(root)  # nothing left to move: no error, nothing lost
    assert sorted(p.name for p in root.iterdir()) == []
    kept = sorted((tmp_path / bench.ASIDE).glob("*/*/index.html"))
    assert sorted(p.read_text(encoding="utf-8") for p in kept) == ["build", "site"]
    assert sorted(p.parent.name for p in kept) == ["build", "site"]


def test_the_benchmark_stops_at_once_when_its_kept_output_would_not_fit(tmp_path, monkeypatch):
    monkeypatch.setattr(
        bench.shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(9, 9, 2e9)
    )
    with pytest.raises(SystemExit) as stopped:
        bench.main(["--sizes", "1000,10000", "--runs", "3", "--keep", str(tmp_path / "w")])
    assert str(stopped.value) == (
        "the benchmark keeps every run's output until it ends (deleting it between runs slows "
        f"the next run down): it needs about 5.6 GB free in {tmp_path / 'w'}, and 2.0 GB are; "
        "hint: fewer --runs or --sizes, or --keep DIR on a larger disk"
    )
    assert not (tmp_path / "w" / "n1000").exists()
