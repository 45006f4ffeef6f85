"""tests/processes.py: a test of work on several cores skips, saying why, where a new process
could not share work out, instead of passing with all the work done in one process."""

import os
import re
import subprocess
import sys

import pytest

from tests.processes import CANNOT_FORK_REASON, REPO

TEST = "tests/check/test_cores.py::test_an_error_in_a_task_is_raised_here_with_its_own_type"


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="needs os.sched_setaffinity")
def test_a_test_in_a_new_interpreter_skips_on_one_core():
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", TEST],
        cwd=REPO,
        preexec_fn=lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    skipped = re.findall(
        r"^SKIPPED \[1\] tests/processes.py:\d+: (.*)$", result.stdout, re.MULTILINE
    )
    assert skipped == [CANNOT_FORK_REASON], result.stdout[-3000:]
    assert result.stdout.splitlines()[-1].startswith("1 skipped in ")
