"""The benchmark (`make bench`): every module it runs imports and reads its command line, and
the smoke mode (N = 200, one run) reports every measurement with a sane value.

The smoke run builds 200 reviews seven times over in fresh processes (about 25 s, the slowest
test): it runs on CI (where CI is set, as GitHub and GitLab set it) and wherever
REVIEWWALL_BENCH_SMOKE=1 is set, and is skipped, saying so, in a plain `make test`.

No timing is asserted: CI machines are too noisy for that; the numbers belong in the benchmark page
(docs/pages/benchmark.md).
"""

import importlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import bench
from tests.bench_report import ROWS

REPO = Path(__file__).resolve().parent.parent
SMOKE = os.environ.get("REVIEWWALL_BENCH_SMOKE", os.environ.get("CI", "")) not in ("", "0", "false")
SMOKE_SKIPPED = (
    "the benchmark's smoke run takes about 25 s: it runs on CI, or here with "
    "REVIEWWALL_BENCH_SMOKE=1"
)
# The modules tests.bench runs in processes of their own, for the stages and the live preview.
RUN_BY_BENCH = ["tests.bench_stages", "tests.bench_serve"]


def bench_modules() -> list[str]:
    """Return the modules `make bench` runs, as the Makefile's recipe names them."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"(?m)^bench:.*\n((?:\t.*\n)+)", makefile).group(1)
    return re.findall(r"-m (tests\.\w+)", recipe)


def table_rows(markdown: str) -> dict[str, list[str]]:
    """Return label -> cells of every row of the first Markdown table."""
    rows = {}
    for line in markdown.splitlines():
        if line.startswith("| ") and not line.startswith("|---"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            rows[cells[0]] = cells[1:]
    return rows


def test_every_module_make_bench_runs_imports_and_reads_its_command_line(capsys):
    modules = bench_modules()
    assert modules[0] == "tests.bench", modules
    for name in RUN_BY_BENCH:
        importlib.import_module(name)
    for name in modules:
        with pytest.raises(SystemExit) as stopped:
            importlib.import_module(name).main(["--help"])
        assert stopped.value.code == 0, name
        assert capsys.readouterr().out.startswith("usage: "), name
    smoke = bench.parse_args(["--smoke"])
    assert (smoke.sizes, smoke.runs) == ([200], [1])


@pytest.mark.skipif(not SMOKE, reason=SMOKE_SKIPPED)
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
    # The synthetic shop is seeded, so the edited review (the first of the second half of the
    # files with a text) is always the same: an unanswered complaint by email, in English. Its
    # case page, the five listings that show it (wall page 5, complaints page 2, open, email,
    # English), the six evidence pages of the figures it counts in, reviews.json and feed.xml.
    assert values["rebuild_files_written"] == 14
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
