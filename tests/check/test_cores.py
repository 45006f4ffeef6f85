"""Work shared between cores: results come back in order, a failing child loses nothing, and
processes that share out many items take them as they are free.

A process with threads never forks, and the browser tests leave Playwright's thread running in
this one, so each test that needs forking runs in a new interpreter of its own
(tests/processes.py) and says which processes did the work. Where a test waits for another
process, it waits for what that process does, never for a length of time.
"""

import os
import tempfile
import threading
import time
from pathlib import Path

import pytest

from generator.check.cores import TICKETS, in_background, on_all_cores, share_out, usable_cores
from tests.liveserve import wait_for
from tests.processes import in_a_new_interpreter

DEADLINE = 30  # seconds: how long one process waits for another before the test fails


def notes_in(path: Path) -> list[str]:
    """Return the lines that processes appended to the file at path."""
    return path.read_text(encoding="utf-8").split()


def note(path: Path, text: object) -> None:
    """Append one line to the file at path (whole, however many processes append at once)."""
    with open(path, "a", encoding="utf-8") as notes:
        notes.write(f"{text}\n")


@in_a_new_interpreter
def test_results_come_back_in_the_order_of_the_tasks_each_from_a_process_of_its_own():
    answers = on_all_cores([lambda n=n: (n * n, os.getpid()) for n in range(5)])
    assert [square for square, _ in answers] == [0, 1, 4, 9, 16]
    pids = [pid for _, pid in answers]
    assert pids[0] == os.getpid()  # the first task runs here, each other one in a child
    assert len(set(pids)) == 5


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

    with pytest.raises(ValueError, match="^the task's own error$"):
        on_all_cores([lambda: 1, fails])


@in_a_new_interpreter
def test_when_the_first_task_fails_the_children_are_stopped_at_once():
    with tempfile.TemporaryDirectory() as folder:
        started, finished = Path(folder) / "started", Path(folder) / "finished"

        def fails():  # once the child is at work, so that there is one to stop
            assert wait_for(started.exists, DEADLINE), "the child never started"
            raise KeyError("first")

        def works_long():
            (Path(folder) / "starting").write_text(str(os.getpid()))
            os.replace(Path(folder) / "starting", started)
            time.sleep(DEADLINE)
            finished.touch()

        with pytest.raises(KeyError, match="^'first'$"):
            on_all_cores([fails, works_long])
        child = int(started.read_text())
        assert not finished.exists()  # it was not waited for until its task was done
    with pytest.raises(ProcessLookupError):  # it was stopped
        os.kill(child, 0)
    with pytest.raises(ChildProcessError):  # and waited for: no zombie is left
        os.waitpid(-1, os.WNOHANG)


@in_a_new_interpreter
def test_a_task_in_the_background_runs_in_a_child_while_this_process_works():
    with tempfile.TemporaryDirectory() as folder:
        started = Path(folder) / "started"

        def task():
            started.touch()
            return os.getpid()

        with in_background(task) as result:
            # This process goes on: the child has started before anything is asked of it.
            assert wait_for(started.exists, DEADLINE), "the child never started"
            child = result()
    assert child != os.getpid()
    with pytest.raises(ChildProcessError):  # waited for: no zombie is left
        os.waitpid(-1, os.WNOHANG)


@in_a_new_interpreter
def test_a_background_task_whose_child_dies_runs_here_when_asked():
    here = os.getpid()

    def dies_in_a_child():
        if os.getpid() != here:
            os._exit(3)
        return "ran here"

    with in_background(dies_in_a_child) as result:
        assert result() == "ran here"


@in_a_new_interpreter
def test_leaving_without_the_background_result_stops_the_child():
    with tempfile.TemporaryDirectory() as folder:
        started, finished = Path(folder) / "started", Path(folder) / "finished"

        def works_long():
            (Path(folder) / "starting").write_text(str(os.getpid()))
            os.replace(Path(folder) / "starting", started)
            time.sleep(DEADLINE)
            finished.touch()

        with pytest.raises(KeyError, match="^'engine'$"), in_background(works_long):
            assert wait_for(started.exists, DEADLINE), "the child never started"
            raise KeyError("engine")  # as a failed engine leaves the build
        child = int(started.read_text())
        assert not finished.exists()
    with pytest.raises(ProcessLookupError):  # it was stopped
        os.kill(child, 0)
    with pytest.raises(ChildProcessError):  # and waited for
        os.waitpid(-1, os.WNOHANG)


