"""A file nobody may read, for the tests of what a command says about it.

Tests run as root in CI, and root reads any file whatever its mode: the command then runs in a
process without the capabilities that let root past a file's mode (util-linux's setpriv).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

_DROP = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
_REPOSITORY = Path(__file__).resolve().parents[1]


def lock(path: Path) -> Path:
    """Take every permission off a file or folder; return it."""
    path.chmod(0)
    return path


def locked_out() -> list[str]:
    """Return what runs a command as a user whom a mode of 000 keeps out; skip if none can."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None or subprocess.run([*_DROP, "true"]).returncode:
        pytest.skip("running as root, and setpriv cannot drop the right to read every file")
    return _DROP


def run_locked_out(root: Path, *args: str) -> subprocess.CompletedProcess:
    """Run `reviewwall -C root ARGS` as a user whom a mode of 000 keeps out; skip if none can."""
    command = [*locked_out(), sys.executable, "-m", "generator", "-C", str(root), *args]
    return subprocess.run(
        command, cwd=_REPOSITORY, capture_output=True, text=True, timeout=60, check=False
    )
