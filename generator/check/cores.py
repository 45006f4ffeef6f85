"""Work shared between the machine's cores: tasks run in forked processes, results come back.

Checking ten thousand files is pure Python, so threads would take turns at one core. A forked
child starts with everything the parent has in memory (the config, the files read so far) and
sends back only its result. `on_all_cores` gives each process one task; `share_out` lets the
processes take batches of many small items as they go. Where forking is not safe or not
possible, the work is done one piece after another here, with the same results.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import partial
from typing import TypeVar

T = TypeVar("T")
Item = TypeVar("Item")

# share_out's tickets are 4-byte numbers in a pipe: as many as one write puts there whole.
TICKETS = getattr(select, "PIPE_BUF", 512) // 4


def usable_cores() -> int:
    """Return how many processes can usefully work at once: 1 where forking is not safe.

    macOS's system libraries are not safe to use after a fork (Python itself stopped forking
    there by default); a process with threads could fork while another thread holds a lock.
    """
    if not hasattr(os, "fork") or sys.platform == "darwin" or threading.active_count() > 1:
        return 1
    if hasattr(os, "sched_getaffinity"):  # the cores this process may use, as in a container
        return max(len(os.sched_getaffinity(0)), 1)
    return max(os.cpu_count() or 1, 1)


def on_all_cores(tasks: Sequence[Callable[[], T]]) -> list[T]:
    """Run the tasks at once, the first here and each other one in a forked child.

    Returns their results in order. A child that fails in any way (an exception, a crash, a
    result that cannot be sent) is not trusted: its task runs again here, so a real error is
    raised here with its own traceback, and a lost child never loses a result.
    """
    if len(tasks) < 2 or usable_cores() < 2:
        return [task() for task in tasks]
    children: list[tuple[int, int]] = []
    try:
        for task in tasks[1:]:
            children.append(_start(task))
        results = [tasks[0]()]
        while children:
            answered, answer = _answer_of(children.pop(0))
            results.append(answer if answered else tasks[len(results)]())
        return results
    finally:
        for pid, read_end in children:  # only when this process failed or was interrupted
            os.close(read_end)
            _stop(pid)


@contextmanager
def in_background(task: Callable[[], T], nice: int = 0) -> Iterator[Callable[[], T]]:
    """Start the task in a forked child now; give a function that waits for its result.

    The task runs here instead, when that function is called, where forking is not possible or
    the child failed. Leaving the block without asking for the result stops the child. `nice`:
    how much the child gives way to the work here (os.nice), when its result is wanted later.
    """
    if usable_cores() < 2:
        yield task
        return
    child = _start(task, nice)
    asked = False

    def result() -> T:
        nonlocal asked
        asked = True
        answered, answer = _answer_of(child)
        return answer if answered else task()

    try:
        yield result
    finally:
        if not asked:  # this process failed or was interrupted
            os.close(child[1])
            _stop(child[0])


def share_out(
    items: Sequence[Item], work: Callable[[Sequence[Item]], T], cores: int | None = None
) -> list[T]:
    """Return work(batch) for consecutive batches of the items, in order, worked out by `cores`
    processes (all the machine has, unless given): this one and forked children.

    Each process takes the next batch whenever it is free, so none waits while another still
    has a queue: whichever drew the heavy items takes fewer of the rest (put those first, so
    that no process is left with one at the end). The batches are tickets in a pipe, read four
    bytes at a time: a read that small takes a whole ticket, and none is taken twice. A batch
    taken by a child that failed in any way is worked out here, as `on_all_cores` does.
    """
    size = max(-(-len(items) // TICKETS), 1)
    batches = [items[start : start + size] for start in range(0, len(items), size)]
    cores = usable_cores() if cores is None else min(cores, usable_cores())
    if len(batches) < 2 or cores < 2:
        return [work(batch) for batch in batches]
    tickets, write_end = os.pipe()
    os.write(write_end, b"".join(number.to_bytes(4, "little") for number in range(len(batches))))
    os.close(write_end)  # with no writer left, the pipe reads empty once the last ticket is taken
    take = partial(_work_through, tickets, batches, work)
    children: list[tuple[int, int]] = []
    try:
        for _ in range(cores - 1):
            children.append(_start(take))
        done = take()
        while children:
            answered, answer = _answer_of(children.pop(0))
            if answered:
                done.update(answer)
        return [done[n] if n in done else work(batch) for n, batch in enumerate(batches)]
    finally:
        os.close(tickets)
        for pid, read_end in children:  # only when this process failed or was interrupted
            os.close(read_end)
            _stop(pid)


def _work_through(tickets: int, batches: Sequence[Sequence[Item]], work) -> dict[int, T]:
    """Take tickets until there are none left; return each batch's result by its number."""
    done = {}
    while ticket := os.read(tickets, 4):
        number = int.from_bytes(ticket, "little")
        done[number] = work(batches[number])
    return done


def _start(task: Callable[[], object], nice: int = 0) -> tuple[int, int]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run the task, send the result, and leave without any clean-up
        status = 1  # of the parent's (its open files, atexit handlers and buffers are not ours)
        try:
            os.close(read_end)
            if nice:
                os.nice(nice)
            with os.fdopen(write_end, "wb") as answer:
                pickle.dump(task(), answer, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, read_end


def _answer_of(child: tuple[int, int]) -> tuple[bool, object]:
    """Wait for a child; return whether it answered, and its answer."""
    pid, read_end = child
    try:
        with os.fdopen(read_end, "rb") as answer:
            data = answer.read()
    except BaseException:  # interrupted while waiting: the child is not needed any more
        _stop(pid)
        raise
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) == 0:
        try:
            return True, pickle.loads(data)
        except Exception:  # noqa: BLE001 - a garbled answer is no answer: run the task here
            pass
    return False, None


def _stop(pid: int) -> None:
    with suppress(OSError):  # it may have ended already
        os.kill(pid, signal.SIGKILL)
    with suppress(OSError):
        os.waitpid(pid, 0)
