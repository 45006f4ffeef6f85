"""Work shared between cores: results come back in order, and a failing child loses nothing.

A process with threads never forks, and the browser tests leave Playwright's thread running in
this one, so each test that needs forking runs in a new interpreter of its own.
"""

import functools
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator.cores import on_all_cores, usable_cores

REPO = Path(__file__).resolve().parent.parent
CANNOT_FORK = 3  # the exit code of a new interpreter that has one core, or cannot fork


def in_a_new_interpreter(test):
    """Run the test in a new Python, where no thread keeps it from forking."""

    @functools.wraps(test)
    def run():
        code = (
            "import os, sys\n"
            "if not hasattr(os, 'fork') or sys.platform == 'darwin' or os.cpu_count() < 2:\n"
            f"    sys.exit({CANNOT_FORK})\n"
            f"from {test.__module__} import {test.__name__}\n{test.__name__}.__wrapped__()\n"
        )
        result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True)
        if result.returncode == CANNOT_FORK:
            pytest.skip("this machine has one core, or cannot fork")
        assert result.returncode == 0, result.stderr.decode()[-3000:]

    return run


def test_results_come_back_in_the_order_of_the_tasks():
    assert on_all_cores([lambda n=n: n * n for n in range(5)]) == [0, 1, 4, 9, 16]


@in_a_new_interpreter
def test_each_task_but_the_first_runs_in_a_process_of_its_own():
    pids = on_all_cores([os.getpid, os.getpid, os.getpid])
    assert pids[0] == os.getpid()
    assert len(set(pids)) == 3


@in_a_new_interpreter
def test_a_child_that_dies_has_its_task_run_here():
    here = os.getpid()

    def dies_in_a_child():
        if os.getpid() != here:
            os._exit(3)
        return "ran here"

    assert on_all_cores([lambda: "first", dies_in_a_child]) == ["first", "ran here"]


@in_a_new_interpreter
def test_an_answer_that_cannot_be_sent_is_worked_out_here():
    here = os.getpid()
    answers = on_all_cores([lambda: 1, lambda: lambda: os.getpid()])  # functions do not pickle
    assert answers[0] == 1 and answers[1]() == here


@in_a_new_interpreter
def test_an_error_in_a_task_is_raised_here_with_its_own_type():
    def fails():
        raise ValueError("the task's own error")

    try:
        on_all_cores([lambda: 1, fails])
    except ValueError as error:
        assert str(error) == "the task's own error"
    else:
        raise AssertionError("no error")


@in_a_new_interpreter
def test_when_the_first_task_fails_the_children_are_stopped_at_once():
    def fails():
        raise KeyError("first")

    started = time.monotonic()
    try:
        on_all_cores([fails, lambda: time.sleep(60)])
    except KeyError:
        pass
    assert time.monotonic() - started < 10
    with pytest.raises(ChildProcessError):  # the child was waited for: no zombie is left
        os.waitpid(-1, os.WNOHANG)


def test_a_process_with_threads_never_forks():
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert usable_cores() == 1
        assert on_all_cores([os.getpid, os.getpid]) == [os.getpid(), os.getpid()]
    finally:
        stop.set()
        worker.join()
