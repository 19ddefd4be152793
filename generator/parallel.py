"""Map a function over items in forked workers that share one object without copying it."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any, TypeVar

Shared = TypeVar("Shared")
Item = TypeVar("Item")
Result = TypeVar("Result")
PARALLEL_ITEMS = 400  # shorter lists are done faster in this process than workers take to start
MAX_WORKERS = 4
_shared: Any = None  # what the workers share; set in each worker by its initializer, never in the caller


def fork_map(
    function: Callable[[Shared, Item], Result], shared: Shared, items: Sequence[Item], parallel: bool = True
) -> list[Result]:
    """Return [function(shared, item) for item in items], by one forked worker per CPU for long lists."""
    return list(fork_imap(function, shared, items, parallel))


def fork_imap(
    function: Callable[[Shared, Item], Result], shared: Shared, items: Sequence[Item], parallel: bool = True
) -> Iterator[Result]:
    """Yield function(shared, item) for each item in order, by one forked worker per CPU for long lists.

    Forked workers (Linux, macOS) inherit `shared` with this process's memory, so only the items
    and results travel between processes. Results are handed over a chunk at a time, as workers
    finish them, so the caller can store each compactly before the rest arrive. Elsewhere, for
    short lists, and unless `parallel`, everything runs in this process, each result computed
    when it is taken.
    """
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    forkable = "fork" in multiprocessing.get_all_start_methods()
    if not parallel or len(items) < PARALLEL_ITEMS or workers < 2 or not forkable:
        yield from (function(shared, item) for item in items)
        return
    gc.freeze()  # the workers' garbage collector would otherwise touch, and so copy, every inherited object
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers, initializer=share, initargs=(shared,)) as pool:
            chunk = max(1, len(items) // (workers * 8))
            yield from pool.imap(partial(call_shared, function), items, chunksize=chunk)
    finally:
        gc.unfreeze()


def share(shared: Any) -> None:
    """Keep what the workers share (runs in each forked worker; the object is inherited, not pickled)."""
    global _shared
    _shared = shared


def call_shared(function: Callable[[Any, Item], Result], item: Item) -> Result:
    """Call `function` with the worker's shared object and one item."""
    return function(_shared, item)