def test_a_process_with_threads_never_forks():
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert usable_cores() == 1
        assert on_all_cores([os.getpid, os.getpid]) == [os.getpid(), os.getpid()]
        with in_background(os.getpid) as result:
            assert result() == os.getpid()
        assert set(share_out(list(range(50)), lambda batch: os.getpid())) == {os.getpid()}
    finally:
        stop.set()
        worker.join()


def test_shared_out_items_come_back_in_batches_in_order():
    """How the items are cut into batches; in order whoever works them out (see below)."""
    assert share_out(list(range(7)), list, cores=1) == [[n] for n in range(7)]
    count = TICKETS * 5 + 3
    batches = share_out(list(range(count)), list, cores=1)
    assert len(batches) <= TICKETS and {len(batch) for batch in batches[:-1]} == {6}
    assert [n for batch in batches for n in batch] == list(range(count))
    assert share_out([], list) == []


def test_shared_out_on_one_core_all_work_is_done_here():
    assert set(share_out(list(range(50)), lambda batch: os.getpid(), cores=1)) == {os.getpid()}


@in_a_new_interpreter
def test_every_process_takes_its_share_and_the_results_come_back_in_order():
    cores = usable_cores()
    with tempfile.TemporaryDirectory() as folder:
        took = Path(folder) / "took"
        took.touch()

        def work(batch):
            note(took, os.getpid())
            # No process goes on before each one has taken an item: one that took them all
            # would wait here in vain.
            every = wait_for(lambda: len(set(notes_in(took))) == cores, DEADLINE)
            assert every, f"only {set(notes_in(took))} took items"
            return batch[0], os.getpid()

        done = share_out(list(range(100)), work)
    assert [item for item, _ in done] == list(range(100))
    done_by = {pid for _, pid in done}
    assert len(done_by) == cores and os.getpid() in done_by


@in_a_new_interpreter
def test_the_process_that_took_a_heavy_item_takes_none_of_the_rest():
    """Item 0 is done only once the other processes have done every other item. Dealt out in
    advance, the process that took it would still have its share of the rest to do."""
    with tempfile.TemporaryDirectory() as folder:
        done = Path(folder) / "done"
        done.touch()

        def work(batch):
            if batch[0] == 0:
                assert wait_for(lambda: len(notes_in(done)) == 59, DEADLINE), notes_in(done)
            else:
                note(done, batch[0])
            return os.getpid()

        done_by = share_out(list(range(60)), work)
    heavy = done_by[0]
    assert done_by.count(heavy) == 1, done_by


@in_a_new_interpreter
def test_what_a_child_took_before_it_died_is_done_here():
    here = os.getpid()
    with tempfile.TemporaryDirectory() as folder:
        died = Path(folder) / "died"
        died.touch()

        def work(batch):
            if os.getpid() != here and batch[0] >= 10:
                note(died, batch[0])
                os._exit(3)
            if batch[0] >= 10:  # here: not before a child has died with an item of its own
                assert wait_for(lambda: notes_in(died) != [], DEADLINE), "no child died"
            return batch[0]

        assert share_out(list(range(40)), work) == list(range(40))
        assert notes_in(died) != []


@in_a_new_interpreter
def test_an_error_in_shared_out_work_is_raised_here_and_children_stopped():
    def work(batch):
        if batch[0] == 30:
            raise ValueError("the work's own error")
        time.sleep(0.01)  # work that takes a while, so that the children have some to do
        return batch[0]

    with pytest.raises(ValueError, match="^the work's own error$"):
        share_out(list(range(60)), work)
    with pytest.raises(ChildProcessError):  # every child was waited for: no zombie is left
        os.waitpid(-1, os.WNOHANG)
