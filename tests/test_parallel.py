"""fork_map and fork_imap: the results of forked workers, in order, and handed over as they come."""

import os
import time
from pathlib import Path

import pytest

from generator.parallel import fork_imap, fork_map

WAIT = 5.0  # seconds the last item waits for the caller to have taken the first result


def square_with_pid(offset: int, item: int) -> tuple[int, int]:
    """Return the item's square plus `offset`, and the process that computed it."""
    return item * item + offset, os.getpid()


def wait_for_signal(signal: Path, item: int) -> int | bool:
    """Return the item; the last one waits for `signal` to exist and tells whether it appeared."""
    if item < 15:
        return item
    deadline = time.monotonic() + WAIT
    while not signal.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return signal.exists()


@pytest.fixture
def workers(monkeypatch):
    """Fork two workers even for short lists and on one CPU."""
    monkeypatch.setattr("generator.parallel.PARALLEL_ITEMS", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def test_workers_give_the_results_of_one_process_in_order(workers):
    items = list(range(50))
    parallel = list(fork_imap(square_with_pid, 7, items))
    assert [value for value, _ in parallel] == [item * item + 7 for item in items]
    assert os.getpid() not in {pid for _, pid in parallel}
    alone = fork_map(square_with_pid, 7, items, parallel=False)
    assert isinstance(alone, list) and [value for value, _ in alone] == [value for value, _ in parallel]
    assert {pid for _, pid in alone} == {os.getpid()}


def test_results_are_handed_over_while_later_items_are_still_computed(workers, tmp_path):
    """The caller gets the first result before the last item is done (a map returning a list would wait)."""
    results = fork_imap(wait_for_signal, tmp_path / "first-taken", list(range(16)))
    assert next(results) == 0
    (tmp_path / "first-taken").touch()
    assert list(results) == [*range(1, 15), True]


def test_in_one_process_each_result_is_computed_when_it_is_taken():
    calls = []
    results = fork_imap(lambda shared, item: calls.append(item) or item, None, [1, 2, 3], parallel=False)
    assert calls == []
    assert next(results) == 1 and calls == [1]
    assert list(results) == [2, 3] and calls == [1, 2, 3]
