"""Work shared between cores: results come back in order, a failing child loses nothing, and
processes that share out many items take them as they are free.

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

from generator.check.cores import TICKETS, on_all_cores, share_out, usable_cores

REPO = Path(__file__).resolve().parents[2]
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


def test_shared_out_items_come_back_in_batches_in_order():
    assert share_out(list(range(7)), list) == [[n] for n in range(7)]
    count = TICKETS * 5 + 3
    batches = share_out(list(range(count)), list)
    assert len(batches) <= TICKETS and {len(batch) for batch in batches[:-1]} == {6}
    assert [n for batch in batches for n in batch] == list(range(count))
    assert share_out([], list) == []


def test_shared_out_on_one_core_all_work_is_done_here():
    assert set(share_out(list(range(50)), lambda batch: os.getpid(), cores=1)) == {os.getpid()}


def pids_by_item(items: int, heavy: float = 0.0) -> dict[int, int]:
    """Share out `items` items that take 10 ms each (the first `heavy` seconds); return which
    process did each."""

    def work(batch):
        time.sleep(heavy if batch[0] == 0 and heavy else 0.01)
        return os.getpid()

    return dict(enumerate(share_out(list(range(items)), work)))


@in_a_new_interpreter
def test_every_process_takes_its_share():
    done_by = pids_by_item(100)
    assert len(set(done_by.values())) == usable_cores()
    assert os.getpid() in done_by.values()


@in_a_new_interpreter
def test_the_process_that_took_a_heavy_item_takes_fewer_of_the_rest():
    done_by = pids_by_item(60, heavy=0.6)  # as long as all the others
    heavy = done_by[0]
    took = sum(1 for pid in done_by.values() if pid == heavy)
    assert took <= 60 / usable_cores() / 2, done_by  # dealt in advance, it would take its share


@in_a_new_interpreter
def test_what_a_child_took_before_it_died_is_done_here():
    here = os.getpid()

    def work(batch):
        if os.getpid() != here and batch[0] >= 10:
            os._exit(3)
        time.sleep(0.01)
        return batch[0]

    assert share_out(list(range(40)), work) == list(range(40))


@in_a_new_interpreter
def test_an_error_in_shared_out_work_is_raised_here_and_children_stopped():
    def work(batch):
        if batch[0] == 30:
            raise ValueError("the work's own error")
        time.sleep(0.01)
        return batch[0]

    with pytest.raises(ValueError, match="^the work's own error$"):
        share_out(list(range(60)), work)
    with pytest.raises(ChildProcessError):  # every child was waited for: no zombie is left
        os.waitpid(-1, os.WNOHANG)
